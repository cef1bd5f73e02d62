import { Analysis, SheetTotals } from "../analysis";
import { Cell, isBlank } from "../cells";
import { Day } from "../dates/calendarDay";
import { IngestedSheet, RawRow, SheetInfo, isDataRow, keptColumnsOf } from "../recognize/sheetIngest";
import { RowStore } from "../recognize/rowStore";
import { ClientRecord, CounsellingRecord, EventRecord, ReferralRecord } from "../records";
import { Field } from "../vocabulary/columns";
import { SheetKind } from "../vocabulary/sheetKinds";
import { CellReadings } from "../validate/cellReadings";
import { DUPLICATE_DESCRIPTION, DuplicateTracker } from "../validate/duplicates";
import { Finding } from "../validate/findings";
import { SheetValidation } from "../validate/sheetValidation";
import { Draft, validateRow } from "../validate/validateRow";
import { checkHeader, clientStatusAvailableIn, markDuplicate, sortInWorkbookOrder } from "../validate/validateWorkbook";

/*
 * The workbook kept checked while staff type (the task pane's live check). It holds the rows of the recognised
 * sheets and each row's validation; an edit replaces, inserts or deletes rows, and only those rows are checked
 * again, together with the rows whose client changed (a blank status taken from the clients sheet). Duplicates,
 * totals and the order of the findings are then assembled again for the sheets that changed, from the rows'
 * results: a pass over the rows without checking them. The result is exactly what `validateWorkbook` gives for the
 * same rows (a property test compares them after random edits).
 */

/** What checking one row gave, with the row number it was checked at (rows move when rows are inserted above). */
interface RowResult {
  readonly at: number;
  readonly findings: readonly Finding[];
  readonly accepted: boolean;
  readonly draft: Draft | undefined;
  /** The year of a plausible date (a year with data), whether the row is accepted or not. */
  readonly year: number | undefined;
  /** The client whose status the row took from the clients sheet (its own status blank). */
  readonly clientStatusOf: string | undefined;
}

interface RowEntry {
  row: number;
  values: Partial<Record<Field, Cell>>;
  result: RowResult | undefined;
}

/** A sheet's part of the analysis, assembled from its rows' results. */
interface SheetAssembly {
  readonly findings: Finding[];
  readonly totals: SheetTotals;
  readonly records: (CounsellingRecord | ReferralRecord | EventRecord)[];
  readonly years: Set<number>;
}

class LiveSheet {
  rows: RowEntry[];
  assembly: SheetAssembly | undefined;

  constructor(
    readonly info: SheetInfo,
    store: RowStore,
  ) {
    this.rows = [];
    for (const raw of store) this.rows.push({ row: raw.row, values: raw.values, result: undefined });
  }

  /** The first entry at or below `row` (binary search: rows are kept in order). */
  indexOf(row: number): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rows[mid].row < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * A sheet row's cells as the sheet keeps them (as `RowStore` keeps a row: every kept field set, a blank one to
 * `undefined`), or undefined for a row that is not a data row. `cells` by 0-based column; a column read only for its
 * blankness may hold any non-blank stand-in.
 */
export function rawRowOf(info: SheetInfo, row: number, cells: readonly Cell[]): RawRow | undefined {
  const kept = keptColumnsOf(info.columns);
  if (!isDataRow(cells, kept.map(([, column]) => column), info.personalNameColumns, info.notesColumns)) return undefined;
  const values: Partial<Record<Field, Cell>> = {};
  for (const [field, column] of kept) values[field] = isBlank(cells[column]) ? undefined : cells[column];
  return { row, values };
}

const KIND_ORDER: readonly SheetKind[] = ["clients", "counselling", "referrals", "events"];

/** What an edit did: the analysis after it, and how many rows were checked again (for the benchmark and the tests). */
export interface EditOutcome {
  readonly analysis: Analysis;
  readonly checkedRows: number;
}

export class LiveWorkbook {
  private readonly sheets: LiveSheet[] = [];
  /** The sheets' names in the workbook's order (findings and totals are listed in it). */
  private readonly order: string[];
  private readonly readings: CellReadings;
  private clients = new Map<string, ClientRecord>();
  private clientsFindings: Finding[][] = [];
  private clientsTotals: SheetTotals[] = [];
  private clientYears = new Set<number>();
  private clientsDirty = true;
  private clientStatusAvailable = false;
  private infos: SheetInfo[];
  private checked = 0;
  /** The analysis as last assembled; dropped by every change. */
  private last: Analysis | undefined;

