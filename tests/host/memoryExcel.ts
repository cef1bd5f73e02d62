/**
 * An in-memory Excel host: the part of the Excel JavaScript API the add-in
 * uses, following Excel's documented rules where they matter to the tests.
 *
 * Modelled (each with the test that relies on it):
 * - load before read: a loadable property is readable only after `load` and `context.sync`;
 * - commands are queued and run at `context.sync()`; an error surfaces there, not at the call;
 *   a batch is not a transaction: the commands before the failing one stay applied, the rest are dropped;
 * - table names are unique in the whole workbook (case-insensitive), begin with a letter, `_` or `\`, hold no
 *   spaces and no characters other than letters, digits, `_`, `.` and `\`, and do not look like a cell
 *   reference; a clash or a bad name fails at sync with `InvalidArgument`;
 * - sheet names: at most 31 characters, none of `[]:*?/\`, unique (case-insensitive): `InvalidArgument` /
 *   `ItemAlreadyExists` at sync;
 * - error cells: `values` gives the error as text in German Excel's spelling (`#NV`, `#BEZUG!`), `valueTypes`
 *   says `Error`;
 * - a string starting with "=" written as a value becomes a formula, unless the cell's number format is text
 *   ("@"); a formula written into a "@" cell stays text as well;
 * - data validation: `type` is `None` without a rule, a rule cannot be set over an existing one
 *   (`InvalidOperation`), `clear()` removes every rule on the range, the team's own included;
 * - the used range is the block of cells with values, wherever it starts (not always A1);
 * - every sync's payload in bytes (values and value types as JSON, written matrices as JSON, format calls at a
 *   fixed weight) is recorded, to compare with the 5 MB limit of Excel on the web; every write is logged with
 *   its sheet, and every read of values with its address (so a test sees which columns were read).
 *
 * - page layout (ExcelApi 1.9): paper, orientation, zoom, footer, print titles (whole rows only) and print area
 *   (an A1 range only; else `InvalidArgument` at sync), page breaks: recorded per sheet, to be read back;
 * - the host: `Office.onReady` reports Excel (or null, as office.js does in a plain browser), `isSetSupported`
 *   answers for ExcelApi up to a chosen version (an older Excel), `Office.context.officeTheme` is a chosen theme or
 *   absent (as on the web); a test can also leave office.js out entirely (the `Office` global then is undefined);
 *
 * - events (ExcelApi 1.7 `worksheet.onChanged`, 1.9 `worksheets.onChanged`): a handler is registered at sync and
 *   removed by `remove()` at sync; it is called after the sync that made a change (asynchronously, never inside the
 *   batch) with `type` "WorksheetChanged", `changeType` ("RangeEdited", "RowInserted", "RowDeleted"), `source`
 *   "Local", `worksheetId` and `address` (A1 without the sheet; entire rows as "5:7"), and `details` (before and
 *   after) only when one cell changed. Raised for the add-in's own writes of values and formulas too, as Excel does;
 *   formats, data validation and conditional formats raise none. Staff's typing, pasting, inserting and deleting
 *   rows are `userEdit`, `userInsertRows` and `userDeleteRows`: applied at once, then the events;
 * - `worksheets.getItemOrNullObject(name)` (ExcelApi 1.4): `isNullObject` readable after the sync, nothing else on a
 *   null object (Office.js: "*OrNullObject methods");
 * - custom XML parts (ExcelApi 1.5): `add`, `getByNamespace(…).getOnlyItemOrNullObject()`, `getXml`, `delete`;
 * - `Range.clear(applyTo)` (ExcelApi 1.1): "Contents" empties values and formulas and keeps the number format; it
 *   raises `onChanged` like an edit; `failOn: "clear#n"` makes its n-th call fail at sync (a protected sheet's
 *   `AccessDenied`), the calls before it applied, as a batch is not a transaction;
 * - conditional formats (ExcelApi 1.6, custom formula rules): `conditionalFormats.add("Custom")` with its rule's
 *   formula and fill colour, kept with the range they cover, read back with `getItems` / `load`, deleted one by one
 *   or by `clearAll()` (which removes the team's own rules too);
 *
 * Not modelled: the exact bytes of Excel's protocol (JSON is the estimate), recalculation, number
 * formatting of displayed text, charts beyond their source and position, undo, other users editing.
 * Runs in Node (adapter and component tests) and, bundled, in Chromium.
 */
export interface MemoryCell {
  value: unknown;
  formula?: string;
  numberFormat?: string;
  /** The cell holds an error value; `value` is its text in German Excel. */
  error?: boolean;
}

export interface MemoryTable {
  name: string;
  address: string;
}

