import { columnLetter } from "../cells";
import { Day, dayParts } from "../dates/calendarDay";
import { readDate } from "../dates/parseDate";
import { clientKey, displayClientId, looksLikeName } from "../normalize/clientId";
import { genderGroup, validBirthYear } from "../vocabulary/personAttributes";
import { IngestedSheet, RawRow, SheetInfo } from "../recognize/sheetIngest";
import { ClientRecord, CounsellingRecord, EventRecord, ReferralRecord } from "../records";
import { Field, REQUIRED_FIELDS } from "../vocabulary/columns";
import { ResidenceStatus } from "../vocabulary/residenceStatus";
import { SheetKind } from "../vocabulary/sheetKinds";
import { DUPLICATE_DESCRIPTION, DuplicateTracker, duplicateKey } from "./duplicates";
import { Checked, checkAttendees, checkCategory, checkDate, checkStatus, checkTopic, optionalText } from "./fieldRules";
import { Finding, FindingCode, severityOf } from "./findings";
import { MessageContext, cellErrorContext, messageFor } from "./messages";

export interface SheetTotals {
  readonly sheet: string;
  readonly kind: SheetKind;
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  /** Warning findings (duplicates and personal-data columns included). */
  readonly warnings: number;
  readonly duplicates: number;
}

/** The validated workbook: clean records, every finding, and totals per sheet. */
export interface Analysis {
  /** The sheets as recognised (kind, header, columns), without their rows: those live on as records. */
  readonly sheets: readonly SheetInfo[];
  readonly counselling: readonly CounsellingRecord[];
  readonly referrals: readonly ReferralRecord[];
  readonly events: readonly EventRecord[];
  readonly clients: ReadonlyMap<string, ClientRecord>;
  readonly findings: readonly Finding[];
  readonly totals: readonly SheetTotals[];
  /** Years in which any data row (accepted or rejected) has a readable date. */
  readonly dataYears: ReadonlySet<number>;
  readonly today: Day;
}

export interface ValidateOptions {
  /** The day of processing: later dates are implausible. */
  readonly today: Day;
}

/** Kinds in the order they are validated: clients first, their status fills blanks elsewhere. */
const ORDER: readonly SheetKind[] = ["clients", "counselling", "referrals", "events"];

class SheetValidation {
  readonly findings: Finding[] = [];
  accepted = 0;
  rejected = 0;
  duplicates = 0;
  private rowHasError = false;

  constructor(
    readonly sheet: IngestedSheet,
    private readonly today: Day,
    private readonly strings: Map<string, string>,
  ) {}

  /** The calendar year of the day of processing (a birth year may not lie after it). */
  get processingYear(): number {
    return dayParts(this.today).year;
  }

  columnOf(field: Field): string {
    const column = this.sheet.columns[field];
    return column === undefined ? "" : columnLetter(column);
  }

  report(row: number, field: Field | undefined, code: FindingCode, ctx: MessageContext = {}): void {
    const severity = severityOf(code);
    if (severity === "error") this.rowHasError = true;
    this.findings.push({
      sheet: this.sheet.name,
      row,
      column: field ? this.columnOf(field) : "",
      code,
      severity,
      message: messageFor(code, { today: this.today, ...ctx }),
    });
  }

  /** The value of a check, or undefined after reporting what is wrong. */
  take<T>(row: RawRow, field: Field, checked: Checked<T>): T | undefined {
    if (checked.ok) return checked.value;
    const value = row.values[field];
    this.report(row.row, field, checked.code, cellErrorContext(value ?? null));
    return undefined;
  }

  /** One string per distinct client ID, however many rows repeat it (memory on large workbooks). */
  intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  beginRow(): void {
    this.rowHasError = false;
  }

  /** Ends a row: counts it as accepted or rejected. */
  endRow(): boolean {
    if (this.rowHasError) this.rejected++;
    else this.accepted++;
    return !this.rowHasError;
  }

