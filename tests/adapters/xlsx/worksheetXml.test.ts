import { SharedStrings, worksheetText, worksheetXml } from "../../../src/adapters/xlsx/write/worksheetXml";
import { OutSheet, cell } from "../../../src/core/report/sheetModel";
import { styleIndex } from "../../../src/adapters/xlsx/write/stylesXml";

const sheet = (rows: OutSheet["rows"]): OutSheet => ({ name: "Blatt", columnWidths: [], rows, print: { orientation: "portrait" } });

describe("worksheet XML", () => {
  test("texts keep their spaces: xml:space=\"preserve\" exactly where spaces would be lost", () => {
    const strings = new SharedStrings();
    const texts = ["Arbeit", "zwei Wörter", " vorne", "hinten ", "doppelt  leer", "Zeile\nzwei"];
    Array.from(worksheetXml(sheet([texts.map((t) => cell(t, "text"))]), strings, { linkedFileId: () => undefined }));
    const sst = strings.xml();
    expect(sst).toContain("<si><t>Arbeit</t></si>");
    expect(sst).toContain("<si><t>zwei Wörter</t></si>");
    for (const t of [" vorne", "hinten ", "doppelt  leer", "Zeile\nzwei"]) expect(sst).toContain(`<si><t xml:space="preserve">${t}</t></si>`);
  });

  test("links: one relationship to the team's workbook, a location per cell, asked for only when a cell links", () => {
    let asked = 0;
    const relations = { linkedFileId: () => (asked++, "rId7") };
    const linked = sheet([[cell("Beratungen!A5", "text", { sheet: "Bera'tungen", column: "A", row: 5 })], [cell("Beratungen!A6", "text", { sheet: "Bera'tungen", column: "A", row: 6 })]]);
    const xml = worksheetText(linked, new SharedStrings(), relations);
    expect(xml).toContain(`<hyperlinks><hyperlink ref="A1" r:id="rId7" location="'Bera''tungen'!A5"/><hyperlink ref="A2" r:id="rId7" location="'Bera''tungen'!A6"/></hyperlinks>`);
    expect(asked).toBe(1);
    // A link's own text is written as text: escaped, its spaces kept.
    const special = sheet([[cell(" A&B  <x>", "text", { sheet: "B", column: "A", row: 1 })]]);
    expect(worksheetText(special, new SharedStrings(), relations)).toContain(`<is><t xml:space="preserve"> A&amp;B  &lt;x&gt;</t></is>`);
    expect(asked).toBe(2);
    Array.from(worksheetXml(sheet([[cell("ohne", "text")]]), new SharedStrings(), relations));
    expect(asked).toBe(2);
    // Plain ASCII goes as it stands; other plain text (an umlaut) too, by the longer way.
    const plain = sheet([[cell("Beratungen!A7", "text", { sheet: "Beratungen", column: "A", row: 7 }), cell("Gespräche!A8", "text", { sheet: "Gespräche", column: "A", row: 8 })]]);
    const plainXml = worksheetText(plain, new SharedStrings(), relations);
    for (const t of ["Beratungen!A7", "Gespräche!A8"]) expect(plainXml).toContain(`t="inlineStr"><is><t>${t}</t></is></c>`);
    // A link on a number or an empty cell: the link style, the value as a number.
    const other = sheet([[cell(7, "integer", { sheet: "B", column: "A", row: 1 }), cell(null, "date", { sheet: "B", column: "A", row: 2 })]]);
    const link = styleIndex(undefined, true);
    expect(worksheetText(other, new SharedStrings(), relations)).toContain(`<c r="A1" s="${link}"><v>7</v></c><c r="B1" s="${link}"/>`);
  });

  test("cells that repeat (shared objects, equal values, lazy rows) write as fresh ones would; the shared strings count every reference", () => {
    const kinds = [cell("Beratung", "text"), cell("Vermittlung", "text")];
    const ids = [cell("IK-1", "text"), cell("IK-2", "text")];
    // Rows as a table's lazy body makes them: shared cell objects, runs of equal ones, a style change on equal values.
    const shared = (i: number): OutSheet["rows"][number] => [kinds[i % 3 === 0 ? 1 : 0], ids[Math.floor(i / 3) % 2], cell(i % 4 === 0 ? 7 : 8, i % 2 === 0 ? "integer" : "date"), i % 5 === 0 ? null : cell("ja", "text")];
    const fresh = (i: number): OutSheet["rows"][number] => (shared(i) ?? []).map((c) => (c ? { ...c } : c));
    const lazy = (row: (i: number) => OutSheet["rows"][number]): OutSheet => ({ ...sheet([[cell("Titel", "title")]]), moreRows: { count: 40, width: 4, row } });
    const eager = (row: (i: number) => OutSheet["rows"][number]): OutSheet => sheet([[cell("Titel", "title")], ...Array.from({ length: 40 }, (_, i) => row(i))]);
    const write = (s: OutSheet): { xml: string; sst: string } => {
      const strings = new SharedStrings();
      return { xml: worksheetText(s, strings, { linkedFileId: () => undefined }), sst: strings.xml() };
    };
    const expected = write(eager(fresh));
    for (const s of [lazy(shared), lazy(fresh), eager(shared)]) expect(write(s)).toEqual(expected);
    const references = (expected.xml.match(/ t="s"/g) ?? []).length;
    expect(expected.sst).toContain(`count="${references}" uniqueCount="6"`);
  });
});
