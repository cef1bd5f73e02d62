import { useStepStyles } from "./stepStyles";
import { StepOutcome as Outcome } from "../hooks/useFallbilanz";
import { StepOutcome } from "./StepOutcome";
import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Subtitle2 } from "@fluentui/react-components";

export interface InputHelpStepProps {
  readonly disabled: boolean;
  readonly outcome: Outcome | undefined;
  readonly onConfirm: () => void;
}

/** Input help (opt-in, once): dropdowns with the canonical values; asks first, as it is the only change to the team's sheets. */
export function InputHelpStep({ disabled, outcome, onConfirm }: InputHelpStepProps): JSX.Element {
  const step = useStepStyles();
  return (
    <section aria-labelledby="step-help" className={step.step}>
      <Subtitle2 as="h2" id="step-help">Eingabehilfen einrichten (einmalig)</Subtitle2>
      <Body1 as="p">Auswahllisten für Aufenthaltsstatus und Art der Vermittlung, damit neue Zeilen einheitlich erfasst werden.</Body1>
      <Dialog>
        <DialogTrigger disableButtonEnhancement>
          <Button disabled={disabled}>Eingabehilfen einrichten …</Button>
        </DialogTrigger>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Auswahllisten hinzufügen?</DialogTitle>
            <DialogContent>
              Fallbilanz fügt den Spalten Aufenthaltsstatus und Art der Vermittlung in Ihren Blättern eine Auswahlliste hinzu.
              Vorhandene Einträge bleiben unverändert; sonst wird nichts an Ihren Blättern geändert.
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>Abbrechen</Button>
              </DialogTrigger>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="primary" onClick={onConfirm}>Hinzufügen</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      <StepOutcome step="help" outcome={outcome} />
    </section>
  );
}
