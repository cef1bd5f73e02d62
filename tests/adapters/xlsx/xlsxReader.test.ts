import { readFileSync, writeFileSync } from "node:fs";
import { XlsxFileSource } from "../../../src/adapters/xlsx/fileSource";
import { readTrackingWorkbook } from "../../../src/app/readTrackingWorkbook";
import { analyse } from "../../../src/core/validate/analyse";
import { dayFromParts, dayToExcelSerial } from "../../../src/core/dates/calendarDay";
import { isFallbilanzError } from "../../../src/core/errors";
import { Parts, counsellingRows, headerOffsets, num, sheetXml, str, workbookParts, zipToFile } from "../../helpers/package";
import { TODAY } from "../../helpers/xlsx";

const S = (y: number, m: number, d: number): number => dayToExcelSerial(dayFromParts(y, m, d));
const ROWS: [number, string, string][] = [
  [S(2019, 1, 5), "IK-1", "Geduldet"],
  [S(2019, 2, 6), "IK-2", "Asylbewerbend"],
  [S(2019, 3, 7), "IK-3", "Anerkannt"],
];

async function analysisOf(path: string) {
  return analyse(await readTrackingWorkbook(new XlsxFileSource(path)), TODAY);
}

async function refusal(path: string): Promise<string> {
  try {
    await analysisOf(path);
  } catch (error) {
    if (isFallbilanzError(error)) return error.message;
    throw error;
  }
  throw new Error("read without refusal");
}

