import { Cell, isBlank } from "../cells";
import { Field, NEVER_COPIED, fieldOfHeader } from "../vocabulary/columns";
import { SheetKind, isOutputSheetName, sheetKindByName } from "../vocabulary/sheetKinds";
import { RowStore } from "./rowStore";
import { ColumnMap, HEADER_SEARCH_ROWS, NO_COLUMN, columnMapFor, headerFields, kindByHeaders, matchCount } from "./headerRow";

/** One data row below the header, holding only the recognised columns that may be copied. */
export interface RawRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly values: Partial<Record<Field, Cell>>;
}

/** A sheet as the core keeps it: its kind, header and data rows (names and notes already dropped). */
export interface IngestedSheet {
  readonly name: string;
  /** Undefined when the sheet is not tracking data (its name and headers match no kind). */
  readonly kind: SheetKind | undefined;
  /** How the kind was found. */
  readonly recognisedBy: "name" | "headers" | "none" | "output" | "placeholder";
  /** 1-based header row; undefined when none was found. */
  readonly headerRow: number | undefined;
  readonly columns: ColumnMap;
  /** Non-blank rows below the header (or all non-blank rows when no header was found). */
  readonly rows: RowStore;
  /** Count of non-blank rows of a sheet without header. */
  readonly unreadRows: number;
  /** The header row's texts by 0-based column (column titles, for choosing a column by hand). */
  readonly headers: readonly string[];
  /** 0-based columns whose header names a person or holds notes: read only to be skipped. */
  readonly personalNameColumns: readonly number[];
  readonly notesColumns: readonly number[];
}

/** The fields whose values a sheet keeps, with their columns (names and notes never), in the column map's order. */
export function keptColumnsOf(columns: ColumnMap): [Field, number][] {
  return (Object.entries(columns) as [Field, number][]).filter(([field]) => !NEVER_COPIED.has(field));
}

/**
 * Whether a row of cells (by 0-based column) is a data row: a non-blank cell in a kept column, or in a name or notes
 * column (read only for this).
 */
export function isDataRow(cells: readonly Cell[], keptColumns: readonly number[], nameColumns: readonly number[], notesColumns: readonly number[]): boolean {
  for (const column of keptColumns) if (!isBlank(cells[column])) return true;
  return nameColumns.some((column) => !isBlank(cells[column])) || notesColumns.some((column) => !isBlank(cells[column]));
}

/** A sheet as recognised, without its rows. */
export type SheetInfo = Omit<IngestedSheet, "rows">;

export interface IngestOptions {
  /** A column chosen by the user for a field, overriding recognition. */
  readonly columnOverrides?: ColumnMap;
  /** A kind chosen by the user, overriding recognition. */
  readonly kindOverride?: SheetKind;
}

/**
 * Takes a sheet's rows one at a time, finds the header among the first rows,
 * and keeps only what the figures need. Rows may be pushed in order only.
 */
export class SheetIngest {
  private readonly buffered: { row: number; cells: readonly Cell[] }[] = [];
  private kind: SheetKind | undefined;
  private recognisedBy: IngestedSheet["recognisedBy"];
  private headerRow: number | undefined;
  private columns: ColumnMap = {};
  private kept: [Field, number][] = [];
  /** The columns of `kept`, in its order. */
  private keptColumns: number[] = [];
  private rows = new RowStore([]);
  private unreadRows = 0;
  private personalNameColumns: number[] = [];
  private headers: string[] = [];
  private notesColumns: number[] = [];
  private decided = false;

  constructor(
    readonly name: string,
    private readonly options: IngestOptions = {},
  ) {
    this.kind = options.kindOverride ?? sheetKindByName(name);
    this.recognisedBy = isOutputSheetName(name) ? "output" : this.kind ? "name" : "none";
    if (this.recognisedBy === "output") {
      this.kind = undefined;
      this.decided = true;
    }
  }

  /** A sheet entry of the file that holds nothing to read: kept so that the report names it. */
  static placeholder(name: string): SheetIngest {
    const ingest = new SheetIngest(name);
    ingest.kind = undefined;
    ingest.recognisedBy = "placeholder";
    ingest.decided = true;
    return ingest;
  }

