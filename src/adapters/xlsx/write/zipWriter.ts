import { WriteStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { ZlibOptions, crc32, createDeflateRaw } from "node:zlib";

/** Bytes of XML gathered before they go to the deflater: few large buffers instead of many small ones. */
const CHUNK = 256 * 1024;
/** How far the XML may run ahead of the deflater (which works on libuv's thread pool meanwhile). */
const DEFLATE_AHEAD = 2 * 1024 * 1024;
/** Deflated bytes per output chunk, and how many may wait for the disk before the writer waits for it. */
const OUT_CHUNK = 64 * 1024;
const WRITE_AHEAD = 4 * 1024 * 1024;
/** Sizes and offsets of a zip without ZIP64 records end below 4 GiB. */
const ZIP32_LIMIT = 0xffffffff;

interface Entry {
  readonly name: Buffer;
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
  private readonly free: Buffer[] = [];

  take(size: number): Buffer {
    return size <= CHUNK ? (this.free.pop() ?? Buffer.allocUnsafe(CHUNK)) : Buffer.allocUnsafe(size);
  }

  give(buffer: Buffer): void {
    if (buffer.length === CHUNK) this.free.push(buffer);
  }
}

/** A chunk of a part's bytes, in a buffer of the pool. */
interface Chunk {
  readonly bytes: Buffer;
  readonly buffer: Buffer;
}

/**
 * Text pieces as UTF-8 chunks of about `CHUNK` bytes, each piece written into the buffer in place (no joined
 * string, no buffer per piece).
 */
function* utf8Chunks(pieces: Iterable<string>, pool: BufferPool): Generator<Chunk> {
  let buffer = pool.take(CHUNK);
  let used = 0;
  for (const piece of pieces) {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8: a piece that may not fit starts a new buffer.
    if (used + piece.length * 3 > buffer.length) {
      if (used > 0) yield { bytes: buffer.subarray(0, used), buffer };
      else pool.give(buffer);
      buffer = pool.take(piece.length * 3);
      used = 0;
    }
    used += buffer.write(piece, used, "utf8");
  }
  if (used > 0) yield { bytes: buffer.subarray(0, used), buffer };
  else pool.give(buffer);
}

/**
 * A zip file written part after part, straight to disk: each part deflated by Node's zlib as its XML is made
 * (no part held whole), its CRC-32 by `zlib.crc32`, sizes in a data descriptor after the data, then the central
 * directory. Names are UTF-8 (flag 11). Only what an .xlsx package needs: no ZIP64, no encryption, no comments.
 */
export class ZipWriter {
  private readonly entries: Entry[] = [];
  private readonly pool = new BufferPool();
  private offset = 0;
  private readonly stamp: { time: number; date: number };
  /** A failure of the file (a full disk, say): kept until the next write reports it. */
  private failure: Error | undefined;

  private constructor(
    private readonly out: WriteStream,
    now: Date,
  ) {
    this.stamp = dosDateTime(now);
    out.on("error", (error) => (this.failure ??= error));
  }

  static async create(path: string, now: Date = new Date()): Promise<ZipWriter> {
    // Writes wait on the disk rarely: with the stream's default of 16 KB, each deflated chunk waited for its write.
    const out = createWriteStream(path, { highWaterMark: WRITE_AHEAD });
    await once(out, "open");
    return new ZipWriter(out, now);
  }

  /** Adds a part made of text pieces, deflated at `level` (1 fastest, 9 smallest). */
  async add(name: string, pieces: string | Iterable<string>, level = 6): Promise<void> {
    const entry: Entry = { name: Buffer.from(name, "utf8"), offset: this.offset, crc: 0, compressed: 0, size: 0 };
    this.entries.push(entry);
    await this.emit(this.localHeader(entry));
    // zlib passes stream options on to its Transform: a larger buffer lets the XML run ahead of the deflater.
    const options: ZlibOptions & { writableHighWaterMark: number } = { level, chunkSize: OUT_CHUNK, writableHighWaterMark: DEFLATE_AHEAD };
    const deflate = createDeflateRaw(options);
    const feed = (async (): Promise<void> => {
      for (const { bytes, buffer } of utf8Chunks(typeof pieces === "string" ? [pieces] : pieces, this.pool)) {
        entry.crc = crc32(bytes, entry.crc);
        entry.size += bytes.length;
        // Each chunk is deflated on the thread pool, but the step to the next one runs on this thread: a turn of
        // the event loop per chunk keeps the deflater busy while the next chunk is made (without it, it waits).
        const written = deflate.write(bytes, (error) => {
          if (!error) this.pool.give(buffer);
        });
        if (written) await new Promise(setImmediate);
        else await once(deflate, "drain");
      }
      deflate.end();
    })();
    // Errors of the feeding side (a generator that throws) end the deflater, so that the loop below ends too.
    feed.catch((error: Error) => deflate.destroy(error));
    for await (const data of deflate as AsyncIterable<Buffer>) {
      entry.compressed += data.length;
      await this.emit(data);
    }
    await feed;
    if (entry.size > ZIP32_LIMIT || this.offset > ZIP32_LIMIT) throw new RangeError("zip part too large for a zip without ZIP64");
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc >>> 0, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    await this.emit(descriptor);
  }

  /** Writes the central directory and closes the file. */
  async close(): Promise<void> {
    const start = this.offset;
    for (const entry of this.entries) await this.emit(this.centralHeader(entry));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.emit(end);
    this.out.end();
    await finished(this.out);
    if (this.failure) throw this.failure;
  }

  /** Stops writing and closes the file (after a failure; the caller removes it). */
  abort(): void {
    this.out.destroy();
  }

  private localHeader(entry: Entry): Buffer {
    const header = Buffer.alloc(30 + entry.name.length);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0808, 6); // sizes in the data descriptor; UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14 to 25) stay 0: they follow the data.
    header.writeUInt16LE(entry.name.length, 26);
    entry.name.copy(header, 30);
    return header;
  }

  private centralHeader(entry: Entry): Buffer {
    const header = Buffer.alloc(46 + entry.name.length);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0808, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(this.stamp.time, 12);
    header.writeUInt16LE(this.stamp.date, 14);
    header.writeUInt32LE(entry.crc >>> 0, 16);
    header.writeUInt32LE(entry.compressed, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(entry.name.length, 28);
    header.writeUInt32LE(entry.offset, 42);
    entry.name.copy(header, 46);
    return header;
  }

  private async emit(data: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    this.offset += data.length;
    if (!this.out.write(data)) await once(this.out, "drain");
  }
}
