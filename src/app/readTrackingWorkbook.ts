import { Cell } from "../core/cells";
import { datesFrom1904System } from "../core/dates/dateSystem";
import { IngestOptions, IngestedSheet, SheetIngest } from "../core/recognize/sheetIngest";
import { ReadProgress, WorkbookSource } from "../port/workbookPort";

/** Reads every sheet of a source through the core's recognition, keeping only what the figures need. */
export async function readTrackingWorkbook(
  source: WorkbookSource,
  options: { progress?: ReadProgress; ingest?: (sheetName: string) => IngestOptions; only?: string } = {},
): Promise<IngestedSheet[]> {
  const ingests: { ingest: SheetIngest; position: number }[] = [];
  await source.forEachSheet((name, position) => {
    // One sheet read again (its header changed): the others are not read at all.
    if (options.only !== undefined && name !== options.only) return undefined;
    const ingest = new SheetIngest(name, options.ingest?.(name));
    ingests.push({ ingest, position });
    if (!ingest.wantsRows) return undefined;
    return Object.assign((row: number, cells: readonly Cell[]) => ingest.push(row, cells), { needs: () => ingest.needs() });
  }, options.progress);
  for (const placeholder of options.only === undefined ? (source.placeholderSheets?.() ?? []) : []) {
    ingests.push({ ingest: SheetIngest.placeholder(placeholder.name), position: placeholder.position });
  }
  const sheets = ingests.sort((a, b) => a.position - b.position).map(({ ingest }) => ingest.finish());
  return source.uses1904DateSystem?.() ? datesFrom1904System(sheets) : sheets;
}
