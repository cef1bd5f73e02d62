import { existsSync, statSync } from "node:fs";
import { FallbilanzError } from "../../core/errors";
import { FileByteSource, nodeCodec } from "./platform/node";
import { XlsxSource } from "./xlsxSource";

/** Checks that a path names a readable file before it is opened; German message otherwise. */
function assertWorkbookFile(path: string): void {
  if (!existsSync(path)) throw new FallbilanzError("noWorkbook", `Die Datei „${path}“ gibt es nicht. Bitte den Pfad prüfen.`);
  if (!statSync(path).isFile()) throw new FallbilanzError("noWorkbook", `„${path}“ ist ein Ordner, keine Arbeitsmappe. Bitte eine .xlsx-Datei angeben.`);
}

/** The command line's workbook: an .xlsx file on disk, read by the one reader (`XlsxSource`) through Node's file and zlib. */
export class XlsxFileSource extends XlsxSource {
  constructor(readonly path: string) {
    super(new FileByteSource(path), nodeCodec, path);
  }

  override async forEachSheet(...args: Parameters<XlsxSource["forEachSheet"]>): Promise<void> {
    assertWorkbookFile(this.path);
    await super.forEachSheet(...args);
  }
}
