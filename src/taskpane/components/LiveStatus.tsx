import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { LiveNotice, ReviewStatus, outOfDateText } from "../liveNotice";

const useStyles = makeStyles({
  // Stays at the top of the pane while it scrolls: the finding of the cell just typed is where the user looks.
  bar: {
    position: "sticky", top: 0, zIndex: 1, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1, paddingBlockEnd: tokens.spacingVerticalXS,
  },
  // Empty, it takes no room; the live regions stay in the page so that what appears in them is announced.
  empty: { gap: 0, paddingBlockEnd: 0 },
});

export interface LiveStatusProps {
  readonly notice: LiveNotice | undefined;
  readonly review: ReviewStatus | undefined;
  readonly busy: boolean;
  readonly onSelectCell: (sheet: string, address: string) => void;
  readonly onRewrite: () => void;
}

/**
 * The pane's top lines while staff work: what the live check found in the cell just typed (or that it is fine now),
 * and, when the written review no longer matches the sheets, since when and how many rows changed, with the button
 * that writes it again. Both are live regions: screen readers announce what changes.
 */
export function LiveStatus({ notice, review, busy, onSelectCell, onRewrite }: LiveStatusProps): JSX.Element {
  const styles = useStyles();
  const outOfDate = review ? outOfDateText(review) : undefined;
  return (
    <div className={notice || outOfDate ? styles.bar : `${styles.bar} ${styles.empty}`}>
      <div role="status" aria-live="polite" aria-atomic="true" aria-label="Laufende Prüfung">
        {notice && (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>
              {notice.cell ? (
                <Link as="button" inline onClick={() => onSelectCell(notice.cell!.sheet, notice.cell!.address)}>{notice.text}</Link>
              ) : (
                notice.text
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div role="status" aria-live="polite" aria-atomic="true" aria-label="Stand des Jahresrückblicks">
        {outOfDate && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Nicht mehr aktuell</MessageBarTitle> {outOfDate}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" disabled={busy} onClick={onRewrite}>Neu schreiben</Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
