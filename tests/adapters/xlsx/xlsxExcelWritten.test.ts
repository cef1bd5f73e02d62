import { Readable } from "node:stream";
import { XlsxFileSource } from "../../../src/adapters/xlsx/fileSource";
import { feedXml } from "../../../src/adapters/xlsx/xmlStream";
import { readTrackingWorkbook } from "../../../src/app/readTrackingWorkbook";
import { analyse } from "../../../src/core/validate/analyse";
import { dayFromParts, dayToExcelSerial } from "../../../src/core/dates/calendarDay";
import { computeFigures } from "../../../src/core/figures/figures";
import { validationReportSheet } from "../../../src/core/report/validationReport";
import { Parts, cellsOf, num, sheetXml, str, workbookParts, zipToFile } from "../../helpers/package";
import { TODAY } from "../../helpers/xlsx";

/*
 * Files as Excel and other tools write them: each point the reader once got wrong on public test files of other
 * spreadsheet projects, on a small workbook written here.
 */

const S = (y: number, m: number, d: number): number => dayToExcelSerial(dayFromParts(y, m, d));
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEADER = [str("A1", "Datum"), str("B1", "Klient-ID"), str("C1", "Aufenthaltsstatus")];


function withSharedStrings(parts: Parts, strings: string[]): Parts {
  const rels = (parts["xl/_rels/workbook.xml.rels"] as string).replace("</Relationships>", `<Relationship Id="rId99" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si><t xml:space="preserve">${s}</t></si>`).join("")}</sst>`;
  return { ...parts, "xl/_rels/workbook.xml.rels": rels, "xl/sharedStrings.xml": sst };
}

describe("files as Excel and other tools write them", () => {
  test("_xHHHH_ escapes are decoded in shared strings, inline strings and cached formula text", async () => {
    const sheet = sheetXml([
      [`<c r="A1" t="s"><v>0</v></c>`, `<c r="B1" t="s"><v>1</v></c>`, `<c r="C1" t="s"><v>2</v></c>`, `<c r="D1" t="s"><v>3</v></c>`],
      [str("A2", "Gestattung_x000D_"), str("B2", "A_x005F_x0030_B"), `<c r="C2" t="str"><f>"x"</f><v>ABC_x0031__x0032__x0033_DEF</v></c>`, str("D2", "Data_x001B_[32m1")],
    ]);
    const rows = (await cellsOf(await zipToFile(withSharedStrings(workbookParts({ Blatt: sheet }), ["line_x000D_\nbreak", "_x005F_x000D_", "_x005F_x005F_", "Ende_x000a_"]))))
      .get("Blatt")!;
    expect(rows.get(1)).toEqual(["line\r\nbreak", "_x000D_", "_x005F_", "Ende\n"]);
    expect(rows.get(2)).toEqual(["Gestattung\r", "A_x0030_B", "ABC123DEF", "Data\u001b[32m1"]);
  });

  test("a status written with Excel's line-break escape matches its canonical value", async () => {
    const sheet = sheetXml([HEADER, [num("A2", S(2019, 3, 4)), str("B2", "IK-1"), str("C2", "Gestattung_x000D_")]]);
    const a = analyse(await readTrackingWorkbook(new XlsxFileSource(await zipToFile(workbookParts({ Beratungen: sheet })))), TODAY);
    expect(a.counselling.map((r) => r.status)).toEqual(["Asylbewerbend"]);
    expect(a.findings.filter((f) => f.code.startsWith("E_"))).toEqual([]);
  });

  test("CR LF in inline strings and cached values reads as in shared strings (XML line-end normalisation)", async () => {
    const sheet = sheetXml([[str("A1", "eins\r\nzwei\rdrei"), `<c r="B1" t="str"><f>"x"</f><v>a\r\nb</v></c>`, `<c r="C1" t="s"><v>0</v></c>`, str("D1", "echt&#13;\nCR")]]);
    const rows = (await cellsOf(await zipToFile(withSharedStrings(workbookParts({ Blatt: sheet }), ["eins\r\nzwei\rdrei"])))).get("Blatt")!;
    expect(rows.get(1)).toEqual(["eins\nzwei\ndrei", "a\nb", "eins\nzwei\ndrei", "echt\r\nCR"]);
  });

  test("a CR LF split between two pieces of the stream is one line end", async () => {
    let text = "";
    const consumer = { write: (t: string) => void (text += t), close: () => undefined };
    await feedXml(Readable.from([Buffer.from("<a>eins\r"), Buffer.from("\nzwei\r"), Buffer.from("drei\r\r\n</a>")]), consumer, "test.xml");
    expect(text).toBe("<a>eins\nzwei\ndrei\n\n</a>");
  });

  test("an empty shared-string cell (<v/>) is blank, not unreadable", async () => {
    const sheet = sheetXml([HEADER, [num("A2", S(2019, 3, 4)), str("B2", "IK-1"), str("C2", "Geduldet"), `<c r="D2" s="4" t="s"><v/></c>`, `<c r="E2" t="s"><v></v></c>`]]);
    const path = await zipToFile(workbookParts({ Beratungen: sheet }));
    expect((await cellsOf(path)).get("Beratungen")!.get(2)).toEqual([S(2019, 3, 4), "IK-1", "Geduldet"]);
    const a = analyse(await readTrackingWorkbook(new XlsxFileSource(path)), TODAY);
    expect(a.findings).toEqual([]);
  });

  test('t="d" times of day read as fractions of a day; fractional seconds are kept', async () => {
    const sheet = sheetXml([[`<c r="A1" t="d"><v>10:10:10</v></c>`, `<c r="B1" t="d"><v>23:44:51.894</v></c>`, `<c r="C1" t="d"><v>2021-12-31T23:44:51.894</v></c>`, `<c r="D1" t="d"><v>25:00:00</v></c>`]]);
    const [a, b, c, d] = (await cellsOf(await zipToFile(workbookParts({ Blatt: sheet })))).get("Blatt")!.get(1)!;
    expect(a).toBeCloseTo(0.423726852, 9);
    expect(b).toBeCloseTo(0.989489514, 9);
    expect(c).toBeCloseTo(44561.989489513886, 9);
    expect(d).toMatchObject({ unreadable: "damaged" });
  });

  test('in a 1904 workbook, t="d" dates count on their own day (not shifted twice)', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`<c r="A${i + 2}" t="d"><v>2019-${String(i + 1).padStart(2, "0")}-15</v></c>`, str(`B${i + 2}`, `IK-${i}`), str(`C${i + 2}`, "Geduldet")]);
    // Beside them, serial numbers of the 1904 system (15 Jan 2019 is 1904-serial S - 1462).
    rows.push([num("A14", S(2019, 1, 15) - 1462), str("B14", "IK-99"), str("C14", "Geduldet")]);
    const parts = workbookParts({ Beratungen: sheetXml([HEADER, ...rows]) });
    parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string).replace("<sheets>", '<workbookPr date1904="1"/><sheets>');
    const a = analyse(await readTrackingWorkbook(new XlsxFileSource(await zipToFile(parts))), TODAY);
    const figures = computeFigures(a, 2019);
    expect(figures.counseling.monthlyPersons).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(computeFigures(a, 2023).counseling.monthlyPersons.reduce((x, y) => x + y, 0)).toBe(0);
  });

  test("UTF-16 parts without a byte-order mark, the encoding named in the XML declaration, are read", async () => {
    const utf16 = (text: string, le: boolean): Buffer => {
      const b = Buffer.from(text.replace('encoding="UTF-8"', `encoding="UTF-16${le ? "LE" : "BE"}"`), "utf16le");
      return le ? b : b.swap16();
    };
    for (const le of [true, false]) {
      const parts = workbookParts({ Beratungen: sheetXml([HEADER, [num("A2", S(2019, 3, 4)), str("B2", "IK-1"), str("C2", "Geduldet")]]) });
      for (const name of ["xl/workbook.xml", "xl/worksheets/sheet1.xml"]) parts[name] = utf16(parts[name] as string, le);
      const a = analyse(await readTrackingWorkbook(new XlsxFileSource(await zipToFile(parts))), TODAY);
      expect([le, a.counselling.map((r) => r.clientId)]).toEqual([le, ["IK-1"]]);
    }
  });

  test("an Excel 4.0 macro sheet is read like a worksheet (and named in the report when not tracking data)", async () => {
    const parts = workbookParts({ Beratungen: sheetXml([HEADER, [num("A2", S(2019, 3, 4)), str("B2", "IK-1"), str("C2", "Geduldet")]]) });
    parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string).replace("</sheets>", '<sheet name="Macro Sheet" sheetId="2" r:id="rId2"/></sheets>');
    parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string).replace(
      "</Relationships>",
      '<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/></Relationships>',
    );
    parts["xl/macrosheets/sheet1.xml"] = sheetXml([[str("A1", "Whatever a macro sheet might be")]], '<xm:macrosheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">', "</xm:macrosheet>");
    const path = await zipToFile(parts);
    expect((await cellsOf(path)).get("Macro Sheet")!.get(1)).toEqual(["Whatever a macro sheet might be"]);
    const a = analyse(await readTrackingWorkbook(new XlsxFileSource(path)), TODAY);
    expect(JSON.stringify(validationReportSheet(a).rows)).toMatch(/"Macro Sheet"[^\]]*nicht als Beratungen/);
  });
});
