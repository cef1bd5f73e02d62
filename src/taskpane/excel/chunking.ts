/**
 * How to read used ranges from Excel in as few `context.sync` calls as
 * possible while every request stays under Excel on the web's 5 MB payload
 * limit. Pure, so that it is tested without Excel.
 */
export interface UsedArea {
  readonly sheet: string;
  /** 0-based first row and column of the used range, and its size. */
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export interface Block {
  readonly sheet: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** Bytes a cell may take in a response, counted generously (a long text, JSON quoting). */
export const BYTES_PER_CELL = 24;
/** What one sync may carry: well under the 5 MB limit. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
export const CELLS_PER_SYNC = Math.floor(PAYLOAD_BUDGET / BYTES_PER_CELL);

/**
 * Splits the used areas into row blocks and groups the blocks into syncs:
 * each sync reads at most CELLS_PER_SYNC cells. A workbook that fits one
 * budget is read in one sync, however its rows are spread over sheets.
 */
export function planReads(areas: readonly UsedArea[], cellsPerSync = CELLS_PER_SYNC): Block[][] {
  const syncs: Block[][] = [];
  let current: Block[] = [];
  let room = cellsPerSync;
  for (const area of areas) {
    if (area.rowCount === 0 || area.columnCount === 0) continue;
    let row = 0;
    while (row < area.rowCount) {
      const rowsThatFit = Math.floor(room / area.columnCount);
      if (rowsThatFit === 0) {
        syncs.push(current);
        current = [];
        room = cellsPerSync;
        continue;
      }
      const rows = Math.min(rowsThatFit, area.rowCount - row);
      current.push({ sheet: area.sheet, rowIndex: area.rowIndex + row, columnIndex: area.columnIndex, rowCount: rows, columnCount: area.columnCount });
      room -= rows * area.columnCount;
      row += rows;
    }
  }
  if (current.length > 0) syncs.push(current);
  return syncs;
}

/** Row blocks for writing a sheet of `rowCount` rows and `width` columns, each under the budget. */
export function planWrites(rowCount: number, width: number, cellsPerSync = CELLS_PER_SYNC): { first: number; count: number }[] {
  const rowsPerBlock = Math.max(1, Math.floor(cellsPerSync / Math.max(1, width)));
  const blocks: { first: number; count: number }[] = [];
  for (let first = 0; first < rowCount; first += rowsPerBlock) blocks.push({ first, count: Math.min(rowsPerBlock, rowCount - first) });
  return blocks;
}