export interface MemorySheet {
  id: string;
  name: string;
  cells: Map<string, MemoryCell>;
  tables: MemoryTable[];
  charts: { title: string; type: string; source: string; xValues: string[]; position: string[] }[];
  validations: { address: string; source: string; title?: string }[];
  frozenRows: number;
  /** What `worksheet.pageLayout` and `horizontalPageBreaks` were given (absent until set). */
  pageLayout?: MemoryPageLayout;
  /** Conditional formats with custom formulas, in their order of priority. */
  conditionalFormats?: MemoryConditionalFormat[];
}

export interface MemoryPageLayout {
  paperSize?: string;
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  centerFooter?: string;
  printTitleRows?: string;
  printArea?: string;
  breaks: string[];
}

export interface WriteLog {
  readonly sheet: string;
  readonly op: string;
}

export interface MemoryWorkbook {
  sheets: MemorySheet[];
  settings: Record<string, unknown>;
  writes: WriteLog[];
  /** Bytes carried by each sync. */
  syncPayloads: number[];
  /** Every range whose values were read: sheet and A1 address. */
  reads: { sheet: string; address: string }[];
  selected?: { sheet: string; address: string };
  /** Make the next operation of this name fail at sync (tests of failure handling); `"clear#3"`: its third call. */
  failOn?: string;
  /** Calls counted so far towards a `failOn` of the form `"op#n"`. */
  failCalls?: number;
  /** Registered `onChanged` handlers: of one sheet (its id), or of every sheet. */
  handlers: { sheetId?: string; handler: (args: ChangedEvent) => unknown }[];
  /** Every event raised, in order (for tests: what the add-in was told). */
  events: ChangedEvent[];
  customXmlParts: { id: string; namespaceUri: string; xml: string }[];
}

/** What `onChanged` hands a handler (Excel.WorksheetChangedEventArgs, the part the add-in reads). */
export interface ChangedEvent {
  readonly type: "WorksheetChanged";
  readonly changeType: "RangeEdited" | "RowInserted" | "RowDeleted";
  readonly source: "Local";
  readonly worksheetId: string;
  readonly address: string;
  readonly details?: { valueBefore: unknown; valueAfter: unknown; valueTypeBefore: string; valueTypeAfter: string };
}

export interface MemoryConditionalFormat {
  readonly id: string;
  address: string;
  formula: string;
  fill?: string;
  stopIfTrue?: boolean;
}

/** An error cell of the initial workbook: `{ error: "#NV" }`. */
export interface ErrorValue {
  readonly error: string;
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

function overlaps(a: string, b: string): boolean {
  const x = parseAddress(a);
  const y = parseAddress(b);
  return x.r < y.r + y.rows && y.r < x.r + x.rows && x.c < y.c + y.cols && y.c < x.c + x.cols;
}

function excelError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, debugInfo: { code, message, errorLocation: "memoryExcel" } });
}

export function createWorkbook(sheets: Record<string, unknown[][]>): MemoryWorkbook {
  const wb: MemoryWorkbook = { sheets: [], settings: {}, writes: [], syncPayloads: [], reads: [], handlers: [], events: [], customXmlParts: [] };
  let n = 0;
  for (const [name, rows] of Object.entries(sheets)) {
    const cells = new Map<string, MemoryCell>();
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        if (typeof v === "object" && "error" in v) cells.set(key(r, c), { value: (v as ErrorValue).error, error: true });
        else cells.set(key(r, c), { value: v });
      }),
    );
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

/** Excel's rules for a table name (a name of the workbook). */
function tableNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 255) return "length";
  if (!/^[A-Za-z_\\\u00C0-\uFFFF]/.test(name)) return "first character";
  if (/[^A-Za-z0-9_.\\\u00C0-\uFFFF]/.test(name)) return "character";
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name)) return "looks like a reference";
  return undefined;
}

/** Raises the events of a sync's (or staff's) changes, after it: never inside the batch that made them. */
function raise(wb: MemoryWorkbook, changes: readonly ChangedEvent[]): void {
  if (changes.length === 0) return;
  wb.events.push(...changes);
  const handlers = [...wb.handlers];
  setTimeout(() => {
    for (const change of changes) for (const h of handlers) if (h.sheetId === undefined || h.sheetId === change.worksheetId) void h.handler(change);
  }, 0);
}

/** `onChanged` of a sheet (its id) or of the collection: `add` registers at sync, its result's `remove` unregisters at sync. */
function eventSource(ctx: Context, sheetId: string | undefined) {
  return {
    add: (handler: (args: ChangedEvent) => unknown) => {
      const entry = { sheetId, handler };
      ctx.queue(() => void ctx.wb.handlers.push(entry));
      return { remove: () => ctx.queue(() => void (ctx.wb.handlers = ctx.wb.handlers.filter((h) => h !== entry))) };
    },
  };
}

