import { SheetInfo } from "../recognize/sheetIngest";

/** A sheet of the workbook that was not read as tracking data, and why: named in every output, never dropped in silence. */
export interface NotEvaluatedSheet {
  readonly sheet: string;
  /** German, without the closing "wird nicht ausgewertet". */
  readonly reason: string;
}

const REASONS: Readonly<Record<Exclude<SheetInfo["recognisedBy"], "name" | "headers">, string>> = {
  output: "von Fallbilanz erstellt",
  placeholder: "leerer Blatteintrag der Datei, zu dem die Datei keinen Inhalt enthält",
  none: "nicht als Beratungen, Vermittlungen, Veranstaltungen oder Klienten erkannt",
};

/** Every sheet without a kind, in the workbook's order, with the reason it was not evaluated. */
export function notEvaluatedSheets(sheets: readonly SheetInfo[]): NotEvaluatedSheet[] {
  return sheets
    .filter((s) => s.kind === undefined)
    .map((s) => ({ sheet: s.name, reason: s.recognisedBy === "name" || s.recognisedBy === "headers" ? REASONS.none : REASONS[s.recognisedBy] }));
}
