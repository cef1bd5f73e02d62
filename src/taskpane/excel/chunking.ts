/**
 * How to move cells between the pane and Excel in as few `context.sync` calls
 * as possible while every request stays under Excel on the web's 5 MB payload
 * limit, counted in bytes (a cell of long text weighs more than a date). Pure,
 * so that it is tested without Excel.
 */

/** What one sync may carry: well under the 5 MB limit. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;

/** Bytes a cell takes in a request or response beyond its text: JSON quoting, separators, its value type. */
export const CELL_OVERHEAD = 12;

/** The bytes of one value as it travels (JSON). */
export function valueBytes(value: unknown): number {
  if (value === null || value === undefined || value === "") return 2 + CELL_OVERHEAD;
  if (typeof value === "string") return value.length * (/[^\x20-\x7e]/.test(value) ? 3 : 1) + 2 + CELL_OVERHEAD;
  return (typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value) ?? "").length + CELL_OVERHEAD;
}

/** A block of rows of one sheet to read: the columns to read in it, each a run of adjacent columns. */
export interface ReadBlock {
  readonly sheet: string;
  readonly firstRow: number;
  readonly rowCount: number;
}

/**
 * Groups rows into syncs so that each sync carries at most `budget` bytes:
 * `bytesPerRow` of each sheet is the estimate for one row of what is read
 * there, `maxRows` caps a block. A sync holds blocks of several sheets when
 * they fit.
 */
export function planReads(
  areas: readonly { sheet: string; firstRow: number; rowCount: number; bytesPerRow: number; maxRows?: number }[],
  budget = PAYLOAD_BUDGET,
): ReadBlock[][] {
  const syncs: ReadBlock[][] = [];
  let current: ReadBlock[] = [];
  let room = budget;
  for (const area of areas) {
    if (area.rowCount === 0 || area.bytesPerRow <= 0) continue;
    let row = 0;
    while (row < area.rowCount) {
      const rowsThatFit = Math.floor(room / area.bytesPerRow);
      if (rowsThatFit === 0) {
        if (current.length === 0) {
          // A single row over the budget still has to be read: alone.
          syncs.push([{ sheet: area.sheet, firstRow: area.firstRow + row, rowCount: 1 }]);
          row++;
          continue;
        }
        syncs.push(current);
        current = [];
        room = budget;
        continue;
      }
      const rows = Math.min(rowsThatFit, area.rowCount - row, area.maxRows ?? Infinity);
      current.push({ sheet: area.sheet, firstRow: area.firstRow + row, rowCount: rows });
      room -= rows * area.bytesPerRow;
      row += rows;
      // A capped block ends its sync: the next rows wait for an estimate corrected by this block.
      if (rows === area.maxRows && row < area.rowCount) {
        syncs.push(current);
        current = [];
        room = budget;
      }
    }
  }
  if (current.length > 0) syncs.push(current);
  return syncs;
}

/** Row blocks for writing, each under `budget` bytes by the rows' own weight (values and number formats). */
export function planWrites(rowBytes: readonly number[], budget = PAYLOAD_BUDGET): { first: number; count: number }[] {
  const blocks: { first: number; count: number }[] = [];
  let first = 0;
  let size = 0;
  rowBytes.forEach((bytes, i) => {
    if (i > first && size + bytes > budget) {
      blocks.push({ first, count: i - first });
      first = i;
      size = 0;
    }
    size += bytes;
  });
  if (rowBytes.length > first) blocks.push({ first, count: rowBytes.length - first });
  return blocks;
}

/** Runs of adjacent columns (0-based, sorted): [first, count] each. */
export function columnRuns(columns: readonly number[]): [number, number][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === c) last[1]++;
    else runs.push([c, 1]);
  }
  return runs;
}