/** The A1 address of a block (without the sheet): one cell as "B5". */
function blockAddress(r: number, c: number, rows: number, cols: number): string {
  const first = `${columnName(c)}${r + 1}`;
  return rows === 1 && cols === 1 ? first : `${first}:${columnName(c + cols - 1)}${r + rows}`;
}

/** The event of values written into a block; `details` only for one cell, as Excel gives it. */
function rangeEdited(sheet: MemorySheet, r: number, c: number, rows: number, cols: number, values: unknown[][], op: string): ChangedEvent {
  const base = { type: "WorksheetChanged" as const, changeType: "RangeEdited" as const, source: "Local" as const, worksheetId: sheet.id, address: blockAddress(r, c, rows, cols) };
  if (rows !== 1 || cols !== 1) return base;
  const before = sheet.cells.get(key(r, c));
  const after = values[0][0];
  const formula = op === "formulas" || (typeof after === "string" && after.startsWith("="));
  return {
    ...base,
    details: {
      valueBefore: before?.value ?? "", valueAfter: formula ? "" : after, valueTypeBefore: TYPE_OF(before),
      valueTypeAfter: after === "" || after === null ? "Empty" : typeof after === "number" ? "Double" : typeof after === "boolean" ? "Boolean" : "String",
    },
  };
}

/** Staff type or paste into a sheet: the cells change at once, the event follows. `values` as `Range.values` takes them. */
export function userEdit(wb: MemoryWorkbook, sheetName: string, address: string, values: unknown[][]): void {
  const sheet = wb.sheets.find((s) => s.name === sheetName)!;
  const a = parseAddress(address);
  const change = rangeEdited(sheet, a.r, a.c, values.length, values[0].length, values, "values");
  values.forEach((row, i) =>
    row.forEach((v, j) => {
      const k = key(a.r + i, a.c + j);
      if (v === "" || v === null || v === undefined) sheet.cells.delete(k);
      else if (typeof v === "object" && "error" in v) sheet.cells.set(k, { value: (v as ErrorValue).error, error: true });
      else sheet.cells.set(k, { ...(sheet.cells.get(k) ?? {}), value: v, error: undefined, formula: undefined });
    }),
  );
  raise(wb, [change]);
}

/** Staff select a block (a column down to the sheet's end, say) and press Delete: its cells are emptied, one event. */
export function userClear(wb: MemoryWorkbook, sheetName: string, address: string): void {
  const sheet = wb.sheets.find((s) => s.name === sheetName)!;
  const a = parseAddress(address);
  for (const k of [...sheet.cells.keys()]) {
    const [r, c] = k.split(",").map(Number);
    if (r >= a.r && r < a.r + a.rows && c >= a.c && c < a.c + a.cols) sheet.cells.delete(k);
  }
  raise(wb, [{ type: "WorksheetChanged", changeType: "RangeEdited", source: "Local", worksheetId: sheet.id, address: blockAddress(a.r, a.c, a.rows, a.cols) }]);
}

/** Moves every cell at or below 0-based row `from` by `by` rows (the rows they move over are already empty). */
function shiftCells(sheet: MemorySheet, from: number, by: number): void {
  const moved = new Map<string, MemoryCell>();
  for (const [k, cell] of sheet.cells) {
    const [r, c] = k.split(",").map(Number);
    moved.set(r < from ? k : key(r + by, c), cell);
  }
  sheet.cells = moved;
}

/** Staff insert `count` empty rows above 1-based row `row`. */
export function userInsertRows(wb: MemoryWorkbook, sheetName: string, row: number, count: number): void {
  const sheet = wb.sheets.find((s) => s.name === sheetName)!;
  shiftCells(sheet, row - 1, count);
  raise(wb, [{ type: "WorksheetChanged", changeType: "RowInserted", source: "Local", worksheetId: sheet.id, address: `${row}:${row + count - 1}` }]);
}

/** Staff delete 1-based rows `row` to `row + count - 1`. */
export function userDeleteRows(wb: MemoryWorkbook, sheetName: string, row: number, count: number): void {
  const sheet = wb.sheets.find((s) => s.name === sheetName)!;
  for (const k of [...sheet.cells.keys()]) {
    const r = Number(k.split(",")[0]);
    if (r >= row - 1 && r < row - 1 + count) sheet.cells.delete(k);
  }
  shiftCells(sheet, row - 1 + count, -count);
  raise(wb, [{ type: "WorksheetChanged", changeType: "RowDeleted", source: "Local", worksheetId: sheet.id, address: `${row}:${row + count - 1}` }]);
}

