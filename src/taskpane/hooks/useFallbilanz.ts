import { useCallback, useEffect, useRef, useState } from "react";
import { writeReview } from "../../app/review";
import { LiveCheck, SheetChange } from "../../app/liveCheck";
import { reviewFingerprint, reviewStanding } from "../../core/live/reviewFingerprint";
import { LiveNotice, ReviewStatus, noticeOf } from "../liveNotice";
import { StoredReview } from "../excel/reviewStore";
import { ChangeWatch } from "../excel/liveChanges";
import { SheetInfo } from "../../core/recognize/sheetIngest";
import { Field } from "../../core/vocabulary/columns";
import { defaultReportYear } from "../../core/report/buildReport";
import { validationReportSheet } from "../../core/report/validationReport";
import { Analysis } from "../../core/analysis";
import { WrittenSheet } from "../excel/officeSink";
import { dropdownTargets } from "../excel/inputHelp";
import { workbookMarks } from "../../core/marks/markRules";
import { isFallbilanzError } from "../../core/errors";
import { countOf, readingProgress } from "../../core/report/wording";
import { errorDetails, germanMessage } from "../messages";
import { Services } from "../services";
import { DEFAULT_SUPPRESSION_THRESHOLD } from "../../core/report/suppress";
import { RetentionCheck, checkRetention } from "../../app/retention";
import { DEFAULT_RETENTION_YEARS } from "../../core/retention/retentionRule";
import { retentionLine } from "../../core/retention/retentionWording";

import type { PaneStep, StepOutcome } from "../components/outcome";
export type { PaneStep, StepOutcome } from "../components/outcome";

export interface FallbilanzState {
  /** The last action's outcome, in the step it belongs to; a step is under way while its kind is "progress". */
  readonly outcome: StepOutcome | undefined;
  readonly analysis: Analysis | undefined;
  readonly written: readonly WrittenSheet[];
  /** What the live check says of the last change staff made (the pane's top line). */
  readonly liveNotice: LiveNotice | undefined;
  /** The written review against the sheets, when the workbook keeps one. */
  readonly review: ReviewStatus | undefined;
  /** Whether the pane follows the changes of the sheets (Excel's events are available). */
  readonly watching: boolean;
  /** The last retention check (who is due, what removal clears), until the workbook is read again. */
  readonly retention: RetentionCheck | undefined;
}

/** What an action hands back: new state, and the success message its step shows. */
type StepResult = Partial<Pick<FallbilanzState, "analysis" | "written" | "review" | "retention">> & { readonly notice?: string };

/** The workbook's sheets as last recognised (none before the first reading). */
export const sheetsOf = (state: FallbilanzState): readonly SheetInfo[] => state.analysis?.sheets ?? [];

/** Whether an action is under way (the pane's controls wait for it). */
export const isBusy = (state: FallbilanzState): boolean => state.outcome?.kind === "progress";

export interface FallbilanzActions {
  recognise(): Promise<void>;
  /** Reads the workbook afresh and checks every row. */
  check(): Promise<void>;
  /** A column picked by hand for a field; `undefined` goes back to automatic recognition. */
  chooseColumn(sheet: string, field: Field, column: number | undefined): Promise<void>;
  writeValidationReport(): Promise<void>;
  addInputHelp(): Promise<void>;
  /** Removes exactly what the input help added (its dropdowns and marks), never the team's own rules. */
  removeInputHelp(): Promise<void>;
  writeReview(year: number, suppressionThreshold: number): Promise<void>;
  /** Writes the review again, for the year and threshold it was written with (when it no longer matches). */
  rewriteReview(): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  defaultYear(): number | undefined;
  /** A column marked (or no longer) as personal data, kept in the workbook for colleagues. */
  markPersonalColumn(sheet: string, column: number, marked: boolean): Promise<void>;
  /** The columns the team marked, per sheet. */
  markedColumns(sheet: string): readonly number[];
  /** The retention period as last used in this workbook (default 3). */
  retentionYears(): number;
  /** Checks the retention periods and writes the `Löschliste`. */
  checkRetention(years: number): Promise<void>;
  /** Clears the personal data of the due clients of the last check, then checks again. */
  removePersonalData(): Promise<void>;
}