describe("the reader accepts what Excel and other tools write", () => {
  test("a minimal hand-made workbook", async () => {
    const a = await analysisOf(await zipToFile(workbookParts({ Beratungen: sheetXml(counsellingRows(ROWS)) })));
    expect(a.counselling.map((r) => r.clientId)).toEqual(["IK-1", "IK-2", "IK-3"]);
    expect(a.totals[0]).toMatchObject({ rows: 3, accepted: 3, rejected: 0 });
  });

  test("shared strings with rich text and phonetic runs, booleans, errors, formulas by their cached value", async () => {
    const sst =
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Datum</t></si><si><r><rPr><b/></rPr><t>Klient</t></r><r><t xml:space="preserve">-ID</t></r></si>` +
      `<si><t>Aufenthaltsstatus</t></si><si><r><t>Ged</t></r><r><t>uldet</t></r><rPh sb="0" eb="1"><t>XX</t></rPh></si></sst>`;
    const sheet = sheetXml([
      [`<c r="A1" t="s"><v>0</v></c>`, `<c r="B1" t="s"><v>1</v></c>`, `<c r="C1" t="s"><v>2</v></c>`],
      [`<c r="A2"><f>DATE(2019,1,5)</f><v>${S(2019, 1, 5)}</v></c>`, `<c r="B2" t="str"><f>"IK-"&amp;1</f><v>IK-1</v></c>`, `<c r="C2" t="s"><v>3</v></c>`],
      [num("A3", S(2019, 1, 6)), `<c r="B3" t="e"><v>#REF!</v></c>`, `<c r="C3" t="s"><v>3</v></c>`],
      [num("A4", S(2019, 1, 7)), `<c r="B4" t="inlineStr"><is><r><t>IK</t></r><r><t>-4</t></r><rPh><t>YY</t></rPh></is></c>`, `<c r="C4" t="s"><v>3</v></c>`],
    ]);
    const rels = workbookParts({ Beratungen: sheet });
    rels["xl/_rels/workbook.xml.rels"] = (rels["xl/_rels/workbook.xml.rels"] as string).replace(
      "</Relationships>",
      `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    );
    const a = await analysisOf(await zipToFile({ ...rels, "xl/sharedStrings.xml": sst }));
    expect(a.counselling.map((r) => [r.clientId, r.status])).toEqual([["IK-1", "Geduldet"], ["IK-4", "Geduldet"]]);
    expect(a.findings.map((f) => [f.row, f.code, f.message.includes("#BEZUG!")])).toEqual([[3, "E_ID_MISSING", true]]);
  });

  test('t="d" ISO dates, cells and rows without references, single quotes, prefixed namespaces', async () => {
    const sheet =
      `<?xml version='1.0' encoding='UTF-8'?><x:worksheet xmlns:x='http://schemas.openxmlformats.org/spreadsheetml/2006/main'><x:sheetData>` +
      `<x:row><x:c t='inlineStr'><x:is><x:t>Datum</x:t></x:is></x:c><x:c t='inlineStr'><x:is><x:t>Klient-ID</x:t></x:is></x:c><x:c t='inlineStr'><x:is><x:t>Status</x:t></x:is></x:c></x:row>` +
      `<x:row><x:c t='d'><x:v>2019-03-04T10:30:00</x:v></x:c><x:c t='inlineStr'><x:is><x:t>IK-1</x:t></x:is></x:c><x:c t='inlineStr'><x:is><x:t>Geduldet</x:t></x:is></x:c></x:row>` +
      `<x:row><x:c t='d'><x:v>2019-03-05</x:v></x:c><x:c t='inlineStr'><x:is><x:t>IK-2</x:t></x:is></x:c><x:c t='inlineStr'><x:is><x:t>Geduldet</x:t></x:is></x:c></x:row>` +
      `</x:sheetData></x:worksheet>`;
    const parts = workbookParts({ Beratungen: sheet });
    parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string)
      .replace(/<workbook xmlns="([^"]+)" xmlns:r="([^"]+)">/, "<wb:workbook xmlns:wb='$1' xmlns:rel='$2'>")
      .replace("<sheets>", "<wb:sheets>").replace("</sheets></workbook>", "</wb:sheets></wb:workbook>")
      .replace(/<sheet name="([^"]+)" sheetId="(\d+)" r:id="(\w+)"\/>/g, "<wb:sheet name='$1' sheetId='$2' rel:id='$3'/>");
    const a = await analysisOf(await zipToFile(parts));
    expect(a.counselling.map((r) => [r.row, r.day])).toEqual([[2, dayFromParts(2019, 3, 4)], [3, dayFromParts(2019, 3, 5)]]);
  });

  test("relationship targets: percent-encoded, ../ and absolute; upper-case part names; a long zip comment", async () => {
    const parts = workbookParts({ Beratungen: sheetXml(counsellingRows(ROWS)), Vermittlungen: sheetXml([]) });
    const sheet1 = parts["xl/worksheets/sheet1.xml"];
    delete parts["xl/worksheets/sheet1.xml"];
    delete parts["xl/worksheets/sheet2.xml"];
    parts["xl/worksheets/Blatt%20eins.xml".replace("%20", " ")] = sheet1;
    parts["XL/WORKSHEETS/SHEET2.XML"] = sheetXml([]);
    parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string)
      .replace('Target="worksheets/sheet1.xml"', 'Target="../xl/./worksheets/Blatt%20eins.xml"')
      .replace('Target="worksheets/sheet2.xml"', 'Target="/xl/worksheets/sheet2.xml"');
    const a = await analysisOf(await zipToFile(parts, { comment: "x".repeat(60_000) }));
    expect(a.totals.map((t) => [t.sheet, t.rows])).toEqual([["Beratungen", 3], ["Vermittlungen", 0]]);
    expect(a.counselling).toHaveLength(3);
  });

  test("UTF-16 parts with a byte-order mark", async () => {
    const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le")]);
    const parts = workbookParts({ Beratungen: sheetXml(counsellingRows(ROWS)) });
    parts["xl/worksheets/sheet1.xml"] = utf16(parts["xl/worksheets/sheet1.xml"] as string);
    parts["xl/workbook.xml"] = utf16(parts["xl/workbook.xml"] as string);
    const a = await analysisOf(await zipToFile(parts));
    expect(a.counselling).toHaveLength(3);
  });

  test("Strict Open XML namespaces", async () => {
    const strict = (text: string): string =>
      text
        .replace(/http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g, "http://purl.oclc.org/ooxml/spreadsheetml/main")
        .replace(/http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g, "http://purl.oclc.org/ooxml/officeDocument/relationships");
    const parts = Object.fromEntries(Object.entries(workbookParts({ Beratungen: sheetXml(counsellingRows(ROWS)) })).map(([k, v]) => [k, strict(v as string)]));
    const a = await analysisOf(await zipToFile(parts));
    expect(a.counselling).toHaveLength(3);
  });

  test("a sheet 16,384 columns wide and a million empty cells stay cheap", async () => {
    const empty = Array.from({ length: 1000 }, (_, i) => `<c r="XFD${i + 10}"/>`).join("");
    const wide = `<row r="5"><c r="XFD5" t="inlineStr"><is><t>rechts</t></is></c></row>`;
    const rows = counsellingRows(ROWS).map((cells, i) => `<row r="${i + 1}">${cells.join("")}</row>`).join("");
    const many = Array.from({ length: 1000 }, (_, i) => `<row r="${i + 10}">${empty}</row>`).join("");
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>${rows}${wide}${many}</sheetData></worksheet>`;
    const a = await analysisOf(await zipToFile(workbookParts({ Beratungen: sheet })));
    expect(a.counselling).toHaveLength(3);
    // A row whose only cell lies in no recognised column is blank for the figures.
    expect(a.totals[0]).toMatchObject({ rows: 3, accepted: 3 });
  });
});

