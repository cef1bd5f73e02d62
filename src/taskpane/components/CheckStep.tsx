import { useStepStyles } from "./stepStyles";
import { Body1, Button, Caption1, Link, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { SEVERITY_LABELS } from "../../core/validate/findings";
import { Analysis } from "../../core/analysis";
import { StepOutcome as Outcome } from "../hooks/useFallbilanz";
import { StepOutcome } from "./StepOutcome";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", paddingBlock: tokens.spacingVerticalS },
  // A task pane is narrow: five number columns share its width; a sheet's name heads its own row, wraps only
  // between words, and breaks inside one only when that word alone is wider than the pane.
  totals: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, width: "100%" },
  name: {
    textAlign: "start", fontWeight: tokens.fontWeightSemibold, overflowWrap: "break-word", wordBreak: "normal", hyphens: "manual",
    paddingBlock: 0, paddingInline: 0, lineHeight: tokens.lineHeightBase200,
  },
  number: { textAlign: "end", paddingInlineStart: tokens.spacingHorizontalXS, paddingBlock: 0, whiteSpace: "nowrap", lineHeight: tokens.lineHeightBase200 },
});

/** Findings shown per sheet in the pane; the full list is in the Prüfbericht sheet. */
export const FINDINGS_SHOWN = 50;

export interface CheckStepProps {
  readonly analysis: Analysis | undefined;
  readonly outcome: Outcome | undefined;
  readonly disabled: boolean;
  readonly onCheck: () => void;
  readonly onWriteReport: () => void;
  readonly onSelectCell: (sheet: string, address: string) => void;
}

/** Step 2: totals per sheet and the findings grouped by sheet; a finding selects its cell. */
/** The totals' columns: a short heading for the narrow pane, the full word for screen readers and as a tooltip. */
const TOTAL_COLUMNS = [
  { short: "Zeilen", full: "Zeilen" },
  { short: "gezählt", full: "übernommen und gezählt" },
  { short: "Fehler", full: "abgelehnt wegen Fehlern" },
  { short: "Warn.", full: "Warnungen (zählen mit)" },
  { short: "doppelt", full: "Duplikate (nicht gezählt)" },
] as const;

export function CheckStep({ analysis, outcome, disabled, onCheck, onWriteReport, onSelectCell }: CheckStepProps): JSX.Element {
  const step = useStepStyles();
  const styles = useStyles();
  return (
    <section aria-labelledby="step-check" className={step.step}>
      <Subtitle2 as="h2" id="step-check">2. Prüfen</Subtitle2>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={disabled} onClick={onCheck}>Prüfen</Button>
        <Button disabled={disabled || !analysis} onClick={onWriteReport}>Prüfbericht schreiben</Button>
      </div>
      <StepOutcome step="check" outcome={outcome} />
      {analysis && (
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
            {analysis.totals.map((t) => (
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
          {analysis.findings.length === 0 && <Body1>Keine Befunde: alle Zeilen sind in Ordnung.</Body1>}
          {analysis.totals.map((t) => {
            const findings = analysis.findings.filter((f) => f.sheet === t.sheet);
            if (findings.length === 0) return null;
            return (
              <details key={t.sheet} className={step.wide}>
                <summary>{t.sheet}: {findings.length.toLocaleString("de-DE")} {findings.length === 1 ? "Befund" : "Befunde"}</summary>
                <ul className={styles.list}>
                  {findings.slice(0, FINDINGS_SHOWN).map((f, i) => {
                    const address = `${f.column || "A"}${f.row}`;
                    return (
                      <li key={i}>
                        <Link as="button" inline onClick={() => onSelectCell(f.sheet, address)}>{address}</Link> {SEVERITY_LABELS[f.severity]}: {f.message}
                      </li>
                    );
                  })}
                </ul>
                {findings.length > FINDINGS_SHOWN && <Body1>… und {findings.length - FINDINGS_SHOWN} weitere im Prüfbericht.</Body1>}
              </details>
            );
          })}
        </>
      )}
    </section>
  );
}
