import { Analysis } from "../core/analysis";
import { Day } from "../core/dates/calendarDay";
import { IngestOptions } from "../core/recognize/sheetIngest";
import { shownClientIds } from "../core/report/shownClientIds";
import { OutSheet } from "../core/report/sheetModel";
import { RemovalPlan, removalPlan } from "../core/retention/removalPlan";
import { Retention, assessRetention } from "../core/retention/retention";
import { RetentionSheetScan, ScannedSheet } from "../core/retention/retentionScan";
import { retentionSheet } from "../core/retention/retentionSheet";
import { analyse } from "../core/validate/analyse";
import { ClientIds } from "../core/validate/clientIds";
import { ReadProgress, WorkbookSource } from "../port/workbookPort";
import { readTrackingWorkbook } from "./readTrackingWorkbook";

/*
 * The retention check, composed once for every shell: one reading of the workbook gives the figures' analysis and,
 * beside it, every client's rows; the core says who is due, what removal would clear, and makes the `Löschliste`.
 */

export interface RetentionRequest {
  readonly today: Day;
  readonly years: number;
  /** Default: today. */
  readonly reference?: Day;
  readonly progress?: ReadProgress;
  readonly ingest?: (sheetName: string) => IngestOptions;
  /** Per sheet: the 0-based columns the team marked as personal data. */
  readonly marked?: (sheetName: string) => readonly number[];
}

export interface RetentionCheck {
  readonly analysis: Analysis;
  readonly retention: Retention;
  readonly plan: RemovalPlan;
  /** The `Löschliste` sheet. */
  readonly sheet: OutSheet;
}

export async function checkRetention(source: WorkbookSource, request: RetentionRequest): Promise<RetentionCheck> {
  const scans: RetentionSheetScan[] = [];
  const ids = new ClientIds();
  const sheets = await readTrackingWorkbook(source, {
    progress: request.progress,
    ingest: request.ingest,
    observe: (ingest) => {
      const scan = new RetentionSheetScan(ingest, request.marked?.(ingest.name) ?? [], ids);
      scans.push(scan);
      return scan;
    },
  });
  const analysis = analyse(sheets, request.today);
  const order = new Map(analysis.sheets.map((s, i) => [s.name, i]));
  const scanned = scans
    .map((s) => s.finish())
    .filter((s): s is ScannedSheet => s !== undefined)
    .sort((a, b) => (order.get(a.info.name) ?? 0) - (order.get(b.info.name) ?? 0));
  const retention = assessRetention(scanned, {
    years: request.years,
    reference: request.reference ?? request.today,
    today: request.today,
    uses1904: source.uses1904DateSystem?.() ?? false,
    shownIds: shownClientIds(analysis).byKey(),
  });
  const plan = removalPlan(retention, scanned);
  return { analysis, retention, plan, sheet: retentionSheet(retention, plan, scanned.map((s) => s.info.name)) };
}
