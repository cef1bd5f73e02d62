import { resolve } from "node:path";
import { SAMPLE_OPTIONS, generateTrackingWorkbook, writeTrackingWorkbook } from "./lib/trackingWorkbook";

/** Writes the fictional sample tracking workbook that `npm run demo` reads. */
export const SAMPLE_PATH = resolve(__dirname, "..", "samples", "Beispiel-Tracking.xlsx");

async function makeSample(path = process.argv[2] ?? SAMPLE_PATH): Promise<void> {
  await writeTrackingWorkbook(path, generateTrackingWorkbook(SAMPLE_OPTIONS));
  process.stdout.write(`Beispiel-Arbeitsmappe geschrieben: ${path}\n`);
}

if (require.main === module) void makeSample();
