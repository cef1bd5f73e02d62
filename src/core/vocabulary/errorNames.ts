/**
 * Excel's error values in German Excel's spelling. A file stores them in
 * English (`#N/A`), German Excel shows and hands them to add-ins in German
 * (`#NV`): messages use the German name, so that the command line and the
 * task pane say the same of the same cell.
 */
const GERMAN: Readonly<Record<string, string>> = {
  "#N/A": "#NV",
  "#REF!": "#BEZUG!",
  "#VALUE!": "#WERT!",
  "#NUM!": "#ZAHL!",
  "#DIV/0!": "#DIV/0!",
  "#NAME?": "#NAME?",
  "#NULL!": "#NULL!",
  "#SPILL!": "#ÜBERLAUF!",
  "#CALC!": "#KALK!",
  "#GETTING_DATA": "#DATEN_ABRUFEN",
  "#FIELD!": "#FELD!",
  "#BLOCKED!": "#BLOCKIERT!",
  "#CONNECT!": "#VERBINDEN!",
  "#BUSY!": "#BESCHÄFTIGT!",
  "#UNKNOWN!": "#UNBEKANNT!",
};

/** The German name of an error value; a name already German (or unknown) stays as it is. */
export function germanErrorName(error: string): string {
  return GERMAN[error.trim().toUpperCase()] ?? error.trim();
}