/** The workbook's custom XML parts (ExcelApi 1.5): what an add-in keeps in the file beside the sheets. */
class CustomXmlParts {
  constructor(private readonly ctx: Context) {}
  add(xml: string) {
    const ns = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
    const part = { id: `{part-${this.ctx.wb.customXmlParts.length + 1}-${Math.random().toString(36).slice(2)}}`, namespaceUri: ns, xml };
    this.ctx.queue(() => void this.ctx.wb.customXmlParts.push(part));
    return this.partObject(() => part);
  }
  getByNamespace(ns: string) {
    const ctx = this.ctx;
    return {
      getOnlyItemOrNullObject: () => {
        const state: { part: MemoryWorkbook["customXmlParts"][number] | undefined; checked: boolean } = { part: undefined, checked: false };
        const object = this.partObject(() => state.part);
        ctx.queue(() => {
          const parts = ctx.wb.customXmlParts.filter((p) => p.namespaceUri === ns);
          state.part = parts.length === 1 ? parts[0] : undefined;
          state.checked = true;
        });
        // Readable after the sync (as Office.js's *OrNullObject results are), not before.
        return Object.defineProperty(object, "isNullObject", {
          get: (): boolean => {
            if (!state.checked) throw new NotLoaded("isNullObject is not loaded");
            return state.part === undefined;
          },
        }) as typeof object & { readonly isNullObject: boolean };
      },
    };
  }
  private partObject(find: () => MemoryWorkbook["customXmlParts"][number] | undefined) {
    const ctx = this.ctx;
    return {
      getXml: () => {
        const result = { value: "" as string, loaded: false };
        ctx.queue(() => {
          const part = find();
          if (!part) throw excelError("ItemNotFound", "no custom XML part");
          ctx.payload += part.xml.length;
          result.value = part.xml;
          result.loaded = true;
        });
        return {
          get value(): string {
            if (!result.loaded) throw new NotLoaded("value is not loaded");
            return result.value;
          },
        };
      },
      delete: () => ctx.queue(() => void (ctx.wb.customXmlParts = ctx.wb.customXmlParts.filter((p) => p !== find()))),
      load: function () {
        return this;
      },
    };
  }
}

class NotLoaded extends Error {
  code = "PropertyNotLoaded";
}

/** One Excel.run: commands and loads are queued; sync runs them in order. */
class Context {
  private pending: (() => void)[] = [];
  payload = 0;
  /** Changes of values made by the commands of the sync under way: raised as events once it is done. */
  changes: ChangedEvent[] = [];
  readonly workbook: { worksheets: WorksheetCollection; tables: TableCollection; customXmlParts: CustomXmlParts };
  constructor(readonly wb: MemoryWorkbook) {
    this.workbook = { worksheets: new WorksheetCollection(this), tables: new TableCollection(this), customXmlParts: new CustomXmlParts(this) };
  }
  queue(f: () => void): void {
    this.pending.push(f);
  }
  /** Runs the queued commands; the first that fails ends the batch (the ones before it stay applied). */
  sync = async (): Promise<void> => {
    const work = this.pending;
    this.pending = [];
    try {
      for (const f of work) f();
    } finally {
      this.wb.syncPayloads.push(this.payload);
      this.payload = 0;
      const changes = this.changes;
      this.changes = [];
      raise(this.wb, changes);
    }
    await Promise.resolve();
  };
  /** Queues a failure for the operation named in `failOn` (`"clear#3"`: its third call fails, the ones before succeed). */
  fail(op: string): void {
    const nth = /^(.+)#(\d+)$/.exec(this.wb.failOn ?? "");
    if (nth && nth[1] === op) {
      this.wb.failCalls = (this.wb.failCalls ?? 0) + 1;
      if (this.wb.failCalls < Number(nth[2])) return;
      this.wb.failCalls = undefined;
    }
    if (this.wb.failOn === op || (nth && nth[1] === op)) {
      this.wb.failOn = undefined;
      this.queue(() => {
        throw excelError("AccessDenied", `${op} failed`);
      });
    }
  }
  log(sheet: MemorySheet, op: string): void {
    this.wb.writes.push({ sheet: sheet.name, op });
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
  /** ExcelApi 1.9: changes on every sheet of the workbook. */
  get onChanged() {
    return eventSource(this.ctx, undefined);
  }
  protected onLoad(): void {
    this.ctx.queue(() => (this.snapshot = this.ctx.wb.sheets.map((s) => new Worksheet(this.ctx, s, true))));
  }
  get items(): Worksheet[] {
    this.need("name");
    return this.snapshot;
  }
  getItem(name: string): Worksheet {
    const s = this.ctx.wb.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw excelError("ItemNotFound", `no sheet ${name}`);
    return new Worksheet(this.ctx, s, false);
  }
  /**
   * ExcelApi 1.4: the sheet, or a null object whose `isNullObject` is readable after the next sync. Only
   * `isNullObject` is modelled on a null object; Office.js says its other properties and methods are not to be used.
   */
  getItemOrNullObject(name: string): { readonly isNullObject: boolean } {
    const state = { found: false, checked: false };
    this.ctx.queue(() => {
      state.found = this.ctx.wb.sheets.some((x) => x.name.toLowerCase() === name.toLowerCase());
      state.checked = true;
    });
    return {
      get isNullObject(): boolean {
        if (!state.checked) throw new NotLoaded("isNullObject is not loaded");
        return !state.found;
      },
    };
  }
  add(name: string): Worksheet {
    this.ctx.fail("add");
    const sheet: MemorySheet = { id: `{sheet-${this.ctx.wb.sheets.length + 1}-${Math.random().toString(36).slice(2)}}`, name, cells: new Map(), tables: [], charts: [], validations: [], frozenRows: 0 };
    this.ctx.queue(() => {
      checkSheetName(this.ctx.wb, name, undefined);
      this.ctx.wb.sheets.push(sheet);
      this.ctx.log(sheet, "add");
    });
    return new Worksheet(this.ctx, sheet, false);
  }
}

function checkSheetName(wb: MemoryWorkbook, name: string, self: MemorySheet | undefined): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw excelError("InvalidArgument", `bad sheet name ${name}`);
  if (wb.sheets.some((s) => s !== self && s.name.toLowerCase() === name.toLowerCase())) throw excelError("ItemAlreadyExists", `sheet ${name} exists`);
}

