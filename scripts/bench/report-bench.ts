import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { measureBrowserPage } from "./browser-bench";
import { BENCH_SHAPES, BenchShape, shapeWorkbook } from "./shapes";

/**
 * `npm run bench [-- <shape> …]`: for each shape of workbook (scripts/bench/shapes.ts, about 150,000 rows each),
 * measures, median of 3 fresh processes each, a plain ExcelJS readFile of it (the baseline) and the whole built
 * report command on it (as `npm run report` runs it), the two alternated so that load on the machine meets both
 * alike, and prints the ratios. Targets on every shape: time ratio ≤ 0.4, peak memory ratio ≤ 0.3.
 */
const ROOT = resolve(__dirname, "..", "..");
const DATA = join(ROOT, "bench-data");
const RUNS = 3;
const TARGET = { time: 0.4, memory: 0.3 };
/** The browser page against the command line on the same workbook: time, and the renderer's peak memory. */
const BROWSER_TARGET = { time: 1.5, memoryMB: 400 };

interface Sample {
  ms: number;
  maxRssMB: number;
}

/** The Node options of `npm run report` (e.g. a smaller young generation), so that the report runs as users run it. */
function reportNodeOptions(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  return pkg.scripts.report.split(/\s+/).filter((word) => word.startsWith("--"));
}

function runOnce(mode: "plain" | "report", args: string[]): Sample {
  const options = mode === "report" ? reportNodeOptions() : [];
  const out = execFileSync(process.execPath, [...options, join(__dirname, "measure.cjs"), mode, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split("\n").pop()!) as Sample;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const de = (n: number, digits: number): string => n.toLocaleString("de-DE", { minimumFractionDigits: digits, maximumFractionDigits: digits });

interface Result {
  readonly shape: BenchShape;
  readonly megabytes: number;
  readonly plain: { ms: number; mb: number };
  readonly report: { ms: number; mb: number };
}

function measure(shape: BenchShape, file: string): Result {
  const out = join(DATA, "bericht.xlsx");
  const json = join(DATA, "summary.json");
  const plain: Sample[] = [];
  const report: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    plain.push(runOnce("plain", [file]));
    report.push(runOnce("report", [file, "--year", "2019", "--out", out, "--json", json]));
    rmSync(out, { force: true });
  }
  const pick = (samples: Sample[]) => ({ ms: median(samples.map((s) => s.ms)), mb: median(samples.map((s) => s.maxRssMB)) });
  return { shape, megabytes: statSync(file).size / 1e6, plain: pick(plain), report: pick(report) };
}

async function bench(): Promise<void> {
  const wanted = process.argv.slice(2);
  const shapes = wanted.length === 0 ? BENCH_SHAPES : BENCH_SHAPES.filter((s) => wanted.includes(s.key));
  if (shapes.length === 0) {
    process.stderr.write(`Unbekannte Form. Bekannt: ${BENCH_SHAPES.map((s) => s.key).join(", ")}\n`);
    process.exit(2);
  }
  execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  const files = new Map<BenchShape, string>();
  for (const shape of shapes) files.set(shape, await shapeWorkbook(shape));
  process.stdout.write(`Median aus ${RUNS} Läufen je Seite, je ein frischer Prozess; Ziele: Zeit ≤ ${de(TARGET.time, 2)}, Speicher ≤ ${de(TARGET.memory, 2)} von ExcelJS readFile\n`);
  process.stdout.write(`${"Form".padEnd(32)} ${"Datei".padStart(7)} ${"ExcelJS".padStart(15)} ${"report".padStart(15)} ${"Zeit".padStart(5)} ${"Speicher".padStart(8)}\n`);
  let allMet = true;
  const results = new Map<BenchShape, Result>();
  for (const shape of shapes) {
    const r = measure(shape, files.get(shape)!);
    results.set(shape, r);
    const time = r.report.ms / r.plain.ms;
    const memory = r.report.mb / r.plain.mb;
    const met = time <= TARGET.time && memory <= TARGET.memory;
    allMet &&= met;
    const side = (s: { ms: number; mb: number }): string => `${de(s.ms / 1000, 2).padStart(6)} s ${de(s.mb, 0).padStart(5)} MB`;
    process.stdout.write(
      `${`${shape.key} (${shape.label})`.padEnd(32)} ${`${de(r.megabytes, 1)} MB`.padStart(7)} ${side(r.plain)} ${side(r.report)} ${de(time, 2).padStart(5)} ${de(memory, 2).padStart(8)}  ${met ? "erreicht" : "VERFEHLT"}\n`,
    );
  }
  // The browser page on the standard shape (or the first one asked for), against the command line's time above.
  const shape = shapes.find((s) => s.key === "standard") ?? shapes[0];
  const cli = results.get(shape)!.report;
  const page = await measureBrowserPage(files.get(shape)!, 2019, RUNS);
  const ratio = page.ms / cli.ms;
  const pageMet = ratio <= BROWSER_TARGET.time && page.peakMB < BROWSER_TARGET.memoryMB;
  allMet &&= pageMet;
  process.stdout.write(
    `Browserseite (${shape.key}, Chromium): ${de(page.ms / 1000, 2)} s bis zum Download, ${de(ratio, 2)} der Kommandozeile (${de(cli.ms / 1000, 2)} s); ` +
      `größter Renderer-Prozess höchstens ${de(page.peakMB, 0)} MB; Ziele ≤ ${de(BROWSER_TARGET.time, 1)}, < ${BROWSER_TARGET.memoryMB} MB  ${pageMet ? "erreicht" : "VERFEHLT"}\n`,
  );
  process.stdout.write(allMet ? "Alle Ziele erreicht.\n" : "Nicht alle Ziele erreicht.\n");
}

if (require.main === module) void bench();
