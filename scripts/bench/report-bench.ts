import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { BENCH_FILE, benchWorkbook } from "./benchWorkbook";

/**
 * `npm run bench`: generates a tracking workbook of about 150,000 rows and
 * measures, median of 3 fresh processes each, a plain ExcelJS readFile of it
 * (the baseline) and the whole built report command on it (as `npm run report`
 * runs it), then prints the ratios. Targets: time ratio ≤ 0.5, peak memory ≤ 0.3.
 */
const ROOT = resolve(__dirname, "..", "..");
const DATA = join(ROOT, "bench-data");
const FILE = BENCH_FILE;
const RUNS = 3;

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

async function bench(): Promise<void> {
  execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  await benchWorkbook();
  const out = join(DATA, "bericht.xlsx");
  const json = join(DATA, "summary.json");
  const plain: Sample[] = [];
  const report: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate the two so that machine load affects both alike.
    plain.push(runOnce("plain", [FILE]));
    report.push(runOnce("report", [FILE, "--year", "2019", "--out", out, "--json", json]));
    rmSync(out, { force: true });
  }
  const p = { ms: median(plain.map((s) => s.ms)), mb: median(plain.map((s) => s.maxRssMB)) };
  const r = { ms: median(report.map((s) => s.ms)), mb: median(report.map((s) => s.maxRssMB)) };
  const timeRatio = r.ms / p.ms;
  const memRatio = r.mb / p.mb;
  const line = (name: string, ms: number, mb: number): string => `${name.padEnd(28)} ${(ms / 1000).toFixed(2).padStart(7)} s ${mb.toFixed(0).padStart(7)} MB`;
  process.stdout.write(
    [
      `Median aus ${RUNS} Läufen, je ein frischer Prozess:`,
      line("ExcelJS readFile (Basis)", p.ms, p.mb),
      line("report (ganzer Befehl)", r.ms, r.mb),
      `Zeit-Verhältnis     ${timeRatio.toFixed(2)}  (Ziel ≤ 0,50) ${timeRatio <= 0.5 ? "erreicht" : "VERFEHLT"}`,
      `Speicher-Verhältnis ${memRatio.toFixed(2)}  (Ziel ≤ 0,30) ${memRatio <= 0.3 ? "erreicht" : "VERFEHLT"}`,
      "",
    ].join("\n"),
  );
}


if (require.main === module) void bench();
