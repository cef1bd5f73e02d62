/**
 * An in-memory Excel host: the part of the Excel JavaScript API the add-in
 * uses, with Excel's rules where they matter to the tests:
 * - a loadable property can be read only after `load` and a `context.sync`;
 * - every sync's payload (cells read or written) is recorded;
 * - a string starting with "=" becomes a formula unless the cell's number
 *   format is text ("@"), as with typed input;
 * - every write is logged with its sheet.
 * Runs in Node (adapter and component tests) and, bundled, in Chromium.
 */
export interface MemoryCell {
  value: unknown;
  formula?: string;
  numberFormat?: string;
}

export interface MemorySheet {
  id: string;
  name: string;
  cells: Map<string, MemoryCell>;
  tables: { name: string; address: string }[];
  charts: { title: string; type: string; source: string; xValues: string[]; position: string[] }[];
  validations: { address: string; source: string }[];
  frozenRows: number;
}

export interface WriteLog {
  readonly sheet: string;
  readonly op: string;
}

export interface MemoryWorkbook {
  sheets: MemorySheet[];
  settings: Record<string, unknown>;
  writes: WriteLog[];
  /** Cells carried by each sync. */
  syncPayloads: number[];
  selected?: { sheet: string; address: string };
  /** Make the next operation of this name fail (tests of failure handling). */
  failOn?: string;
}

const key = (r: number, c: number): string => `${r},${c}`;

export function columnName(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function parseAddress(address: string): { r: number; c: number; rows: number; cols: number } {
  const [a, b] = address.replace(/^.*!/, "").replace(/\$/g, "").split(":");
  const one = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { r: Number(m[2]) - 1, c: col };
  };
  const p = one(a);
  const q = b ? one(b) : p;
  return { r: p.r, c: p.c, rows: q.r - p.r + 1, cols: q.c - p.c + 1 };
}

export function createWorkbook(sheets: Record<string, unknown[][]>): MemoryWorkbook {
  const wb: MemoryWorkbook = { sheets: [], settings: {}, writes: [], syncPayloads: [] };
  let n = 0;
  for (const [name, rows] of Object.entries(sheets)) {
    const cells = new Map<string, MemoryCell>();
    rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && v !== "" && cells.set(key(r, c), { value: v })));
    wb.sheets.push({ id: `{sheet-${++n}}`, name, cells, tables: [], charts: [], validations: [], frozenRows: 0 });
  }
  return wb;
}

/** The sheet's cells as rows of values ("" for empty), as Excel shows them. */
export function sheetValues(sheet: MemorySheet): unknown[][] {
  let maxR = -1;
  let maxC = -1;
  for (const k of sheet.cells.keys()) {
    const [r, c] = k.split(",").map(Number);
    maxR = Math.max(maxR, r);
    maxC = Math.max(maxC, c);
  }
  return Array.from({ length: maxR + 1 }, (_, r) => Array.from({ length: maxC + 1 }, (_, c) => sheet.cells.get(key(r, c))?.value ?? ""));
}

class NotLoaded extends Error {
  code = "PropertyNotLoaded";
}

/** One Excel.run: objects queue loads; sync makes them readable. */
class Context {
  private pending: (() => void)[] = [];
  payload = 0;
  readonly workbook: { worksheets: WorksheetCollection };
  constructor(readonly wb: MemoryWorkbook) {
    this.workbook = { worksheets: new WorksheetCollection(this) };
  }
  queue(f: () => void): void {
    this.pending.push(f);
  }
  sync = async (): Promise<void> => {
    const work = this.pending;
    this.pending = [];
    work.forEach((f) => f());
    this.wb.syncPayloads.push(this.payload);
    this.payload = 0;
    await Promise.resolve();
  };
  fail(op: string): void {
    if (this.wb.failOn === op) {
      this.wb.failOn = undefined;
      throw Object.assign(new Error(`${op} failed`), { code: "AccessDenied" });
    }
  }
}

