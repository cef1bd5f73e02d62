/*
 * What the .xlsx reader and writer need of the platform they run on, so that one reader and one writer serve the
 * command line (Node: files, zlib) and the browser page (a chosen File, the Compression Streams API).
 */

/** Random access to the bytes of a workbook: a file on disk, or a file the user chose in the browser. */
export interface ByteSource {
  size(): Promise<number>;
  /** `length` bytes from `offset` (fewer only at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Where the bytes of a written workbook go, in order. */
export interface ByteSink {
  /** Resolves when the sink can take more; the bytes may be reused once it has. */
  write(bytes: Uint8Array): Promise<void>;
  /** All bytes are written (and, for a file, on disk). */
  close(): Promise<void>;
  /** Stops after a failure; what was written is discarded by the caller. */
  abort(): void;
}

/** A raw-deflate compressor for one part: fed chunk by chunk, its output read as it comes. */
export interface Deflater {
  /**
   * Feeds a chunk; resolves when the next may be fed. `release` is called once the chunk's bytes may be reused: with
   * no argument, the chunk's own buffer; with one, a buffer that replaces it (a deflater in another thread takes the
   * buffer there and gives back one of the same size).
   */
  write(bytes: Uint8Array, release: (replacement?: Uint8Array) => void): Promise<void>;
  end(): void;
  fail(error: Error): void;
  readonly output: AsyncIterable<Uint8Array>;
}

/** The compression of a platform: inflate and deflate of raw DEFLATE data (zip's method 8), and CRC-32. */
export interface Codec {
  inflateRaw(compressed: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array>;
  deflateRaw(level: number): Deflater;
  crc32(bytes: Uint8Array, crc: number): number;
}

/** The bytes of several chunks in one array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
