import { columnLetter } from "../cells";
import { SheetTotals } from "../analysis";
import { Day, dayParts } from "../dates/calendarDay";
import { IngestedSheet, RawRow } from "../recognize/sheetIngest";
import { Field } from "../vocabulary/columns";
import { SheetKind } from "../vocabulary/sheetKinds";
import { Checked } from "./fieldRules";
import { Finding, FindingCode, severityOf } from "./findings";
import { MessageContext, cellErrorContext, messageFor } from "./messages";
import { CellReadings } from "./cellReadings";

/** The validation of one sheet while its rows are checked: its findings, what was accepted and rejected. */
export class SheetValidation {
  readonly findings: Finding[] = [];
  accepted = 0;
  rejected = 0;
  duplicates = 0;
  private rowHasError = false;

  constructor(
    readonly sheet: IngestedSheet,
    private readonly today: Day,
    /** How the workbook's repeated cells read (each distinct value read once). */
    readonly readings: CellReadings,
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

