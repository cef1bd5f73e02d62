import { useStepStyles } from "./stepStyles";
import { Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { Analysis } from "../../core/analysis";
import { CheckSummary } from "./CheckSummary";
import type { StepOutcome as Outcome } from "./outcome";
import { StepOutcome } from "./StepOutcome";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", paddingBlock: tokens.spacingVerticalS },
});

export interface CheckStepProps {
  readonly analysis: Analysis | undefined;
  readonly outcome: Outcome | undefined;
  readonly disabled: boolean;
  readonly onCheck: () => void;
  readonly onWriteReport: () => void;
  readonly onSelectCell: (sheet: string, address: string) => void;
}

/** Step 2: totals per sheet and the findings grouped by sheet; a finding selects its cell. */
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
      {analysis && <CheckSummary totals={analysis.totals} findings={analysis.findings} onSelectCell={onSelectCell} />}
    </section>
  );
}
