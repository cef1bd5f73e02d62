import { Cell } from "../../core/cells";
import { PRESENT } from "../../port/workbookPort";
import { columnRuns } from "./chunking";

/*
 * One block of rows read from a sheet, as both readers of the pane read it (the whole workbook, and the rows of a
 * change): the values of some columns with their value types, and of the name and notes columns only their value
 * types (whether a cell is empty, never its text). One load per run of adjacent columns.
 */

/** A cell as the core reads it: an error cell (value type `Error`) as an error with its text as Excel shows it (`#NV`). */
export function cellOf(value: unknown, type: Excel.RangeValueType | undefined): Cell {
  if (type === Excel.RangeValueType.error) return { error: String(value) };
  return value as Cell;
}

interface Run {
  readonly c: number;
  readonly n: number;
  readonly range: Excel.Range;
}

/** The loads of one block, queued: they hold their cells after the next sync. */
export interface QueuedBlock {
  readonly firstRow: number;
  readonly rowCount: number;
  readonly valueRuns: readonly Run[];
  readonly presenceRuns: readonly Run[];
}

/** Queues the loads of rows `firstRow` (0-based) to `firstRow + rowCount - 1`: values of `valueColumns`, value types of `presenceColumns`. */
export function queueBlock(ws: Excel.Worksheet, firstRow: number, rowCount: number, valueColumns: readonly number[], presenceColumns: readonly number[]): QueuedBlock {
  const load = (what: string) => ([c, n]: [number, number]): Run => {
    const range = ws.getRangeByIndexes(firstRow, c, rowCount, n);
    range.load(what);
    return { c, n, range };
  };
  const presence = presenceColumns.filter((c) => !valueColumns.includes(c));
  return { firstRow, rowCount, valueRuns: columnRuns(valueColumns).map(load("values,valueTypes")), presenceRuns: columnRuns(presence).map(load("valueTypes")) };
}

/** A synced block's matrices, each taken once (a proxy property may build its matrix anew on every access). */
export interface BlockCells {
  readonly values: readonly { readonly c: number; readonly n: number; readonly values: unknown[][]; readonly types: Excel.RangeValueType[][] }[];
  readonly presence: readonly { readonly c: number; readonly n: number; readonly types: Excel.RangeValueType[][] }[];
}

export function takeBlock(block: QueuedBlock): BlockCells {
  return {
    values: block.valueRuns.map(({ c, n, range }) => ({ c, n, values: range.values, types: range.valueTypes })),
    presence: block.presenceRuns.map(({ c, n, range }) => ({ c, n, types: range.valueTypes })),
  };
}

/** Row `i` of a block as cells from column A: values as the core reads them, presence columns as `PRESENT` when not empty. */
export function rowCells(block: BlockCells, i: number): Cell[] {
  const cells: Cell[] = [];
  for (const run of block.presence) for (let j = 0; j < run.n; j++) if (run.types[i][j] !== Excel.RangeValueType.empty) cells[run.c + j] = PRESENT;
  for (const run of block.values) for (let j = 0; j < run.n; j++) cells[run.c + j] = cellOf(run.values[i][j], run.types[i][j]);
  return cells;
}
