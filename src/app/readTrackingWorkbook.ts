import { IngestOptions, IngestedSheet, SheetIngest } from "../core/recognize/sheetIngest";
import { ReadProgress, WorkbookSource } from "../port/workbookPort";

/** Reads every sheet of a source through the core's recognition, keeping only what the figures need. */
export async function readTrackingWorkbook(
  source: WorkbookSource,
  options: { progress?: ReadProgress; ingest?: (sheetName: string) => IngestOptions } = {},
): Promise<IngestedSheet[]> {
  const ingests: SheetIngest[] = [];
  await source.forEachSheet((name) => {
    const ingest = new SheetIngest(name, options.ingest?.(name));
    ingests.push(ingest);
    return ingest.wantsRows ? (row, cells) => ingest.push(row, cells) : undefined;
  }, options.progress);
  return ingests.map((i) => i.finish());
}
