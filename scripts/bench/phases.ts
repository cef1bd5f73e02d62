import { XlsxFileSource } from "../../src/adapters/xlsx/fileSource";
import { XlsxFileSink } from "../../src/adapters/xlsx/write/fileSink";
import { recogniseWorkbook } from "../../src/app/review";
import { buildReport } from "../../src/core/report/buildReport";
import { todayInGermany } from "../../src/core/dates/calendarDay";
import { dirname, join } from "node:path";
import { BENCH_FILE, benchWorkbook } from "./benchWorkbook";

/**
 * `npm run bench:phases [-- <workbook.xlsx>]`: the report command's phases one after the other on the benchmark
 * workbook (or the one given), each timed, with the heap after it and the peak memory so far: where the time and
 * the memory of `npm run bench` go. A look inside, not the measure: the ratios come from `npm run bench`.
 */
async function phases(file: string, out: string): Promise<void> {
  let t = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    process.stdout.write(`${name.padEnd(12)} ${(now - t).toFixed(0).padStart(6)} ms ${(process.memoryUsage().heapUsed / 1e6).toFixed(0).padStart(5)} MB Heap, bisher höchstens ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB RSS\n`);
    t = now;
  };
  const analysis = await recogniseWorkbook(new XlsxFileSource(file), { today: todayInGermany() });
  lap("erkennen");
  const report = buildReport(analysis, { year: 2019 });
  lap("aufbauen");
  await new XlsxFileSink(out, "Mappe.xlsx").write(report.sheets);
  lap("schreiben");
  process.stdout.write(`RSS max      ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? (await benchWorkbook());
  await phases(file, process.argv[3] ?? join(dirname(BENCH_FILE), "phasen.xlsx"));
}

void main();