const initial: FallbilanzState = { outcome: undefined, analysis: undefined, written: [], liveNotice: undefined, review: undefined, watching: false, retention: undefined };

/** The task pane's state and actions, over the Excel services. Recognises the workbook on first render. */
export function useFallbilanz(services: Services): [FallbilanzState, FallbilanzActions] {
  const [state, setState] = useState<FallbilanzState>(initial);

  const step = useCallback(async (where: PaneStep, label: string, work: () => Promise<StepResult>): Promise<void> => {
    setState((s) => ({ ...s, outcome: { step: where, kind: "progress", text: label } }));
    try {
      const { notice, ...update } = await work();
      setState((s) => ({ ...s, ...update, outcome: notice ? { step: where, kind: "success", text: notice } : undefined }));
    } catch (error) {
      // What Excel refused stays available: in the console, and under "Details" in the pane. (A message of
      // our own already says what to do.)
      if (!isFallbilanzError(error)) console.error("Fallbilanz:", error);
      setState((s) => ({ ...s, outcome: { step: where, kind: "error", text: germanMessage(error), details: errorDetails(error) } }));
    }
  }, []);

  /** The live check of the workbook as last read, and what the workbook keeps of its written review. */
  const liveCheck = useRef<LiveCheck | undefined>(undefined);
  const storedReview = useRef<StoredReview | undefined>(undefined);
  const changes = useRef<Promise<void>>(Promise.resolve());

  const reviewStatus = useCallback((analysis: Analysis): ReviewStatus | undefined => {
    const stored = storedReview.current;
    return stored && { stamp: stored.stamp, standing: reviewStanding(stored.stamp, stored.hashes, analysis) };
  }, []);

  const read = useCallback(async (): Promise<{ analysis: Analysis; review: ReviewStatus | undefined }> => {
    const stored = services.settings.load();
    const started = await LiveCheck.start(services.source, services.readRows, {
      today: services.today(),
      progress: (sheet, rows) => {
        const text = readingProgress(sheet, rows);
        setState((s) => ({ ...s, outcome: s.outcome && { ...s.outcome, kind: "progress", text } }));
      },
      ingest: (name) => ({ columnOverrides: stored.columns[name] }),
    });
    liveCheck.current = started.check;
    return { analysis: started.analysis, review: reviewStatus(started.analysis) };
  }, [services, reviewStatus]);

  /** A change of the team's sheets: checked in turn, one after the other, shown in place. */
  const onChange = useCallback((change: SheetChange): void => {
    changes.current = changes.current
      .then(async () => {
        const current = liveCheck.current;
        if (!current) return;
        const update = await current.apply(change);
        // A full reading that started meanwhile has the newer state: this update is dropped.
        if (liveCheck.current !== current || update.read === "none") return;
        setState((s) => ({ ...s, analysis: update.analysis, liveNotice: noticeOf(update, s.liveNotice) ?? s.liveNotice, review: reviewStatus(update.analysis) }));
      })
      .catch((error: unknown) => console.error("Fallbilanz (laufende Prüfung):", error));
  }, [reviewStatus]);

  /** The retention check over a fresh reading, with the team's column choices and marks. */
  const retentionCheck = useCallback(
    (years: number): Promise<RetentionCheck> => {
      const stored = services.settings.load();
      return checkRetention(services.source, {
        today: services.today(),
        years,
        ingest: (name) => ({ columnOverrides: stored.columns[name] }),
        marked: (name) => stored.personalColumns?.[name] ?? [],
        progress: (sheet, rows) => {
          const text = readingProgress(sheet, rows);
          setState((s) => ({ ...s, outcome: s.outcome && { ...s.outcome, kind: "progress", text } }));
        },
      });
    },
    [services],
  );

  const recognise = useCallback(() => step("recognise", "Arbeitsmappe wird gelesen …", read), [step, read]);
  const check = useCallback(
    () =>
      step("check", "Alle Zeilen werden geprüft …", async () => {
        const fresh = await read();
        const findings = fresh.analysis.findings.length;
        return { ...fresh, notice: findings === 0 ? "Geprüft: keine Befunde." : `Geprüft: ${countOf(findings, "Befund", "Befunde")} (siehe unten).` };
      }),
    [step, read],
  );

  useEffect(() => {
    let watch: ChangeWatch | undefined;
    let gone = false;
    void (async () => {
      // An Excel without custom XML parts or events still gets the pane; it just cannot tell these things.
      storedReview.current = await services.reviews.load().catch(() => undefined);
      await recognise();
      watch = await services.watchChanges(onChange).catch(() => undefined);
      if (gone) await watch?.stop().catch(() => undefined);
      else if (watch) setState((s) => ({ ...s, watching: true }));
    })();
    return () => {
      gone = true;
      void watch?.stop().catch(() => undefined);
    };
  }, [recognise, services, onChange]);

  const actions: FallbilanzActions = {
    recognise,
    check,
    chooseColumn: (sheet, field, column) =>
      step("recognise", "Spalte wird gespeichert …", async () => {
        const stored = services.settings.load();
        const chosen = { ...(stored.columns[sheet] ?? {}) };
        if (column === undefined) delete chosen[field];
        else chosen[field] = column;
        await services.settings.save({ ...stored, columns: { ...stored.columns, [sheet]: chosen } });
        return read();
      }),
    writeValidationReport: () =>
      step("check", "Prüfbericht wird geschrieben …", async () => {
        // Read afresh: the workbook may have changed since the last check.
        const fresh = await read();
        const written = await services.write([validationReportSheet(fresh.analysis)]);
        return { ...fresh, written, notice: `Geschrieben: ${written.map((w) => w.actual).join(", ")}.` };
      }),
    addInputHelp: () =>
      step("help", "Eingabehilfen werden eingerichtet …", async () => {
        const targets = dropdownTargets(sheetsOf(state));
        const { added, kept } = await services.addDropdowns(targets);
        // An Excel without conditional formats (ExcelApi 1.6) keeps the dropdowns and says why there are no marks.
        const marks = await services.addMarks(workbookMarks(sheetsOf(state))).catch((error: unknown) => germanMessage(error));
        const keptNote = kept.length === 0 ? "" : ` Unverändert gelassen, weil dort schon eigene Regeln gelten: ${kept.map((t) => `${t.label} in „${t.sheet}“`).join(", ")}.`;
        return {
          notice: `Auswahllisten eingerichtet: ${added.map((t) => `${t.label} in „${t.sheet}“`).join(", ") || "keine"}.${keptNote} ` +
            (typeof marks === "number" ? `Markierungen eingerichtet: ${countOf(marks, "Regel", "Regeln")} (bedingte Formatierung, hellgelb).` : `Markierungen nicht eingerichtet: ${marks}`),
        };
      }),
    removeInputHelp: () =>
      step("help", "Eingabehilfen werden entfernt …", async () => {
        const sheets = sheetsOf(state);
        const cleared = await services.removeDropdowns(dropdownTargets(sheets));
        const marks = await services.removeMarks(sheets.filter((s) => s.kind !== undefined && s.headerRow !== undefined).map((s) => s.name));
        return { notice: `Entfernt: ${countOf(cleared.length, "Auswahlliste", "Auswahllisten")} und ${countOf(marks, "Markierungsregel", "Markierungsregeln")} von Fallbilanz. Ihre eigenen Regeln bleiben unverändert.` };
      }),
    writeReview: (year, suppressionThreshold) =>
      step("review", "Jahresrückblick wird erstellt …", async () => {
        const fresh = await read();
        const progress = (text: string) => setState((s) => ({ ...s, outcome: { step: "review", kind: "progress", text } }));
        const { written } = await writeReview(fresh.analysis, { year, suppressionThreshold, progress }, { write: (sheets, p) => services.write(sheets, p) });
        const renamed = written.filter((w) => w.actual !== w.wanted);
        const note = renamed.map((w) => ` Ein eigenes Blatt „${w.wanted}“ gibt es schon; es bleibt unverändert, geschrieben wurde „${w.actual}“.`).join("");
        // What the review was made from stays in the workbook, so that the pane can tell when the sheets move on.
        const fingerprint = reviewFingerprint(fresh.analysis, year, services.now(), suppressionThreshold);
        await services.reviews.save(fingerprint);
        storedReview.current = fingerprint;
        // Made from this very analysis: it matches, no need to hash every record a third time.
        return { ...fresh, written, review: { stamp: fingerprint.stamp, standing: { current: true } }, notice: `Jahresrückblick ${year} geschrieben: ${written.map((w) => w.actual).join(", ")}.${note}` };
      }),
    rewriteReview: () => {
      const stamp = storedReview.current?.stamp;
      return stamp ? actions.writeReview(stamp.year, stamp.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD) : Promise.resolve();
    },
    selectCell: (sheet, address) =>
      services.selectCell(sheet, address).catch((error: unknown) => {
        if (!isFallbilanzError(error)) console.error("Fallbilanz:", error);
        setState((s) => ({ ...s, outcome: { step: "check", kind: "error", text: germanMessage(error), details: errorDetails(error) } }));
      }),
    defaultYear: () => (state.analysis ? defaultReportYear(state.analysis) : undefined),
    markPersonalColumn: (sheet, column, marked) =>
      step("recognise", "Spalte wird gespeichert …", async () => {
        const stored = services.settings.load();
        const current = new Set(stored.personalColumns?.[sheet] ?? []);
        if (marked) current.add(column);
        else current.delete(column);
        await services.settings.save({ ...stored, personalColumns: { ...(stored.personalColumns ?? {}), [sheet]: [...current].sort((a, b) => a - b) } });
        // The last retention check no longer says what removal would clear.
        return { ...(await read()), retention: undefined };
      }),
    markedColumns: (sheet) => services.settings.load().personalColumns?.[sheet] ?? [],
    retentionYears: () => services.settings.load().retentionYears ?? DEFAULT_RETENTION_YEARS,
    checkRetention: (years) =>
      step("retention", "Löschfristen werden geprüft …", async () => {
        const stored = services.settings.load();
        if (stored.retentionYears !== years) await services.settings.save({ ...stored, retentionYears: years });
        const check = await retentionCheck(years);
        const written = await services.write([check.sheet]);
        return { retention: check, written, notice: `${retentionLine(check.retention)} Geschrieben: „${written.map((w) => w.actual).join(", ")}“.` };
      }),
    removePersonalData: () =>
      step("retention", "Personenbezug wird entfernt …", async () => {
        const last = state.retention;
        if (!last) return {};
        const cleared = await services.clearCells(last.plan);
        // Checked again: the list then shows what is left to clear (nothing, unless a cell was refused).
        const again = await retentionCheck(last.retention.years);
        const written = await services.write([again.sheet]);
        const where = cleared.sheets.filter((s) => s.cleared > 0).map((s) => `„${s.sheet}“ ${s.cleared}`).join(", ");
        return {
          retention: again,
          written,
          notice:
            `Entfernt: ${countOf(cleared.cleared, "Zelle", "Zellen")} von ${countOf(last.plan.clients, "Person", "Personen")}${where ? ` (${where})` : ""}. ` +
            `Die Löschliste ist aktualisiert; noch zu entfernen: ${countOf(again.plan.cells, "Zelle", "Zellen")}. Bitte die Arbeitsmappe speichern.`,
        };
      }),
  };
  return [state, actions];
}
