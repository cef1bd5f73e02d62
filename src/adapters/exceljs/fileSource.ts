import ExcelJS from "exceljs";
import { Cell } from "../../core/cells";
import { FallbilanzError } from "../../core/errors";
import { ReadProgress, RowSink, WorkbookSource } from "../../port/workbookPort";
import { fromExcelJs } from "./cellValue";
import { assertWorkbookFile, notAWorkbook } from "./fileProblems";
import { sheetDirectory, uses1904DateSystem } from "./sheetDirectory";
import { ZipEntry, openZip } from "./zipDirectory";

const PROGRESS_EVERY = 5_000;

/* ExcelJS 4.4 internals (pinned in package.json): its row parser for one worksheet part, and its stream iterator. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const WorksheetReader = require("exceljs/lib/stream/xlsx/worksheet-reader") as new (args: {
  workbook: unknown;
  id: number;
  iterator: AsyncIterable<unknown>;
  options: unknown;
}) => AsyncIterable<{ number: number; values: ExcelJS.CellValue[] }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const iterateStream = require("exceljs/lib/utils/iterate-stream") as (stream: NodeJS.ReadableStream) => AsyncIterable<unknown>;

const READ_OPTIONS = { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", entries: "ignore" } as const;

/** The shared strings of the package, parsed by ExcelJS's own parser. */
async function sharedStrings(path: string, entry: ZipEntry | undefined): Promise<unknown> {
  const holder = new ExcelJS.stream.xlsx.WorkbookReader(path, READ_OPTIONS) as unknown as {
    sharedStrings?: unknown[];
    _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncIterable<unknown>;
  };
  holder.sharedStrings = [];
  if (entry) for await (const _ of holder._parseSharedStrings(entry.stream())) void _;
  return holder;
}

/**
 * Reads an .xlsx file a row at a time, so that memory stays small on large
 * workbooks. The zip's central directory is read first; then the shared
 * strings, then each sheet in the workbook's order, each part streamed on
 * its own. Nothing depends on the order of the parts inside the zip (ExcelJS's
 * streaming reader does, and loses sheets or strings when they come in an
 * order it does not expect). Date cells arrive as serial numbers (styles are
 * not read), which the core reads as dates. The file is only read.
 */
export class ExcelJsFileSource implements WorkbookSource {
  private date1904 = false;

  constructor(readonly path: string) {}

  uses1904DateSystem(): boolean {
    return this.date1904;
  }

  async forEachSheet(visit: (sheetName: string, position: number) => RowSink | undefined, progress?: ReadProgress): Promise<void> {
    assertWorkbookFile(this.path);
    const zip = await openZip(this.path).catch(() => {
      throw notAWorkbook(this.path);
    });
    const text = async (name: string): Promise<string> => {
      const entry = zip.get(name);
      if (!entry) throw notAWorkbook(this.path);
      return (await entry.buffer()).toString("utf8");
    };
    let workbook: unknown;
    let sheets: ReturnType<typeof sheetDirectory>;
    try {
      const workbookXml = await text("xl/workbook.xml");
      sheets = sheetDirectory(workbookXml, await text("xl/_rels/workbook.xml.rels"));
      this.date1904 = uses1904DateSystem(workbookXml);
      workbook = await sharedStrings(this.path, zip.get("xl/sharedStrings.xml"));
    } catch (error) {
      if (error instanceof FallbilanzError) throw error;
      throw notAWorkbook(this.path);
    }
    if (sheets.length === 0) throw notAWorkbook(this.path);
    for (const sheet of sheets) {
      const sink = visit(sheet.name, sheet.position);
      const entry = zip.get(sheet.part);
      if (!sink || !entry) continue;
      const reader = new WorksheetReader({ workbook, id: sheet.position + 1, iterator: iterateStream(entry.stream()), options: READ_OPTIONS });
      let read = 0;
      let rows: AsyncIterator<{ number: number; values: ExcelJS.CellValue[] }>;
      try {
        rows = reader[Symbol.asyncIterator]();
      } catch {
        throw notAWorkbook(this.path);
      }
      for (;;) {
        let next: IteratorResult<{ number: number; values: ExcelJS.CellValue[] }>;
        try {
          next = await rows.next();
        } catch {
          throw notAWorkbook(this.path);
        }
        if (next.done) break;
        // What the sink throws is passed on as it is: only the reader's own failures mean "not a workbook".
        sink(next.value.number, toCells(next.value.values));
        if (progress && ++read % PROGRESS_EVERY === 0) progress(sheet.name, read);
      }
      progress?.(sheet.name, read);
    }
  }
}

/** ExcelJS row values are 1-based and sparse; the core wants column A at index 0. */
function toCells(values: readonly ExcelJS.CellValue[] | undefined): Cell[] {
  const cells: Cell[] = [];
  if (!values) return cells;
  for (let i = 1; i < values.length; i++) cells.push(fromExcelJs(values[i]));
  return cells;
}
