import { promises as fs } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { XlsxFileSink } from "../adapters/xlsx/write/fileSink";
import { XlsxFileSource } from "../adapters/xlsx/fileSource";
import { recogniseWorkbook, writeReview } from "../app/review";
import { Day, todayInGermany } from "../core/dates/calendarDay";
import { isFallbilanzError } from "../core/errors";
import { Report } from "../core/report/buildReport";
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

async function run(args: CliArgs, io: CliIo): Promise<Report> {
  const today = io.today ?? todayInGermany();
  await OutputFiles.check([args.out, args.json], args.workbook);
  const progress = terminalProgress(io.stderr as NodeJS.WriteStream);
  // The rows read are passed on, not kept: once validated they live on as records only.
  const analysis = await recogniseWorkbook(new XlsxFileSource(args.workbook), { today, progress: progress.read });
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
    if (args.json) {
      const summary = report.summary;
      await outputs.write(args.json, (tmp) => fs.writeFile(tmp, JSON.stringify(summary, null, 2) + "\n", "utf8"));
    }
    await outputs.commit();
  } finally {
    await outputs.discard();
  }
  progress.done();
  return report;
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
    const report = await run(args, io);
    io.stdout.write(headlineLines(report).map(oneLine).join("\n") + "\n");
    if (args.out) io.stdout.write(`Geschrieben: ${args.out}\n`);
    if (args.json) io.stdout.write(`Geschrieben: ${args.json}\n`);
    if (!args.out && !args.json) io.stdout.write("Keine Datei geschrieben (dafür --bericht <datei.xlsx> oder --zusammenfassung <datei.json> angeben).\n");
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
