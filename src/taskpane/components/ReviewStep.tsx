import { useStepStyles } from "./stepStyles";
import { Button, Field, Input, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "../../core/report/suppress";
import type { StepOutcome as Outcome } from "./outcome";
import { StepOutcome } from "./StepOutcome";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "start", flexWrap: "wrap", paddingBlock: tokens.spacingVerticalS, alignSelf: "stretch" },
  number: { width: "6em" },
});

export interface ReviewStepProps {
  readonly years: readonly number[];
  readonly defaultYear: number | undefined;
  readonly outcome: Outcome | undefined;
  readonly disabled: boolean;
  readonly onWrite: (year: number, suppressionThreshold: number) => void;
  /** The step's heading and its button (the browser page downloads instead of writing into the workbook). */
  readonly heading?: string;
  readonly action?: string;
}

/** What the threshold does, said with its numbers: "1 und 2 erscheinen als „< 3“". */
function thresholdHint(n: number): string {
  if (n === 0) return "Aus: alle Werte erscheinen, auch 1 und 2.";
  if (n === 1) return "Der Wert 1 erscheint als „< 2“.";
  const values = n === 2 ? "1 und 2" : `1 bis ${n}`;
  return `${values} erscheinen als „< ${n + 1}“, damit niemand erkennbar ist.`;
}

/** Step 3: the year (default: the last complete year with data), the suppression threshold, one click. */
export function ReviewStep({ years, defaultYear, outcome, disabled, onWrite, heading = "3. Jahresrückblick erstellen", action = "Jahresrückblick erstellen" }: ReviewStepProps): JSX.Element {
  const step = useStepStyles();
  const styles = useStyles();
  const [year, setYear] = useState<number | undefined>(defaultYear);
  const [threshold, setThreshold] = useState(String(DEFAULT_SUPPRESSION_THRESHOLD));
  useEffect(() => setYear((y) => y ?? defaultYear), [defaultYear]);
  const thresholdValid = /^\d{1,3}$/.test(threshold);
  return (
    <section aria-labelledby="step-review" className={step.step}>
      <Subtitle2 as="h2" id="step-review">{heading}</Subtitle2>
      <div className={styles.row}>
        <Field label="Jahr">
          <Select value={year === undefined ? "" : String(year)} onChange={(_, d) => setYear(Number(d.value))} disabled={disabled || years.length === 0}>
            {years.map((y) => <option key={y} value={String(y)}>{y}</option>)}
          </Select>
        </Field>
        <Field
          label="Kleine Zahlen verbergen bis"
          hint={thresholdValid ? thresholdHint(Number(threshold)) : undefined}
          validationMessage={thresholdValid ? undefined : "Bitte eine ganze Zahl ab 0 eingeben (0 = aus)."}
        >
          <Input type="number" min={0} value={threshold} onChange={(_, d) => setThreshold(d.value)} disabled={disabled} className={styles.number} />
        </Field>
      </div>
      <Button appearance="primary" disabled={disabled || year === undefined || !thresholdValid} onClick={() => year !== undefined && onWrite(year, Number(threshold))}>
        {action}
      </Button>
      <StepOutcome step="review" outcome={outcome} />
    </section>
  );
}
