import { Day } from "./dates/calendarDay";
import { SheetInfo } from "./recognize/sheetIngest";
import { ClientRecord, CounsellingRecord, EventRecord, ReferralRecord } from "./records";
import { Finding } from "./validate/findings";
import { SheetKind } from "./vocabulary/sheetKinds";

/*
 * What validation makes of a workbook, and what every figure, sheet and report is computed from: the core's
 * central type. Made by `analyse` (validate/analyse.ts).
 */

/** The rows of one recognised sheet, as validation counted them. */
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
  /** Every record's `clientNumber` is below this: the length of an array with a place for each client. */
  readonly clientCount: number;
  readonly findings: readonly Finding[];
  readonly totals: readonly SheetTotals[];
  /** Years in which any data row (accepted or rejected) has a readable date. */
  readonly dataYears: ReadonlySet<number>;
  readonly today: Day;
}
