import { Body1, Button, Caption1, Link, MessageBar, MessageBarBody, ProgressBar, Subtitle2, Title3, makeStyles, shorthands, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import { CheckSummary } from "../taskpane/components/CheckSummary";
import type { StepOutcome as Outcome } from "../taskpane/components/outcome";
import { ReviewStep } from "../taskpane/components/ReviewStep";
import { SheetList } from "../taskpane/components/SheetList";
import { useStepStyles } from "../taskpane/components/stepStyles";
import type { Engine } from "./engine";
import type { CheckView } from "./protocol";

/*
 * The review from a web page, for a team whose Excel has no add-in yet: choose or drop the workbook, see the check
 * as the pane shows it, download the review and its summary. Nothing leaves the machine.
 */

const useStyles = makeStyles({
  page: {
    maxWidth: "44rem", marginLeft: "auto", marginRight: "auto", ...shorthands.padding(tokens.spacingVerticalL, tokens.spacingHorizontalL),
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, boxSizing: "border-box",
  },
  drop: {
    ...shorthands.border(tokens.strokeWidthThick, "dashed", tokens.colorNeutralStroke1), ...shorthands.borderRadius(tokens.borderRadiusMedium),
    ...shorthands.padding(tokens.spacingHorizontalL), display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start",
  },
  dropping: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  downloads: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  hidden: { display: "none" },
});

interface Downloads {
  readonly year: number;
  readonly workbook: string;
  readonly summary: string;
}

type Phase =
  | { readonly kind: "idle" }
  | { readonly kind: "reading"; readonly text: string }
  | { readonly kind: "error"; readonly message: string }
  | { readonly kind: "checked"; readonly view: CheckView };

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function BrowserApp({ engine }: { readonly engine: Engine }): JSX.Element {
  const styles = useStyles();
  const step = useStepStyles();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [downloads, setDownloads] = useState<Downloads | undefined>(undefined);
  const [dropping, setDropping] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => engine.prepare(), [engine]);

  // Blob addresses hold the review in memory: given back when a new one replaces them, or the page closes.
  useEffect(() => () => {
    if (downloads) {
      URL.revokeObjectURL(downloads.workbook);
      URL.revokeObjectURL(downloads.summary);
    }
  }, [downloads]);

  const choose = useCallback(
    (file: File | undefined) => {
      if (!file) return;
      setDownloads(undefined);
      setOutcome(undefined);
      setPhase({ kind: "reading", text: `„${file.name}“ wird gelesen …` });
      engine.check(file, (text) => setPhase({ kind: "reading", text })).then(
        (view) => setPhase({ kind: "checked", view }),
        (error: unknown) => setPhase({ kind: "error", message: message(error) }),
      );
    },
    [engine],
  );

  const write = (year: number, threshold: number): void => {
    setDownloads(undefined);
    setOutcome({ step: "review", kind: "progress", text: "Der Jahresrückblick wird erstellt …" });
    engine.review(year, threshold, (text) => setOutcome({ step: "review", kind: "progress", text })).then(
      (result) => {
        const workbook = URL.createObjectURL(new Blob([result.workbook], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
        const summary = URL.createObjectURL(new Blob([result.summary], { type: "application/json" }));
        setDownloads({ year: result.year, workbook, summary });
        setOutcome({ step: "review", kind: "success", text: `Jahresrückblick ${result.year} erstellt. Der Text für den Rückblick: ${result.paragraph}` });
        // The download starts at once; the links below offer it again.
        const a = document.createElement("a");
        a.href = workbook;
        a.download = `Jahresrückblick-${result.year}.xlsx`;
        a.click();
      },
      (error: unknown) => setOutcome({ step: "review", kind: "error", text: message(error) }),
    );
  };

  const view = phase.kind === "checked" ? phase.view : undefined;
  const busy = phase.kind === "reading" || outcome?.kind === "progress";

  return (
    <main className={styles.page}>
      <header>
        <Title3 as="h1">Fallbilanz im Browser</Title3>
        <Body1 as="p">
          Prüft Ihre Arbeitsmappe und erstellt den Jahresrückblick, ohne Add-In. Die Datei bleibt auf diesem Rechner: Sie wird nicht hochgeladen und
          nirgends gespeichert; schließen Sie die Seite, ist sie aus dem Speicher.
        </Body1>
      </header>

      <section aria-labelledby="step-file" className={step.step}>
        <Subtitle2 as="h2" id="step-file">1. Arbeitsmappe wählen</Subtitle2>
        <div
          className={`${styles.drop} ${dropping ? styles.dropping : ""}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDropping(true);
          }}
          onDragLeave={() => setDropping(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDropping(false);
            choose(e.dataTransfer.files[0]);
          }}
        >
          <Body1>Die Excel-Datei (.xlsx) hierher ziehen oder auswählen.</Body1>
          <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>Arbeitsmappe auswählen …</Button>
          <input
            ref={input}
            className={styles.hidden}
            type="file"
            aria-label="Arbeitsmappe"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              choose(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
        </div>
        <div role="status" aria-live="polite">
          {phase.kind === "reading" && (
            <>
              <ProgressBar aria-label="Fallbilanz liest die Arbeitsmappe" />
              <Body1>{phase.text}</Body1>
            </>
          )}
          {phase.kind === "error" && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{phase.message}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {view && (
          <>
            <Body1>
              <strong>{view.fileName}</strong>
            </Body1>
            <SheetList sheets={view.sheets} />
          </>
        )}
      </section>

      {view && (
        <section aria-labelledby="step-check" className={step.step}>
          <Subtitle2 as="h2" id="step-check">2. Prüfung</Subtitle2>
          <CheckSummary totals={view.totals} findings={view.findings} />
        </section>
      )}

      {view && (
        <>
          <ReviewStep
            heading="3. Jahresrückblick herunterladen"
            action="Jahresrückblick erstellen und herunterladen"
            years={view.years}
            defaultYear={view.defaultYear}
            outcome={outcome}
            disabled={busy}
            onWrite={write}
          />
          {downloads && (
            <div className={styles.downloads}>
              <Link href={downloads.workbook} download={`Jahresrückblick-${downloads.year}.xlsx`}>Jahresrückblick-{downloads.year}.xlsx herunterladen</Link>
              <Link href={downloads.summary} download={`Zusammenfassung-${downloads.year}.json`}>Zusammenfassung-{downloads.year}.json herunterladen</Link>
              <Caption1>Die Blätter „Fälle“ und „Geprüfte Einträge“ enthalten Klient-IDs: nicht weitergeben. Veröffentlichen Sie nur das Blatt „Jahresrückblick“.</Caption1>
            </div>
          )}
        </>
      )}
    </main>
  );
}