class Loadable {
  protected loaded = new Set<string>();
  constructor(protected readonly ctx: Context) {}
  load(props?: string): this {
    const names = (props ?? "").split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.ctx.queue(() => names.forEach((p) => this.loaded.add(p)));
    this.onLoad(names);
    return this;
  }
  protected onLoad(_names: string[]): void {}
  protected need(prop: string): void {
    if (!this.loaded.has(prop)) throw new NotLoaded(`${prop} is not loaded`);
  }
}

class WorksheetCollection extends Loadable {
  private snapshot: Worksheet[] = [];
  protected onLoad(): void {
    this.ctx.queue(() => (this.snapshot = this.ctx.wb.sheets.map((s) => new Worksheet(this.ctx, s, true))));
  }
  get items(): Worksheet[] {
    this.need("name");
    return this.snapshot;
  }
  getItem(name: string): Worksheet {
    const s = this.ctx.wb.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw Object.assign(new Error(`no sheet ${name}`), { code: "ItemNotFound" });
    return new Worksheet(this.ctx, s, false);
  }
  add(name: string): Worksheet {
    this.ctx.fail("add");
    const sheet: MemorySheet = { id: `{sheet-${this.ctx.wb.sheets.length + 1}-${Math.random().toString(36).slice(2)}}`, name, cells: new Map(), tables: [], charts: [], validations: [], frozenRows: 0 };
    this.ctx.wb.sheets.push(sheet);
    this.ctx.wb.writes.push({ sheet: name, op: "add" });
    return new Worksheet(this.ctx, sheet, false);
  }
}

class Worksheet extends Loadable {
  constructor(ctx: Context, readonly sheet: MemorySheet, preloaded: boolean) {
    super(ctx);
    if (preloaded) ["name", "id"].forEach((p) => this.loaded.add(p));
  }
  get name(): string {
    return this.sheet.name;
  }
  set name(value: string) {
    this.log("rename");
    this.sheet.name = value;
  }
  get id(): string {
    this.need("id");
    return this.sheet.id;
  }
  private log(op: string): void {
    this.ctx.wb.writes.push({ sheet: this.sheet.name, op });
  }
  getUsedRangeOrNullObject(): Range {
    const values = sheetValues(this.sheet);
    if (values.length === 0) return new Range(this.ctx, this.sheet, 0, 0, 0, 0, true);
    return new Range(this.ctx, this.sheet, 0, 0, values.length, values[0].length, false);
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): Range {
    return new Range(this.ctx, this.sheet, r, c, rows, cols, false);
  }
  getRange(address: string): Range {
    const a = parseAddress(address);
    return new Range(this.ctx, this.sheet, a.r, a.c, a.rows, a.cols, false);
  }
  delete(): void {
    this.ctx.fail("delete");
    this.log("delete");
    this.ctx.wb.sheets = this.ctx.wb.sheets.filter((s) => s !== this.sheet);
  }
  activate(): void {}
  get freezePanes() {
    return { freezeRows: (n: number) => ((this.sheet.frozenRows = n), this.log("freeze")) };
  }
  get tables() {
    return {
      add: (address: string) => {
        this.log("table");
        const table = { name: "", address };
        this.sheet.tables.push(table);
        return table;
      },
    };
  }
  get charts() {
    return {
      add: (type: string, source: Range) => {
        this.ctx.fail("chart");
        this.log("chart");
        const chart = { title: "", type, source: source.address, xValues: [] as string[], position: [] as string[] };
        this.sheet.charts.push(chart);
        return {
          title: {
            set text(t: string) {
              chart.title = t;
            },
          },
          series: { getItemAt: () => ({ setXAxisValues: (r: Range) => chart.xValues.push(r.address) }) },
          setPosition: (from: string, to: string) => (chart.position = [from, to]),
        };
      },
    };
  }
}

