import { Cell } from "../../src/core/cells";
import { WorkbookSource } from "../../src/port/workbookPort";
import { cellOf } from "./sheets";
import { SheetRows } from "./xlsx";

/** A workbook source over sheets given as rows (as an adapter hands them over: blank rows skipped). */
export function rowsSource(sheets: Record<string, SheetRows>): WorkbookSource {
  return {
    forEachSheet: async (visit) => {
      Object.entries(sheets).forEach(([name, rows], position) => {
        const sink = visit(name, position);
        if (!sink) return;
        rows.forEach((row, i) => {
          const cells: Cell[] = row.map(cellOf);
          if (cells.some((c) => c !== null)) sink(i + 1, cells);
        });
      });
      await Promise.resolve();
    },
  };
}
