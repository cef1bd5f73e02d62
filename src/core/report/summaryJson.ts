import { Figures } from "../figures/figures";
import { Breakdowns, computeBreakdowns } from "./breakdowns";
import { FiguresOfYear, YearFigures, allYears, yearFigures } from "./years";
import { Finding } from "../validate/findings";
import { Analysis } from "../analysis";
import { NotEvaluatedSheet, notEvaluatedSheets } from "./notEvaluated";

/** The summary JSON of spec section 4: the figures, `year`, `months` and `validation`. */
export interface SummaryJson extends Figures {
  /** Who the team reached in the year (spec 3.1), exact: the JSON is the team's own data, not a publication. */
  readonly breakdowns: Breakdowns;
  /** Every year of the workbook side by side (spec 3.2). */
  readonly years: Readonly<Record<string, YearFigures>>;
  readonly validation: {
    readonly rows: number;
    readonly accepted: number;
    readonly rejected: number;
    readonly warnings: number;
    readonly duplicates: number;
    readonly findings: readonly Finding[];
    /** The sheets not read as tracking data, each with its reason (German). */
    readonly notEvaluated: readonly NotEvaluatedSheet[];
  };
}

export function summaryJson(
  figures: Figures,
  analysis: Analysis,
  breakdowns: Breakdowns = computeBreakdowns(analysis, figures.year),
  allOfThem: readonly FiguresOfYear[] = allYears(analysis),
): SummaryJson {
  const years = Object.fromEntries(allOfThem.map((y) => [String(y.year), yearFigures(y.figures)]));
  const total = (pick: (t: Analysis["totals"][number]) => number): number => analysis.totals.reduce((a, t) => a + pick(t), 0);
  return {
    ...figures,
    breakdowns,
    years,
    validation: {
      rows: total((t) => t.rows),
      accepted: total((t) => t.accepted),
      rejected: total((t) => t.rejected),
      warnings: total((t) => t.warnings),
      duplicates: total((t) => t.duplicates),
      findings: analysis.findings.map(({ sheet, row, column, code, severity, message }) => ({ sheet, row, column, code, severity, message })),
      notEvaluated: notEvaluatedSheets(analysis.sheets),
    },
  };
}

/** The summary as the file `--zusammenfassung` writes it (and the browser page offers): indented JSON, a final newline. */
export function summaryText(summary: object): string {
  return JSON.stringify(summary, null, 2) + "\n";
}
