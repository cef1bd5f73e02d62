import { concatBytes } from "./platform/bytes";
import { PieceDecoder, utf16Decoder, utf8Decoder } from "./pieceDecoder";
import { DamagedPackage, PackageTooLarge } from "./packageProblems";

/**
 * The longest run of characters without a `<` that a part may hold: a cell of
 * Excel's 32,767 characters, every one escaped, with room to spare. Longer runs
 * are no workbook Excel writes, and would cost memory in one piece.
 */
export const MAX_TEXT_RUN = 1024 * 1024;

/**
 * The deepest nesting of elements accepted. OOXML parts nest a dozen levels at
 * most; a part nested deeper is damaged (and a namespace-aware parser would
 * pay for every level on every tag).
 */
export const MAX_DEPTH = 256;

/** Counts nesting on open and close; throws `DamagedPackage` beyond `MAX_DEPTH`. */
export class DepthGuard {
  private depth = 0;

  open(selfClosing: boolean): void {
    if (!selfClosing && ++this.depth > MAX_DEPTH) throw new DamagedPackage(`elements nested deeper than ${MAX_DEPTH}`);
  }

  close(selfClosing: boolean): void {
    if (!selfClosing) this.depth--;
  }
}

/** Bytes decoded into one string at a time. */
const DECODE_PIECE = 32 * 1024;

/** A streaming XML parser: saxes, or the scanner for worksheets. */
export interface XmlConsumer {
  write(text: string): unknown;
  close(): unknown;
}

/**
 * Decodes a part's bytes: UTF-8, or UTF-16 when a byte-order mark says so or, without one, when the XML
 * declaration's `<?` comes in two bytes per character (XML 1.0, Appendix F); invalid bytes are damage.
 */
function decoderFor(head: Uint8Array): { decoder: PieceDecoder; skip: number } {
  if (head[0] === 0xff && head[1] === 0xfe) return { decoder: utf16Decoder("utf-16le"), skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { decoder: utf16Decoder("utf-16be"), skip: 2 };
  if (head[0] === 0x3c && head[1] === 0x00 && head[2] === 0x3f && head[3] === 0x00) return { decoder: utf16Decoder("utf-16le"), skip: 0 };
  if (head[0] === 0x00 && head[1] === 0x3c && head[2] === 0x00 && head[3] === 0x3f) return { decoder: utf16Decoder("utf-16be"), skip: 0 };
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  return { decoder: utf8Decoder(), skip: bom ? 3 : 0 };
}

/**
 * Streams a part through an XML parser (well-formedness checked, linear time,
 * no entity expansion beyond XML's own). Any parse or decoding failure is
 * `DamagedPackage`; a run of text longer than `MAX_TEXT_RUN` is `PackageTooLarge`.
 */
export async function feedXml(stream: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, parser: XmlConsumer, part: string): Promise<void> {
  let decoding: { decoder: PieceDecoder; skip: number } | undefined;
  let pending: Uint8Array = new Uint8Array(0);
  let run = 0;
  let endedWithCarriageReturn = false;
  /** XML 1.0, 2.11: before parsing, CR LF and a lone CR become LF (a `&#13;` stays a carriage return). */
  const normaliseLineEnds = (text: string): string => {
    if (endedWithCarriageReturn && text.charCodeAt(0) === 10) text = text.slice(1);
    endedWithCarriageReturn = text.charCodeAt(text.length - 1) === 13;
    return text.indexOf("\r") < 0 ? text : text.replace(/\r\n?/g, "\n");
  };
  const write = (decoded: string): void => {
    if (decoded.length === 0) return; // a piece kept whole for the next one
    const text = normaliseLineEnds(decoded);
    // Runs inside one chunk are shorter than a chunk; only a run across chunks can grow.
    const firstOpen = text.indexOf("<");
    if (firstOpen < 0) run += text.length;
    else {
      if (run + firstOpen > MAX_TEXT_RUN) throw new PackageTooLarge(`${part}: text run over ${MAX_TEXT_RUN} characters`);
      run = text.length - text.lastIndexOf("<") - 1;
    }
    if (run > MAX_TEXT_RUN) throw new PackageTooLarge(`${part}: text run over ${MAX_TEXT_RUN} characters`);
    parser.write(text);
  };
  try {
    // Leaving the loop by an exception ends the stream (its `return`), which stops the inflater.
    for await (const chunk of stream) {
      let bytes = chunk;
      if (!decoding) {
        pending = concatBytes([pending, bytes]);
        if (pending.length < 4) continue;
        decoding = decoderFor(pending);
        bytes = pending.subarray(decoding.skip);
      }
      // Decoded in small pieces: a string under V8's large-object size dies young instead of piling up in old space.
      const decoder = decoding.decoder;
      for (let at = 0; at < bytes.length; ) {
        const end = decoder.end(bytes, at, Math.min(at + DECODE_PIECE, bytes.length));
        write(decoder.decode(bytes.subarray(at, end)));
        at = end;
      }
    }
    if (!decoding) {
      decoding = decoderFor(pending);
      write(decoding.decoder.decode(pending.subarray(decoding.skip)));
    }
    write(decoding.decoder.finish());
    parser.close();
  } catch (error) {
    if (error instanceof PassedOn) throw error.passed;
    if (error instanceof DamagedPackage || error instanceof PackageTooLarge) throw error;
    throw new DamagedPackage(`${part}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Wraps what a consumer of the parsed content throws, so that it is passed on as it is and not taken for damage. */
export class PassedOn extends Error {
  constructor(readonly passed: unknown) {
    super("passed on");
  }
}

/**
 * Runs a consumer's callback of two arguments inside a parser handler; what it throws is passed on unchanged. The
 * arguments are passed through rather than closed over: it runs once per row.
 */
export function passOn<A, B, T>(callback: (a: A, b: B) => T, a: A, b: B): T {
  try {
    return callback(a, b);
  } catch (error) {
    throw new PassedOn(error);
  }
}

/** An element's or attribute's name without its namespace prefix (`x:sheet` → `sheet`). */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}
