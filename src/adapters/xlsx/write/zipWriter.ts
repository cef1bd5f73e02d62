import { ByteSink, Codec } from "../platform/bytes";

/** Bytes of XML gathered before they go to the deflater: few large buffers instead of many small ones. */
const CHUNK = 256 * 1024;
/** Sizes and offsets of a zip without ZIP64 records end below 4 GiB. */
const ZIP32_LIMIT = 0xffffffff;

interface Entry {
  readonly name: Uint8Array;
  readonly offset: number;
  crc: number;
  compressed: number;
  size: number;
}

/** The DOS date and time of a zip header (local time, 2-second steps). */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/**
 * Buffers of `CHUNK` bytes handed out again once the deflater is done with them: a few in use at a time, instead of
 * a new one per chunk (dead buffers live outside V8's heap, and piled up by tens of MB before a collection).
 */
class BufferPool {
  private readonly free: Uint8Array[] = [];

  take(size: number): Uint8Array {
    return size <= CHUNK ? (this.free.pop() ?? new Uint8Array(CHUNK)) : new Uint8Array(size);
  }

  give(buffer: Uint8Array): void {
    if (buffer.length === CHUNK) this.free.push(buffer);
  }
}

/** A chunk of a part's bytes, in a buffer of the pool. */
interface Chunk {
  readonly bytes: Uint8Array;
  readonly buffer: Uint8Array;
}

const UTF8 = new TextEncoder();

/**
 * Pieces of a part as UTF-8 chunks of about `CHUNK` bytes: text encoded into the buffer in place (no joined string,
 * no buffer per piece), bytes copied into it (a piece of bytes may be reused by its maker once the next is asked for).
 */
function* utf8Chunks(pieces: Iterable<string | Uint8Array>, pool: BufferPool): Generator<Chunk> {
  let buffer = pool.take(CHUNK);
  let used = 0;
  for (const piece of pieces) {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8: a piece that may not fit starts a new buffer.
    const most = typeof piece === "string" ? piece.length * 3 : piece.length;
    if (used + most > buffer.length) {
      if (used > 0) yield { bytes: buffer.subarray(0, used), buffer };
      else pool.give(buffer);
      buffer = pool.take(most);
      used = 0;
    }
    if (typeof piece === "string") used += UTF8.encodeInto(piece, buffer.subarray(used)).written;
    else {
      buffer.set(piece, used);
      used += piece.length;
    }
  }
  if (used > 0) yield { bytes: buffer.subarray(0, used), buffer };
  else pool.give(buffer);
}

/** A little-endian header of fixed size. */
class Header {
  readonly bytes: Uint8Array;
  private readonly view: DataView;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }

  u16(at: number, value: number): this {
    this.view.setUint16(at, value, true);
    return this;
  }

  u32(at: number, value: number): this {
    this.view.setUint32(at, value >>> 0, true);
    return this;
  }
}

/**
 * A zip file written part after part to a `ByteSink`: each part deflated by the platform's codec as its XML is made
 * (no part held whole), its CRC-32 by the codec, sizes in a data descriptor after the data, then the central
 * directory. Names are UTF-8 (flag 11). Only what an .xlsx package needs: no ZIP64, no encryption, no comments. The
 * same writer for the command line (a file, Node's zlib) and the browser page (memory, CompressionStream).
 */
export class ZipWriter {
  private readonly entries: Entry[] = [];
  private readonly pool = new BufferPool();
  private offset = 0;
  private readonly stamp: { time: number; date: number };

  constructor(
    private readonly out: ByteSink,
    private readonly codec: Codec,
    now: Date = new Date(),
  ) {
    this.stamp = dosDateTime(now);
  }

  /** Adds a part made of pieces of text or UTF-8 bytes, deflated at `level` (1 fastest, 9 smallest; where the codec has levels). */
  async add(name: string, pieces: string | Iterable<string | Uint8Array>, level = 6): Promise<void> {
    const entry: Entry = { name: UTF8.encode(name), offset: this.offset, crc: 0, compressed: 0, size: 0 };
    this.entries.push(entry);
    await this.emit(this.localHeader(entry));
    const deflate = this.codec.deflateRaw(level);
    const feed = (async (): Promise<void> => {
      for (const { bytes, buffer } of utf8Chunks(typeof pieces === "string" ? [pieces] : pieces, this.pool)) {
        entry.crc = this.codec.crc32(bytes, entry.crc);
        entry.size += bytes.length;
        await deflate.write(bytes, (replacement) => this.pool.give(replacement ?? buffer));
      }
      deflate.end();
    })();
    // Errors of the feeding side (a generator that throws) end the deflater, so that the loop below ends too.
    feed.catch((error: Error) => deflate.fail(error));
    for await (const data of deflate.output) {
      entry.compressed += data.length;
      await this.emit(data);
    }
    await feed;
    if (entry.size > ZIP32_LIMIT || this.offset > ZIP32_LIMIT) throw new RangeError("zip part too large for a zip without ZIP64");
    await this.emit(new Header(16).u32(0, 0x08074b50).u32(4, entry.crc).u32(8, entry.compressed).u32(12, entry.size).bytes);
  }

  /** Writes the central directory and closes the sink. */
  async close(): Promise<void> {
    const start = this.offset;
    for (const entry of this.entries) await this.emit(this.centralHeader(entry));
    const n = this.entries.length;
    await this.emit(new Header(22).u32(0, 0x06054b50).u16(8, n).u16(10, n).u32(12, this.offset - start).u32(16, start).bytes);
    await this.out.close();
  }

  /** Stops writing (after a failure; the caller discards what was written). */
  abort(): void {
    this.out.abort();
  }

  private localHeader(entry: Entry): Uint8Array {
    const header = new Header(30 + entry.name.length)
      .u32(0, 0x04034b50)
      .u16(4, 20) // version needed: 2.0 (deflate)
      .u16(6, 0x0808) // sizes in the data descriptor; UTF-8 names
      .u16(8, 8) // deflate
      .u16(10, this.stamp.time)
      .u16(12, this.stamp.date)
      // CRC and sizes (14 to 25) stay 0: they follow the data.
      .u16(26, entry.name.length);
    header.bytes.set(entry.name, 30);
    return header.bytes;
  }

  private centralHeader(entry: Entry): Uint8Array {
    const header = new Header(46 + entry.name.length)
      .u32(0, 0x02014b50)
      .u16(4, 20) // made by: 2.0, MS-DOS attributes
      .u16(6, 20)
      .u16(8, 0x0808)
      .u16(10, 8)
      .u16(12, this.stamp.time)
      .u16(14, this.stamp.date)
      .u32(16, entry.crc)
      .u32(20, entry.compressed)
      .u32(24, entry.size)
      .u16(28, entry.name.length)
      .u32(42, entry.offset);
    header.bytes.set(entry.name, 46);
    return header.bytes;
  }

  private async emit(data: Uint8Array): Promise<void> {
    this.offset += data.length;
    await this.out.write(data);
  }
}
