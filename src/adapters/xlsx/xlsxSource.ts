import { ReadProgress, RowSink, WorkbookSource } from "../../port/workbookPort";
import { SIGNATURE_LENGTH, notAWorkbook } from "./fileProblems";
import { packageDirectory } from "./packageDirectory";
import { DamagedPackage, PackageTooLarge, SheetEntryWithoutContent, damagedWorkbook, sheetEntryDamaged, workbookTooLarge } from "./packageProblems";
import { ByteSource, Codec } from "./platform/bytes";
import { readSharedStrings } from "./sharedStrings";
import { readSheetRows } from "./sheetRows";
import { PART_LIMITS, ZipPackage } from "./zipPackage";

const PROGRESS_EVERY = 5_000;

/**
 * Reads an .xlsx package a row at a time, on any platform: the zip by its central directory (so the order of the
 * parts does not matter, every part checked against its size and checksum), the XML streamed (linear time). Memory
 * holds the shared strings and one row. A damaged or oversized package is refused with a German message that names
 * the file, never read in part. The file is only read.
 */
export class XlsxSource implements WorkbookSource {
  private date1904 = false;
  private placeholders: readonly { name: string; position: number }[] = [];

  /** @param name the file as messages name it: its path on the command line, its name in the browser. */
  constructor(
    private readonly bytes: ByteSource,
    private readonly codec: Codec,
    readonly name: string,
  ) {}

  uses1904DateSystem(): boolean {
    return this.date1904;
  }

  placeholderSheets(): readonly { name: string; position: number }[] {
    return this.placeholders;
  }

  async forEachSheet(visit: (sheetName: string, position: number) => RowSink | undefined, progress?: ReadProgress): Promise<void> {
    let pkg: ZipPackage;
    try {
      pkg = await ZipPackage.open(this.bytes, this.codec);
    } catch (error) {
      if (error instanceof DamagedPackage) {
        await this.bytes.close();
        throw damagedWorkbook(this.name);
      }
      const head = await this.bytes.read(0, SIGNATURE_LENGTH).catch(() => new Uint8Array(0));
      await this.bytes.close();
      throw notAWorkbook(this.name, head);
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
      if (error instanceof SheetEntryWithoutContent) throw sheetEntryDamaged(this.name, error.sheetName);
      if (error instanceof DamagedPackage) throw damagedWorkbook(this.name);
      if (error instanceof PackageTooLarge) throw workbookTooLarge(this.name);
      throw error;
    } finally {
      await pkg.close();
    }
  }
}
