import type { Cell } from "../core/cells";
import type { OutSheet, SourceCellRef } from "../core/report/sheetModel";

/** Receives a sheet's rows in order: 1-based row number, cells from column A (0-based). */
export type RowSink = (row: number, cells: readonly Cell[]) => void;

/** Progress while reading: rows read so far in the named sheet. */
export type ReadProgress = (sheetName: string, rowsRead: number) => void;

/**
 * The workbook port: a source of rows. An adapter (ExcelJS for files,
 * Office.js inside Excel) calls `visit` once per sheet with the sheet's
 * 0-based position among the workbook's sheets (sheets may come in another
 * order); a returned sink gets that sheet's rows in order, `undefined` skips
 * the sheet.
 */
export interface WorkbookSource {
  forEachSheet(visit: (sheetName: string, position: number) => RowSink | undefined, progress?: ReadProgress): Promise<void>;
  /** After reading: whether the workbook keeps its dates in the 1904 date system (old Mac workbooks). */
  uses1904DateSystem?(): boolean;
}

/** Where a finding's link in the validation report points. */
export type LinkTarget = (ref: SourceCellRef) => string;

/** The other side of the port: writes the report's sheets. */
export interface ReportSink {
  write(sheets: readonly OutSheet[]): Promise<void>;
}
