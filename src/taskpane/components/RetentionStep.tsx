import { Body1, Button, Caption1, Field, Input, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { RetentionCheck } from "../../app/retention";
import { formatDayGerman } from "../../core/dates/calendarDay";
import { countOf } from "../../core/report/wording";
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS, parseRetentionYears } from "../../core/retention/retentionRule";
import type { StepOutcome as Outcome } from "./outcome";
import { ConfirmDialog } from "./ConfirmDialog";
import { StepOutcome } from "./StepOutcome";
import { useStepStyles } from "./stepStyles";

const useStyles = makeStyles({
  number: { width: "6em" },
  list: { marginBlock: tokens.spacingVerticalS, paddingInlineStart: tokens.spacingHorizontalL },
  warning: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface RetentionStepProps {
  readonly years: number;
  readonly check: RetentionCheck | undefined;
  readonly outcome: Outcome | undefined;
  readonly disabled: boolean;
  readonly onCheck: (years: number) => void;
  readonly onRemove: () => void;
}

/**
 * The office's deletion rule. "Löschfristen prüfen" writes the `Löschliste` (whose data is due, and where it
 * stands); "Personenbezug entfernen" clears the due clients' direct identifiers after a dialog that says exactly what
 * changes, and leaves everything the figures count.
 */
export function RetentionStep({ years, check, outcome, disabled, onCheck, onRemove }: RetentionStepProps): JSX.Element {
  const step = useStepStyles();
  const styles = useStyles();
  const [text, setText] = useState(String(years));
  useEffect(() => setText(String(years)), [years]);
  const parsed = parseRetentionYears(text);
  const plan = check?.plan;
  return (
    <section aria-labelledby="step-retention" className={step.step}>
      <Subtitle2 as="h2" id="step-retention">Löschfristen (Datenschutz)</Subtitle2>
      <Body1 as="p">
        Fällig ist, wessen letzter Kontakt (Beratung, Vermittlung, Datum im Klientenblatt) in einem Jahr liegt, dessen Ende mehr als die Frist zurückliegt.
        Die Löschliste nennt Kennungen und Zeilen; sie gehört nicht in den Jahresrückblick.
      </Body1>
      <Field
        label="Frist in Jahren nach Ende des Kontaktjahres"
        validationMessage={parsed === undefined ? `Bitte eine ganze Zahl von ${MIN_RETENTION_YEARS} bis ${MAX_RETENTION_YEARS} eingeben.` : undefined}
      >
        <Input type="number" min={MIN_RETENTION_YEARS} max={MAX_RETENTION_YEARS} value={text} onChange={(_, d) => setText(d.value)} disabled={disabled} className={styles.number} />
      </Field>
      <Button disabled={disabled || parsed === undefined} onClick={() => parsed !== undefined && onCheck(parsed)}>
        Löschfristen prüfen
      </Button>
      {check && plan && check.retention.due.length > 0 && (
        <ConfirmDialog
          trigger="Personenbezug entfernen …"
          title="Personenbezug endgültig entfernen?"
          confirm="Endgültig leeren"
          disabled={disabled || plan.cells === 0}
          onConfirm={onRemove}
        >
          <Body1 as="p">
            Fallbilanz leert {countOf(plan.cells, "Zelle", "Zellen")} von {countOf(plan.clients, "Person", "Personen")}, deren Frist am{" "}
            {formatDayGerman(check.retention.reference)} abgelaufen ist:
          </Body1>
          <ul className={styles.list}>
            {plan.sheets.map((s) => (
              <li key={s.sheet}>
                „{s.sheet}“: {s.columns.map((c) => c.label).join(", ")} ({countOf(s.rows.reduce((n, r) => n + r.columns.length, 0), "Zelle", "Zellen")} in{" "}
                {countOf(s.rows.length, "Zeile", "Zeilen")})
              </li>
            ))}
          </ul>
          {plan.held > 0 && (
            <Body1 as="p">
              {countOf(plan.held, "fällige Person hat", "fällige Personen haben")} eine Zeile ohne lesbares Datum (in der Löschliste „fällig, Datum prüfen“):
              Sie werden erst geleert, wenn das Datum berichtigt ist, denn es könnte ein späterer Kontakt sein.
            </Body1>
          )}
          <Body1 as="p">
            Unverändert bleiben Klient-ID, Datum, Aufenthaltsstatus, Art der Vermittlung, Thema, Geschlecht, Herkunftsland und Geburtsjahr: jede Kennzahl
            jedes Jahres bleibt gleich. Zeilen anderer Personen und Personen ohne gültiges Datum werden nicht berührt.
          </Body1>
          <Body1 as="p" className={styles.warning}>
            Excel kann das nicht rückgängig machen. Legen Sie vorher eine Kopie der Datei an, oder prüfen Sie, dass der Versionsverlauf (OneDrive, SharePoint)
            eingeschaltet ist.
          </Body1>
        </ConfirmDialog>
      )}
      {check && check.retention.withoutDate.length > 0 && (
        <Caption1>
          {countOf(check.retention.withoutDate.length, "Person", "Personen")} ohne gültiges Datum: in der Löschliste unter „Stand“; bitte von Hand
          prüfen, sie werden nie automatisch geleert.
        </Caption1>
      )}
      <StepOutcome step="retention" outcome={outcome} />
    </section>
  );
}
