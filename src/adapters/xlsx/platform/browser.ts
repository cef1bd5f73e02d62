import { ByteSink, ByteSource, Codec, Deflater, concatBytes } from "./bytes";

/*
 * The browser page's platform: the File the user chose (read by slices, never uploaded) and the Compression
 * Streams API ("deflate-raw"), which Chromium, Firefox and Safari have. No Node built-in.
 */

/** A file the user chose, read by slices. */
export class BlobByteSource implements ByteSource {
  constructor(private readonly blob: Blob) {}

  size(): Promise<number> {
    return Promise.resolve(this.blob.size);
  }

  async read(offset: number, length: number): Promise<Uint8Array> {
    return new Uint8Array(await this.blob.slice(offset, offset + length).arrayBuffer());
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** The bytes of a written workbook, kept in memory until they are offered for download. */
export class MemoryByteSink implements ByteSink {
  private chunks: Uint8Array[] = [];

  write(bytes: Uint8Array): Promise<void> {
    this.chunks.push(bytes.slice());
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  abort(): void {
    this.chunks = [];
  }

  /** The whole file, as a Blob of the package's type. */
  blob(): Blob {
    return new Blob(this.chunks as BlobPart[], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  }

  bytes(): Uint8Array {
    return concatBytes(this.chunks);
  }
}

/** Reads a stream's chunks as an async iterable. */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Feeds an async iterable into a writable stream; a failure of the source aborts the stream. */
async function pump(source: AsyncIterable<Uint8Array>, writable: WritableStream<Uint8Array>): Promise<void> {
  const writer = writable.getWriter();
  try {
    for await (const chunk of source) await writer.write(chunk);
    await writer.close();
  } catch (error) {
    await writer.abort(error).catch(() => undefined);
  }
}

/** CRC-32 (IEEE 802.3, as zip uses it), by table. */
const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, crc: number): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function streamDeflater(): Deflater {
  const stream = new CompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  return {
    async write(bytes, release) {
      // The stream keeps the chunk until it has compressed it: it gets a copy, and the buffer is free at once.
      const copy = bytes.slice();
      release();
      await writer.ready;
      void writer.write(copy).catch(() => undefined);
    },
    end: () => void writer.close().catch(() => undefined),
    fail: (error) => void writer.abort(error).catch(() => undefined),
    output: chunksOf(stream.readable),
  };
}

export const browserCodec: Codec = {
  inflateRaw(compressed) {
    const stream = new DecompressionStream("deflate-raw");
    void pump(compressed, stream.writable as WritableStream<Uint8Array>);
    return chunksOf(stream.readable);
  },
  // The Compression Streams API has no levels: its default is what every part gets.
  deflateRaw: () => streamDeflater(),
  crc32,
};
