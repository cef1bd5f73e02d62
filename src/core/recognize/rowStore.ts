import { Cell, isBlank } from "../cells";
import { Field } from "../vocabulary/columns";
import type { RawRow } from "./sheetIngest";

/**
 * Rows per block of a column: the first block small (most sheets are short), the others large enough (128 KB) that
 * V8 keeps them outside its young generation, so that collections during reading never copy them. Blocks are
 * filled, never grown and copied (growing one array of 100,000 cells copied it again and again).
 */
const FIRST_BLOCK = 2048;
const BLOCK = 16_384;

/** A column of values in blocks: appending never copies what is there. */
class Blocks<T> {
  private readonly blocks: T[][] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(value: T): void {
    const i = this.size < FIRST_BLOCK ? this.size : (this.size - FIRST_BLOCK) % BLOCK;
    if (i === 0) this.blocks.push(new Array<T>(this.size === 0 ? FIRST_BLOCK : BLOCK));
    this.blocks[this.blocks.length - 1][i] = value;
    this.size++;
  }

  at(index: number): T {
    if (index < FIRST_BLOCK) return this.blocks[0][index];
    const rest = index - FIRST_BLOCK;
    return this.blocks[1 + Math.floor(rest / BLOCK)][rest % BLOCK];
  }

  map<U>(f: (value: T) => U): Blocks<U> {
    const mapped = new Blocks<U>();
    for (let i = 0; i < this.size; i++) mapped.push(f(this.at(i)));
    return mapped;
  }
}

/**
 * The data rows of one sheet, kept by column: a row number and one cell per
 * kept field, with no object per row. A workbook of 150,000 rows holds a
 * third of the memory it would as row objects; a `RawRow` is made only while
 * a row is being looked at.
 */
export class RowStore implements Iterable<RawRow> {
  private readonly rowNumbers = new Blocks<number>();
  private columns: Blocks<Cell>[];

  constructor(private readonly fields: readonly Field[]) {
    this.columns = fields.map(() => new Blocks<Cell>());
  }

  get length(): number {
    return this.rowNumbers.length;
  }

  /** Adds a row: the cell of `fields[i]` is `cells[columns[i]]` (a blank one kept as `undefined`). */
  push(row: number, cells: readonly Cell[], columns: readonly number[]): void {
    this.rowNumbers.push(row);
    for (let i = 0; i < this.columns.length; i++) {
      const value = cells[columns[i]];
      this.columns[i].push(isBlank(value) ? undefined : value);
    }
  }

  /**
   * Row `index`: every kept field is set, a blank one to `undefined`, always in the same order, so that all rows of
   * a sheet share one object shape.
   */
  at(index: number): RawRow {
    const values: Partial<Record<Field, Cell>> = {};
    for (let i = 0; i < this.fields.length; i++) values[this.fields[i]] = this.columns[i].at(index);
    return { row: this.rowNumbers.at(index), values };
  }

  /**
   * Rows for one pass that keeps none of them: `row(index)` fills one object again and again (its values in the same
   * order as `at` sets them) instead of making two per row; valid until the next call. Validation reads 150,000 rows
   * this way without 25 MB of row objects for the collector.
   */
  cursor(): (index: number) => RawRow {
    const values: Partial<Record<Field, Cell>> = {};
    for (const field of this.fields) values[field] = undefined;
    const row = { row: 0, values };
    return (index) => {
      for (let i = 0; i < this.fields.length; i++) values[this.fields[i]] = this.columns[i].at(index);
      row.row = this.rowNumbers.at(index);
      return row;
    };
  }

  *[Symbol.iterator](): Iterator<RawRow> {
    for (let i = 0; i < this.rowNumbers.length; i++) yield this.at(i);
  }

  /** The same rows with one field's cells mapped (e.g. serials of another date system). */
  mapField(field: Field, map: (cell: Cell) => Cell): RowStore {
    const copy = new RowStore(this.fields);
    for (let i = 0; i < this.rowNumbers.length; i++) copy.rowNumbers.push(this.rowNumbers.at(i));
    copy.columns = this.fields.map((f, i) => (f === field ? this.columns[i].map((c) => (c === undefined ? c : map(c))) : this.columns[i]));
    return copy;
  }
}
