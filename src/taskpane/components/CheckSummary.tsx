import { Body1, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetTotals } from "../../core/analysis";
import { Finding, SEVERITY_LABELS } from "../../core/validate/findings";
import { useStepStyles } from "./stepStyles";

/*
 * The outcome of the check, as the pane and the browser page show it: totals per sheet, then the findings grouped
 * by sheet. In the pane a finding's address selects its cell; on the page (no Excel) it is plain text.
 */

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  // A task pane is narrow: five number columns share its width; a sheet's name heads its own row, wraps only
  // between words, and breaks inside one only when that word alone is wider than the pane.
  totals: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  name: {
    textAlign: "start", fontWeight: tokens.fontWeightSemibold, overflowWrap: "break-word", wordBreak: "normal", hyphens: "manual",
    paddingBlock: 0, paddingInline: 0, lineHeight: tokens.lineHeightBase200,
  },
  number: { textAlign: "end", paddingInlineStart: tokens.spacingHorizontalXS, paddingBlock: 0, whiteSpace: "nowrap", lineHeight: tokens.lineHeightBase200 },
  address: { fontWeight: tokens.fontWeightSemibold },
});

/** Findings shown per sheet; the full list is in the Prüfbericht sheet. */
export const FINDINGS_SHOWN = 50;

/** The totals' columns: a short heading for the narrow pane, the full word for screen readers and as a tooltip. */
const TOTAL_COLUMNS = [
  { short: "Zeilen", full: "Zeilen" },
  { short: "gezählt", full: "übernommen und gezählt" },
  { short: "Fehler", full: "abgelehnt wegen Fehlern" },
  { short: "Warn.", full: "Warnungen (zählen mit)" },
  { short: "doppelt", full: "Duplikate (nicht gezählt)" },
] as const;

export interface CheckSummaryProps {
  readonly totals: readonly SheetTotals[];
  readonly findings: readonly Finding[];
  /** Selects a finding's cell (in Excel); without it, addresses are text. */
  readonly onSelectCell?: (sheet: string, address: string) => void;
}

export function CheckSummary({ totals, findings, onSelectCell }: CheckSummaryProps): JSX.Element {
  const step = useStepStyles();
  const styles = useStyles();
  return (
    <>
      <table aria-label="Summen je Blatt" className={`${step.wide} ${styles.totals}`}>
        <thead>
          <tr>
            {TOTAL_COLUMNS.map((c) => (
              <th key={c.short} scope="col" className={styles.number} aria-label={c.full} title={c.full}>{c.short}</th>
            ))}
          </tr>
        </thead>
        {/* Each sheet's name on a line of its own above its numbers: a long name ("Informationsveranstaltungen")
            keeps the pane's width and is never broken inside a word. */}
        {totals.map((t) => (
          <tbody key={t.sheet}>
            <tr>
              <th scope="rowgroup" colSpan={TOTAL_COLUMNS.length} className={styles.name}>{t.sheet}</th>
            </tr>
            <tr>
              {[t.rows, t.accepted, t.rejected, t.warnings, t.duplicates].map((n, i) => (
                <td key={i} className={styles.number}>{n.toLocaleString("de-DE")}</td>
              ))}
            </tr>
          </tbody>
        ))}
      </table>
      <Caption1>Warnungen zählen mit; doppelte Einträge werden nicht gezählt.</Caption1>
      {findings.length === 0 && <Body1>Keine Befunde: alle Zeilen sind in Ordnung.</Body1>}
      {totals.map((t) => {
        const own = findings.filter((f) => f.sheet === t.sheet);
        if (own.length === 0) return null;
        return (
          <details key={t.sheet} className={step.wide}>
            <summary>{t.sheet}: {own.length.toLocaleString("de-DE")} {own.length === 1 ? "Befund" : "Befunde"}</summary>
            <ul className={styles.list}>
              {own.slice(0, FINDINGS_SHOWN).map((f, i) => {
                const address = `${f.column || "A"}${f.row}`;
                return (
                  <li key={i}>
                    {onSelectCell ? (
                      <Link as="button" inline onClick={() => onSelectCell(f.sheet, address)}>{address}</Link>
                    ) : (
                      <span className={styles.address}>{address}</span>
                    )}{" "}
                    {SEVERITY_LABELS[f.severity]}: {f.message}
                  </li>
                );
              })}
            </ul>
            {own.length > FINDINGS_SHOWN && <Body1>… und {own.length - FINDINGS_SHOWN} weitere im Prüfbericht.</Body1>}
          </details>
        );
      })}
    </>
  );
}
