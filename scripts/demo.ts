import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { main } from "../src/cli/main";
import { SAMPLE_OPTIONS, generateTrackingWorkbook, writeTrackingWorkbook } from "./lib/trackingWorkbook";
import { SAMPLE_PATH } from "./make-sample";

/** `npm run demo`: the review of the bundled sample, with the headline figures on the terminal. */
async function demo(): Promise<number> {
  if (!existsSync(SAMPLE_PATH)) await writeTrackingWorkbook(SAMPLE_PATH, generateTrackingWorkbook(SAMPLE_OPTIONS));
  const outDir = resolve(__dirname, "..", "out");
  mkdirSync(outDir, { recursive: true });
  const year = String(SAMPLE_OPTIONS.years[SAMPLE_OPTIONS.years.length - 1]);
  process.stdout.write(`Arbeitsmappe: ${SAMPLE_PATH}\n`);
  return main([SAMPLE_PATH, "--year", year, "--out", resolve(outDir, `Jahresrückblick-${year}.xlsx`), "--json", resolve(outDir, `Zusammenfassung-${year}.json`)]);
}

void demo().then((code) => process.exit(code));
