/**
 * What the core hands to a workbook adapter to write: plain sheets of cells
 * with a style name each, optional Excel table and charts. Adapters decide
 * how a style looks; text is always written as text, never as a formula.
 */
export type OutValue = string | number | null;

export type CellStyle =
  | "title" | "subtitle" | "heading" | "header" | "headerNumber" | "label" | "text" | "wrap" | "note"
  | "integer" | "decimal" | "average" | "date" | "total";

/** A cell of the team's workbook that a finding points to. */
export interface SourceCellRef {
  readonly sheet: string;
  /** The cell's column letters, e.g. `B`. */
  readonly column: string;
  /** The cell's 1-based row, e.g. `12`. */
  readonly row: number;
}

/** A source cell's A1 address, e.g. `B12`. */
export const sourceCellAddress = (ref: SourceCellRef): string => `${ref.column}${ref.row}`;

export interface OutCell {
  readonly value: OutValue;
  readonly style?: CellStyle;
  readonly link?: SourceCellRef;
}

/** An Excel table over a block of the sheet: header row `headerRow` (1-based), columns A onward. */
export interface OutTable {
  readonly name: string;
  readonly headerRow: number;
  readonly columns: readonly string[];
  readonly rowCount: number;
}

/** A block of cells in the same sheet, 1-based: one column, rows `firstRow`…`lastRow`. */
export interface ColumnRange {
  readonly column: number;
  readonly firstRow: number;
  readonly lastRow: number;
}

export interface ChartSeries {
  readonly name: string;
  /** The cell holding the series name (1-based row, column). */
  readonly nameCell: { readonly row: number; readonly column: number };
  readonly values: readonly (number | null)[];
  readonly range: ColumnRange;
}

/** A native chart of monthly figures over cells of its own sheet. */
export interface ChartModel {
  readonly title: string;
  readonly type: "column" | "line";
  readonly categories: readonly string[];
  readonly categoryRange: ColumnRange;
  readonly series: readonly ChartSeries[];
  /** Where the chart sits: 0-based columns and rows of its top-left and bottom-right corners. */
  readonly anchor: { readonly fromColumn: number; readonly fromRow: number; readonly toColumn: number; readonly toRow: number };
  readonly valueAxisTitle: string;
}

/** A row of cells from column A; `null` for an empty cell, `undefined` for an empty row. */
export type OutRow = readonly (OutCell | null)[] | undefined;

/**
 * Rows made when a writer asks for them: a table of 150,000 rows is never
 * held as cells, each row is built, written and dropped.
 */
export interface LazyRows {
  readonly count: number;
  /** Row `index` (0-based) of the block; it sits below the sheet's `rows`. */
  row(index: number): OutRow;
  /** The widest row of the block. */
  readonly width: number;
  /**
   * The cell of row `index` that links into the team's workbook (its 0-based column and where it points), if
   * any: a writer that lists the links after the cells asks for them without making each row again.
   */
  link?(index: number): { readonly column: number; readonly ref: SourceCellRef } | undefined;
}

export interface OutSheet {
  readonly name: string;
  /** Column widths in characters, column A first. */
  readonly columnWidths: readonly number[];
  /** Rows from row 1. */
  readonly rows: readonly OutRow[];
  /** More rows below `rows`, made on demand (the body of a large table). */
  readonly moreRows?: LazyRows;
  /** Row heights in points, by 1-based row. */
  readonly rowHeights?: Readonly<Record<number, number>>;
  /** Merged blocks within one row: 1-based row, 1-based first and last column. */
  readonly merges?: readonly { readonly row: number; readonly fromColumn: number; readonly toColumn: number }[];
  readonly table?: OutTable;
  readonly charts?: readonly ChartModel[];
  /** Rows above this 1-based row stay visible when scrolling. */
  readonly freezeBelowRow?: number;
  /** How the sheet prints (every sheet: A4, fitted to the page width, page numbers in the footer). */
  readonly print: PrintLayout;
}

/** How a sheet prints. Every written sheet prints on A4, one page wide, with `PAGE_FOOTER`. */
export interface PrintLayout {
  readonly orientation: "portrait" | "landscape";
  /** Rows repeated at the top of every printed page (1-based, inclusive): a table's header. */
  readonly titleRows?: { readonly first: number; readonly last: number };
  /** Columns A to this 1-based column are printed (default: all that hold cells). */
  readonly lastPrintedColumn?: number;
  /** A page break before each of these 1-based rows (so that a chart or a table is not split). */
  readonly breaksBefore?: readonly number[];
}

/** The footer of every printed page, in Excel's header/footer codes: "Seite 2 von 7". */
export const PAGE_FOOTER = "Seite &P von &N";

export const cell = (value: OutValue, style?: CellStyle, link?: SourceCellRef): OutCell =>
  link ? { value, style, link } : style ? { value, style } : { value };

/** Every row of a sheet, `moreRows` included, in order; each lazy row is made as it is reached. */
export function* allRows(sheet: OutSheet): Generator<OutRow> {
  yield* sheet.rows;
  const more = sheet.moreRows;
  if (more) for (let i = 0; i < more.count; i++) yield more.row(i);
}

/** How many rows a sheet has, `moreRows` included. */
export const rowCount = (sheet: OutSheet): number => sheet.rows.length + (sheet.moreRows?.count ?? 0);

/** The 0-based row `i` of a sheet, `moreRows` included (made as it is asked for): a loop without a generator's cost per row. */
export const rowAt = (sheet: OutSheet, i: number): OutRow => (i < sheet.rows.length ? sheet.rows[i] : sheet.moreRows!.row(i - sheet.rows.length));

/** The widest row of a sheet, `moreRows` included. */
export const sheetWidth = (sheet: OutSheet): number =>
  Math.max(sheet.moreRows?.width ?? 0, sheet.rows.reduce((n, r) => Math.max(n, r?.length ?? 0), 0));
