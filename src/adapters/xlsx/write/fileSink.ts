import { FileByteSink, nodeCodec } from "../platform/node";
import { XlsxPackageSink } from "./packageSink";

/** The command line's output: a new .xlsx file on disk, written by the one writer (`XlsxPackageSink`) through Node's zlib. */
export class XlsxFileSink extends XlsxPackageSink {
  /**
   * @param linkedFile the team's workbook as a URI relative to the report (each segment percent-encoded), that the
   *   links of the records and findings point into; "" when they point into the report itself.
   */
  constructor(
    readonly path: string,
    linkedFile: string,
    now: Date = new Date(),
  ) {
    super(() => FileByteSink.create(path), nodeCodec, linkedFile, now);
  }
}
