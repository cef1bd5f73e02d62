import { XmlBytes } from "../../../src/adapters/xlsx/write/xmlBytes";

const decoded = (out: XmlBytes): string => new TextDecoder().decode(out.take());

describe("XML written as bytes", () => {
  test.each([0, -0, 7, 10, 99, 100, 12345, 1_048_576, Number.MAX_SAFE_INTEGER, 1.5, -3, 1e21, 0.1 + 0.2, 43831.5])("digits(%p) writes what String() writes", (n) => {
    const out = new XmlBytes();
    out.digits(n);
    expect(decoded(out)).toBe(String(n));
  });

  test("text: ASCII, umlauts, characters outside the BMP, and a text longer than a piece, as UTF-8", () => {
    const out = new XmlBytes();
    const long = "Jahresrückblick 😀 ".repeat(10_000);
    out.ascii("<t>");
    out.text("Müller & Söhne 😀");
    out.text(long);
    out.ascii("</t>");
    expect(out.full).toBe(true);
    expect(decoded(out)).toBe(`<t>Müller & Söhne 😀${long}</t>`);
    // A piece taken empties the buffer: the next write starts a new piece.
    out.ascii("x");
    expect(decoded(out)).toBe("x");
  });

  test.each([
    ["Beratungen!A5", true], ["a b", true], ["x", true], ["", false], [" a", false], ["a ", false], ["a  b", false],
    ["a\tb", false], ["a&b", false], ["<x>", false], ['"', false], ["Übersicht!A1", false], ["\u007f", false],
  ])("plainAscii(%j) writes it as it stands: %p", (text, plain) => {
    const out = new XmlBytes();
    out.ascii("<t>");
    expect(out.plainAscii(text)).toBe(plain);
    if (!plain) out.undo(3);
    expect(decoded(out)).toBe(plain ? `<t>${text}` : "");
  });
});