describe("a damaged package is refused, never read in part", () => {
  const good = (): Parts => workbookParts({ Beratungen: sheetXml(counsellingRows(ROWS)) });
  const DAMAGED = /(ist|sieht) beschädigt.* in Excel öffnen .* neu speichern/;

  test.each<[string, (p: Parts) => Parts]>([
    ["a sheet cut off in the middle", (p) => ({ ...p, "xl/worksheets/sheet1.xml": (p["xl/worksheets/sheet1.xml"] as string).slice(0, 300) })],
    ["an empty sheet part", (p) => ({ ...p, "xl/worksheets/sheet1.xml": "" })],
    ["invalid UTF-8", (p) => ({ ...p, "xl/worksheets/sheet1.xml": Buffer.concat([Buffer.from((p["xl/worksheets/sheet1.xml"] as string).slice(0, 200)), Buffer.from([0xc3, 0x28]), Buffer.from((p["xl/worksheets/sheet1.xml"] as string).slice(200))]) })],
    ["no [Content_Types].xml", (p) => Object.fromEntries(Object.entries(p).filter(([k]) => k !== "[Content_Types].xml"))],
    ["a sheet without its relationship id", (p) => ({ ...p, "xl/workbook.xml": (p["xl/workbook.xml"] as string).replace(' r:id="rId1"', "") })],
    ["two sheets of one name", (p) => ({ ...workbookParts({ Beratungen: p["xl/worksheets/sheet1.xml"] as string, Vermittlungen: sheetXml([]) }), "xl/workbook.xml": (workbookParts({ Beratungen: "", Vermittlungen: "" })["xl/workbook.xml"] as string).replace('name="Vermittlungen"', 'name="BERATUNGEN"') })],
    ["rows out of order", (p) => ({ ...p, "xl/worksheets/sheet1.xml": (p["xl/worksheets/sheet1.xml"] as string).replace('<row r="3">', '<row r="2">') })],
  ])("%s", async (_, mutate) => {
    expect(await refusal(await zipToFile(mutate(good())))).toMatch(DAMAGED);
  });

  test("a duplicated zip entry", async () => {
    const p = good();
    const path = await zipToFile([...Object.entries(p), ["xl/worksheets/sheet1.xml", sheetXml([])]]);
    expect(await refusal(path)).toMatch(DAMAGED);
  });

  test("a checksum that does not match, and an unknown compression method", async () => {
    const path = await zipToFile(good(), { store: true });
    const bytes = readFileSync(path);
    const sheetAt = bytes.indexOf("xl/worksheets/sheet1.xml");
    // The data of the stored sheet part starts after its local header's name; flip one byte of it.
    const flipped = Buffer.from(bytes);
    flipped[sheetAt + "xl/worksheets/sheet1.xml".length + 60] ^= 0x01;
    writeFileSync(path, flipped);
    expect(await refusal(path)).toMatch(DAMAGED);

    const method = Buffer.from(bytes);
    for (const offset of headerOffsets(method).central) method.writeUInt16LE(99, offset + 10);
    for (const offset of headerOffsets(method).local) method.writeUInt16LE(99, offset + 8);
    writeFileSync(path, method);
    expect(await refusal(path)).toMatch(/beschädigt|keine lesbare/);
  });

  test("a truncated file", async () => {
    const path = await zipToFile(good());
    writeFileSync(path, readFileSync(path).subarray(0, 400));
    expect(await refusal(path)).toMatch(/beschädigt|keine lesbare/);
  });

  test("a text run longer than any Excel cell is refused as too large", async () => {
    const sheet = sheetXml([...counsellingRows(ROWS), [str("A5", "x".repeat(1_100_000))]]);
    expect(await refusal(await zipToFile(workbookParts({ Beratungen: sheet })))).toMatch(/größer .* als eine Excel-Arbeitsmappe sein kann/);
  });
});

describe("a single unreadable cell is a finding, not a refusal", () => {
  test("shared-string index out of range or not a number, a number that is not finite, an overlong text", async () => {
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>IK-1</t></si></sst>`;
    const rows = counsellingRows([]);
    rows.push([num("A2", S(2019, 1, 5)), `<c r="B2" t="s"><v>7</v></c>`, str("C2", "Geduldet")]);
    rows.push([num("A3", S(2019, 1, 5)), `<c r="B3" t="s"><v>x</v></c>`, str("C3", "Geduldet")]);
    rows.push([num("A4", "1" + "0".repeat(400)), `<c r="B4" t="s"><v>0</v></c>`, str("C4", "Geduldet")]);
    rows.push([num("A5", S(2019, 1, 5)), str("B5", "K".repeat(40_000)), str("C5", "Geduldet")]);
    rows.push([num("A6", S(2019, 1, 5)), `<c r="B6" t="s"><v>0</v></c>`, str("C6", "Geduldet")]);
    const parts = workbookParts({ Beratungen: sheetXml(rows) }, { "xl/sharedStrings.xml": sst });
    parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string).replace(
      "</Relationships>",
      `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    );
    const a = await analysisOf(await zipToFile(parts));
    expect(a.totals[0]).toMatchObject({ rows: 5, accepted: 1, rejected: 4 });
    expect(a.findings.map((f) => [f.row, f.code])).toEqual([[2, "E_ID_MISSING"], [3, "E_ID_MISSING"], [4, "E_DATE_INVALID"], [5, "E_ID_MISSING"]]);
    expect(a.findings[0].message).toMatch(/beschädigt und nicht lesbar/);
    expect(a.findings[3].message).toMatch(/32\.767 Zeichen/);
    expect(JSON.stringify(a.findings)).not.toMatch(/KKKK/);
  });
});
