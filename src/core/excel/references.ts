import { columnLetter } from "../cells";
import { OutSheet, sheetWidth } from "../report/sheetModel";

/* Excel's text rules for formulas and references, written once: a text and a sheet name quoted, the print ranges of a sheet. */

/** A text as a formula writes it: in double quotes, a quote doubled (`"Sag ""Ja"""`). */
export const excelString = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** A sheet name as a formula or defined name writes it: in single quotes, a quote doubled (`'Fälle'`). */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** The rows repeated on every printed page (`$3:$3`), or undefined. */
export function printTitleRows(sheet: OutSheet): string | undefined {
  const t = sheet.print.titleRows;
  return t ? `$${t.first}:$${t.last}` : undefined;
}

/** The printed block (`$A$1:$I$84`), when the sheet prints fewer columns than it holds; else undefined. */
export function printArea(sheet: OutSheet): string | undefined {
  const last = sheet.print.lastPrintedColumn;
  if (last === undefined || last >= sheetWidth(sheet)) return undefined;
  const rows = sheet.rows.length + (sheet.moreRows?.count ?? 0);
  return `$A$1:$${columnLetter(last - 1)}$${Math.max(1, rows)}`;
}
