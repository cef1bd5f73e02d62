import { isBlank } from "../../../src/core/cells";
import { FileByteSource, nodeCodec } from "../../../src/adapters/xlsx/platform/node";
import { ZipPackage } from "../../../src/adapters/xlsx/zipPackage";
import { ReadSharedStrings, SharedStrings, TOO_LONG, readSharedStrings } from "../../../src/adapters/xlsx/sharedStrings";
import { indexSharedStrings } from "../../../src/adapters/xlsx/sharedStringIndex";
import { DamagedPackage } from "../../../src/adapters/xlsx/packageProblems";
import { zipToFile } from "../../helpers/package";

/*
 * The shared strings indexed in their bytes (each item decoded when a cell asks for it) against the same part read
 * whole, item by item: the same texts, the same blankness, the same damage. Parts in another form are read whole.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const PART = "xl/sharedStrings.xml";

const sst = (items: string, prefix = ""): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${prefix}sst xmlns${prefix ? `:${prefix.slice(0, -1)}` : ""}="${MAIN}" count="9" uniqueCount="9">${items}</${prefix}sst>`;

const ITEMS = [
  "<si><t>Beratung</t></si>",
  "<si><t xml:space=\"preserve\">  zwei  Leerzeichen </t></si>",
  "<si><t>A &amp; B &lt;c&gt; &#228;&#x1F600;</t></si>",
  "<si><t>Zeile_x000D_\r\nzwei _x005F_x000D_</t></si>",
  "<si><t>Grüße, Ærø, 東京</t></si>",
  "<si><r><rPr><b/></rPr><t>fett</t></r><r><t xml:space=\"preserve\"> und normal</t></r></si>",
  "<si><t>ニホン</t><rPh sb=\"0\" eb=\"3\"><t>ニホン</t></rPh></si>",
  "<si/>",
  "<si><t/></si>",
  "<si><t>   </t></si>",
  "<si><t>\u00a0\u2003</t></si>",
  "<si><t>_x0020_</t></si>",
  "<si><t>&#32;</t></si>",
  "<si>\n  <t>eingerückt</t>\n</si>",
  `<si><t>${"x".repeat(32_768)}</t></si>`,
  "<si><t>=SUMME(A1:A3)</t></si>",
  "<si><t>\ufeffmit BOM-Zeichen vorn</t></si>",
];

async function read(xml: string): Promise<SharedStrings> {
  const pkg = await ZipPackage.open(new FileByteSource(await zipToFile({ [PART]: xml })), nodeCodec);
  try {
    return await readSharedStrings(pkg, PART);
  } finally {
    await pkg.close();
  }
}

/** The part indexed, and the same part read whole (a comment before the root makes the index step aside). */
async function both(xml: string): Promise<{ indexed: SharedStrings; whole: SharedStrings }> {
  return { indexed: await read(xml), whole: await read(xml.replace(/<(\w+:)?sst /, "<!-- ganz gelesen --><$1sst ")) };
}

function expectAlike(indexed: SharedStrings, whole: SharedStrings): void {
  expect(indexed).not.toBeInstanceOf(ReadSharedStrings);
  expect(whole).toBeInstanceOf(ReadSharedStrings);
  expect(indexed.length).toBe(whole.length);
  for (let i = -1; i <= whole.length; i++) {
    // Blankness first, as a notes column asks: it must not depend on the text having been made.
    expect([i, indexed.isBlank(i)]).toEqual([i, whole.isBlank(i)]);
    expect([i, indexed.at(i)]).toEqual([i, whole.at(i)]);
  }
}

