import { yearsList } from "./wording";
import { dayParts } from "../dates/calendarDay";
import { FallbilanzError } from "../errors";
import { monthsCounted } from "../figures/reportYear";
import { Analysis } from "../analysis";
import { AnnualReview, annualReview } from "./annualReview";
import { caseRecordsSheet } from "./caseRecords";
import { OutSheet } from "./sheetModel";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "./suppress";
import { SummaryJson, summaryJson } from "./summaryJson";
import { validatedRecordsSheet } from "./validatedRecords";
import { validationReportSheet } from "./validationReport";
import { multiYearSheet } from "./multiYear";
import { computeBreakdowns, reachedPersons } from "./breakdowns";
import { allYears } from "./years";
import { shownClientIds } from "./shownClientIds";
import { Figures, computeFigures } from "../figures/figures";

export interface ReportOptions {
  readonly year: number;
  readonly suppressionThreshold?: number;
}

/** Everything the review of one year writes: the five sheets, in order, and the summary JSON. */
export interface Report {
  readonly review: AnnualReview;
  readonly sheets: readonly [OutSheet, OutSheet, OutSheet, OutSheet, OutSheet];
  readonly summary: SummaryJson;
}

/** Throws a German message when the year has no data at all. */
export function assertYearHasData(analysis: Analysis, year: number): void {
  monthsCounted(year, analysis.today);
  if (!analysis.dataYears.has(year)) {
    const years = [...analysis.dataYears].sort((a, b) => a - b);
    const known = years.length > 0 ? ` Die Arbeitsmappe enthält Einträge aus ${yearsList(years)}.` : "";
    throw new FallbilanzError("noDataForYear", `Für das Jahr ${year} enthält die Arbeitsmappe keine Einträge.${known}`);
  }
}

/** Builds the case records, the validated records, the validation report and the annual review of `options.year`. */
export function buildReport(analysis: Analysis, options: ReportOptions): Report {
  assertYearHasData(analysis, options.year);
  // The clients reached and their breakdowns, once: for Fälle, the review and the JSON.
  const reached = reachedPersons(analysis, options.year);
  const breakdowns = computeBreakdowns(analysis, options.year, reached);
  const years = allYears(analysis);
  // Each client's ID as every sheet shows it, once.
  const ids = shownClientIds(analysis);
  const figuresOf = (year: number): Figures | undefined => years.find((y) => y.year === year)?.figures;
  const review = annualReview(analysis, options.year, {
    figures: figuresOf(options.year) ?? computeFigures(analysis, options.year),
    previous: figuresOf(options.year - 1),
    suppressionThreshold: options.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD,
    breakdowns,
  });
  return {
    review,
    sheets: [caseRecordsSheet(analysis, options.year, reached, ids), validatedRecordsSheet(analysis, ids), validationReportSheet(analysis), review.sheet, multiYearSheet(years)],
    summary: summaryJson(review.figures, analysis, breakdowns, years),
  };
}

/** The years a review can be written for, newest first (years with data hold only plausible days, none in the future). */
export function reportYears(analysis: Analysis): number[] {
  return [...analysis.dataYears].sort((a, b) => b - a);
}

/** The last complete year with data, else the latest year with data: the default report year. */
export function defaultReportYear(analysis: Analysis): number | undefined {
  const current = dayParts(analysis.today).year;
  const years = reportYears(analysis);
  return years.find((y) => y < current) ?? years[0];
}
