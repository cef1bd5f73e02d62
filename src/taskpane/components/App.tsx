import { Body1, Divider, MessageBar, MessageBarBody, ProgressBar, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { reportYears } from "../../core/report/buildReport";
import { useFallbilanz } from "../hooks/useFallbilanz";
import { Services } from "../services";
import { CheckStep } from "./CheckStep";
import { InputHelpStep } from "./InputHelpStep";
import { RecognitionStep } from "./RecognitionStep";
import { ReviewStep } from "./ReviewStep";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  details: { whiteSpace: "pre-wrap", wordBreak: "break-word", fontSize: tokens.fontSizeBase200, margin: 0 },
});

export interface AppProps {
  readonly services: Services;
}

/** The task pane: recognise, check, input help, year-end review. */
export function App({ services }: AppProps): JSX.Element {
  const styles = useStyles();
  const [state, actions] = useFallbilanz(services);
  const busy = state.busy !== undefined;
  const years = useMemo(() => (state.analysis ? reportYears(state.analysis) : []), [state.analysis]);
  return (
    <main className={styles.root}>
      <Title3 as="h1">Fallbilanz</Title3>
      <Body1>Erkennt Ihre Tracking-Arbeitsmappe, prüft jede Zeile und schreibt den Jahresrückblick. Ihre Blätter bleiben unverändert.</Body1>
      {/* The live region is always there; only its text changes, so that screen readers announce it. */}
      <div role="status" aria-live="polite" aria-atomic="true">
        {busy && <ProgressBar aria-label="Fallbilanz arbeitet" />}
        <Body1>{state.busy ?? ""}</Body1>
      </div>
      {state.error && (
        <MessageBar intent="error">
          <MessageBarBody>
            {state.error}
            {state.errorDetails && (
              <details>
                <summary>Details</summary>
                <pre className={styles.details}>{state.errorDetails}</pre>
              </details>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.notice && (
        <MessageBar intent="success">
          <MessageBarBody>{state.notice}</MessageBarBody>
        </MessageBar>
      )}
      <RecognitionStep sheets={state.sheets} disabled={busy} onChooseColumn={(s, f, c) => void actions.chooseColumn(s, f, c)} />
      <Divider />
      <CheckStep
        analysis={state.analysis}
        disabled={busy}
        onCheck={() => void actions.recognise()}
        onWriteReport={() => void actions.writeValidationReport()}
        onSelectCell={(s, a) => void actions.selectCell(s, a)}
      />
      <Divider />
      <InputHelpStep disabled={busy || !state.analysis} onConfirm={() => void actions.addInputHelp()} />
      <Divider />
      <ReviewStep years={years} defaultYear={actions.defaultYear()} disabled={busy || !state.analysis} onWrite={(y, t) => void actions.writeReview(y, t)} />
    </main>
  );
}