  constructor(
    ingested: readonly IngestedSheet[],
    private readonly today: Day,
  ) {
    this.readings = new CellReadings(today);
    this.order = ingested.map((s) => s.name);
    this.infos = ingested.map(({ rows: _rows, ...info }) => info);
    for (const { rows, ...info } of ingested) this.sheets.push(new LiveSheet(info, rows));
    this.clientStatusAvailable = clientStatusAvailableIn(ingested);
  }

  /** The sheet as kept, by name (undefined for a sheet not in the workbook). */
  sheet(name: string): SheetInfo | undefined {
    return this.find(name)?.info;
  }

  private find(name: string): LiveSheet | undefined {
    return this.sheets.find((s) => s.info.name === name);
  }

  /**
   * Rows `from` to `to` (1-based) of a sheet as they now are: `rows` holds each data row among them (as
   * `rawRowOf` makes it); the others are blank.
   */
  replaceRows(sheetName: string, from: number, to: number, rows: readonly RawRow[]): EditOutcome {
    const sheet = this.find(sheetName);
    if (!sheet) return { analysis: this.analysis(), checkedRows: 0 };
    const start = sheet.indexOf(from);
    let end = start;
    while (end < sheet.rows.length && sheet.rows[end].row <= to) end++;
    const fresh = [...rows].sort((a, b) => a.row - b.row).map((r): RowEntry => ({ row: r.row, values: r.values, result: undefined }));
    sheet.rows.splice(start, end - start, ...fresh);
    return this.changed(sheet);
  }

  /** `count` rows inserted above row `at`: the rows from there move down (the new rows are blank). */
  insertRows(sheetName: string, at: number, count: number): EditOutcome {
    const sheet = this.find(sheetName);
    if (!sheet) return { analysis: this.analysis(), checkedRows: 0 };
    for (let i = sheet.indexOf(at); i < sheet.rows.length; i++) sheet.rows[i].row += count;
    return this.changed(sheet);
  }

  /** Rows `at` to `at + count - 1` deleted: the rows below move up. */
  deleteRows(sheetName: string, at: number, count: number): EditOutcome {
    const sheet = this.find(sheetName);
    if (!sheet) return { analysis: this.analysis(), checkedRows: 0 };
    const start = sheet.indexOf(at);
    const end = sheet.indexOf(at + count);
    sheet.rows.splice(start, end - start);
    for (let i = start; i < sheet.rows.length; i++) sheet.rows[i].row -= count;
    return this.changed(sheet);
  }

  /** A sheet recognised again (its header row changed): its rows all checked anew. */
  replaceSheet(ingested: IngestedSheet): EditOutcome {
    const i = this.sheets.findIndex((s) => s.info.name === ingested.name);
    const { rows, ...info } = ingested;
    const sheet = new LiveSheet(info, rows);
    if (i < 0) {
      this.sheets.push(sheet);
      this.order.push(ingested.name);
    } else this.sheets[i] = sheet;
    this.infos = this.sheets.map((s) => s.info);
    this.clientStatusAvailable = clientStatusAvailableIn(this.infos);
    // Whether a blank status may come from the clients sheet decides the header findings of every sheet.
    for (const s of this.sheets) s.assembly = undefined;
    this.clientsDirty = true;
    return this.changed(sheet);
  }

  private changed(sheet: LiveSheet): EditOutcome {
    this.last = undefined;
    sheet.assembly = undefined;
    if (sheet.info.kind === "clients") this.clientsDirty = true;
    const before = this.checked;
    const analysis = this.analysis();
    return { analysis, checkedRows: this.checked - before };
  }

  private checkRow(sheet: LiveSheet, entry: RowEntry, v: SheetValidation): void {
    const kind = sheet.info.kind!;
    const raw: RawRow = { row: entry.row, values: entry.values };
    const date = this.readings.date(raw.values.date ?? null);
    const year = date.ok ? this.readings.dayParts.get(date.value).year : undefined;
    const before = v.findings.length;
    v.beginRow();
    const draft = validateRow(kind, raw, date, v, this.clients);
    const accepted = v.endRow() && draft !== undefined;
    const findings = v.findings.splice(before);
    const ownStatusBlank = isBlank(raw.values.status ?? null);
    const key = kind === "counselling" || kind === "referrals" ? this.readings.ids.read(raw.values.clientId ?? null).key : "";
    entry.result = { at: entry.row, findings, accepted, draft: accepted ? draft : undefined, year, clientStatusOf: ownStatusBlank && key !== "" ? key : undefined };
    this.checked++;
  }

