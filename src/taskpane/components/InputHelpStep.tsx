import { useStepStyles } from "./stepStyles";
import type { StepOutcome as Outcome } from "./outcome";
import { StepOutcome } from "./StepOutcome";
import { InputHelpChange } from "../inputHelpPlan";
import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { ConfirmDialog } from "./ConfirmDialog";

const useStyles = makeStyles({
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { marginBlock: tokens.spacingVerticalS, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface InputHelpStepProps {
  readonly disabled: boolean;
  readonly outcome: Outcome | undefined;
  /** What the input help changes in each sheet (said in the dialog before anything is changed). */
  readonly plan: readonly InputHelpChange[];
  readonly onConfirm: () => void;
  readonly onRemove: () => void;
}

/**
 * Input help (opt-in): dropdowns with the canonical values, and marks that colour a cell the rules would report,
 * even with the add-in closed. Both ask first and say exactly what changes, as they are the only changes ever made
 * to the team's sheets; a second button removes exactly what Fallbilanz added.
 */
export function InputHelpStep({ disabled, outcome, plan, onConfirm, onRemove }: InputHelpStepProps): JSX.Element {
  const step = useStepStyles();
  const styles = useStyles();
  return (
    <section aria-labelledby="step-help" className={step.step}>
      <Subtitle2 as="h2" id="step-help">Eingabehilfen einrichten (einmalig)</Subtitle2>
      <Body1 as="p">
        Auswahllisten für Aufenthaltsstatus und Art der Vermittlung, und hellgelbe Markierungen an Zellen, die die Prüfung beanstanden würde – auch
        wenn Fallbilanz nicht geöffnet ist.
      </Body1>
      <div className={styles.actions}>
        <ConfirmDialog trigger="Eingabehilfen einrichten …" title="Eingabehilfen hinzufügen?" confirm="Hinzufügen" disabled={disabled} onConfirm={onConfirm}>
          Fallbilanz ändert in Ihren Blättern nur dies:
          <ul className={styles.list}>
            {plan.map((c) => (
              <li key={c.sheet}>
                „{c.sheet}“: {c.dropdowns.length > 0 && `Auswahlliste in ${c.dropdowns.join(", ")}; `}
                {c.marks.length > 0 && `Markierungen (bedingte Formatierung) in ${c.marks.join(", ")}`}
              </li>
            ))}
          </ul>
          Vorhandene Einträge, Ihre eigenen Regeln und alles andere bleiben unverändert.
        </ConfirmDialog>
        <ConfirmDialog trigger="Eingabehilfen entfernen …" title="Eingabehilfen entfernen?" confirm="Entfernen" disabled={disabled} onConfirm={onRemove}>
          Fallbilanz entfernt die Auswahllisten und Markierungen, die es selbst eingerichtet hat, aus den Blättern {plan.map((c) => `„${c.sheet}“`).join(", ")}.
          Ihre eigenen Regeln und Ihre Einträge bleiben unverändert.
        </ConfirmDialog>
      </div>
      <StepOutcome step="help" outcome={outcome} />
    </section>
  );
}
