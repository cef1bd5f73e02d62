import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  // Each part of what the dialog says on a line of its own: Fluent's text is inline, and two paragraphs in a row ran
  // into one ("… sein.Unverändert bleiben …").
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, "& > *": { marginBlock: 0 } },
});

export interface ConfirmDialogProps {
  /** The button that opens the dialog ("… einrichten …"). */
  readonly trigger: string;
  readonly title: string;
  /** What will change, said before anything is changed. */
  readonly children: ReactNode;
  readonly confirm: string;
  readonly disabled: boolean;
  readonly onConfirm: () => void;
}

/** A button that asks first: the dialog says what will change; nothing happens unless the user confirms. */
export function ConfirmDialog({ trigger, title, children, confirm, disabled, onConfirm }: ConfirmDialogProps): JSX.Element {
  const styles = useStyles();
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={disabled}>{trigger}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>{children}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Abbrechen</Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={onConfirm}>{confirm}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