  totals(): SheetTotals {
    return {
      sheet: this.sheet.name,
      kind: this.sheet.kind as SheetKind,
      rows: this.accepted + this.rejected,
      accepted: this.accepted,
      rejected: this.rejected,
      warnings: this.findings.filter((f) => f.severity === "warning").length,
      duplicates: this.duplicates,
    };
  }
}

/**
 * Validates every row of the recognised sheets (spec section 2) into clean
 * records and findings. Every data row is either accepted or rejected.
 */
export function validateWorkbook(sheets: readonly IngestedSheet[], options: ValidateOptions): Analysis {
  const { today } = options;
  const clients = new Map<string, ClientRecord>();
  const counselling: CounsellingRecord[] = [];
  const referrals: ReferralRecord[] = [];
  const events: EventRecord[] = [];
  const findings: Finding[] = [];
  const totals: SheetTotals[] = [];
  const dataYears = new Set<number>();
  const strings = new Map<string, string>();

  const recognised = sheets.filter((s) => s.kind !== undefined);
  const clientStatusAvailable = recognised.some((s) => s.kind === "clients" && s.columns.status !== undefined);

  for (const kind of ORDER) {
    for (const sheet of recognised.filter((s) => s.kind === kind)) {
      const v = new SheetValidation(sheet, today, strings);
      if (sheet.headerRow === undefined) {
        v.report(1, undefined, "E_HEADER_MISSING");
        v.rejected = sheet.unreadRows;
      } else {
        for (const column of sheet.personalNameColumns) {
          v.findings.push({
            sheet: sheet.name, row: sheet.headerRow, column: columnLetter(column), code: "W_PERSONAL_DATA_COLUMN",
            severity: "warning", message: messageFor("W_PERSONAL_DATA_COLUMN"),
          });
        }
        for (const field of REQUIRED_FIELDS[kind]) {
          const fromClients = field === "status" && kind !== "clients" && clientStatusAvailable;
          if (sheet.columns[field] === undefined && !fromClients) v.report(sheet.headerRow, undefined, "E_COLUMN_MISSING", { field });
        }
        const tracker = new DuplicateTracker();
        for (const row of sheet.rows) {
          const date = checkDate(readDate(row.values.date ?? null), today);
          // Only plausible dates name a year with data: a typo like 1999 is reported, not offered as a year.
          if (date.ok) dataYears.add(dayParts(date.value).year);
          v.beginRow();
          const record = validateRow(kind, row, date, v, clients);
          if (v.endRow() && record) {
            if (record.kind === "clients") {
              const first = clients.get(record.clientKey);
              if (first) markDuplicate(v, row.row, first.row, "gleiche Klient-ID", "clientId");
              else clients.set(record.clientKey, record);
              continue;
            }
            const first = tracker.firstRowOf(duplicateKey(record), row.row);
            if (first !== undefined) markDuplicate(v, row.row, first, DUPLICATE_DESCRIPTION[record.kind], "date");
            const kept = first === undefined ? record : { ...record, duplicate: true };
            if (kept.kind === "counselling") counselling.push(kept);
            else if (kept.kind === "referrals") referrals.push(kept);
            else events.push(kept);
          }
        }
      }
      findings.push(...v.findings);
      totals.push(v.totals());
    }
  }
  // Clients were validated first; the report lists everything in the workbook's order.
  const position = new Map(sheets.map((s, i) => [s.name, i]));
  const at = (sheet: string): number => position.get(sheet) ?? 0;
  findings.sort((a, b) => at(a.sheet) - at(b.sheet) || a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
  totals.sort((a, b) => at(a.sheet) - at(b.sheet));
  // The rows are not kept: on a large workbook they would double what the analysis holds.
  const infos = sheets.map(({ rows: _rows, ...info }): SheetInfo => info);
  return { sheets: infos, counselling, referrals, events, clients, findings, totals, dataYears, today };
}

/** A duplicate points to the column that identifies the row: the date, or the client ID on the clients sheet. */
function markDuplicate(v: SheetValidation, row: number, firstRow: number, duplicateOf: string, field: Field): void {
  v.duplicates++;
  v.report(row, field, "W_DUPLICATE", { firstRow, duplicateOf });
}

/** A validated row; `duplicate` is false until duplicate detection marks it. */
type Draft = CounsellingRecord | ReferralRecord | EventRecord | ClientRecord;

function validateRow(
  kind: SheetKind,
  row: RawRow,
  date: Checked<Day>,
  v: SheetValidation,
  clients: ReadonlyMap<string, ClientRecord>,
): Draft | undefined {
  const values = row.values;
  const sheet = v.sheet.name;

  // Records are written out field by field (no spreads): one compact object shape per kind, on 100,000s of rows.
  if (kind === "events") {
    const day = v.take(row, "date", date);
    const topic = v.take(row, "topic", checkTopic(values.topic));
    const attendees = v.take(row, "attendees", checkAttendees(values.attendees ?? null));
    if (day === undefined || topic === undefined || attendees === undefined) return undefined;
    const { year, month } = dayParts(day);
    return { kind, sheet, row: row.row, day, year, month, duplicate: false, topic, location: optionalText(values.location), attendees };
  }

  const day = kind === "clients" ? undefined : v.take(row, "date", date);
  const id = readClientId(row, v);
  const status = resolveStatus(kind, row, v, id === undefined ? undefined : clients.get(id.key));
  const category = kind === "referrals" ? v.take(row, "category", checkCategory(values.category)) : undefined;

  if (id === undefined || status === undefined) return undefined;
  if (kind === "clients") {
    checkPersonAttributes(row, v);
    return {
      kind, sheet, row: row.row, clientKey: id.key, clientId: id.display, status,
      birthYear: optionalText(values.birthYear), gender: optionalText(values.gender),
      country: optionalText(values.country), location: optionalText(values.location),
    };
  }
  if (day === undefined) return undefined;
  const { year, month } = dayParts(day);
  if (kind === "counselling") {
    return { kind, sheet, row: row.row, clientKey: id.key, clientId: id.display, status, day, year, month, duplicate: false, topic: optionalText(values.topic) };
  }
  if (category === undefined) return undefined;
  return { kind, sheet, row: row.row, clientKey: id.key, clientId: id.display, status, day, year, month, duplicate: false, category };
}

/** Gender and birth year of a clients row: text the breakdowns cannot group is a warning on its cell (spec 3.1). */
function checkPersonAttributes(row: RawRow, v: SheetValidation): void {
  const gender = optionalText(row.values.gender);
  if (gender !== "" && genderGroup(gender) === undefined) v.report(row.row, "gender", "W_GENDER_UNKNOWN");
  const birthYear = optionalText(row.values.birthYear);
  if (birthYear !== "" && validBirthYear(birthYear, v.processingYear) === undefined) v.report(row.row, "birthYear", "W_BIRTH_YEAR_INVALID");
}

/** The row's own status; a blank one is taken from the clients sheet (counselling and referrals only). */
function resolveStatus(kind: SheetKind, row: RawRow, v: SheetValidation, client: ClientRecord | undefined): ResidenceStatus | undefined {
  const own = checkStatus(row.values.status ?? null);
  if (!own.ok) return v.take(row, "status", own);
  const status = own.value ?? (kind === "clients" ? undefined : client?.status);
  if (status === undefined) v.report(row.row, "status", "E_STATUS_MISSING");
  return status;
}

function readClientId(row: RawRow, v: SheetValidation): { key: string; display: string } | undefined {
  const value = row.values.clientId ?? null;
  const key = v.intern(clientKey(value));
  if (key === "") {
    v.report(row.row, "clientId", "E_ID_MISSING", cellErrorContext(value));
    return undefined;
  }
  const display = v.intern(displayClientId(value));
  if (looksLikeName(display)) v.report(row.row, "clientId", "W_ID_LOOKS_LIKE_NAME");
  return { key, display };
}
