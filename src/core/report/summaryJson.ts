import { Figures } from "../figures/figures";
import { Finding } from "../validate/findings";
import { Analysis } from "../validate/validateWorkbook";

/** The summary JSON of spec section 4: the figures, `year`, `months` and `validation`. */
export interface SummaryJson extends Figures {
  readonly validation: {
    readonly rows: number;
    readonly accepted: number;
    readonly rejected: number;
    readonly warnings: number;
    readonly duplicates: number;
    readonly findings: readonly Finding[];
  };
}

export function summaryJson(figures: Figures, analysis: Analysis): SummaryJson {
  const total = (pick: (t: Analysis["totals"][number]) => number): number => analysis.totals.reduce((a, t) => a + pick(t), 0);
  return {
    ...figures,
    validation: {
      rows: total((t) => t.rows),
      accepted: total((t) => t.accepted),
      rejected: total((t) => t.rejected),
      warnings: total((t) => t.warnings),
      duplicates: total((t) => t.duplicates),
      findings: analysis.findings.map(({ sheet, row, column, code, severity, message }) => ({ sheet, row, column, code, severity, message })),
    },
  };
}
