import { WriteStream, createWriteStream } from "node:fs";
import { FileHandle, open } from "node:fs/promises";
import { once } from "node:events";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { ZlibOptions, crc32, createDeflateRaw, createInflateRaw } from "node:zlib";
import { ByteSink, ByteSource, Codec, Deflater } from "./bytes";

/* The command line's platform: files on disk, Node's zlib (which inflates and deflates on libuv's thread pool). */

/** Bytes per chunk of an inflated part. */
const INFLATE_CHUNK = 256 * 1024;
/** Deflated bytes per output chunk, and how far the XML may run ahead of the deflater. */
const DEFLATE_OUT = 64 * 1024;
const DEFLATE_AHEAD = 2 * 1024 * 1024;
/** How many written bytes may wait for the disk before the writer waits for it. */
const WRITE_AHEAD = 4 * 1024 * 1024;

/** A file on disk, read at offsets. */
export class FileByteSource implements ByteSource {
  private handle: Promise<FileHandle> | undefined;
  private length: number | undefined;

  constructor(readonly path: string) {}

  private file(): Promise<FileHandle> {
    return (this.handle ??= open(this.path, "r"));
  }

  async size(): Promise<number> {
    return (this.length ??= (await (await this.file()).stat()).size);
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    const buffer = Buffer.allocUnsafe(length);
    const { bytesRead } = await (await this.file()).read(buffer, 0, length, offset);
    return bytesRead === length ? buffer : buffer.subarray(0, bytesRead);
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    if (handle) await (await handle).close();
  }
}

/** A new file on disk, written as a stream. */
export class FileByteSink implements ByteSink {
  /** A failure of the file (a full disk, say): kept until the next write reports it. */
  private failure: Error | undefined;

  private constructor(private readonly out: WriteStream) {
    out.on("error", (error) => (this.failure ??= error));
  }

  static async create(path: string): Promise<FileByteSink> {
    // Writes wait on the disk rarely: with the stream's default of 16 KB, each deflated chunk waited for its write.
    const out = createWriteStream(path, { highWaterMark: WRITE_AHEAD });
    await once(out, "open");
    return new FileByteSink(out);
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.out.write(bytes)) await once(this.out, "drain");
  }

  async close(): Promise<void> {
    this.out.end();
    await finished(this.out);
    if (this.failure) throw this.failure;
  }

  abort(): void {
    this.out.destroy();
  }
}

/** zlib's deflater as a `Deflater`: each chunk deflated on the thread pool while the next one is made. */
function zlibDeflater(level: number): Deflater {
  // zlib passes stream options on to its Transform: a larger buffer lets the XML run ahead of the deflater.
  const options: ZlibOptions & { writableHighWaterMark: number } = { level, chunkSize: DEFLATE_OUT, writableHighWaterMark: DEFLATE_AHEAD };
  const deflate = createDeflateRaw(options);
  return {
    async write(bytes, release) {
      const written = deflate.write(bytes, (error) => {
        if (!error) release();
      });
      // The step to the next chunk runs on this thread: a turn of the event loop per chunk keeps the deflater busy
      // while the next chunk is made (without it, it waits).
      if (written) await new Promise(setImmediate);
      else await once(deflate, "drain");
    },
    end: () => deflate.end(),
    fail: (error) => deflate.destroy(error),
    output: deflate as AsyncIterable<Uint8Array>,
  };
}

export const nodeCodec: Codec = {
  inflateRaw(compressed) {
    // Buffers on both sides let the file reads and the inflating run ahead while this thread scans: with the
    // streams' defaults (16 KB) each step waited for the scanner, and the scanner for it.
    const options: ZlibOptions & { readableHighWaterMark: number; writableHighWaterMark: number } = {
      chunkSize: INFLATE_CHUNK,
      readableHighWaterMark: 4 * INFLATE_CHUNK,
      writableHighWaterMark: INFLATE_CHUNK,
    };
    const inflate = createInflateRaw(options);
    const input = Readable.from(compressed, { objectMode: false });
    input.on("error", (error) => inflate.destroy(error));
    return input.pipe(inflate) as AsyncIterable<Uint8Array>;
  },
  deflateRaw: zlibDeflater,
  crc32,
};
