import { concatBytes } from "./platform/bytes";

/** Turns a part's bytes into text piece by piece; a character cut between two pieces is joined. Invalid bytes throw. */
export interface PieceDecoder {
  /**
   * Where a piece of `bytes` that starts at `from` and may run to `to` should end: for UTF-8, just after its last
   * `>` (a byte no character of more than one byte holds), so that the scanner's text ends where a tag does and is
   * never joined to the next piece's (a joined string costs V8 a copy and slower reads); `to` when there is none.
   */
  end(bytes: Uint8Array, from: number, to: number): number;
  decode(bytes: Uint8Array): string;
  /** The end of the part: a character still cut is invalid. */
  finish(): string;
}

/** UTF-16 (either order), through the platform's decoder in streaming mode. */
export function utf16Decoder(encoding: "utf-16le" | "utf-16be"): PieceDecoder {
  const decoder = new TextDecoder(encoding, { fatal: true });
  return { end: (_, __, to) => to, decode: (bytes) => decoder.decode(bytes, { stream: true }), finish: () => decoder.decode() };
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

/** Where UTF-8 `bytes` from `from` to `to` are cut: just after the last `>` among them, `to` when there is none. */
function afterLastTagEnd(bytes: Uint8Array, from: number, to: number): number {
  const gt = to > from ? bytes.lastIndexOf(0x3e, to - 1) : -1;
  return gt >= from ? gt + 1 : to;
}

/**
 * UTF-8 decoded piece by piece, each piece on its own (a BOM is skipped before): Node's decoder has a fast path
 * (simdutf) only outside its streaming mode, which runs through ICU at about eight times the cost. A piece is
 * decoded up to its last `>` (the rest waits for the next piece), or, without one, up to its last whole character.
 */
export function utf8Decoder(): PieceDecoder {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let carry: Uint8Array = new Uint8Array(0);
  return {
    end: afterLastTagEnd,
    decode(piece) {
      const bytes = carry.length > 0 ? concatBytes([carry, piece]) : piece;
      const gt = bytes.lastIndexOf(0x3e);
      const cut = gt >= 0 ? gt + 1 : wholeUtf8Length(bytes);
      carry = cut < bytes.length ? bytes.slice(cut) : new Uint8Array(0);
      return cut > 0 ? decoder.decode(bytes.subarray(0, cut)) : "";
    },
    finish() {
      const rest = carry;
      carry = new Uint8Array(0);
      return rest.length > 0 ? decoder.decode(rest) : "";
    },
  };
}