/** The workbook's tables, each with its sheet. */
class TableCollection extends Loadable {
  private snapshot: { name: string; worksheet: { name: string } }[] = [];
  protected onLoad(): void {
    this.ctx.queue(() => (this.snapshot = this.ctx.wb.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, worksheet: { name: s.name } })))));
  }
  get items(): { name: string; worksheet: { name: string } }[] {
    this.need("name");
    return this.snapshot;
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
    this.ctx.fail("rename");
    this.ctx.queue(() => {
      checkSheetName(this.ctx.wb, value, this.sheet);
      this.ctx.log(this.sheet, "rename");
      this.sheet.name = value;
    });
  }
  get id(): string {
    this.need("id");
    return this.sheet.id;
  }
  /** ExcelApi 1.7: changes on this sheet. */
  get onChanged() {
    return eventSource(this.ctx, this.sheet.id);
  }
  /** The smallest block holding every cell with a value (Excel's used range need not start at A1). */
  getUsedRangeOrNullObject(): Range {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    for (const [k, cell] of this.sheet.cells) {
      if (cell.value === "" && cell.formula === undefined) continue;
      const [r, c] = k.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (bottom < 0) return new Range(this.ctx, this.sheet, 0, 0, 0, 0, true);
    return new Range(this.ctx, this.sheet, top, left, bottom - top + 1, right - left + 1, false);
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): Range {
    return new Range(this.ctx, this.sheet, r, c, rows, cols, false);
  }
  /** A block by its A1 address; without one, the whole sheet. */
  getRange(address?: string): Range {
    if (address === undefined) return new Range(this.ctx, this.sheet, 0, 0, 1_048_576, 16_384, false);
    const a = parseAddress(address);
    return new Range(this.ctx, this.sheet, a.r, a.c, a.rows, a.cols, false);
  }
  delete(): void {
    this.ctx.fail("delete");
    this.ctx.queue(() => {
      this.ctx.log(this.sheet, "delete");
      this.ctx.wb.sheets = this.ctx.wb.sheets.filter((s) => s !== this.sheet);
    });
  }
  activate(): void {}
  private layout(): MemoryPageLayout {
    this.sheet.pageLayout ??= { breaks: [] };
    return this.sheet.pageLayout;
  }
  /** ExcelApi 1.9. Print titles must be whole rows (`$3:$3`), a print area an A1 range: else InvalidArgument at sync. */
  get pageLayout() {
    const ctx = this.ctx;
    const set = (apply: (l: MemoryPageLayout) => void) => ctx.queue(() => (apply(this.layout()), ctx.log(this.sheet, "pageLayout")));
    return {
      set paperSize(v: string) { set((l) => (l.paperSize = v)); },
      set orientation(v: string) { set((l) => (l.orientation = v)); },
      set zoom(v: MemoryPageLayout["zoom"]) { set((l) => (l.zoom = { ...v })); },
      headersFooters: { defaultForAllPages: { set centerFooter(v: string) { set((l) => (l.centerFooter = v)); } } },
      setPrintTitleRows: (rows: string) =>
        set((l) => {
          if (!/^\$?\d+:\$?\d+$/.test(rows)) throw excelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
          l.printTitleRows = rows;
        }),
      setPrintArea: (area: string) =>
        set((l) => {
          if (!/^\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+$/.test(area)) throw excelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
          l.printArea = area;
        }),
    };
  }
  get horizontalPageBreaks() {
    return { add: (cell: string) => this.ctx.queue(() => (this.layout().breaks.push(cell), this.ctx.log(this.sheet, "pageBreak"))) };
  }
  get freezePanes() {
    return { freezeRows: (n: number) => this.ctx.queue(() => ((this.sheet.frozenRows = n), this.ctx.log(this.sheet, "freeze"))) };
  }
  get tables() {
    return {
      add: (address: string) => {
        this.ctx.fail("table");
        const table: MemoryTable = { name: "", address };
        this.ctx.queue(() => {
          this.ctx.log(this.sheet, "table");
          const taken = new Set(this.ctx.wb.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
          let n = 1;
          while (taken.has(`tabelle${n}`)) n++;
          table.name = `Tabelle${n}`;
          this.sheet.tables.push(table);
        });
        const ctx = this.ctx;
        return {
          get name(): string {
            return table.name;
          },
          set name(value: string) {
            ctx.queue(() => {
              const problem = tableNameProblem(value);
              if (problem) throw excelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (table name: ${problem})`);
              const clash = ctx.wb.sheets.some((s) => s.tables.some((t) => t !== table && t.name.toLowerCase() === value.toLowerCase()));
              if (clash) throw excelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
              table.name = value;
            });
          },
        };
      },
      getItem: (name: string) => {
        const ctx = this.ctx;
        const find = (): MemoryTable => {
          const t = this.sheet.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
          if (!t) throw excelError("ItemNotFound", `no table ${name}`);
          return t;
        };
        return {
          set name(value: string) {
            ctx.queue(() => {
              const table = find();
              const problem = tableNameProblem(value);
              const clash = ctx.wb.sheets.some((s) => s.tables.some((t) => t !== table && t.name.toLowerCase() === value.toLowerCase()));
              if (problem || clash) throw excelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
              table.name = value;
            });
          },
        };
      },
    };
  }
  get charts() {
    return {
      add: (type: string, source: Range) => {
        this.ctx.fail("chart");
        const chart = { title: "", type, source: source.address, xValues: [] as string[], position: [] as string[] };
        this.ctx.queue(() => {
          this.ctx.log(this.sheet, "chart");
          this.sheet.charts.push(chart);
        });
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

/** What one format call weighs in a request (its path and value as JSON), roughly. */
const FORMAT_CALL_BYTES = 150;

const TYPE_OF = (cell: MemoryCell | undefined): string => {
  if (!cell || cell.value === "" || cell.value === null || cell.value === undefined) return "Empty";
  if (cell.error) return "Error";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return "String";
};

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
  /** The response's bytes, as JSON: what counts against Excel on the web's 5 MB limit. */
  protected onLoad(names: string[]): void {
    if (names.includes("values")) {
      this.ctx.payload += JSON.stringify(this.matrix((cell) => cell?.value ?? "")).length;
      this.ctx.wb.reads.push({ sheet: this.sheet.name, address: this.address.replace(/^.*!/, "") });
    }
    if (names.includes("valueTypes")) this.ctx.payload += JSON.stringify(this.matrix(TYPE_OF)).length;
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
  private matrix<T>(f: (cell: MemoryCell | undefined) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => f(this.sheet.cells.get(key(this.r + i, this.c + j)))));
  }
  get values(): unknown[][] {
    this.need("values");
    return this.matrix((cell) => cell?.value ?? "");
  }
  get valueTypes(): string[][] {
    this.need("valueTypes");
    return this.matrix(TYPE_OF);
  }
  private each(matrix: unknown[][], op: string, apply: (cell: MemoryCell, v: unknown) => void): void {
    if (matrix.length !== this.rows || matrix.some((row) => row.length !== this.cols)) throw excelError("InvalidArgument", `${op}: matrix does not fit ${this.address}`);
    this.ctx.payload += JSON.stringify(matrix).length;
    const copy = matrix.map((row) => [...row]);
    this.ctx.queue(() => {
      this.ctx.log(this.sheet, op);
      if (op === "values" || op === "formulas") this.ctx.changes.push(rangeEdited(this.sheet, this.r, this.c, this.rows, this.cols, copy, op));
      copy.forEach((row, i) =>
        row.forEach((v, j) => {
          const k = key(this.r + i, this.c + j);
          const cell = this.sheet.cells.get(k) ?? { value: "" };
          apply(cell, v);
          this.sheet.cells.set(k, cell);
        }),
      );
    });
  }
  set values(matrix: unknown[][]) {
    this.each(matrix, "values", (cell, v) => {
      cell.error = undefined;
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
      cell.error = undefined;
      const text = String(v);
      if (cell.numberFormat === "@") {
        // A text cell keeps what is written into it as text, a formula included.
        cell.formula = undefined;
        cell.value = text;
        return;
      }
      cell.formula = text;
      const link = /^=HYPERLINK\("(.*)","(.*)"\)$/.exec(text);
      cell.value = link ? link[2].replace(/""/g, '"') : "";
    });
  }
  set numberFormat(matrix: unknown[][]) {
    this.each(matrix, "numberFormat", (cell, v) => (cell.numberFormat = String(v)));
  }
  get format() {
    const log = () => {
      this.ctx.payload += FORMAT_CALL_BYTES;
      this.ctx.queue(() => this.ctx.log(this.sheet, "format"));
    };
    const sink: Record<string, unknown> = new Proxy(
      {},
      { set: () => (log(), true), get: (_, p) => (p === "font" || p === "fill" ? sink : p === "borders" ? { getItem: () => sink } : undefined) },
    );
    return sink as unknown as Excel.RangeFormat;
  }
  /** `clear(applyTo)`: "Contents" empties values and formulas and keeps formats; raises `onChanged` as an edit does. */
  clear(applyTo: string = "All"): void {
    this.ctx.fail("clear");
    this.ctx.queue(() => {
      this.ctx.log(this.sheet, "clear");
      const empty = Array.from({ length: this.rows }, () => Array.from({ length: this.cols }, () => ""));
      this.ctx.changes.push(rangeEdited(this.sheet, this.r, this.c, this.rows, this.cols, empty, "values"));
      for (let i = 0; i < this.rows; i++) {
        for (let j = 0; j < this.cols; j++) {
          const k = key(this.r + i, this.c + j);
          const cell = this.sheet.cells.get(k);
          if (!cell) continue;
          if (applyTo === "Contents" || applyTo === "All") Object.assign(cell, { value: "", formula: undefined, error: undefined });
          if (applyTo === "Formats" || applyTo === "All") cell.numberFormat = undefined;
          if (cell.value === "" && cell.numberFormat === undefined) this.sheet.cells.delete(k);
        }
      }
    });
  }
  getEntireColumn(): Range {
    return new Range(this.ctx, this.sheet, 0, this.c, 1_048_576, this.cols, false);
  }
  merge(): void {
    this.ctx.queue(() => this.ctx.log(this.sheet, "merge"));
  }
  select(): void {
    this.ctx.queue(() => (this.ctx.wb.selected = { sheet: this.sheet.name, address: `${columnName(this.c)}${this.r + 1}` }));
  }
  /** ExcelApi 1.6: the conditional formats that cover (part of) this range; only custom formula rules are modelled. */
  get conditionalFormats() {
    const ctx = this.ctx;
    const sheet = this.sheet;
    const address = this.address;
    const state: { items: unknown[] | undefined } = { items: undefined };
    const itemOf = (cf: MemoryConditionalFormat) => {
      let loaded = false;
      return {
        type: "Custom",
        customOrNullObject: {
          rule: {
            load: () => ctx.queue(() => void (loaded = true)),
            get formula(): string {
              if (!loaded) throw new NotLoaded("formula is not loaded");
              return cf.formula;
            },
          },
        },
        delete: () => ctx.queue(() => {
          ctx.log(sheet, "conditionalFormat");
          sheet.conditionalFormats = (sheet.conditionalFormats ?? []).filter((x) => x !== cf);
        }),
      };
    };
    return {
      add: (type: string) => {
        const cf: MemoryConditionalFormat = { id: `{cf-${Math.random().toString(36).slice(2)}}`, address, formula: "" };
        ctx.payload += FORMAT_CALL_BYTES;
        ctx.queue(() => {
          if (type !== "Custom") throw excelError("InvalidArgument", "only custom conditional formats are modelled");
          if (!cf.formula.startsWith("=")) throw excelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
          ctx.log(sheet, "conditionalFormat");
          (sheet.conditionalFormats ??= []).push(cf);
        });
        return {
          custom: {
            rule: { set formula(f: string) { cf.formula = f; } },
            format: { fill: { set color(c: string) { cf.fill = c; } } },
          },
        };
      },
      load(_props?: string) {
        ctx.queue(() => (state.items = (sheet.conditionalFormats ?? []).filter((cf) => overlaps(cf.address, address)).map(itemOf)));
        return this;
      },
      get items() {
        if (state.items === undefined) throw new NotLoaded("items are not loaded");
        return state.items;
      },
      clearAll: () => ctx.queue(() => {
        ctx.log(sheet, "conditionalFormat");
        sheet.conditionalFormats = (sheet.conditionalFormats ?? []).filter((cf) => !overlaps(cf.address, address));
      }),
    };
  }
  private validation: ReturnType<Range["makeDataValidation"]> | undefined;
  /** The same object on every access, as Office.js's navigation properties are. */
  get dataValidation() {
    this.validation ??= this.makeDataValidation();
    return this.validation;
  }
  private makeDataValidation() {
    const ctx = this.ctx;
    const sheet = this.sheet;
    const address = this.address;
    const state = { type: "None", title: "", loaded: false };
    return {
      load(_props?: string) {
        ctx.queue(() => {
          const rules = sheet.validations.filter((v) => overlaps(v.address, address));
          state.type = rules.length === 0 ? "None" : "List";
          state.title = rules[0]?.title ?? "";
          state.loaded = true;
        });
        return this;
      },
      get type(): string {
        if (!state.loaded) throw new NotLoaded("type is not loaded");
        return state.type;
      },
      get errorAlert(): { title: string } {
        if (!state.loaded) throw new NotLoaded("errorAlert is not loaded");
        return { title: state.title };
      },
      clear: () =>
        ctx.queue(() => {
          ctx.log(sheet, "dataValidation");
          sheet.validations = sheet.validations.filter((v) => !overlaps(v.address, address));
        }),
      set rule(rule: { list: { source: string } }) {
        ctx.queue(() => {
          if (sheet.validations.some((v) => overlaps(v.address, address))) throw excelError("InvalidOperation", "The range already has data validation.");
          ctx.log(sheet, "dataValidation");
          sheet.validations.push({ address, source: rule.list.source });
        });
      },
      set ignoreBlanks(_: boolean) {},
      set errorAlert(alert: { title?: string }) {
        ctx.queue(() => {
          const rule = sheet.validations.find((v) => v.address === address);
          if (rule) rule.title = alert.title;
        });
      },
    };
  }
}

/** What kind of Office the host pretends to be. */
export interface HostOptions {
  /** The highest ExcelApi version this Excel supports (Office 2021: 1.14; default: all). */
  readonly excelApi?: string;
  /** `Office.context.officeTheme`, as Office on Windows and Mac give it (absent on the web). */
  readonly officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string };
  /** The host `Office.onReady` reports (null: office.js opened in a plain browser). */
  readonly host?: string | null;
  /** An operation Excel refuses at the next sync (as `MemoryWorkbook.failOn`), e.g. "add" for a protected workbook. */
  readonly failOn?: string;
}

/** Whether version a ("1.14") is at least b ("1.9"), part by part as Office compares them. */
function atLeast(a: string, b: string): boolean {
  const [x, y] = [a.split(".").map(Number), b.split(".").map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return true;
}

/** The `Excel` and `Office` globals over a memory workbook. */
export function createOfficeApi(wb: MemoryWorkbook, options: HostOptions = {}) {
  if (options.failOn) wb.failOn = options.failOn;
  const Excel = {
    run: async <T>(callback: (context: Context) => Promise<T>): Promise<T> => callback(new Context(wb)),
    ChartType: { columnClustered: "ColumnClustered" },
    ChartSeriesBy: { columns: "Columns" },
    DataValidationAlertStyle: { warning: "Warning" },
    DataValidationType: { none: "None" },
    ConditionalFormatType: { custom: "Custom", dataBar: "DataBar", colorScale: "ColorScale", iconSet: "IconSet", topBottom: "TopBottom", presetCriteria: "PresetCriteria", containsText: "ContainsText", cellValue: "CellValue" },
    PaperType: { a4: "A4", letter: "Letter" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks", removeHyperlinks: "RemoveHyperlinks" },
    RangeValueType: { unknown: "Unknown", empty: "Empty", string: "String", integer: "Integer", double: "Double", boolean: "Boolean", error: "Error", richValue: "RichValue" },
  };
  const Office = {
    onReady: (callback?: (info: { host: string | null; platform: string | null }) => void) => {
      const info = { host: options.host === undefined ? "Excel" : options.host, platform: options.host === null ? null : "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
    HostType: { Excel: "Excel" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    context: {
      document: {
        settings: {
          get: (name: string) => wb.settings[name] ?? null,
          set: (name: string, value: unknown) => void (wb.settings[name] = JSON.parse(JSON.stringify(value))),
          saveAsync: (callback: (r: { status: string }) => void) => callback({ status: "succeeded" }),
        },
      },
      officeTheme: options.officeTheme,
      // Office answers for the sets it knows: ExcelApi up to the host's version; other sets (CustomFunctionsRuntime) yes.
      requirements: { isSetSupported: (name: string, version = "1.1") => name !== "ExcelApi" || !options.excelApi || atLeast(options.excelApi, version) },
    },
  };
  return { Excel, Office };
}
