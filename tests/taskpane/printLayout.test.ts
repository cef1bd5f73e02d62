import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { readTrackingWorkbook } from "../../src/app/readTrackingWorkbook";
import { XlsxFileSource } from "../../src/adapters/xlsx/fileSource";
import { main } from "../../src/cli/main";
import { analyse } from "../../src/core/validate/analyse";
import { dayFromParts } from "../../src/core/dates/calendarDay";
import { buildReport } from "../../src/core/report/buildReport";
import { OfficeReportWriter } from "../../src/taskpane/excel/officeSink";
import { documentSettings } from "../../src/taskpane/excel/settings";
import { installOffice } from "../helpers/officeGlobals";
import { packageParts, tempDir } from "../helpers/xlsx";
import { createWorkbook } from "../host/memoryExcel";

/*
 * Every sheet written prints: A4, one page wide, page numbers in the footer, header rows repeated on the table
 * sheets; the review prints figures, paragraph and charts at the page width (the formula texts outside the printed
 * block), its month table and charts each starting a page. Read back from the command line's file and from the
 * pane's writes alike.
 */

const SAMPLE = join(__dirname, "..", "..", "samples", "Beispiel-Tracking.xlsx");
const TODAY = dayFromParts(2026, 11, 25);
const quiet = { write: () => true, isTTY: false };
const NAMES = ["Fälle", "Geprüfte Einträge", "Prüfbericht", "Jahresrückblick 2019", "Mehrjahresübersicht"];

interface PageFacts {
  paper: string;
  orientation: string;
  fitWide: number;
  fitTall: number;
  footer: string;
  titles?: string;
  area?: string;
  breaks: number[];
}

async function fromFile(): Promise<Record<string, PageFacts>> {
  const out = join(tempDir(), "Bericht.xlsx");
  expect(await main([SAMPLE, "--year", "2019", "--out", out], { stdout: quiet, stderr: quiet, today: TODAY })).toBe(0);
  const parts = await packageParts(out);
  const parse = (xml: string) => new DOMParser().parseFromString(xml, "text/xml");
  const workbook = parse(parts.get("xl/workbook.xml")!);
  const defined = Array.from(workbook.getElementsByTagName("definedName"));
  const facts: Record<string, PageFacts> = {};
  Array.from(workbook.getElementsByTagName("sheet")).forEach((sheet, i) => {
    const ws = parse(parts.get(`xl/worksheets/sheet${i + 1}.xml`)!);
    const setup = ws.getElementsByTagName("pageSetup")[0];
    const fitToPage = ws.getElementsByTagName("pageSetUpPr")[0]?.getAttribute("fitToPage");
    const local = (name: string) => defined.find((d) => d.getAttribute("name") === name && d.getAttribute("localSheetId") === String(i))?.textContent?.replace(/^.*!/, "");
    facts[sheet.getAttribute("name")!] = {
      paper: setup.getAttribute("paperSize") === "9" ? "A4" : String(setup.getAttribute("paperSize")),
      orientation: setup.getAttribute("orientation")!,
      fitWide: fitToPage === "1" ? Number(setup.getAttribute("fitToWidth")) : 0,
      fitTall: Number(setup.getAttribute("fitToHeight")),
      footer: ws.getElementsByTagName("oddFooter")[0]?.textContent ?? "",
      titles: local("_xlnm.Print_Titles"),
      area: local("_xlnm.Print_Area"),
      breaks: Array.from(ws.getElementsByTagName("brk")).map((b) => Number(b.getAttribute("id")) + 1),
    };
  });
  return facts;
}

async function fromPane(): Promise<Record<string, PageFacts>> {
  const source = new XlsxFileSource(SAMPLE);
  const report = buildReport(analyse(await readTrackingWorkbook(source), TODAY), { year: 2019 });
  const host = createWorkbook({ Beratungen: [["Datum"]] });
  installOffice(host);
  await new OfficeReportWriter(documentSettings()).write(report.sheets);
  const facts: Record<string, PageFacts> = {};
  for (const sheet of host.sheets.filter((s) => NAMES.includes(s.name))) {
    const l = sheet.pageLayout!;
    facts[sheet.name] = {
      paper: l.paperSize!,
      orientation: l.orientation!.toLowerCase(),
      fitWide: l.zoom!.horizontalFitToPages!,
      fitTall: l.zoom!.verticalFitToPages!,
      footer: `&C${l.centerFooter}`,
      titles: l.printTitleRows,
      area: l.printArea && l.printArea.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2"),
      breaks: l.breaks.map((b) => Number(b.slice(1))),
    };
  }
  return facts;
}

describe("output that prints", () => {
  let file: Record<string, PageFacts>;
  let pane: Record<string, PageFacts>;
  beforeAll(async () => {
    [file, pane] = [await fromFile(), await fromPane()];
  }, 120_000);

  test("every sheet: A4, one page wide, page numbers in the footer; pane and command line alike", () => {
    expect(Object.keys(file)).toEqual(NAMES);
    for (const name of NAMES) {
      expect([name, file[name]]).toEqual([name, expect.objectContaining({ paper: "A4", fitWide: 1, fitTall: 0, footer: "&CSeite &P von &N" })]);
      expect([name, pane[name]]).toEqual([name, file[name]]);
    }
  });

  test("the table sheets repeat their header row on every page", () => {
    expect(file["Fälle"].titles).toBe("$3:$3");
    expect(file["Geprüfte Einträge"].titles).toMatch(/^\$(\d+):\$\1$/);
    expect(file["Prüfbericht"].titles).toMatch(/^\$(\d+):\$\1$/);
  });

  test("the review prints its figures, paragraph, month table and charts, not the formula texts; charts start a page", () => {
    const review = file["Jahresrückblick 2019"];
    expect(review.orientation).toBe("landscape");
    expect(review.area).toMatch(/^\$A\$1:\$I\$\d+$/);
    expect(review.breaks).toHaveLength(3);
    const [monthTable, charts, breakdowns] = review.breaks;
    // The charts' 19 rows fit between their break and the next one.
    expect(breakdowns - charts).toBe(19);
    expect(charts - monthTable).toBeGreaterThan(14);
  });
});
