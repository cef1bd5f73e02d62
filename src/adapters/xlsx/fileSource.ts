import { ReadProgress, RowSink, WorkbookSource } from "../../port/workbookPort";
import { assertWorkbookFile, notAWorkbook } from "./fileProblems";
import { packageDirectory } from "./packageDirectory";
import { DamagedPackage, PackageTooLarge, SheetEntryWithoutContent, damagedWorkbook, sheetEntryDamaged, workbookTooLarge } from "./packageProblems";
import { readSharedStrings } from "./sharedStrings";
import { readSheetRows } from "./sheetRows";
import { PART_LIMITS, ZipPackage } from "./zipPackage";

const PROGRESS_EVERY = 5_000;

/**
 * Reads an .xlsx file a row at a time with public libraries only: yauzl for
 * the zip (by its central directory, so the order of the parts does not
 * matter, every part checked against its size and checksum) and saxes for
 * the XML (streamed, linear time). Memory holds the shared strings and one
 * row. A damaged or oversized package is refused with a German message, never
 * read in part. The file is only read.
 */
export class XlsxFileSource implements WorkbookSource {
  private date1904 = false;
  private placeholders: readonly { name: string; position: number }[] = [];

  constructor(readonly path: string) {}

  uses1904DateSystem(): boolean {
    return this.date1904;
  }

  placeholderSheets(): readonly { name: string; position: number }[] {
    return this.placeholders;
  }

  async forEachSheet(visit: (sheetName: string, position: number) => RowSink | undefined, progress?: ReadProgress): Promise<void> {
    assertWorkbookFile(this.path);
    let pkg: ZipPackage;
    try {
      pkg = await ZipPackage.open(this.path);
    } catch (error) {
      throw error instanceof DamagedPackage ? damagedWorkbook(this.path) : notAWorkbook(this.path);
    }
    try {
      const directory = await packageDirectory(pkg);
      if (directory.sheets.length === 0) throw new DamagedPackage("no worksheet");
      this.date1904 = directory.date1904;
      this.placeholders = directory.placeholders;
      const shared = await readSharedStrings(pkg, directory.sharedStringsPart);
      for (const sheet of directory.sheets) {
        const sink = visit(sheet.name, sheet.position);
        if (!sink) continue;
        const stream = await pkg.stream(sheet.part, PART_LIMITS.worksheet);
        if (!stream) throw new DamagedPackage(`missing ${sheet.part}`);
        let read = 0;
        await readSheetRows(stream, sheet.part, { shared, date1904: directory.date1904 }, (row, cells) => {
          sink(row, cells);
          if (progress && ++read % PROGRESS_EVERY === 0) progress(sheet.name, read);
        }, sink.needs);
        progress?.(sheet.name, read);
      }
    } catch (error) {
      if (error instanceof SheetEntryWithoutContent) throw sheetEntryDamaged(this.path, error.sheetName);
      if (error instanceof DamagedPackage) throw damagedWorkbook(this.path);
      if (error instanceof PackageTooLarge) throw workbookTooLarge(this.path);
      throw error;
    } finally {
      pkg.close();
    }
  }
}
