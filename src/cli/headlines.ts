import { Report } from "../core/report/buildReport";
import { formatGermanInteger } from "../core/report/about";
import { HEADLINES, Headline } from "../core/report/headlines";
import { countOf } from "../core/report/wording";

/** A figure as the terminal shows it: whole numbers with thousands points, averages with one decimal (German). */
function shown(headline: Headline, value: number): string {
  return headline.style === "average" ? value.toLocaleString("de-DE", { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : formatGermanInteger(value);
}

/** One headline: the figure right-aligned, its label, and what the published review says for it. */
function line(headline: Headline, value: number): string {
  return `${shown(headline, value).padStart(9)}  ${headline.label}${headline.spoken ? ` (${headline.spoken(value)})` : ""}`;
}

/** The headline figures as the terminal shows them, in German: one line per row of the headline table. */
export function headlineLines(report: Report): string[] {
  const f = report.review.figures;
  const v = report.summary.validation;
  return [
    `Jahresrückblick ${f.year}${f.months < 12 ? ` (${f.months} Monate)` : ""}`,
    ...HEADLINES.map((h) => line(h, h.pick(f))),
    `  Prüfung: ${countOf(v.rows, "Zeile", "Zeilen")}, ${formatGermanInteger(v.accepted)} übernommen, ${formatGermanInteger(v.rejected)} abgelehnt, ${countOf(v.duplicates, "Duplikat", "Duplikate")}`,
    ...v.notEvaluated.map((s) => `  Nicht ausgewertet: „${s.sheet}“ (${s.reason})`),
  ];
}
