import { Body1, Title3, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
});

/** The task pane. Recognising, checking and writing the review follow in their own issue. */
export function App(): JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">Fallbilanz</Title3>
      <Body1>
        Erkennt die Tracking-Arbeitsmappe der Integrationskoordination, prüft jede Zeile und schreibt den Jahresrückblick.
      </Body1>
    </main>
  );
}
