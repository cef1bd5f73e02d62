import { Body1, MessageBar, MessageBarBody, MessageBarTitle, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { STARTUP_MESSAGES, StartupProblem } from "../startup/support";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

/** Shown instead of the pane when it cannot work here (no office.js, not Excel, an Excel too old). */
export function StartupMessage({ problem }: { readonly problem: StartupProblem }): JSX.Element {
  const styles = useStyles();
  const { title, text } = STARTUP_MESSAGES[problem];
  return (
    <main className={styles.root}>
      <Title3 as="h1">Fallbilanz</Title3>
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          <Body1 as="p">{text}</Body1>
        </MessageBarBody>
      </MessageBar>
    </main>
  );
}
