import { SheetChange } from "../../app/liveCheck";
import { rawRowOf } from "../../core/live/liveWorkbook";
import { RawRow, SheetInfo, keptColumnsOf } from "../../core/recognize/sheetIngest";
import { queueBlock, rowCells, takeBlock } from "./blockCells";

/*
 * The Office.js side of the live check: Excel's change events of the team's sheets (ExcelApi 1.7 / 1.9), and the
 * rows of a change read again: the recognised columns' values and, of name and notes columns, only whether a cell is
 * empty (never their text), in one sync for a typed cell or a paste of a few thousand rows.
 */

/** Excel's last row. */
const SHEET_ROWS = 1_048_576;

/** Rows per sync when a large paste is read again (each sync stays far below Excel on the web's 5 MB). */
const ROWS_PER_READ = 10_000;

/**
 * The rows an event's address covers: `B5`, `A5:F9`, `$A$5:$C$7`, whole rows `5:7`; whole columns (`A:C`) or
 * anything else cover every row.
 */
export function rowsOfAddress(address: string): { firstRow: number; lastRow: number } {
  const bare = address.replace(/^.*!/, "").replace(/\$/g, "");
  const rows = bare.split(":").map((part) => /(\d+)$/.exec(part)?.[1]);
  if (rows.some((r) => r === undefined)) return { firstRow: 1, lastRow: SHEET_ROWS };
  const numbers = rows.map(Number);
  return { firstRow: Math.min(...numbers), lastRow: Math.max(...numbers) };
}

/** The change an event reports, by the sheet's name (the event names its id). */
export function changeOf(args: Pick<Excel.WorksheetChangedEventArgs, "address" | "changeType">, sheet: string): SheetChange {
  const kind = args.changeType === "RangeEdited" ? "edited" : args.changeType === "RowInserted" ? "inserted" : args.changeType === "RowDeleted" ? "deleted" : "other";
  return { sheet, kind, ...rowsOfAddress(args.address) };
}

/** Reads rows `firstRow`..`lastRow` of a recognised sheet again, as the sheet keeps them (its data rows only). */
export async function readSheetRows(info: SheetInfo, firstRow: number, lastRow: number, run: typeof Excel.run = Excel.run.bind(Excel)): Promise<RawRow[]> {
  const valueColumns = keptColumnsOf(info.columns).map(([, column]) => column);
  const out: RawRow[] = [];
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(info.name);
    let last = lastRow;
    if (lastRow - firstRow + 1 > ROWS_PER_READ) {
      // A change down to the sheet's end (a column's contents deleted): rows below the used range are blank.
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex,rowCount");
      await context.sync();
      last = used.isNullObject ? firstRow - 1 : Math.min(lastRow, used.rowIndex + used.rowCount);
    }
    for (let from = firstRow; from <= last; from += ROWS_PER_READ) {
      const n = Math.min(ROWS_PER_READ, last - from + 1);
      const block = queueBlock(ws, from - 1, n, valueColumns, [...info.personalNameColumns, ...info.notesColumns]);
      await context.sync();
      const cells = takeBlock(block);
      for (let i = 0; i < n; i++) {
        const raw = rawRowOf(info, from + i, rowCells(cells, i));
        if (raw) out.push(raw);
      }
    }
  });
  return out;
}

/** A subscription to the workbook's changes; `stop` removes the handler. */
export interface ChangeWatch {
  stop(): Promise<void>;
}

/**
 * Listens to changes of every sheet the workbook has now (`worksheet.onChanged`, ExcelApi 1.7, one handler a sheet)
 * and hands each on with its sheet's name. Excel raises the event for the add-in's own writes too; those are to
 * sheets the live check leaves alone.
 */
export async function watchChanges(onChange: (change: SheetChange) => void, run: typeof Excel.run = Excel.run.bind(Excel)): Promise<ChangeWatch> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const handlers = worksheets.items.map((ws) => {
      const name = ws.name;
      return ws.onChanged.add(async (args: Excel.WorksheetChangedEventArgs) => {
        onChange(changeOf(args, name));
        return Promise.resolve();
      });
    });
    await context.sync();
    return {
      stop: async () => {
        for (const handler of handlers) handler.remove();
        await context.sync();
      },
    };
  });
}
