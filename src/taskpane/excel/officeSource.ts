import { Cell } from "../../core/cells";
import { HEADER_SEARCH_ROWS } from "../../core/recognize/headerRow";
import { ColumnNeeds, ReadProgress, RowSink, WorkbookSource } from "../../port/workbookPort";
import { CELL_OVERHEAD, PAYLOAD_BUDGET, planReads, valueBytes } from "./chunking";
import { QueuedBlock, cellOf, queueBlock, rowCells, takeBlock } from "./blockCells";

/**
 * The most rows one block reads. The estimate of a row's bytes is learnt from
 * the rows read so far; a cap keeps a block from running far into rows of
 * longer texts than those seen (10,000 rows of 300-byte rows are 3 MB).
 */
const MAX_BLOCK_ROWS = 10_000;

/** One sheet being read: where its used range lies, its sink, and what the sink needs below the first rows. */
interface SheetRead {
  readonly name: string;
  readonly sink: RowSink;
  readonly firstRow: number;
  readonly rowCount: number;
  readonly firstColumn: number;
  readonly columnCount: number;
  needs?: ColumnNeeds;
  /** Estimated bytes of one row of what is read below the first rows. */
  bytesPerRow: number;
}

/** Rows of one sheet still to read, as `planReads` takes them. */
interface ReadArea {
  readonly sheet: string;
  readonly firstRow: number;
  readonly rowCount: number;
  readonly bytesPerRow: number;
  readonly maxRows: number;
}

/** A block whose ranges are queued, with the sheet it belongs to. */
interface LoadedBlock extends QueuedBlock {
  readonly read: SheetRead;
}

/** Rows of a sheet read whole at first: those of the first rows where a header may be. */
const firstRowsOf = (r: SheetRead): number => Math.min(r.rowCount, Math.max(0, HEADER_SEARCH_ROWS - r.firstRow));

/**
 * The Office.js side of the workbook port. It reads what the core needs and
 * no more: the first rows of each sheet whole (to find the header), then
 * only the recognised columns' values, and of the name and notes columns only
 * whether a cell is empty (their value types, never their text). Values come
 * with their value types, so that an error cell reads as an error, as from a
 * file. Reads are planned in bytes under Excel on the web's payload limit,
 * estimated from the first rows. Nothing is written.
 */
export class OfficeWorkbookSource implements WorkbookSource {
  constructor(private readonly run: typeof Excel.run = Excel.run.bind(Excel)) {}

  async forEachSheet(visit: (sheetName: string, position: number) => RowSink | undefined, progress?: ReadProgress): Promise<void> {
    await this.run(async (context) => {
      const reads = await this.usedRanges(context, visit);
      await this.readFirstRows(context, reads, progress);
      await this.readTheRest(context, reads, progress);
    });
  }