class Range extends Loadable {
  constructor(
    ctx: Context,
    readonly sheet: MemorySheet,
    readonly r: number,
    readonly c: number,
    readonly rows: number,
    readonly cols: number,
    readonly isNullObject: boolean,
  ) {
    super(ctx);
  }
  protected onLoad(names: string[]): void {
    if (names.includes("values")) this.ctx.payload += this.rows * this.cols;
  }
  get address(): string {
    return `'${this.sheet.name}'!${columnName(this.c)}${this.r + 1}:${columnName(this.c + this.cols - 1)}${this.r + this.rows}`;
  }
  get rowIndex(): number {
    this.need("rowIndex");
    return this.r;
  }
  get columnIndex(): number {
    this.need("columnIndex");
    return this.c;
  }
  get rowCount(): number {
    this.need("rowCount");
    return this.rows;
  }
  get columnCount(): number {
    this.need("columnCount");
    return this.cols;
  }
  get values(): unknown[][] {
    this.need("values");
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => this.sheet.cells.get(key(this.r + i, this.c + j))?.value ?? ""));
  }
  private each(matrix: unknown[][], op: string, apply: (cell: MemoryCell, v: unknown) => void): void {
    if (matrix.length !== this.rows || matrix.some((row) => row.length !== this.cols)) throw new Error(`${op}: matrix does not fit ${this.address}`);
    this.ctx.payload += this.rows * this.cols;
    this.ctx.wb.writes.push({ sheet: this.sheet.name, op });
    matrix.forEach((row, i) =>
      row.forEach((v, j) => {
        const k = key(this.r + i, this.c + j);
        const cell = this.sheet.cells.get(k) ?? { value: "" };
        apply(cell, v);
        this.sheet.cells.set(k, cell);
      }),
    );
  }
  set values(matrix: unknown[][]) {
    this.each(matrix, "values", (cell, v) => {
      if (typeof v === "string" && v.startsWith("=") && cell.numberFormat !== "@") {
        cell.formula = v;
        cell.value = "";
      } else {
        cell.formula = undefined;
        cell.value = v;
      }
    });
  }
  set formulas(matrix: unknown[][]) {
    this.each(matrix, "formulas", (cell, v) => {
      cell.formula = String(v);
      const link = /^=HYPERLINK\("(.*)","(.*)"\)$/.exec(String(v));
      cell.value = link ? link[2].replace(/""/g, '"') : "";
    });
  }
  set numberFormat(matrix: unknown[][]) {
    this.each(matrix, "numberFormat", (cell, v) => (cell.numberFormat = String(v)));
  }
  get format() {
    const log = () => this.ctx.wb.writes.push({ sheet: this.sheet.name, op: "format" });
    const sink: Record<string, unknown> = new Proxy({}, { set: () => (log(), true), get: (_, p) => (p === "font" || p === "fill" ? sink : undefined) });
    return sink as unknown as Excel.RangeFormat;
  }
  getEntireColumn(): Range {
    return new Range(this.ctx, this.sheet, 0, this.c, 1_048_576, this.cols, false);
  }
  merge(): void {
    this.ctx.wb.writes.push({ sheet: this.sheet.name, op: "merge" });
  }
  select(): void {
    this.ctx.wb.selected = { sheet: this.sheet.name, address: `${columnName(this.c)}${this.r + 1}` };
  }
  get dataValidation() {
    const log = () => this.ctx.wb.writes.push({ sheet: this.sheet.name, op: "dataValidation" });
    const addRule = (source: string) => this.sheet.validations.push({ address: this.address, source });
    return {
      clear: log,
      set rule(rule: { list: { source: string } }) {
        log();
        addRule(rule.list.source);
      },
      set ignoreBlanks(_: boolean) {},
      set errorAlert(_: unknown) {},
    };
  }
}

/** The `Excel` and `Office` globals over a memory workbook. */
export function createOfficeApi(wb: MemoryWorkbook) {
  const Excel = {
    run: async <T>(callback: (context: Context) => Promise<T>): Promise<T> => callback(new Context(wb)),
    ChartType: { columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns" },
    DataValidationAlertStyle: { warning: "Warning" },
  };
  const Office = {
    onReady: (callback?: () => void) => {
      callback?.();
      return Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      document: {
        settings: {
          get: (name: string) => wb.settings[name] ?? null,
          set: (name: string, value: unknown) => void (wb.settings[name] = JSON.parse(JSON.stringify(value))),
          saveAsync: (callback: (r: { status: string }) => void) => callback({ status: "succeeded" }),
        },
      },
      requirements: { isSetSupported: () => true },
    },
  };
  return { Excel, Office };
}
