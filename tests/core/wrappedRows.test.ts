import { columnWidthFor, wrappedRowHeight } from "../../src/core/report/cellLooks";
import { buildReport } from "../../src/core/report/buildReport";
import { multiYearSheet } from "../../src/core/report/multiYear";
import { allYears } from "../../src/core/report/years";
import { analyseSheets } from "../helpers/sheets";
import { d } from "../helpers/xlsx";

describe("wrapped labels and headers get the height of their lines", () => {
  test("words are kept whole: one line needs no height, each further line 15 points", () => {
    expect(wrappedRowHeight("Beratene Personen", 46)).toBeUndefined();
    expect(wrappedRowHeight("Ø beratene Asylbewerbende und Geduldete pro Monat", 46)).toBe(30);
    expect(wrappedRowHeight("Ø beratene Personen pro Monat", 14)).toBe(45);
    expect(wrappedRowHeight("Donaudampfschifffahrtsgesellschaft", 10)).toBeUndefined();
  });

  test("the multi-year overview: its long labels and the chart table's header do not run into the next row", async () => {
    const analysis = await analyseSheets({ Beratungen: [["Datum", "Klient-ID", "Status"], [d(2019, 1, 5), "IK-1", "Geduldet"]] });
    const sheet = multiYearSheet(allYears(analysis));
    const heightOf = (text: string): number | undefined => {
      const row = sheet.rows.findIndex((r) => r?.some((c) => c?.value === text));
      return sheet.rowHeights?.[row + 1];
    };
    expect(heightOf("Ø in Maßnahmen von Drittanbietern vermittelte Asylbewerbende und Geduldete pro Monat")).toBe(30);
    expect(heightOf("Ø beratene Personen pro Monat")).toBe(45);
    expect(heightOf("Beratene Personen")).toBeUndefined();
  });

  test("the review's month table: each header's longest word stays whole", async () => {
    const analysis = await analyseSheets({ Beratungen: [["Datum", "Klient-ID", "Status"], [d(2019, 1, 5), "IK-1", "Geduldet"]] });
    const sheet = buildReport(analysis, { year: 2019 }).review.sheet;
    const headerIndex = sheet.rows.findIndex((r) => r?.[0]?.value === "Monat");
    const header = sheet.rows[headerIndex]!;
    header.slice(1).forEach((c, i) => {
      const longest = Math.max(...String(c!.value).split(" ").map((w) => w.length));
      expect(sheet.columnWidths[i + 1]).toBeGreaterThanOrEqual(longest + 2);
    });
    expect(columnWidthFor("Beratungskontakte 2019", 14)).toBe(19);
    expect(sheet.rowHeights?.[headerIndex + 1]).toBeGreaterThanOrEqual(30);
  });
});
