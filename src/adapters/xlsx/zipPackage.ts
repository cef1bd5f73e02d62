import { ByteSource, Codec } from "./platform/bytes";
import { DamagedPackage, PackageTooLarge } from "./packageProblems";
import { ZipEntry, readZipDirectory } from "./zipDirectory";

/** Compressed bytes read from the file at a time: large, so that inflating runs ahead of parsing. */
const READ_CHUNK = 1024 * 1024;
const LOCAL_HEADER = 0x04034b50;

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
 * An open .xlsx package, read by the zip's central directory: every part can be streamed on its own, in any order.
 * Part names are looked up case-insensitively (OPC part names are); a name twice in the directory, an unknown
 * compression method, an encrypted part, a size or checksum that does not match the directory are damage,
 * reported as `DamagedPackage` while the part is read. The same code on every platform: only the bytes (`ByteSource`)
 * and the inflater (`Codec`) differ.
 */
export class ZipPackage {
  private constructor(
    private readonly source: ByteSource,
    private readonly codec: Codec,
    private readonly size: number,
    private readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  /** Reads the directory; a file that is no zip is `NotAZip`, a part named twice `DamagedPackage`. */
  static async open(source: ByteSource, codec: Codec): Promise<ZipPackage> {
    const entries = new Map<string, ZipEntry>();
    for (const entry of await readZipDirectory(source)) {
      if (entry.fileName.endsWith("/")) continue;
      const key = normalName(entry.fileName);
      if (entries.has(key)) throw new DamagedPackage(`part twice in the zip directory: ${key}`);
      entries.set(key, entry);
    }
    return new ZipPackage(source, codec, await source.size(), entries);
  }

  /** The names of all parts, as the zip's directory spells them, in its order. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.fileName);
  }

  has(part: string): boolean {
    return this.entries.has(normalName(part));
  }

  /** The part's bytes, uncompressed and checked; `undefined` when there is no such part. */
  async bytes(part: string, limit: number = PART_LIMITS.small): Promise<Uint8Array | undefined> {
    const stream = await this.stream(part, limit);
    if (!stream) return undefined;
    // Filled in place: the checked stream never gives more than the directory's size, and fails when it gives less.
    const bytes = new Uint8Array(this.entries.get(normalName(part))!.uncompressedSize);
    let at = 0;
    for await (const chunk of stream) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }

  /** The part's bytes as they are inflated, checked against the directory at the end; `undefined` when there is no such part. */
  async stream(part: string, limit: number): Promise<AsyncIterable<Uint8Array> | undefined> {
    const entry = this.entries.get(normalName(part));
    if (!entry) return undefined;
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw new DamagedPackage(`unknown compression method ${entry.compressionMethod} in ${part}`);
    }
    if (entry.uncompressedSize > limit) throw new PackageTooLarge(`${part}: ${entry.uncompressedSize} bytes`);
    if ((entry.flags & 1) !== 0) throw new DamagedPackage(`${part} is encrypted`);
    const start = await this.dataStart(entry, part);
    const raw = this.compressed(start, entry.compressedSize);
    return this.checked(entry.compressionMethod === 0 ? raw : this.codec.inflateRaw(raw), entry, part);
  }

  close(): Promise<void> {
    return this.source.close();
  }

  /** Where a part's data starts: after its local header, whose signature and lengths are checked. */
  private async dataStart(entry: ZipEntry, part: string): Promise<number> {
    const header = await this.source.read(entry.localHeaderOffset, 30);
    const v = new DataView(header.buffer, header.byteOffset, header.byteLength);
    if (header.length < 30 || v.getUint32(0, true) !== LOCAL_HEADER) throw new DamagedPackage(`${part}: no local header`);
    const start = entry.localHeaderOffset + 30 + v.getUint16(26, true) + v.getUint16(28, true);
    if (start + entry.compressedSize > this.size) throw new DamagedPackage(`${part} runs past the end of the file`);
    return start;
  }

  private async *compressed(start: number, length: number): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < length; at += READ_CHUNK) {
      const bytes = await this.source.read(start + at, Math.min(READ_CHUNK, length - at));
      if (bytes.length === 0) throw new DamagedPackage("the file ends inside a part");
      yield bytes;
    }
  }

  /**
   * Passes bytes through; fails as soon as there are more than the directory says, and at the end when there are
   * fewer or their CRC-32 is not the directory's. A failure of the inflater is damage too.
   */
  private async *checked(bytes: AsyncIterable<Uint8Array>, entry: ZipEntry, part: string): AsyncGenerator<Uint8Array> {
    let crc = 0;
    let size = 0;
    try {
      for await (const chunk of bytes) {
        size += chunk.length;
        if (size > entry.uncompressedSize) throw new DamagedPackage(`${part} is longer than the directory says`);
        crc = this.codec.crc32(chunk, crc);
        yield chunk;
      }
    } catch (error) {
      throw error instanceof DamagedPackage ? error : new DamagedPackage(`${part}: ${String(error)}`);
    }
    if (size !== entry.uncompressedSize) throw new DamagedPackage(`${part} is shorter than the directory says`);
    if (crc >>> 0 !== entry.crc32 >>> 0) throw new DamagedPackage(`checksum of ${part} does not match`);
  }
}

/** Part names compare without a leading slash and case-insensitively. */
function normalName(name: string): string {
  return name.replace(/^\/+/, "").toLowerCase();
}
