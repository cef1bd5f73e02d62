import { Cell, isBlank } from "../cells";
import { Field } from "../vocabulary/columns";
import type { RawRow } from "./sheetIngest";

/**
 * The data rows of one sheet, kept by column: a row number and one cell per
 * kept field, with no object per row. A workbook of 150,000 rows holds a
 * third of the memory it would as row objects; a `RawRow` is made only while
 * a row is being looked at.
 */
export class RowStore implements Iterable<RawRow> {
  private readonly rowNumbers: number[] = [];
  private readonly columns: Cell[][];

  constructor(private readonly fields: readonly Field[]) {
    this.columns = fields.map(() => []);
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
   * a sheet share one object shape (rows shaped by their blanks made each field lookup of validation slow).
   */
  at(index: number): RawRow {
    const values: Partial<Record<Field, Cell>> = {};
    for (let i = 0; i < this.fields.length; i++) values[this.fields[i]] = this.columns[i][index];
    return { row: this.rowNumbers[index], values };
  }

  *[Symbol.iterator](): Iterator<RawRow> {
    for (let i = 0; i < this.rowNumbers.length; i++) yield this.at(i);
  }

  /** The same rows with one field's cells mapped (e.g. serials of another date system). */
  mapField(field: Field, map: (cell: Cell) => Cell): RowStore {
    const copy = new RowStore(this.fields);
    copy.rowNumbers.push(...this.rowNumbers);
    this.fields.forEach((f, i) => {
      const column = this.columns[i];
      copy.columns[i] = f === field ? column.map((c) => (c === undefined ? c : map(c))) : column;
    });
    return copy;
  }
}
