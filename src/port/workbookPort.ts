import type { Cell } from "../core/cells";
import type { OutSheet } from "../core/report/sheetModel";

/**
 * What a sink still needs of a sheet once it has seen its first rows: the
 * values of some columns (0-based), and of others only whether a cell is
 * blank (names and notes: read to know a row is not empty, never their text);
 * `"all"` when every column's blankness matters (a sheet without header).
 */
export interface ColumnNeeds {
  readonly values: readonly number[];
  readonly presence: readonly number[] | "all";
}

/** Receives a sheet's rows in order: 1-based row number, cells from column A (0-based). */
export type RowSink = ((row: number, cells: readonly Cell[]) => void) & {
  /** Undefined while the sink still needs whole rows (its header not yet found). */
  readonly needs?: () => ColumnNeeds | undefined;
};

/** A cell of a column read only for its blankness: not blank, no text. */
export const PRESENT = "\u2022";

/** Progress while reading: rows read so far in the named sheet. */
export type ReadProgress = (sheetName: string, rowsRead: number) => void;

/**
 * The workbook port: a source of rows. An adapter (our own .xlsx reader for files,
 * Office.js inside Excel) calls `visit` once per sheet with the sheet's
 * 0-based position among the workbook's sheets (sheets may come in another
 * order); a returned sink gets that sheet's rows in order, `undefined` skips
 * the sheet.
 */
export interface WorkbookSource {
  forEachSheet(visit: (sheetName: string, position: number) => RowSink | undefined, progress?: ReadProgress): Promise<void>;
  /** After reading: whether the workbook keeps its dates in the 1904 date system (old Mac workbooks). */
  uses1904DateSystem?(): boolean;
  /** After reading: sheet entries that hold nothing to read (a file's `r:id=""` placeholders), with their position. */
  placeholderSheets?(): readonly { readonly name: string; readonly position: number }[];
}

/** The other side of the port: writes the report's sheets; `R` is what the writer reports back (the pane: the names it used). */
export interface ReportSink<R = void> {
  write(sheets: readonly OutSheet[], progress?: (text: string) => void): Promise<R>;
}
