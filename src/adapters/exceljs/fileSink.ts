import type ExcelJS from "exceljs";
import { OutCell, OutSheet } from "../../core/report/sheetModel";
import { LinkTarget, ReportSink } from "../../port/workbookPort";
import { rm } from "node:fs/promises";
import { EXCEL_MAX_CELL_TEXT } from "../../core/cells";
import { addTablesAndCharts } from "./packageEdit";
import { LOOKS } from "./styles";

/**
 * ExcelJS value for a model cell: text stays text (a leading `=` is never a
 * formula) and within Excel's 32,767 characters, links become hyperlinks, and
 * a number that is not finite is never written (Excel could not open the file).
 */
function valueOf(cell: OutCell, link: LinkTarget): ExcelJS.CellValue {
  const value = cell.value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = value !== null && value.length > EXCEL_MAX_CELL_TEXT ? `${value.slice(0, EXCEL_MAX_CELL_TEXT - 1)}…` : value;
  if (cell.link && typeof text === "string") return { text, hyperlink: link(cell.link) };
  return text;
}

/**
 * Writes the report's sheets to a new .xlsx file: the cells with ExcelJS's
 * public streaming writer (stored uncompressed in a temporary package), then
 * the Excel table and the native charts added by editing that package into
 * the final, compressed file.
 */
export class ExcelJsFileSink implements ReportSink {
  constructor(
    readonly path: string,
    private readonly link: LinkTarget,
  ) {}

  async write(sheets: readonly OutSheet[]): Promise<void> {
    const base = `${this.path}.cells.tmp`;
    try {
      // Loaded only when a workbook is written: it is the largest module, and a run without --out never needs it.
      const { default: excel } = await import("exceljs");
      const writer = new excel.stream.xlsx.WorkbookWriter({ filename: base, useStyles: true, useSharedStrings: true, zip: { store: true } });
      writer.creator = "Fallbilanz";
      for (const sheet of sheets) this.writeSheet(writer, sheet);
      await writer.commit();
      await addTablesAndCharts(base, this.path, sheets);
    } finally {
      await rm(base, { force: true });
    }
  }

  private writeSheet(writer: ExcelJS.stream.xlsx.WorkbookWriter, sheet: OutSheet): void {
    const ws = writer.addWorksheet(sheet.name, {
      views: sheet.freezeBelowRow ? [{ state: "frozen", ySplit: sheet.freezeBelowRow - 1, xSplit: 0 }] : [],
      pageSetup: { orientation: sheet.landscape ? "landscape" : "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    });
    ws.columns = sheet.columnWidths.map((width) => ({ width }));
    for (const m of sheet.merges ?? []) ws.mergeCells(m.row, m.fromColumn, m.row, m.toColumn);
    sheet.rows.forEach((cells, i) => {
      const rowNumber = i + 1;
      const row = ws.getRow(rowNumber);
      cells?.forEach((c, col) => {
        if (!c || c.value === null) {
          if (c?.style) Object.assign(row.getCell(col + 1), LOOKS[c.style]);
          return;
        }
        const target = row.getCell(col + 1);
        target.value = valueOf(c, this.link);
        if (c.style) Object.assign(target, LOOKS[c.style]);
        if (c.link) target.font = { color: { argb: "FF0563C1" }, underline: true };
      });
      const height = sheet.rowHeights?.[rowNumber];
      if (height) row.height = height;
      row.commit();
    });
    ws.commit();
  }
}
