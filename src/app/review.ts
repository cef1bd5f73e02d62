import { analyse } from "../core/validate/analyse";
import { Day } from "../core/dates/calendarDay";
import { FallbilanzError } from "../core/errors";
import { IngestOptions } from "../core/recognize/sheetIngest";
import { Report, buildReport, defaultReportYear } from "../core/report/buildReport";
import { Analysis } from "../core/analysis";
import { ReadProgress, ReportSink, WorkbookSource } from "../port/workbookPort";
import { readTrackingWorkbook } from "./readTrackingWorkbook";

/*
 * The two use cases, composed once for every shell (the command line, the task pane): recognise and check a
 * workbook from any source; write the review of a year to any sink.
 */

export interface RecogniseOptions {
  readonly today: Day;
  readonly progress?: ReadProgress;
  /** Per sheet: columns or kind chosen by hand. */
  readonly ingest?: (sheetName: string) => IngestOptions;
}

/**
 * Reads every sheet through the core's recognition and validates every row. The analysis holds the sheets as
 * recognised, without their rows (those live on as records only: holding them as well doubled the memory of a
 * large workbook).
 */
export async function recogniseWorkbook(source: WorkbookSource, options: RecogniseOptions): Promise<Analysis> {
  return analyse(await readTrackingWorkbook(source, { progress: options.progress, ingest: options.ingest }), options.today);
}

export interface ReviewRequest {
  /** Default: the last complete year with data. */
  readonly year?: number;
  readonly suppressionThreshold?: number;
  readonly progress?: (text: string) => void;
}

/** Builds the review of a year and writes its sheets to the sink; returns the report and what the sink reported. */
export async function writeReview<R>(analysis: Analysis, request: ReviewRequest, sink: ReportSink<R>): Promise<{ report: Report; written: R }> {
  const year = request.year ?? defaultReportYear(analysis);
  if (year === undefined) throw new FallbilanzError("noDataForYear", "Die Arbeitsmappe enthält keine Einträge mit gültigem Datum.");
  const report = buildReport(analysis, { year, suppressionThreshold: request.suppressionThreshold });
  const written = await sink.write(report.sheets, request.progress);
  return { report, written };
}