  /** The sheets whose rows are wanted, with where their used range lies. */
  private async usedRanges(context: Excel.RequestContext, visit: (sheetName: string, position: number) => RowSink | undefined): Promise<SheetRead[]> {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const sinks = worksheets.items.map((ws, position) => visit(ws.name, position));
    const used = worksheets.items.map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      return range;
    });
    await context.sync();
    const reads: SheetRead[] = [];
    used.forEach((range, i) => {
      const sink = sinks[i];
      if (!sink || range.isNullObject) return;
      reads.push({
        name: worksheets.items[i].name, sink, firstRow: range.rowIndex, rowCount: range.rowCount,
        firstColumn: range.columnIndex, columnCount: range.columnCount, bytesPerRow: 0,
      });
    });
    return reads;
  }

  /** The first rows of every sheet, whole, in one sync: enough to find the header and to estimate the rest. */
  private async readFirstRows(context: Excel.RequestContext, reads: readonly SheetRead[], progress?: ReadProgress): Promise<void> {
    const worksheets = context.workbook.worksheets;
    const probes = reads.map((r) => {
      const rows = firstRowsOf(r);
      const range = rows > 0 ? worksheets.getItem(r.name).getRangeByIndexes(r.firstRow, r.firstColumn, rows, r.columnCount) : undefined;
      range?.load("values,valueTypes");
      return { read: r, rows, range };
    });
    await context.sync();
    for (const { read: r, rows, range } of probes) {
      if (range) {
        const values = range.values;
        const types = range.valueTypes;
        values.forEach((row, i) => r.sink(r.firstRow + i + 1, this.lead(r.firstColumn, row.map((v, j) => cellOf(v, types[i][j])))));
        progress?.(r.name, rows);
      }
      // A sheet whose cells start below row 10 can have no header: only whether its rows are empty matters.
      r.needs = r.sink.needs?.() ?? (range ? { values: this.allColumns(r), presence: [] } : { values: [], presence: "all" });
      r.bytesPerRow = this.estimate(r, range?.values ?? []);
    }
  }

  /**
   * The rows below the first ones, only the columns needed, one sync at a time, planned by bytes from the
   * estimates; each read corrects its sheet's estimate, so that a column of longer texts further down shrinks the
   * next blocks instead of overrunning the limit.
   */
  private async readTheRest(context: Excel.RequestContext, reads: readonly SheetRead[], progress?: ReadProgress): Promise<void> {
    const byName = new Map(reads.map((r) => [r.name, r]));
    const done = new Map<string, number>();
    let remaining = reads
      .map((r): ReadArea => {
        const skip = firstRowsOf(r);
        return { sheet: r.name, firstRow: r.firstRow + skip, rowCount: r.rowCount - skip, bytesPerRow: r.bytesPerRow, maxRows: MAX_BLOCK_ROWS };
      })
      .filter((a) => a.rowCount > 0 && a.bytesPerRow > 0);
    while (remaining.length > 0) {
      const [batch] = planReads(remaining, PAYLOAD_BUDGET);
      const loaded = batch.map((block) => this.loadBlock(context, block, byName.get(block.sheet)!));
      await context.sync();
      for (const block of loaded) {
        const r = block.read;
        this.passOn(block);
        const total = (done.get(r.name) ?? Math.min(r.rowCount, HEADER_SEARCH_ROWS)) + block.rowCount;
        done.set(r.name, total);
        progress?.(r.name, total);
      }
      remaining = remaining
        .map((a) => {
          const read = batch.filter((b) => b.sheet === a.sheet).reduce((n, b) => n + b.rowCount, 0);
          return { ...a, firstRow: a.firstRow + read, rowCount: a.rowCount - read, bytesPerRow: byName.get(a.sheet)!.bytesPerRow };
        })
        .filter((a) => a.rowCount > 0);
    }
  }

  /** Queues the loads of one block: values of the columns needed, value types of the presence columns. */
  private loadBlock(context: Excel.RequestContext, block: { firstRow: number; rowCount: number }, r: SheetRead): LoadedBlock {
    const needs = r.needs!;
    const presence = needs.presence === "all" ? this.allColumns(r) : needs.presence;
    return { read: r, ...queueBlock(context.workbook.worksheets.getItem(r.name), block.firstRow, block.rowCount, needs.values, presence) };
  }

  /** Hands a loaded block's rows to its sink, and learns the sheet's bytes per row from them. */
  private passOn(block: LoadedBlock): void {
    const r = block.read;
    const cells = takeBlock(block);
    for (let i = 0; i < block.rowCount; i++) r.sink(block.firstRow + i + 1, rowCells(cells, i));
    let bytes = 0;
    for (const run of cells.presence) bytes += run.n * CELL_OVERHEAD * block.rowCount;
    for (const run of cells.values) for (const row of run.values) for (let j = 0; j < run.n; j++) bytes += valueBytes(row[j]) + CELL_OVERHEAD;
    r.bytesPerRow = Math.max(r.bytesPerRow, Math.ceil((bytes / block.rowCount) * 1.25));
  }

  /** Cells of a range that starts at `firstColumn`, placed from column A. */
  private lead(firstColumn: number, cells: Cell[]): Cell[] {
    return firstColumn === 0 ? cells : [...new Array<Cell>(firstColumn).fill(null), ...cells];
  }

  private allColumns(r: SheetRead): number[] {
    return Array.from({ length: r.columnCount }, (_, j) => r.firstColumn + j);
  }

  /** Bytes of a row below the first rows: each value column by the first rows' cells, value types by their size. */
  private estimate(r: SheetRead, sample: readonly (readonly unknown[])[]): number {
    const needs = r.needs!;
    const presence = needs.presence === "all" ? r.columnCount : needs.presence.length;
    let bytes = presence * CELL_OVERHEAD;
    for (const c of needs.values) {
      const j = c - r.firstColumn;
      const seen = sample.map((row) => valueBytes(row[j]));
      // Generous: the longest cell seen, at least a short text's worth, plus the value type.
      bytes += Math.max(24, ...seen) + CELL_OVERHEAD;
    }
    return bytes;
  }
}
