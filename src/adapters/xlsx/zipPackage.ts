import { Transform, TransformCallback, Readable } from "node:stream";
import { ZlibOptions, crc32, createInflateRaw } from "node:zlib";
import yauzl, { Entry, ZipFile } from "yauzl";
import { DamagedPackage, PackageTooLarge } from "./packageProblems";

/** Bytes per chunk of an inflated part. */
const CHUNK = 256 * 1024;

/** Limits on the uncompressed size of parts, so that a small file cannot claim unbounded time or memory. */
export const PART_LIMITS = {
  /** Worksheets are streamed: time, not memory, grows with them. */
  worksheet: 1024 * 1024 * 1024,
  /** Shared strings are held in memory while the sheets are read. */
  sharedStrings: 96 * 1024 * 1024,
  /** Every other part that is read (workbook, relationships, styles, content types). */
  small: 16 * 1024 * 1024,
} as const;

/**
 * An open .xlsx package, read by the zip's central directory with yauzl: every
 * part can be streamed on its own, in any order. Part names are looked up
 * case-insensitively (OPC part names are); a name twice in the directory, an
 * unknown compression method, a size or checksum that does not match the
 * directory are damage, reported as `DamagedPackage` while the part is read.
 */
export class ZipPackage {
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: ReadonlyMap<string, Entry>,
  ) {}

  static async open(path: string): Promise<ZipPackage> {
    const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, strictFileNames: false });
    const entries = new Map<string, Entry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on("entry", (entry: Entry) => {
          if (!entry.fileName.endsWith("/")) {
            const key = normalName(entry.fileName);
            if (entries.has(key)) {
              reject(new DamagedPackage(`part twice in the zip directory: ${key}`));
              return;
            }
            entries.set(key, entry);
          }
          zip.readEntry();
        });
        zip.once("end", () => resolve());
        zip.once("error", reject);
        zip.readEntry();
      });
    } catch (error) {
      zip.close();
      throw error;
    }
    return new ZipPackage(zip, entries);
  }

  /** The names of all parts, as the zip's directory spells them, in its order. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.fileName);
  }

  has(part: string): boolean {
    return this.entries.has(normalName(part));
  }

  /** The part's bytes, uncompressed and checked; `undefined` when there is no such part. */
  async bytes(part: string, limit: number = PART_LIMITS.small): Promise<Buffer | undefined> {
    const stream = await this.stream(part, limit);
    if (!stream) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** The part's bytes as a stream, uncompressed and checked at its end; `undefined` when there is no such part. */
  async stream(part: string, limit: number): Promise<Readable | undefined> {
    const entry = this.entries.get(normalName(part));
    if (!entry) return undefined;
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new DamagedPackage(`unknown compression method ${entry.compressionMethod} in ${part}`);
    }
    if (entry.uncompressedSize > limit) throw new PackageTooLarge(`${part}: ${entry.uncompressedSize} bytes`);
    if (entry.isEncrypted()) throw new DamagedPackage(`${part} is encrypted`);
    const raw = await this.zip.openReadStreamPromise(entry, { decodeFileData: false }).catch((error: unknown) => {
      throw new DamagedPackage(`${part}: ${String(error)}`);
    });
    const checked = new ChecksumStream(entry.crc32, entry.uncompressedSize, part);
    const fail = (error: unknown): void => {
      checked.destroy(error instanceof DamagedPackage ? error : new DamagedPackage(`${part}: ${String(error)}`));
    };
    raw.on("error", fail);
    if (entry.compressionMethod === 0) return raw.pipe(checked);
    // Inflated here rather than by yauzl, in large chunks, so that inflating runs ahead of parsing.
    // Buffers on both sides let the file reads and the inflating (on the thread pool) run ahead while this thread
    // scans: with the streams' defaults (16 KB) each step waited for the scanner, and the scanner for it.
    const options: ZlibOptions & { readableHighWaterMark: number; writableHighWaterMark: number } = {
      chunkSize: CHUNK,
      readableHighWaterMark: 4 * CHUNK,
      writableHighWaterMark: CHUNK,
    };
    const inflate = createInflateRaw(options);
    inflate.on("error", fail);
    return raw.pipe(inflate).pipe(checked);
  }

  close(): void {
    this.zip.close();
  }
}

/** Part names compare without a leading slash and case-insensitively. */
function normalName(name: string): string {
  return name.replace(/^\/+/, "").toLowerCase();
}

/**
 * Passes bytes through; fails as soon as there are more than the directory
 * says, and at the end when there are fewer or their CRC-32 is not the directory's.
 */
class ChecksumStream extends Transform {
  private crc = 0;
  private size = 0;

  constructor(
    private readonly expectedCrc: number,
    private readonly expectedSize: number,
    private readonly part: string,
  ) {
    super({ highWaterMark: 4 * CHUNK });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.expectedSize) return done(new DamagedPackage(`${this.part} is longer than the directory says`));
    this.crc = crc32(chunk, this.crc);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.size !== this.expectedSize) return done(new DamagedPackage(`${this.part} is shorter than the directory says`));
    done(this.crc >>> 0 === this.expectedCrc >>> 0 ? null : new DamagedPackage(`checksum of ${this.part} does not match`));
  }
}
