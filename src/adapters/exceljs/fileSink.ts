import ExcelJS from "exceljs";
import { OutCell, OutSheet } from "../../core/report/sheetModel";
import { LinkTarget, ReportSink } from "../../port/workbookPort";
import { TablesAndCharts } from "./packageParts";
import { LOOKS } from "./styles";

/** ExcelJS value for a model cell: text stays text (a leading `=` is never a formula), links become hyperlinks. */
function valueOf(cell: OutCell, link: LinkTarget): ExcelJS.CellValue {
  if (cell.link && typeof cell.value === "string") return { text: cell.value, hyperlink: link(cell.link) };
  return cell.value;
}

/**
 * Writes the report's sheets to a new .xlsx file with ExcelJS's streaming
 * writer, the Excel table and the native charts included.
 */
export class ExcelJsFileSink implements ReportSink {
  constructor(
    readonly path: string,
    private readonly link: LinkTarget,
  ) {}

  async write(sheets: readonly OutSheet[]): Promise<void> {
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: this.path, useStyles: true, useSharedStrings: true });
    writer.creator = "Fallbilanz";
    const parts = new TablesAndCharts(writer);
    for (const sheet of sheets) this.writeSheet(writer, sheet, parts);
    await writer.commit();
  }

  private writeSheet(writer: ExcelJS.stream.xlsx.WorkbookWriter, sheet: OutSheet, parts: TablesAndCharts): void {
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
    parts.addTo(ws, sheet);
    ws.commit();
  }
}
