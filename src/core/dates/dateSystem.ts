import type { IngestedSheet } from "../recognize/sheetIngest";

/**
 * Days between the two date systems of Excel: serial 0 of the 1904 system
 * (old Mac workbooks, `date1904` in the file) is 1 Jan 1904, serial 1462 of
 * the 1900 system. The core reads every serial in the 1900 system.
 */
export const DAYS_FROM_1904_TO_1900 = 1_462;

/**
 * The sheets of a workbook kept in the 1904 date system, with the serial
 * numbers of their date columns moved to the 1900 system. Without this a
 * 2019 date would silently count for 2015.
 */
export function datesFrom1904System(sheets: readonly IngestedSheet[]): IngestedSheet[] {
  return sheets.map((sheet) => ({
    ...sheet,
    rows: sheet.rows.mapField("date", (cell) => (typeof cell === "number" ? cell + DAYS_FROM_1904_TO_1900 : cell)),
  }));
}
