import { Body1, MessageBar, MessageBarBody, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { PaneStep, StepOutcome as Outcome } from "./outcome";

const useStyles = makeStyles({
  region: { alignSelf: "stretch", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  details: { whiteSpace: "pre-wrap", wordBreak: "break-word", fontSize: tokens.fontSizeBase200, margin: 0 },
});

/**
 * The outcome of a step's action, right below its button: progress, success, or Excel's refusal with its
 * Details. Always present as a live region (only its content changes, so screen readers announce it), and brought
 * into view when it changes, so that the outcome appears where the user is looking.
 */
export function StepOutcome({ step, outcome }: { readonly step: PaneStep; readonly outcome: Outcome | undefined }): JSX.Element {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const mine = outcome?.step === step ? outcome : undefined;
  useEffect(() => {
    const el = ref.current;
    if (mine && el && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest", behavior: "auto" });
  }, [mine?.kind, mine?.text]);
  return (
    <div ref={ref} role="status" aria-live="polite" aria-atomic="true" className={styles.region}>
      {mine?.kind === "progress" && (
        <>
          <ProgressBar aria-label="Fallbilanz arbeitet" />
          <Body1>{mine.text}</Body1>
        </>
      )}
      {mine?.kind === "success" && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{mine.text}</MessageBarBody>
        </MessageBar>
      )}
      {mine?.kind === "error" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {mine.text}
            {mine.details && (
              <details>
                <summary>Details</summary>
                <pre className={styles.details}>{mine.details}</pre>
              </details>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
