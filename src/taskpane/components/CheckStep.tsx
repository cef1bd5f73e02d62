import { Body1, Button, Link, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";
import { SEVERITY_LABELS } from "../../core/validate/findings";
import { Analysis } from "../../core/validate/validateWorkbook";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", paddingBlock: tokens.spacingVerticalS },
});

/** Findings shown per sheet in the pane; the full list is in the Prüfbericht sheet. */
export const FINDINGS_SHOWN = 50;

export interface CheckStepProps {
  readonly analysis: Analysis | undefined;
  readonly disabled: boolean;
  readonly onCheck: () => void;
  readonly onWriteReport: () => void;
  readonly onSelectCell: (sheet: string, address: string) => void;
}

/** Step 2: totals per sheet and the findings grouped by sheet; a finding selects its cell. */
export function CheckStep({ analysis, disabled, onCheck, onWriteReport, onSelectCell }: CheckStepProps): JSX.Element {
  const styles = useStyles();
  return (
    <section aria-labelledby="step-check">
      <Subtitle2 as="h2" id="step-check">2. Prüfen</Subtitle2>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={disabled} onClick={onCheck}>Prüfen</Button>
        <Button disabled={disabled || !analysis} onClick={onWriteReport}>Prüfbericht schreiben</Button>
      </div>
      {analysis && (
        <>
          <Table size="small" aria-label="Summen je Blatt">
            <TableHeader>
              <TableRow>
                {["Blatt", "Zeilen", "übernommen", "abgelehnt", "Warnungen"].map((h) => <TableHeaderCell key={h}>{h}</TableHeaderCell>)}
              </TableRow>
            </TableHeader>
            <TableBody>
              {analysis.totals.map((t) => (
                <TableRow key={t.sheet}>
                  <TableCell>{t.sheet}</TableCell>
                  <TableCell>{t.rows.toLocaleString("de-DE")}</TableCell>
                  <TableCell>{t.accepted.toLocaleString("de-DE")}</TableCell>
                  <TableCell>{t.rejected.toLocaleString("de-DE")}</TableCell>
                  <TableCell>{t.warnings.toLocaleString("de-DE")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {analysis.findings.length === 0 && <Body1>Keine Befunde: alle Zeilen sind in Ordnung.</Body1>}
          {analysis.totals.map((t) => {
            const findings = analysis.findings.filter((f) => f.sheet === t.sheet);
            if (findings.length === 0) return null;
            return (
              <details key={t.sheet}>
                <summary>{t.sheet}: {findings.length.toLocaleString("de-DE")} Befunde</summary>
                <ul className={styles.list}>
                  {findings.slice(0, FINDINGS_SHOWN).map((f, i) => {
                    const address = `${f.column || "A"}${f.row}`;
                    return (
                      <li key={i}>
                        <Link as="button" onClick={() => onSelectCell(f.sheet, address)}>{address}</Link> {SEVERITY_LABELS[f.severity]}: {f.message}
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
