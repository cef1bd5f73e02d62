import { existsSync, statSync } from "node:fs";
import ExcelJS from "exceljs";
import { Cell } from "../../core/cells";
import { FallbilanzError } from "../../core/errors";
import { ReadProgress, RowSink, WorkbookSource } from "../../port/workbookPort";
import { fromExcelJs } from "./cellValue";
import { readSheetDirectory } from "./sheetDirectory";

const PROGRESS_EVERY = 5_000;

/** Checks that a path names a readable .xlsx file before it is opened; German message otherwise. */
export function assertWorkbookFile(path: string): void {
  if (!existsSync(path)) throw new FallbilanzError("noWorkbook", `Die Datei „${path}“ gibt es nicht. Bitte den Pfad prüfen.`);
  if (!statSync(path).isFile()) throw new FallbilanzError("noWorkbook", `„${path}“ ist ein Ordner, keine Arbeitsmappe. Bitte eine .xlsx-Datei angeben.`);
}

function notAWorkbook(path: string): FallbilanzError {
  return new FallbilanzError(
    "noWorkbook",
    `„${path}“ ist keine lesbare Excel-Arbeitsmappe (.xlsx). Bitte die Datei in Excel öffnen und als „Excel-Arbeitsmappe (*.xlsx)“ speichern.`,
  );
}

/**
 * Reads an .xlsx file with ExcelJS's streaming reader, a row at a time, so
 * that memory stays small on large workbooks. The file is only read.
 */
export class ExcelJsFileSource implements WorkbookSource {
  constructor(readonly path: string) {}

  async forEachSheet(visit: (sheetName: string, position: number) => RowSink | undefined, progress?: ReadProgress): Promise<void> {
    assertWorkbookFile(this.path);
    const directory = await readSheetDirectory(this.path).catch(() => {
      throw notAWorkbook(this.path);
    });
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(this.path, {
      worksheets: "emit",
      sharedStrings: "cache",
      hyperlinks: "ignore",
      // Without styles, date cells arrive as the serial numbers the core reads (and the reader
      // never needs workbook properties, which it lacks when workbook.xml comes last in the zip).
      styles: "ignore",
      entries: "ignore",
    });
    // Lets the reader pass a worksheet that precedes workbook.xml in the zip; the directory names it.
    (reader as unknown as { model: { sheets: unknown[] } }).model = { sheets: [] };
    let sheets = 0;
    // Only the reader's own failures mean "not a workbook"; what the sink throws is passed on as it is.
    let sinkError: unknown;
    const feed = (sink: RowSink, row: number, cells: Cell[]): void => {
      try {
        sink(row, cells);
      } catch (error) {
        sinkError = error;
        throw error;
      }
    };
    try {
      for await (const worksheet of reader) {
        sheets++;
        const partNumber = String((worksheet as unknown as { id: string | number }).id);
        const entry = directory.get(partNumber);
        const name = entry?.name ?? (worksheet as unknown as { name: string }).name;
        const sink = visit(name, entry?.position ?? directory.size + sheets);
        let read = 0;
        for await (const row of worksheet) {
          if (!sink) continue;
          feed(sink, row.number, toCells(row.values as ExcelJS.CellValue[]));
          if (progress && ++read % PROGRESS_EVERY === 0) progress(name, read);
        }
        if (progress && sink) progress(name, read);
      }
    } catch (error) {
      if (error instanceof FallbilanzError || (sinkError !== undefined && error === sinkError)) throw error;
      throw notAWorkbook(this.path);
    }
    if (sheets === 0) throw notAWorkbook(this.path);
  }
}

/** ExcelJS row values are 1-based and sparse; the core wants column A at index 0. */
function toCells(values: readonly ExcelJS.CellValue[] | undefined): Cell[] {
  const cells: Cell[] = [];
  if (!values) return cells;
  for (let i = 1; i < values.length; i++) cells.push(fromExcelJs(values[i]));
  return cells;
}
