import { useStepStyles } from "./stepStyles";
import { Button, Field, Input, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "../../core/report/suppress";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "end", flexWrap: "wrap", paddingBlock: tokens.spacingVerticalS },
});

export interface ReviewStepProps {
  readonly years: readonly number[];
  readonly defaultYear: number | undefined;
  readonly disabled: boolean;
  readonly onWrite: (year: number, suppressionThreshold: number) => void;
}

/** Step 4: the year (default: the last complete year with data), the suppression threshold, one click. */
export function ReviewStep({ years, defaultYear, disabled, onWrite }: ReviewStepProps): JSX.Element {
  const step = useStepStyles();
  const styles = useStyles();
  const [year, setYear] = useState<number | undefined>(defaultYear);
  const [threshold, setThreshold] = useState(String(DEFAULT_SUPPRESSION_THRESHOLD));
  useEffect(() => setYear((y) => y ?? defaultYear), [defaultYear]);
  const thresholdValid = /^\d{1,3}$/.test(threshold);
  return (
    <section aria-labelledby="step-review" className={step.step}>
      <Subtitle2 as="h2" id="step-review">4. Jahresrückblick erstellen</Subtitle2>
      <div className={styles.row}>
        <Field label="Jahr">
          <Select value={year === undefined ? "" : String(year)} onChange={(_, d) => setYear(Number(d.value))} disabled={disabled || years.length === 0}>
            {years.map((y) => <option key={y} value={String(y)}>{y}</option>)}
          </Select>
        </Field>
        <Field label="Kleine Zahlen verbergen bis" validationMessage={thresholdValid ? undefined : "Bitte eine ganze Zahl ab 0 eingeben (0 = aus)."}>
          <Input type="number" min={0} value={threshold} onChange={(_, d) => setThreshold(d.value)} disabled={disabled} />
        </Field>
      </div>
      <Button appearance="primary" disabled={disabled || year === undefined || !thresholdValid} onClick={() => year !== undefined && onWrite(year, Number(threshold))}>
        Jahresrückblick erstellen
      </Button>
    </section>
  );
}
