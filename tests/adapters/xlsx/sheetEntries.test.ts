import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XlsxFileSource } from "../../../src/adapters/xlsx/fileSource";
import { readTrackingWorkbook } from "../../../src/app/readTrackingWorkbook";
import { dayFromParts, dayToExcelSerial } from "../../../src/core/dates/calendarDay";
import { validationReportSheet } from "../../../src/core/report/validationReport";
import { analyse } from "../../../src/core/validate/analyse";
import { runCli } from "../../helpers/cli";
import { Parts, num, sheetXml, str, workbookParts, zipToFile } from "../../helpers/package";
import { TODAY, tempDir } from "../../helpers/xlsx";

/*
 * Sheet entries of `workbook.xml` without a relationship id. Some tools write one for a removed sheet (`r:id=""`):
 * a placeholder, named in the outputs. But when the package still holds a worksheet part that no entry references,
 * or the entry's name is that of a tracking sheet, the entry lost its relationship: the file is refused, naming the
 * sheet, and never evaluated as if the sheet were empty.
 */

const S = (y: number, m: number, d: number): number => dayToExcelSerial(dayFromParts(y, m, d));
const HEADER = [str("A1", "Datum"), str("B1", "Klient-ID"), str("C1", "Aufenthaltsstatus")];
const ROWS = Array.from({ length: 30 }, (_, i) => [num(`A${i + 2}`, S(2019, 1 + (i % 12), 3)), str(`B${i + 2}`, `IK-${i}`), str(`C${i + 2}`, "Geduldet")]);

/** A counselling sheet beside an events sheet; `edit` changes the parts before zipping. */
async function workbook(edit: (parts: Parts) => void): Promise<string> {
  const parts = workbookParts({
    Beratungsprotokoll: sheetXml([HEADER, ...ROWS]),
    Veranstaltungen: sheetXml([[str("A1", "Datum"), str("B1", "Thema"), str("C1", "Teilnehmende")], [num("A2", S(2019, 5, 6)), str("B2", "Arbeitsrecht"), num("C2", 12)]]),
  });
  edit(parts);
  return zipToFile(parts);
}

const withWorkbook = (parts: Parts, change: (xml: string) => string): void => void (parts["xl/workbook.xml"] = change(parts["xl/workbook.xml"] as string));

describe("sheet entries without a relationship", () => {
  test("a placeholder alone (r:id=\"\" or none, beside real sheets, nothing in the package for it): the real sheets are read, the placeholder is named with its reason", async () => {
    const path = await workbook((parts) => withWorkbook(parts, (x) => x.replace("</sheets>", '<sheet name="Module" sheetId="3" r:id=""/><sheet name="Leer" sheetId="4"/></sheets>')));
    const a = analyse(await readTrackingWorkbook(new XlsxFileSource(path)), TODAY);
    expect(a.counselling).toHaveLength(30);
    expect(a.sheets.map((s) => [s.name, s.recognisedBy])).toEqual([
      ["Beratungsprotokoll", "name"], ["Veranstaltungen", "name"], ["Module", "placeholder"], ["Leer", "placeholder"],
    ]);
    expect(JSON.stringify(validationReportSheet(a).rows)).toMatch(/"Module"[^\]]*leerer Blatteintrag der Datei, zu dem die Datei keinen Inhalt enthält, wird nicht ausgewertet/);

    // The command line's summary and the JSON name both, with the reason.
    const dir = tempDir();
    const json = join(dir, "z.json");
    const run = runCli([path, "--jahr", "2019", "--zusammenfassung", json]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("30  Beratungskontakte");
    expect(run.stdout).toContain("Nicht ausgewertet: „Module“ (leerer Blatteintrag der Datei, zu dem die Datei keinen Inhalt enthält)");
    expect(run.stdout).toContain("Nicht ausgewertet: „Leer“");
    const summary = JSON.parse(readFileSync(json, "utf8"));
    expect(summary.validation.notEvaluated).toEqual([
      { sheet: "Module", reason: "leerer Blatteintrag der Datei, zu dem die Datei keinen Inhalt enthält" },
      { sheet: "Leer", reason: "leerer Blatteintrag der Datei, zu dem die Datei keinen Inhalt enthält" },
    ]);
  });

  test("a placeholder beside an orphan worksheet part (its relationship still in the workbook's rels): refused, naming the sheet", async () => {
    const path = await workbook((parts) => withWorkbook(parts, (x) => x.replace(' r:id="rId2"', ' r:id=""').replace('name="Veranstaltungen"', 'name="Tabelle2"')));
    await expect(readTrackingWorkbook(new XlsxFileSource(path))).rejects.toThrow(/sieht beschädigt aus: Das Tabellenblatt „Tabelle2“ ist in der Mappe eingetragen, aber ohne Verweis auf seinen Inhalt/);
  });

  test("a placeholder beside a worksheet part that no relationship names either: refused", async () => {
    const path = await workbook((parts) => {
      withWorkbook(parts, (x) => x.replace("</sheets>", '<sheet name="Tabelle3" sheetId="3" r:id=""/></sheets>'));
      parts["xl/worksheets/sheet9.xml"] = sheetXml([HEADER, ...ROWS]);
    });
    await expect(readTrackingWorkbook(new XlsxFileSource(path))).rejects.toThrow(/Tabellenblatt „Tabelle3“/);
  });

  test("a tracking sheet without its relationship attribute (the part and rId1 still there): exit 2, one German line naming it, nothing written", async () => {
    const path = await workbook((parts) => withWorkbook(parts, (x) => x.replace('<sheet name="Beratungsprotokoll" sheetId="1" r:id="rId1"/>', '<sheet name="Beratungsprotokoll" sheetId="1"/>')));
    const dir = tempDir();
    const out = join(dir, "bericht.xlsx");
    const json = join(dir, "z.json");
    const run = runCli([path, "--jahr", "2019", "--bericht", out, "--zusammenfassung", json]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^Fehler: .* sieht beschädigt aus: Das Tabellenblatt „Beratungsprotokoll“ ist in der Mappe eingetragen, aber ohne Verweis auf seinen Inhalt; es wurde nichts ausgewertet\. Bitte die Datei in Excel öffnen .* neu speichern\.\n$/);
    expect(existsSync(out) || existsSync(json)).toBe(false);
  });

  test("a tracking sheet's name on a placeholder refuses the file even when no part is left (its rows would be missing from the figures)", async () => {
    const path = await workbook((parts) => withWorkbook(parts, (x) => x.replace("</sheets>", '<sheet name="Klienten" sheetId="3" r:id=""/></sheets>')));
    await expect(readTrackingWorkbook(new XlsxFileSource(path))).rejects.toThrow(/Tabellenblatt „Klienten“/);
  });

  test("a relationship id that names no relationship is damage; a file of placeholders only has nothing to read", async () => {
    const broken = await workbook((parts) => withWorkbook(parts, (x) => x.replace('r:id="rId2"', 'r:id="rId7"')));
    await expect(readTrackingWorkbook(new XlsxFileSource(broken))).rejects.toThrow(/beschädigt/);
    const empty = await zipToFile({
      ...workbookParts({}),
      "xl/workbook.xml": workbookParts({})["xl/workbook.xml"].toString().replace("<sheets></sheets>", '<sheets><sheet name="Module" sheetId="1" r:id=""/></sheets>'),
    });
    await expect(readTrackingWorkbook(new XlsxFileSource(empty))).rejects.toThrow(/beschädigt/);
  });
});
