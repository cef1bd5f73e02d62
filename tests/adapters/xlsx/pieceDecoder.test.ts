import { utf8Decoder, wholeUtf8Length } from "../../../src/adapters/xlsx/pieceDecoder";

/*
 * A part's UTF-8 is decoded piece by piece, each piece on its own (Node's fast decoder), so a character that a piece
 * cuts off must wait for the next one: wherever the cuts fall, the text comes out whole, and invalid bytes throw.
 */

const TEXT = "Klient Ä-0042 · Straße 5 · 😀 Emoji · ĳ · 中文 · Ende";

function decodeInPieces(bytes: Uint8Array, cuts: readonly number[]): string {
  const decoder = utf8Decoder();
  let text = "";
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    text += decoder.decode(bytes.subarray(from, cut));
    from = cut;
  }
  return text + decoder.finish();
}

describe("UTF-8 decoded piece by piece", () => {
  const bytes = new TextEncoder().encode(TEXT);

  test("one cut at every byte", () => {
    for (let cut = 0; cut <= bytes.length; cut++) expect(decodeInPieces(bytes, [cut])).toBe(TEXT);
  });

  test("pieces of one to five bytes", () => {
    for (let size = 1; size <= 5; size++) {
      const cuts = Array.from({ length: Math.floor(bytes.length / size) }, (_, i) => (i + 1) * size);
      expect(decodeInPieces(bytes, cuts)).toBe(TEXT);
    }
  });

  test("a BOM inside the text is kept (the part's own BOM is skipped before)", () => {
    expect(decodeInPieces(new TextEncoder().encode("a\ufeffb"), [1])).toBe("a\ufeffb");
    expect(decodeInPieces(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41), [])).toBe("\ufeffA");
  });

  test("invalid bytes throw, and so does a character cut off by the end", () => {
    expect(() => decodeInPieces(Uint8Array.of(0x41, 0xff, 0x41), [])).toThrow();
    expect(() => decodeInPieces(Uint8Array.of(0x41, 0xc3), [1])).toThrow();
    expect(() => decodeInPieces(Uint8Array.of(0x80, 0x80, 0x80, 0x80), [2])).toThrow();
  });

  test("a piece ends after its last `>`: the scanner's text ends where a tag does", () => {
    const decoder = utf8Decoder();
    const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(decoder.decode(encode('<c r="A1"><v>1</v></c><c r='))).toBe('<c r="A1"><v>1</v></c>');
    expect(decoder.decode(encode('"B1"/>\r'))).toBe('<c r="B1"/>');
    // A piece with nothing after the kept bytes but more of them: still nothing to hand over.
    expect(decoder.decode(encode("Straße "))).toBe("\rStraße ");
    expect(decoder.finish()).toBe("");
    const bytes = encode("<a>x</a>");
    expect(decoder.end(bytes, 0, 6)).toBe(3);
    expect(decoder.end(bytes, 4, 6)).toBe(6);
  });

  test("wholeUtf8Length stops before a cut character only", () => {
    expect(wholeUtf8Length(Uint8Array.of(0x41, 0xe4, 0xb8))).toBe(1);
    expect(wholeUtf8Length(Uint8Array.of(0x41, 0xe4, 0xb8, 0xad))).toBe(4);
    expect(wholeUtf8Length(Uint8Array.of(0xf0, 0x9f, 0x98))).toBe(0);
    expect(wholeUtf8Length(Uint8Array.of())).toBe(0);
  });
});