  /** The clients sheets' rows checked where needed, and the clients of the workbook in the order a full check finds them. */
  private assembleClients(): void {
    const previous = this.clients;
    const clients = new Map<string, ClientRecord>();
    this.clientsFindings = [];
    this.clientsTotals = [];
    this.clientYears = new Set();
    for (const sheet of this.sheets.filter((s) => s.info.kind === "clients")) {
      const a = this.assemble(sheet, clients);
      this.clientsFindings.push(a.findings);
      this.clientsTotals.push(a.totals);
      for (const y of a.years) this.clientYears.add(y);
    }
    this.clients = clients;
    this.clientsDirty = false;
    // Rows that took their status from a client whose status changed (or who is gone, or new) are checked again.
    const changed = (key: string): boolean => previous.get(key)?.status !== clients.get(key)?.status;
    for (const sheet of this.sheets) {
      if (sheet.info.kind !== "counselling" && sheet.info.kind !== "referrals") continue;
      for (const e of sheet.rows) {
        const key = e.result?.clientStatusOf;
        if (key !== undefined && changed(key)) {
          e.result = undefined;
          sheet.assembly = undefined;
        }
      }
    }
  }

  /** One sheet's part of the analysis: unchecked rows checked, then duplicates, totals and findings in order. */
  private assemble(sheet: LiveSheet, clients?: Map<string, ClientRecord>): SheetAssembly {
    const kind = sheet.info.kind!;
    const v = new SheetValidation({ ...sheet.info, rows: new RowStore([]) }, this.today, this.readings);
    const findings: Finding[] = [];
    const records: SheetAssembly["records"] = [];
    const years = new Set<number>();
    let accepted = 0;
    let rejected = 0;
    let duplicates = 0;
    if (sheet.info.headerRow === undefined) {
      v.report(1, undefined, "E_HEADER_MISSING");
      findings.push(...v.findings.splice(0));
      rejected = sheet.info.unreadRows;
    } else {
      checkHeader(v, sheet.info.headerRow, kind, this.clientStatusAvailable);
      findings.push(...v.findings.splice(0));
      const tracker = new DuplicateTracker(sheet.rows.length);
      for (const entry of sheet.rows) {
        if (entry.result === undefined) this.checkRow(sheet, entry, v);
        const result = entry.result!;
        const moved = result.at !== entry.row;
        for (const f of result.findings) findings.push(moved ? { ...f, row: entry.row } : f);
        if (result.year !== undefined) years.add(result.year);
        if (!result.accepted) {
          rejected++;
          continue;
        }
        accepted++;
        const draft = moved ? { ...result.draft!, row: entry.row } : result.draft!;
        if (draft.kind === "clients") {
          const first = clients!.get(draft.clientKey);
          if (first) {
            duplicates++;
            markDuplicate(v, entry.row, first.row, "gleiche Klient-ID", "clientId");
            findings.push(...v.findings.splice(0));
          } else clients!.set(draft.clientKey, draft);
          continue;
        }
        const first = tracker.firstRowOf(draft, entry.row);
        if (first !== undefined) {
          duplicates++;
          markDuplicate(v, entry.row, first, DUPLICATE_DESCRIPTION[draft.kind], "date");
          findings.push(...v.findings.splice(0));
        }
        records.push(first === undefined ? draft : { ...draft, duplicate: true });
      }
    }
    const totals: SheetTotals = {
      sheet: sheet.info.name, kind, rows: accepted + rejected, accepted, rejected,
      warnings: findings.filter((f) => f.severity === "warning").length, duplicates,
    };
    return { findings, totals, records, years };
  }

  /** The analysis of the workbook as it stands: what a full check of the same rows gives. */
  analysis(): Analysis {
    if (this.last) return this.last;
    if (this.clientsDirty) this.assembleClients();
    const recognised = this.sheets.filter((s) => s.info.kind !== undefined && s.info.kind !== "clients");
    for (const sheet of recognised) sheet.assembly ??= this.assemble(sheet);
    const counselling: CounsellingRecord[] = [];
    const referrals: ReferralRecord[] = [];
    const events: EventRecord[] = [];
    const findings: Finding[] = this.clientsFindings.flat();
    const totals: SheetTotals[] = [...this.clientsTotals];
    const dataYears = new Set(this.clientYears);
    for (const kind of KIND_ORDER) {
      for (const sheet of recognised.filter((s) => s.info.kind === kind)) {
        const a = sheet.assembly!;
        const into = kind === "counselling" ? counselling : kind === "referrals" ? referrals : events;
        for (const r of a.records) (into as (typeof r)[]).push(r);
        for (const f of a.findings) findings.push(f);
        totals.push(a.totals);
        for (const y of a.years) dataYears.add(y);
      }
    }
    sortInWorkbookOrder(findings, totals, this.order);
    this.last = { sheets: this.infos, counselling, referrals, events, clients: this.clients, clientCount: this.readings.ids.count, findings, totals, dataYears, today: this.today };
    return this.last;
  }
}
