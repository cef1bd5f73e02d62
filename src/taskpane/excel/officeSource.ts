import { Cell } from "../../core/cells";
import { ReadProgress, RowSink, WorkbookSource } from "../../port/workbookPort";
import { UsedArea, planReads } from "./chunking";

/**
 * The Office.js side of the workbook port: reads every sheet's used range
 * (values only: date cells arrive as serial numbers, which the core reads
 * as dates). Two syncs find the sheets and their used ranges; the values
 * follow in as many syncs as the payload budget needs (one for most
 * workbooks). Nothing is written.
 */
export class OfficeWorkbookSource implements WorkbookSource {
  constructor(private readonly run: typeof Excel.run = Excel.run.bind(Excel)) {}

  async forEachSheet(visit: (sheetName: string, position: number) => RowSink | undefined, progress?: ReadProgress): Promise<void> {
    await this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const sinks = sheets.items.map((ws, position) => visit(ws.name, position));
      const used = sheets.items.map((ws) => {
        const range = ws.getUsedRangeOrNullObject(true);
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        return range;
      });
      await context.sync();
      const areas: UsedArea[] = [];
      used.forEach((range, i) => {
        if (!sinks[i] || range.isNullObject) return;
        areas.push({ sheet: sheets.items[i].name, rowIndex: range.rowIndex, columnIndex: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount });
      });
      const sinkOf = new Map(sheets.items.map((ws, i) => [ws.name, sinks[i]]));
      const read = new Map<string, number>();
      for (const batch of planReads(areas)) {
        const ranges = batch.map((block) => {
          const range = sheets.getItem(block.sheet).getRangeByIndexes(block.rowIndex, block.columnIndex, block.rowCount, block.columnCount);
          range.load("values");
          return { block, range };
        });
        await context.sync();
        for (const { block, range } of ranges) {
          const sink = sinkOf.get(block.sheet)!;
          const lead: Cell[] = new Array<Cell>(block.columnIndex).fill(null);
          range.values.forEach((row, r) => sink(block.rowIndex + r + 1, block.columnIndex === 0 ? (row as Cell[]) : [...lead, ...(row as Cell[])]));
          const total = (read.get(block.sheet) ?? 0) + block.rowCount;
          read.set(block.sheet, total);
          progress?.(block.sheet, total);
        }
      }
    });
  }
}
