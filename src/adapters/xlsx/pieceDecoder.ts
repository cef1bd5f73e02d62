import { concatBytes } from "./platform/bytes";

/** Turns a part's bytes into text piece by piece; a character cut between two pieces is joined. Invalid bytes throw. */
export interface PieceDecoder {
  decode(bytes: Uint8Array): string;
  /** The end of the part: a character still cut is invalid. */
  end(): string;
}

/** UTF-16 (either order), through the platform's decoder in streaming mode. */
export function utf16Decoder(encoding: "utf-16le" | "utf-16be"): PieceDecoder {
  const decoder = new TextDecoder(encoding, { fatal: true });
  return { decode: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
}

/**
 * The length of `bytes` up to the end of its last whole UTF-8 character: the bytes of a character that the piece
 * cuts off wait for the next one.
 */
export function wholeUtf8Length(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) !== 0x80) {
      const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      return length > back ? n - back : n;
    }
  }
  return n; // a run of continuation bytes: invalid, the decoder says so
}

/**
 * UTF-8 decoded in whole characters per piece, each piece on its own (a BOM is skipped before): Node's decoder has
 * a fast path (simdutf) only outside its streaming mode, which runs through ICU at about eight times the cost.
 */
export function utf8Decoder(): PieceDecoder {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let carry: Uint8Array = new Uint8Array(0);
  return {
    decode(piece) {
      const bytes = carry.length > 0 ? concatBytes([carry, piece]) : piece;
      const whole = wholeUtf8Length(bytes);
      carry = whole < bytes.length ? bytes.slice(whole) : new Uint8Array(0);
      return decoder.decode(bytes.subarray(0, whole));
    },
    end() {
      const rest = carry;
      carry = new Uint8Array(0);
      return rest.length > 0 ? decoder.decode(rest) : "";
    },
  };
}
