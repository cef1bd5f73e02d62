import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { GeneratorOptions, generateTrackingWorkbook, writeTrackingWorkbook } from "../lib/trackingWorkbook";

/** The benchmarks' workbook: about 150,000 rows, made once into `bench-data/` (git-ignored). */
export const BENCH_OPTIONS: GeneratorOptions = {
  seed: 150_000,
  years: [2018, 2019],
  clients: 6000,
  counselledPerMonth: 2400,
  referredPerMonth: 2400,
  eventsPerYear: 400,
  quirks: true,
};

const ROOT = resolve(__dirname, "..", "..");
export const BENCH_FILE = join(ROOT, "bench-data", "tracking-150k.xlsx");

export async function benchWorkbook(): Promise<string> {
  if (!existsSync(BENCH_FILE)) {
    mkdirSync(join(ROOT, "bench-data"), { recursive: true });
    process.stdout.write("Erzeuge Benchmark-Arbeitsmappe …\n");
    const generated = generateTrackingWorkbook(BENCH_OPTIONS);
    await writeTrackingWorkbook(BENCH_FILE, generated);
    process.stdout.write(`${generated.sheets.reduce((n, s) => n + s.rows.length, 0)} Zeilen in ${BENCH_FILE}\n`);
  }
  return BENCH_FILE;
}
