import { XlsxSource } from "../adapters/xlsx/xlsxSource";
import { BlobByteSource, MemoryByteSink, browserCodec } from "../adapters/xlsx/platform/browser";
import { XlsxPackageSink } from "../adapters/xlsx/write/packageSink";
import { recogniseWorkbook, writeReview } from "../app/review";
import type { Analysis } from "../core/analysis";
import { todayInGermany } from "../core/dates/calendarDay";
import { isFallbilanzError } from "../core/errors";
import { defaultReportYear, reportYears } from "../core/report/buildReport";
import { summaryText } from "../core/report/summaryJson";
import { formatGermanInteger } from "../core/report/about";
import type { FromWorker, ToWorker } from "./protocol";

/*
 * The browser page's worker: reads the chosen file with the command line's reader, checks it with the core, and
 * writes the review with the command line's writer, into memory. The file never leaves this worker (no request is
 * made: the page's policy, which a worker made from a blob inherits, allows none).
 */

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let current: { analysis: Analysis; fileName: string } | undefined;

const post = (message: FromWorker, transfer: Transferable[] = []): void => scope.postMessage(message, transfer);

async function read(file: File): Promise<void> {
  current = undefined;
  post({ type: "progress", text: `„${file.name}“ wird gelesen …` });
  const source = new XlsxSource(new BlobByteSource(file), browserCodec, file.name);
  const analysis = await recogniseWorkbook(source, {
    today: todayInGermany(),
    progress: (sheet, rows) => post({ type: "progress", text: `„${sheet}“: ${formatGermanInteger(rows)} Zeilen gelesen …` }),
  });
  current = { analysis, fileName: file.name };
  post({
    type: "checked",
    view: {
      fileName: file.name,
      sheets: analysis.sheets,
      totals: analysis.totals,
      findings: analysis.findings,
      years: reportYears(analysis),
      defaultYear: defaultReportYear(analysis),
    },
  });
}

async function review(year: number, suppressionThreshold: number): Promise<void> {
  if (!current) throw new Error("no workbook read");
  const bytes = new MemoryByteSink();
  // The links of the records and findings point to the team's workbook beside the review, as the command line's do
  // for a review written into the workbook's folder.
  const sink = new XlsxPackageSink(() => Promise.resolve(bytes), browserCodec, encodeURIComponent(current.fileName));
  const { report } = await writeReview(current.analysis, { year, suppressionThreshold, progress: (text) => post({ type: "progress", text }) }, sink);
  const buffer = bytes.buffer();
  post({ type: "review", year, workbook: buffer, summary: summaryText(report.summary), paragraph: report.review.paragraph }, [buffer]);
}

scope.onmessage = (event) => {
  const message = event.data;
  const work = message.type === "read" ? read(message.file) : review(message.year, message.suppressionThreshold);
  work.catch((error: unknown) => {
    const text = isFallbilanzError(error)
      ? error.message
      : "Interner Fehler: Die Auswertung ist abgebrochen; es wurde nichts zum Herunterladen erstellt. Bitte melden.";
    if (!isFallbilanzError(error)) console.error("Fallbilanz:", error);
    post({ type: "error", message: text });
  });
};