describe("shared strings indexed in their bytes", () => {
  test("every kind of item reads as the whole part reads it: texts, escapes, runs, phonetic text, blanks", async () => {
    const { indexed, whole } = await both(sst(ITEMS.join("")));
    expectAlike(indexed, whole);
    expect(whole.at(2)).toBe("A & B <c> ä😀");
    expect(whole.at(3)).toBe("Zeile\r\nzwei _x000D_");
    expect(whole.at(5)).toBe("fett und normal");
    expect(whole.at(6)).toBe("ニホン");
    expect(whole.at(14)).toBe(TOO_LONG);
    expect(whole.at(15)).toBe("=SUMME(A1:A3)");
    expect(whole.at(16)).toBe("\ufeffmit BOM-Zeichen vorn");
    expect([7, 8, 9, 10, 11, 12].map((i) => whole.isBlank(i))).toEqual([true, true, true, true, true, true]);
    expect(whole.isBlank(14)).toBe(false); // too long is unreadable, not blank
  });

  test("prefixed names (x:sst, x:si, x:t) are indexed too", async () => {
    const items = ITEMS.slice(0, 6).map((item) => item.replace(/<(\/?)(si|t|r|rPr|b|rPh)([ />])/g, "<$1x:$2$3"));
    const { indexed, whole } = await both(sst(items.join(""), "x:"));
    expectAlike(indexed, whole);
    expect(whole.at(0)).toBe("Beratung");
  });

  test("a part in another form is read whole: comments, CDATA, an element that is no item", () => {
    const bytes = (xml: string): Uint8Array => new TextEncoder().encode(xml);
    expect(indexSharedStrings(bytes(sst(ITEMS.join(""))))).toBeDefined();
    expect(indexSharedStrings(bytes(sst("<si><t>a</t></si><!-- x --><si><t>b</t></si>")))).toBeUndefined();
    expect(indexSharedStrings(bytes(sst("<si><t><![CDATA[</si>]]></t></si>")))).toBeUndefined();
    expect(indexSharedStrings(bytes(sst("<si><t>a</t></si><extLst/>")))).toBeUndefined();
    expect(indexSharedStrings(bytes(sst("<si><t>a</t></si>") + "<x/>"))).toBeUndefined();
    expect(indexSharedStrings(bytes(sst("<si><t>a</t>")))).toBeUndefined();
    expect(indexSharedStrings(bytes(sst("<si><r><t>a</t></r><si><t>b</t></si>")))).toBeUndefined();
  });

  test("an item's damage shows when a cell asks for it, as the part's damage, named", async () => {
    const xml = sst("<si><t>gut</t></si><si><t>A & B</t></si><si><r><t>offen</r></si>");
    await expect(both(xml)).rejects.toThrow(DamagedPackage); // read whole, the part is refused at once
    const indexed = await read(xml);
    expect(indexed.at(0)).toBe("gut");
    expect(() => indexed.at(1)).toThrow(DamagedPackage);
    expect(() => indexed.at(1)).toThrow(/sharedStrings\.xml/);
    expect(() => indexed.at(2)).toThrow(DamagedPackage);
    expect(indexed.isBlank(1)).toBe(false); // a filled notes cell is filled, whatever its text
  });

  test("texts of many items agree with the whole reading (generated)", async () => {
    const texts: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const pick = i % 7;
      texts.push(
        pick === 0 ? `<si><t>Vermerk ${i}: Termin &amp; Rückruf</t></si>`
          : pick === 1 ? `<si><t xml:space="preserve"> ${" ".repeat(i % 3)}</t></si>`
          : pick === 2 ? `<si><r><t>Teil ${i}</t></r><r><rPr><i/></rPr><t>_x000A_kursiv</t></r></si>`
          : pick === 3 ? "<si><t></t></si>"
          : pick === 4 ? `<si><t>IK-${i}</t></si>`
          : pick === 5 ? `<si><t>\u00a0${i % 2 ? "" : "x"}</t></si>`
          : `<si><t>&#${65 + (i % 26)};</t></si>`,
      );
    }
    const { indexed, whole } = await both(sst(texts.join("")));
    expectAlike(indexed, whole);
  });
});

test("blank as a cell means what the core means by it", () => {
  const table = new ReadSharedStrings(["", " ", "\u00a0", "x", TOO_LONG]);
  expect([0, 1, 2, 3, 4, 5].map((i) => table.isBlank(i))).toEqual(["", " ", "\u00a0", "x"].map((t) => isBlank(t)).concat([false, false]));
});
