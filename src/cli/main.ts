import { promises as fs } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { XlsxFileSink } from "../adapters/xlsx/write/fileSink";
import { XlsxFileSource } from "../adapters/xlsx/fileSource";
import { recogniseWorkbook, writeReview } from "../app/review";
import { Day, dayParts, todayInGermany } from "../core/dates/calendarDay";
import { RetentionCheck, checkRetention } from "../app/retention";
import { retentionLine } from "../core/retention/retentionWording";
import { isFallbilanzError } from "../core/errors";
import { Report } from "../core/report/buildReport";
import { summaryText } from "../core/report/summaryJson";
import { ReportSink } from "../port/workbookPort";
import { headlineLines } from "./headlines";
import { version as VERSION } from "../../package.json";
import { CliArgs, HELP, parseArgs } from "./args";
import { ExitCode } from "./exitCodes";
import { OutputFiles } from "./outputFiles";
import { terminalProgress } from "./progress";

export interface CliIo {
  readonly stdout: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: NodeJS.WriteStream | { write(text: string): unknown; isTTY?: boolean };
  /** The day of processing; defaults to today in Germany. */
  readonly today?: Day;
}

/**
 * The input workbook as the report's links point to it: its path relative to the report file as a URI (each
 * segment percent-encoded, so `#`, `?` and spaces in names survive).
 */
export function inputUri(outPath: string, inputPath: string): string {
  const rel = relative(dirname(resolve(outPath)), resolve(inputPath)).split("\\").join("/");
  return rel.split("/").map((segment) => (segment === ".." ? segment : encodeURIComponent(segment))).join("/");
}

/** A message on one line, whatever the names in it hold (a newline in a file name, say). */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, "?");
}

/** What a run made: the review, and the retention check when `--loeschfrist` asked for it, with its list's file. */
interface RunResult {
  readonly report: Report;
  readonly retention?: { readonly check: RetentionCheck; readonly list: string };
}

/** The default file of the `Löschliste`: named for its reference day, in the current folder. */
export function defaultRetentionList(reference: Day): string {
  const { year, month, day } = dayParts(reference);
  return `Löschliste-${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}.xlsx`;
}

async function run(args: CliArgs, io: CliIo): Promise<RunResult> {
  const today = io.today ?? todayInGermany();
  const reference = args.referenceDay ?? today;
  const list = args.retentionYears === undefined ? undefined : (args.retentionList ?? defaultRetentionList(reference));
  await OutputFiles.check([args.out, args.json, list], args.workbook);
  const progress = terminalProgress(io.stderr as NodeJS.WriteStream);
  const source = new XlsxFileSource(args.workbook);
  // The rows read are passed on, not kept: once validated they live on as records only. The retention check
  // reads beside the figures, in the same single reading.
  const retention = args.retentionYears === undefined ? undefined : await checkRetention(source, { today, years: args.retentionYears, reference, progress: progress.read });
  const analysis = retention?.analysis ?? (await recogniseWorkbook(source, { today, progress: progress.read }));
  const outputs = new OutputFiles();
  let report: Report;
  try {
    // The review's sheets go to the file of --bericht, through a temporary name, when one is asked for.
    const sink: ReportSink = {
      write: async (sheets) => {
        const out = args.out;
        if (!out) return;
        progress.say(`Schreibe „${out}“ …`);
        await outputs.write(out, (tmp) => new XlsxFileSink(tmp, inputUri(out, args.workbook)).write(sheets));
      },
    };
    ({ report } = await writeReview(analysis, { year: args.year, suppressionThreshold: args.suppress }, sink));
    if (list && retention) {
      progress.say(`Schreibe „${list}“ …`);
      await outputs.write(list, (tmp) => new XlsxFileSink(tmp, inputUri(list, args.workbook)).write([retention.sheet]));
    }
    if (args.json) {
      // The retention check adds counts only: the JSON never names a client.
      const summary = retention ? { ...report.summary, retention: { due: retention.retention.due.length, withoutDate: retention.retention.withoutDate.length } } : report.summary;
      await outputs.write(args.json, (tmp) => fs.writeFile(tmp, summaryText(summary), "utf8"));
    }
    await outputs.commit();
  } finally {
    await outputs.discard();
  }
  progress.done();
  return { report, retention: retention && list ? { check: retention, list } : undefined };
}

/**
 * The command line: `report <workbook.xlsx> --year <Y> [--out <report.xlsx>] [--json <summary.json>] [--suppress <n>]`.
 * Returns the exit code; bad input gets one German line on stderr, never a stack trace.
 */
export async function main(argv: readonly string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr }): Promise<ExitCode> {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.stdout.write(`${HELP}\n`);
      return ExitCode.Ok;
    }
    if (args.version) {
      io.stdout.write(`Fallbilanz ${VERSION}\n`);
      return ExitCode.Ok;
    }
    const { report, retention } = await run(args, io);
    io.stdout.write(headlineLines(report).map(oneLine).join("\n") + "\n");
    if (retention) io.stdout.write(oneLine(retentionLine(retention.check.retention)) + "\n");
    if (args.out) io.stdout.write(`Geschrieben: ${args.out}\n`);
    if (retention) io.stdout.write(`Geschrieben: ${oneLine(retention.list)} (Löschliste: enthält Kennungen, nicht weitergeben)\n`);
    if (args.json) io.stdout.write(`Geschrieben: ${args.json}\n`);
    if (!args.out && !args.json && !retention) io.stdout.write("Keine Datei geschrieben (dafür --bericht <datei.xlsx> oder --zusammenfassung <datei.json> angeben).\n");
    return ExitCode.Ok;
  } catch (error) {
    // On a terminal the message replaces the progress line instead of being appended to it.
    if (io.stderr.isTTY) io.stderr.write("\r\u001b[K");
    if (isFallbilanzError(error)) {
      io.stderr.write(`Fehler: ${oneLine(error.message)}\n`);
      return ExitCode.BadInput;
    }
    const detail = process.env.DEBUG && error instanceof Error ? `\n${error.stack}` : "";
    io.stderr.write(`Interner Fehler: Die Auswertung ist abgebrochen; es wurde keine Datei geschrieben. Bitte melden.${detail}\n`);
    return ExitCode.Internal;
  }
}
