import { Cell } from "../cells";
import { FallbilanzError } from "../errors";
import { formatGermanInteger } from "../report/about";

/** A range as Excel hands it to a custom function: rows of cells. */
export type FormulaRange = readonly (readonly unknown[])[];

/**
 * A range as one column, cell `i` at `column[i][0]`, in reading order (row by
 * row). A one-column range, as whole-column references are, is used as it is
 * (no copy of a million rows); a wider one is laid out once.
 */
export type Column = readonly (readonly unknown[])[];

export function asColumn(range: FormulaRange): Column {
  if (range.length === 0 || range[0].length === 1) return range;
  return range.flatMap((row) => row.map((cell) => [cell]));
}

/**
 * A formula cell as the core reads it. Blank cells may arrive as "" or 0
 * (`zeroIsBlank` for dates and IDs, where 0 is never a value); errors
 * arrive as objects and read as errors.
 */
export function formulaCell(value: unknown, zeroIsBlank: boolean): Cell {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return zeroIsBlank && value === 0 ? null : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return { error: "#WERT!" };
}

/** A range with the name a length message gives it. */
export interface NamedColumn {
  readonly label: string;
  readonly cells: Column;
}

/** All ranges of one formula must be equally long: their rows go together. */
export function assertSameLength(named: readonly NamedColumn[]): void {
  const [first, ...rest] = named;
  const other = rest.find((r) => r.cells.length !== first.cells.length);
  if (other) {
    throw new FallbilanzError(
      "rangeMismatch",
      `Die Bereiche sind unterschiedlich lang (${first.label}: ${formatGermanInteger(first.cells.length)} Zellen, ` +
        `${other.label}: ${formatGermanInteger(other.cells.length)} Zellen). Bitte gleich lange Bereiche angeben, z. B. A:A und B:B.`,
    );
  }
}