  /** Whether rows of this sheet are still of interest (false for output sheets and unrecognised sheets). */
  get wantsRows(): boolean {
    return !this.decided || this.kind !== undefined;
  }

  /**
   * Once the header is decided: the columns whose values are kept, and those
   * (names, notes) only checked for blankness; undefined before. A reader
   * inside Excel reads no more than that.
   */
  needs(): { values: number[]; presence: number[] | "all" } | undefined {
    if (!this.decided) return undefined;
    if (this.kind === undefined) return { values: [], presence: [] };
    if (this.headerRow === undefined) return { values: [], presence: "all" };
    return { values: this.kept.map(([, column]) => column), presence: [...this.personalNameColumns, ...this.notesColumns] };
  }

  push(row: number, cells: readonly Cell[]): void {
    if (this.decided) {
      if (this.kind !== undefined) this.take(row, cells);
      return;
    }
    this.buffered.push({ row, cells });
    if (this.tryHeader(row, cells)) {
      this.decided = true;
      const rest = this.buffered.filter((b) => b.row > row);
      this.buffered.length = 0;
      for (const b of rest) this.take(b.row, b.cells);
    } else if (row >= HEADER_SEARCH_ROWS) {
      this.giveUp();
    }
  }

  finish(): IngestedSheet {
    if (!this.decided) this.giveUp();
    return { ...this.info(), rows: this.rows };
  }

  /** Once the header is decided (found, or given up on): the sheet as recognised, without rows; undefined before. */
  recognised(): SheetInfo | undefined {
    return this.decided ? this.info() : undefined;
  }

  private info(): SheetInfo {
    return {
      name: this.name,
      kind: this.kind,
      recognisedBy: this.recognisedBy,
      headerRow: this.headerRow,
      columns: this.columns,
      unreadRows: this.unreadRows,
      personalNameColumns: this.personalNameColumns,
      notesColumns: this.notesColumns,
      headers: this.headers,
    };
  }

  private tryHeader(row: number, cells: readonly Cell[]): boolean {
    if (row > HEADER_SEARCH_ROWS) return false;
    const fields = headerFields(cells);
    const kind = this.kind ?? kindByHeaders(fields);
    if (kind === undefined) return false;
    const map = columnMapFor(kind, fields);
    if (matchCount(map) < 2) return false;
    if (this.kind === undefined) this.recognisedBy = "headers";
    this.kind = kind;
    this.headerRow = row;
    const columns: ColumnMap = { ...map, ...(this.options.columnOverrides ?? {}) };
    for (const [field, column] of Object.entries(columns) as [Field, number][]) if (column === NO_COLUMN) delete columns[field];
    this.columns = columns;
    this.kept = keptColumnsOf(this.columns);
    this.keptColumns = this.kept.map(([, column]) => column);
    this.rows = new RowStore(this.kept.map(([field]) => field));
    this.headers = cells.map((cell) => (typeof cell === "string" ? cell.trim() : cell === null || cell === undefined ? "" : String(cell as string | number | boolean)));
    cells.forEach((cell, column) => {
      const field = typeof cell === "string" ? fieldOfHeader(cell) : undefined;
      if (field === "personalName") this.personalNameColumns.push(column);
      if (field === "notes") this.notesColumns.push(column);
    });
    return true;
  }

  /** No header among the first rows: a named sheet's rows are counted as unreadable, others are ignored. */
  private giveUp(): void {
    this.decided = true;
    if (this.kind !== undefined) {
      this.unreadRows = this.buffered.filter((b) => b.cells.some((c) => !isBlank(c))).length;
    }
    this.buffered.length = 0;
  }

  private take(row: number, cells: readonly Cell[]): void {
    if (this.headerRow === undefined) {
      if (cells.some((c) => !isBlank(c))) this.unreadRows++;
      return;
    }
    if (isDataRow(cells, this.keptColumns, this.personalNameColumns, this.notesColumns)) this.rows.push(row, cells, this.keptColumns);
  }
}
