import { columnLetter } from "../cells";
import { Analysis, SheetTotals } from "../analysis";
import { Day } from "../dates/calendarDay";
import { IngestedSheet, SheetInfo } from "../recognize/sheetIngest";
import { ClientRecord, CounsellingRecord, EventRecord, ReferralRecord } from "../records";
import { Field, REQUIRED_FIELDS } from "../vocabulary/columns";
import { SheetKind } from "../vocabulary/sheetKinds";
import { CellReadings } from "./cellReadings";
import { DUPLICATE_DESCRIPTION, DuplicateTracker } from "./duplicates";
import { Finding } from "./findings";
import { messageFor } from "./messages";
import { SheetValidation } from "./sheetValidation";
import { validateRow } from "./validateRow";

export interface ValidateOptions {
  /** The day of processing: later dates are implausible. */
  readonly today: Day;
}

/** Kinds in the order they are validated: clients first, their status fills blanks elsewhere. */
const ORDER: readonly SheetKind[] = ["clients", "counselling", "referrals", "events"];

/**
 * Validates every row of the recognised sheets (spec section 2) into clean
 * records and findings. Every data row is either accepted or rejected.
 */
export function validateWorkbook(sheets: readonly IngestedSheet[], options: ValidateOptions): Analysis {
  const workbook = new WorkbookValidation(sheets, options.today);
  const recognised = sheets.filter((s) => s.kind !== undefined);
  for (const kind of ORDER) for (const sheet of recognised.filter((s) => s.kind === kind)) workbook.validateSheet(sheet, kind);
  return workbook.result();
}

/** What the validation of a workbook gathers, sheet after sheet. */
class WorkbookValidation {
  private readonly clients = new Map<string, ClientRecord>();
  private readonly counselling: CounsellingRecord[] = [];
  private readonly referrals: ReferralRecord[] = [];
  private readonly events: EventRecord[] = [];
  private readonly findings: Finding[] = [];
  private readonly totals: SheetTotals[] = [];
  private readonly dataYears = new Set<number>();
  private readonly readings: CellReadings;
  /** Whether a blank status can come from the clients sheet. */
  private readonly clientStatusAvailable: boolean;

  constructor(
    private readonly sheets: readonly IngestedSheet[],
    private readonly today: Day,
  ) {
    this.clientStatusAvailable = clientStatusAvailableIn(sheets);
    this.readings = new CellReadings(today);
  }

  validateSheet(sheet: IngestedSheet, kind: SheetKind): void {
    const v = new SheetValidation(sheet, this.today, this.readings);
    if (sheet.headerRow === undefined) {
      v.report(1, undefined, "E_HEADER_MISSING");
      v.rejected = sheet.unreadRows;
    } else {
      checkHeader(v, sheet.headerRow, kind, this.clientStatusAvailable);
      this.validateRows(v, kind);
    }
    this.findings.push(...v.findings);
    this.totals.push(v.totals());
  }

  /** Each data row: checked, then kept as a record (a repeated row marked as duplicate). */
  private validateRows(v: SheetValidation, kind: SheetKind): void {
    const rows = v.sheet.rows;
    const tracker = new DuplicateTracker(rows.length);
    // By index, not `for…of`: the loop runs once, mostly before V8 optimises it, where each step of an iterator
    // (here a generator) is a call and an object. One row object for all rows: no record or finding keeps it.
    const rowAt = rows.cursor();
    for (let i = 0; i < rows.length; i++) {
      const row = rowAt(i);
      const date = this.readings.date(row.values.date ?? null);
      // Only plausible dates name a year with data: a typo like 1999 is reported, not offered as a year.
      if (date.ok) this.dataYears.add(this.readings.dayParts.get(date.value).year);
      v.beginRow();
      const record = validateRow(kind, row, date, v, this.clients);
      if (!v.endRow() || !record) continue;
      if (record.kind === "clients") {
        const first = this.clients.get(record.clientKey);
        if (first) markDuplicate(v, row.row, first.row, "gleiche Klient-ID", "clientId");
        else this.clients.set(record.clientKey, record);
        continue;
      }
      const first = tracker.firstRowOf(record, row.row);
      if (first !== undefined) markDuplicate(v, row.row, first, DUPLICATE_DESCRIPTION[record.kind], "date");
      const kept = first === undefined ? record : { ...record, duplicate: true };
      if (kept.kind === "counselling") this.counselling.push(kept);
      else if (kept.kind === "referrals") this.referrals.push(kept);
      else this.events.push(kept);
    }
  }

  result(): Analysis {
    // Clients were validated first; the report lists everything in the workbook's order.
    sortInWorkbookOrder(this.findings, this.totals, this.sheets.map((s) => s.name));
    // The rows are not kept: on a large workbook they would double what the analysis holds.
    const infos = this.sheets.map(({ rows: _rows, ...info }): SheetInfo => info);
    const { counselling, referrals, events, clients, findings, totals, dataYears, today } = this;
    const clientCount = this.readings.ids.count;
    return { sheets: infos, counselling, referrals, events, clients, clientCount, findings, totals, dataYears, today };
  }
}

/** Columns of personal data (a warning) and required columns missing (an error), on the header row. */
export function checkHeader(v: SheetValidation, headerRow: number, kind: SheetKind, clientStatusAvailable: boolean): void {
  for (const column of v.sheet.personalNameColumns) {
    v.findings.push({
      sheet: v.sheet.name, row: headerRow, column: columnLetter(column), code: "W_PERSONAL_DATA_COLUMN",
      severity: "warning", message: messageFor("W_PERSONAL_DATA_COLUMN"),
    });
  }
  for (const field of REQUIRED_FIELDS[kind]) {
    const fromClients = field === "status" && kind !== "clients" && clientStatusAvailable;
    if (v.sheet.columns[field] === undefined && !fromClients) v.report(headerRow, undefined, "E_COLUMN_MISSING", { field });
  }
}

/** Whether a blank status of the workbook's counselling and referral rows can come from a clients sheet. */
export const clientStatusAvailableIn = (sheets: readonly { readonly kind: SheetKind | undefined; readonly columns: { readonly status?: number } }[]): boolean =>
  sheets.some((s) => s.kind === "clients" && s.columns.status !== undefined);

/** Findings in the workbook's order (by sheet, row, then column) and totals in the order of their sheets. */
export function sortInWorkbookOrder(findings: Finding[], totals: SheetTotals[], sheetOrder: readonly string[]): void {
  const position = new Map(sheetOrder.map((name, i) => [name, i]));
  const at = (sheet: string): number => position.get(sheet) ?? 0;
  findings.sort((a, b) => at(a.sheet) - at(b.sheet) || a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
  totals.sort((a, b) => at(a.sheet) - at(b.sheet));
}

/** A duplicate points to the column that identifies the row: the date, or the client ID on the clients sheet. */
export function markDuplicate(v: SheetValidation, row: number, firstRow: number, duplicateOf: string, field: Field): void {
  v.duplicates++;
  v.report(row, field, "W_DUPLICATE", { firstRow, duplicateOf });
}
