import { Body1, Divider, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { reportYears } from "../../core/report/buildReport";
import { isBusy, sheetsOf, useFallbilanz } from "../hooks/useFallbilanz";
import { Services } from "../services";
import { CheckStep } from "./CheckStep";
import { InputHelpStep } from "./InputHelpStep";
import { LiveStatus } from "./LiveStatus";
import { inputHelpPlan } from "../inputHelpPlan";
import { RecognitionStep } from "./RecognitionStep";
import { ReviewStep } from "./ReviewStep";
import { RetentionStep } from "./RetentionStep";

const useStyles = makeStyles({
  // A task pane is about 320 px wide: nothing may be wider than the pane, long words wrap.
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    maxWidth: "100%",
    minWidth: 0,
    overflowWrap: "anywhere",
  },
});

export interface AppProps {
  readonly services: Services;
}

/** The task pane: recognise, check, input help, year-end review; each step shows its own outcome. */
export function App({ services }: AppProps): JSX.Element {
  const styles = useStyles();
  const [state, actions] = useFallbilanz(services);
  const busy = isBusy(state);
  const years = useMemo(() => (state.analysis ? reportYears(state.analysis) : []), [state.analysis]);
  const sheets = sheetsOf(state);
  const plan = useMemo(() => inputHelpPlan(sheets), [sheets]);
  return (
    <main className={styles.root}>
      <Title3 as="h1">Fallbilanz</Title3>
      <LiveStatus
        notice={state.liveNotice}
        review={state.review}
        busy={busy}
        onSelectCell={(s, a) => void actions.selectCell(s, a)}
        onRewrite={() => void actions.rewriteReview()}
      />
      <Body1>
        Erkennt Ihre Tracking-Arbeitsmappe, prüft jede Zeile und schreibt den Jahresrückblick in eigene Blätter. Ihre Blätter liest
        Fallbilanz nur; nur die Eingabehilfen fügen nach Ihrer Bestätigung Auswahllisten und Markierungen hinzu.
      </Body1>
      <RecognitionStep
        sheets={sheetsOf(state)}
        outcome={state.outcome}
        disabled={busy}
        onChooseColumn={(s, f, c) => void actions.chooseColumn(s, f, c)}
        markedColumns={(s) => actions.markedColumns(s)}
        onMarkPersonal={(s, c, m) => void actions.markPersonalColumn(s, c, m)}
      />
      <Divider />
      <CheckStep
        analysis={state.analysis}
        outcome={state.outcome}
        disabled={busy}
        onCheck={() => void actions.check()}
        onWriteReport={() => void actions.writeValidationReport()}
        onSelectCell={(s, a) => void actions.selectCell(s, a)}
      />
      <Divider />
      <ReviewStep years={years} outcome={state.outcome} defaultYear={actions.defaultYear()} disabled={busy || !state.analysis} onWrite={(y, t) => void actions.writeReview(y, t)} />
      <Divider />
      <InputHelpStep
        outcome={state.outcome}
        disabled={busy || !state.analysis}
        plan={plan}
        onConfirm={() => void actions.addInputHelp()}
        onRemove={() => void actions.removeInputHelp()}
      />
      <Divider />
      <RetentionStep
        years={actions.retentionYears()}
        check={state.retention}
        outcome={state.outcome}
        disabled={busy || !state.analysis}
        onCheck={(y) => void actions.checkRetention(y)}
        onRemove={() => void actions.removePersonalData()}
      />
    </main>
  );
}
