import { buildReport } from "../../src/core/report/buildReport";
import { listGerman } from "../../src/core/report/paragraph";
import { analyseSheets } from "../helpers/sheets";
import { SheetRows, TODAY, d } from "../helpers/xlsx";

/* The paragraph on generated edge workbooks: singular and plural, zero, a sheet missing, lists. */

const COUNSELLING = ["Datum", "Klient-ID", "Aufenthaltsstatus", "Thema"];
const REFERRALS = ["Datum", "Klient-ID", "Status", "Art"];
const EVENTS = ["Datum", "Thema", "Teilnehmende"];

async function paragraphOf(sheets: Record<string, SheetRows>): Promise<string> {
  const analysis = await analyseSheets(sheets);
  return buildReport(analysis, { year: 2019 }).review.paragraph;
}

describe("the paragraph in unusual cases", () => {
  test("one counselling row: singular throughout", async () => {
    const text = await paragraphOf({ Beratungen: [COUNSELLING, [d(2019, 3, 4), "IK-1", "Geduldet", "Arbeit"]] });
    expect(text).toContain("insgesamt fand ein Beratungsgespräch mit einer Person statt.");
    expect(text).toContain("Im Schnitt hat sich monatlich weniger als eine asylbewerbende oder geduldete Person");
    expect(text).not.toMatch(/fanden ein |monatlich 0 /);
  });

  test("twelve months with one person each: 'eine … Person', not '1 Asylbewerbende'", async () => {
    const rows = Array.from({ length: 12 }, (_, m) => [d(2019, m + 1, 4), "IK-1", "Geduldet", "Arbeit"]);
    const refs = Array.from({ length: 12 }, (_, m) => [d(2019, m + 1, 6), "IK-1", "Geduldet", "Sprachkurs"]);
    const text = await paragraphOf({ Beratungen: [COUNSELLING, ...rows], Vermittlungen: [REFERRALS, ...refs] });
    expect(text).toContain("Im Schnitt hat sich monatlich eine asylbewerbende oder geduldete Person");
    expect(text).toContain("Durchschnittlich eine asylbewerbende oder geduldete Person wurde pro Monat");
    expect(text).toContain("fanden 12 Beratungsgespräche mit einer Person statt");
  });

  test("a monthly average of 0: no 'monatlich 0', the total still stated", async () => {
    const text = await paragraphOf({ Beratungen: [COUNSELLING, [d(2019, 3, 4), "IK-1", "Anerkannt", "Arbeit"], [d(2019, 4, 4), "IK-2", "Anerkannt", "Arbeit"]] });
    expect(text).toContain("Asylbewerbende und Geduldete waren nicht unter den Beratenen; insgesamt fanden 2 Beratungsgespräche mit 2 Personen statt.");
    expect(text).not.toMatch(/monatlich 0|Durchschnittlich 0/);
  });

  test("a workbook without an events sheet says nothing about events; one without referrals nothing about referrals", async () => {
    const text = await paragraphOf({ Beratungen: [COUNSELLING, [d(2019, 3, 4), "IK-1", "Geduldet", "Arbeit"]] });
    expect(text).toMatch(/^Im Jahr 2019 wurden|^Im Schnitt/);
    expect(text).not.toMatch(/Informationsveranstaltung|Vermittlung|vermittelt/);
    const onlyEvents = await paragraphOf({ Veranstaltungen: [EVENTS, [d(2019, 3, 1), "Arbeitsrecht", 30]] });
    expect(onlyEvents).toBe("Im Jahr 2019 hat die Integrationskoordination eine Informationsveranstaltung angeboten zum Thema „Arbeitsrecht“; 30 Teilnehmende haben sie besucht.");
  });

  test("an events sheet without rows of the year: said plainly, because the sheet is there", async () => {
    const text = await paragraphOf({ Veranstaltungen: [EVENTS, [d(2018, 3, 1), "Arbeitsrecht", 30]], Beratungen: [COUNSELLING, [d(2019, 3, 4), "IK-1", "Geduldet", "Arbeit"]] });
    expect(text).toMatch(/^Im Jahr 2019 fanden keine Informationsveranstaltungen der Integrationskoordination statt\. In diesem Zeitraum|^Im Jahr 2019 fanden keine Informationsveranstaltungen der Integrationskoordination statt\. Im Schnitt/);
  });

  test("lists: commas and one 'und'; a topic holding 'und' stays one item", async () => {
    expect(listGerman(["a"])).toBe("a");
    expect(listGerman(["a", "b"])).toBe("a und b");
    expect(listGerman(["a", "b", "c"])).toBe("a, b und c");
    const events = [[d(2019, 3, 1), "Arbeitsrecht", 40], [d(2019, 4, 1), "Ausbildung in Deutschland", 30], [d(2019, 5, 1), "Steuern und Sozialversicherung", 20]];
    const text = await paragraphOf({ Veranstaltungen: [EVENTS, ...events] });
    expect(text).toContain("zum Beispiel zu „Arbeitsrecht“, „Ausbildung in Deutschland“ und „Steuern und Sozialversicherung“;");
  });

  test("placements: only the kinds that happened, the verb agreeing with the first", async () => {
    const refs = [[d(2019, 3, 1), "IK-1", "Geduldet", "Job"], [d(2019, 3, 2), "IK-2", "Geduldet", "Sprachkurs"], [d(2019, 3, 3), "IK-3", "Geduldet", "Sprachkurs"]];
    const text = await paragraphOf({ Vermittlungen: [REFERRALS, ...refs] });
    expect(text).toContain("In Arbeit vermittelt wurde eine Person und in Deutschkurse 2 Personen.");
    expect(text).not.toContain("Ausbildung 0");
  });

  test("the running year names its months", async () => {
    const text = buildReport(await analyseSheets({ Beratungen: [COUNSELLING, [d(2026, 3, 4), "IK-1", "Geduldet", "Arbeit"]] }), { year: 2026 }).review.paragraph;
    // TODAY is 25 November 2026: eleven months are counted.
    expect(TODAY).toBeGreaterThan(0);
    expect(text).toMatch(/^Im Schnitt hat sich monatlich weniger als eine/);
    const withEvents = buildReport(await analyseSheets({ Veranstaltungen: [EVENTS, [d(2026, 3, 1), "Arbeitsrecht", 12]] }), { year: 2026 }).review.paragraph;
    expect(withEvents).toMatch(/^Von Januar bis November 2026 hat die Integrationskoordination eine Informationsveranstaltung angeboten/);
  });
});

describe("counts and lists in messages", () => {
  test("'1 Zeile', '2 Zeilen'; years joined with one 'und'", async () => {
    const { countOf, readingProgress, yearsList } = await import("../../src/core/report/wording");
    expect(countOf(1, "Zeile", "Zeilen")).toBe("1 Zeile");
    expect(countOf(1250, "Zeile", "Zeilen")).toBe("1.250 Zeilen");
    expect(readingProgress("Beratungen", 1)).toBe("Lese „Beratungen“: 1 Zeile …");
    expect(yearsList([2018, 2019])).toBe("2018 und 2019");
    expect(yearsList([2017, 2018, 2019])).toBe("2017, 2018 und 2019");
  });
});
