/**
 * The values a workbook adapter hands to the core, one per cell.
 * Dates arrive as Excel serial numbers (the adapters convert date cells),
 * formulas as their computed value, errors as `{ error: "#REF!" }`.
 */
export interface CellError {
  readonly error: string;
  /** Set when the cell could not be read at all (not an Excel formula error): too long, or damaged in the file. */
  readonly unreadable?: UnreadableReason;
}

export type UnreadableReason = "tooLong" | "damaged";

/** Excel's limit on the characters of one cell. */
export const EXCEL_MAX_CELL_TEXT = 32_767;

/** A cell an adapter could not read: reported as a finding of its row, never taken as blank. */
export function unreadableCell(reason: UnreadableReason): CellError {
  return { error: reason === "tooLong" ? "#ZU_LANG" : "#UNLESBAR", unreadable: reason };
}

export type Cell = string | number | boolean | null | undefined | CellError;

export function isCellError(value: Cell): value is CellError {
  return typeof value === "object" && value !== null && typeof (value).error === "string";
}

/** Blank means empty, whitespace only, or missing. */
export function isBlank(value: Cell): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== "string") return false;
  // Most texts start with a visible ASCII character: they are not blank, without trimming them (every kept cell of
  // a sheet of 150,000 rows comes through here).
  const first = value.charCodeAt(0);
  return !(first > 32 && first < 127) && value.trim() === "";
}

/** The text of a cell as staff see it (numbers without grouping), trimmed. */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === "boolean") return value ? "WAHR" : "FALSCH";
  return value.error;
}

/** A1-style column letters for a 0-based column index: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
