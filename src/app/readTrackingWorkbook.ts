import { Cell } from "../core/cells";
import { datesFrom1904System } from "../core/dates/dateSystem";
import { IngestOptions, IngestedSheet, SheetIngest } from "../core/recognize/sheetIngest";
import { ColumnNeeds, ReadProgress, WorkbookSource } from "../port/workbookPort";

/** A sink that reads a sheet's rows beside its ingest, and hands each row on to it. */
export interface ObservingSink {
  push(row: number, cells: readonly Cell[]): void;
  needs(): ColumnNeeds | undefined;
}

/** Reads every sheet of a source through the core's recognition, keeping only what the figures need. */
export async function readTrackingWorkbook(
  source: WorkbookSource,
  options: {
    progress?: ReadProgress;
    ingest?: (sheetName: string) => IngestOptions;
    only?: string;
    /** Another reader of the same rows (the retention check): it gets each row and passes it on to the ingest. */
    observe?: (ingest: SheetIngest) => ObservingSink | undefined;
  } = {},
): Promise<IngestedSheet[]> {
  const ingests: { ingest: SheetIngest; position: number }[] = [];
  await source.forEachSheet((name, position) => {
    // One sheet read again (its header changed): the others are not read at all.
    if (options.only !== undefined && name !== options.only) return undefined;
    const ingest = new SheetIngest(name, options.ingest?.(name));
    ingests.push({ ingest, position });
    if (!ingest.wantsRows) return undefined;
    const observer = options.observe?.(ingest);
    if (observer) return Object.assign((row: number, cells: readonly Cell[]) => observer.push(row, cells), { needs: () => observer.needs() });
    return Object.assign((row: number, cells: readonly Cell[]) => ingest.push(row, cells), { needs: () => ingest.needs() });
  }, options.progress);
  for (const placeholder of options.only === undefined ? (source.placeholderSheets?.() ?? []) : []) {
    ingests.push({ ingest: SheetIngest.placeholder(placeholder.name), position: placeholder.position });
  }
  const sheets = ingests.sort((a, b) => a.position - b.position).map(({ ingest }) => ingest.finish());
  return source.uses1904DateSystem?.() ? datesFrom1904System(sheets) : sheets;
}
