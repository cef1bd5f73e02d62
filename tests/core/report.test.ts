import { aboutText, formatGermanInteger, roundAverage } from "../../src/core/report/about";
import { suppressSmall } from "../../src/core/report/suppress";
import { reviewParagraph } from "../../src/core/report/paragraph";
import { buildReport, defaultReportYear } from "../../src/core/report/buildReport";
import { caseRecords } from "../../src/core/report/caseRecords";
import { Figures } from "../../src/core/figures/figures";
import { OutSheet, allRows } from "../../src/core/report/sheetModel";
import { analyseSheets } from "../helpers/sheets";
import { d } from "../helpers/xlsx";

describe("the wording rule (spec 4)", () => {
  test.each([
    [763, "über 750"], [750, "750"], [751, "über 750"], [799, "über 750"], [800, "800"], [100, "100"], [101, "über 100"],
    [149, "über 100"], [99, "99"], [0, "0"], [1263, "über 1.250"], [12345, "über 12.300"],
  ])("%d → %s", (n, text) => {
    expect(aboutText(n)).toBe(text);
  });
  test("averages round to whole persons, half up", () => {
    expect(roundAverage(160.41)).toBe(160);
    expect(roundAverage(156.5)).toBe(157);
    expect(roundAverage(157.49)).toBe(157);
  });
  test("German thousands", () => {
    expect(formatGermanInteger(1234567)).toBe("1.234.567");
  });
});

describe("small-cell suppression (spec 4)", () => {
  test.each([[0, 2, 0], [1, 2, "< 3"], [2, 2, "< 3"], [3, 2, 3], [2, 0, 2], [4, 4, "< 5"], [5, 4, 5]])("%d at threshold %d", (value, threshold, shown) => {
    expect(suppressSmall(value, threshold)).toBe(shown);
  });
});

const figures = (over: Partial<Figures> = {}): Figures => ({
  year: 2019,
  months: 12,
  infoEvents: { events: 38, attendees: 763, byTopic: { Arbeitsrecht: 300, Verbraucherschutz: 200, Gesundheit: 150, Mietrecht: 113 } },
  counseling: { contacts: 3067, persons: 730, monthlyPersons: new Array(12).fill(160), monthlyAvgPersons: 160.4 },
  referrals: { count: 1932, byCategory: { Arbeit: 20, Ausbildung: 14, Deutschkurs: 462, Freizeitangebot: 485, Beratungsangebot: 490, "Sonstige Maßnahme": 461 }, monthlyPersons: new Array(12).fill(157), monthlyAvgPersons: 156.5 },
  placements: { Arbeit: 20, Ausbildung: 14, Deutschkurs: 353 },
  cases: { active: 785 },
  ...over,
});

describe("the German paragraph", () => {
  test("carries the seed's figures in its tone", () => {
    const text = reviewParagraph(figures());
    expect(text).toContain("Im Jahr 2019");
    expect(text).toContain("über 750 Teilnehmende");
    expect(text).toContain("zum Beispiel zu „Arbeitsrecht“, „Verbraucherschutz“ und „Gesundheit“");
    expect(text).toContain("monatlich 160 Asylbewerbende und Geduldete");
    expect(text).toContain("Durchschnittlich 157 Asylbewerbende und Geduldete wurden pro Monat in Maßnahmen von Drittanbietern vermittelt");
    expect(text).toContain("über 3.050 Beratungsgespräche mit über 700 Personen");
    expect(text).toContain("in Deutschkurse über 350 Personen");
  });
  test("the current year names its months; nothing recorded is said plainly", () => {
    const text = reviewParagraph(figures({ months: 11, infoEvents: { events: 0, attendees: 0, byTopic: {} } }));
    expect(text).toMatch(/^Von Januar bis November 2019 fanden keine Informationsveranstaltungen/);
  });
});

async function twoYears() {
  return analyseSheets({
    Beratungen: [
      ["Datum", "Klient-ID", "Aufenthaltsstatus", "Thema", "Name", "Notiz"],
      [d(2018, 6, 1), "IK-2", "Asyl", "Arbeit", "Omid Harlacher", "vertrauliche Notiz eins"],
      [d(2019, 1, 5), "IK-1", "Asyl", "Arbeit", "Amal Quastorf", null],
      [d(2019, 2, 5), "IK-1", "Geduldet", "Arbeit", null, null],
      [d(2019, 3, 5), "Fiebigsen", "Geduldet", "Arbeit", null, null],
      [d(2020, 1, 5), "IK-2", "Anerkannt", "Arbeit", null, null],
    ],
    Vermittlungen: [
      ["Datum", "Klient-ID", "Status", "Art"],
      [d(2019, 4, 1), "IK-1", "Geduldet", "Job"],
      [d(2019, 4, 2), "IK-2", "Geduldet", "Sprachkurs"],
    ],
    Veranstaltungen: [["Datum", "Thema", "Teilnehmende"], [d(2019, 4, 1), "=Gesundheit", 2], [d(2018, 4, 1), "Mietrecht", 40]],
    Klienten: [["Klient-ID", "Status", "Geburtsjahr", "Herkunftsland", "Name"], ["IK-1", "Geduldet", 1990, "Syrien", "Amal Quastorf"]],
  });
}

const texts = (sheet: OutSheet): string[] => [...allRows(sheet)].flatMap((r) => (r ?? []).map((c) => (c ? String(c.value ?? "") : "")));

describe("report models (spec 4)", () => {
  test("case records: one per client active in Y, current status of the latest row, placements", async () => {
    const records = caseRecords(await twoYears(), 2019);
    expect(records.map((r) => r.clientId)).toEqual(["FIEBIGSEN", "IK-1", "IK-2"]);
    const ik1 = records[1];
    expect(ik1).toMatchObject({ status: "Geduldet", counsellingContacts: 2, referrals: 1, placed: { Arbeit: true, Ausbildung: false, Deutschkurs: false } });
    const ik2 = records[2];
    expect(ik2.status).toBe("Anerkannt"); // latest row is in 2020
    expect(ik2.counsellingContacts).toBe(0);
  });

  test("the three sheets: name-like IDs masked, names and notes nowhere, previous year beside", async () => {
    const analysis = await twoYears();
    const report = buildReport(analysis, { year: 2019 });
    expect(report.sheets.map((s) => s.name)).toEqual(["Fälle", "Geprüfte Einträge", "Prüfbericht", "Jahresrückblick 2019", "Mehrjahresübersicht"]);
    const all = report.sheets.flatMap(texts).join("\n") + JSON.stringify(report.summary);
    expect(all).not.toMatch(/Quastorf|Harlacher|Fiebigsen|FIEBIGSEN|vertrauliche/i);
    expect(texts(report.sheets[0])).toContain("Kennung ohne Ziffer 1");
    expect(report.sheets[0].table).toMatchObject({ name: "Faelle_2019", headerRow: 3, rowCount: 3 });
    expect(texts(report.sheets[0])).toEqual(expect.arrayContaining(["Geburtsjahr", "Herkunftsland", "Syrien"]));
    const review = report.sheets[3];
    expect(texts(review)).toEqual(expect.arrayContaining(["2019", "2018", "Beratene Personen 2018"]));
    expect(review.charts).toHaveLength(2);
    expect(review.charts![0].series.map((s) => s.name)).toEqual(["Beratene Personen 2019", "Beratene Personen 2018"]);
    expect(report.review.previous?.infoEvents.attendees).toBe(40);
  });

  test("breakdown cells 1-2 show as '< 3'; headline totals never", async () => {
    const report = buildReport(await twoYears(), { year: 2019 });
    const rows = report.sheets[3].rows.filter((r): r is NonNullable<typeof r> => r !== undefined);
    const topicRow = rows.find((r) => r[0]?.value === "=Gesundheit")!;
    expect(topicRow[1]?.value).toBe("< 3");
    const headline = rows.find((r) => r[0]?.value === "Teilnehmende an Informationsveranstaltungen")!;
    expect(headline[1]?.value).toBe(2);
    const off = buildReport(await twoYears(), { year: 2019, suppressionThreshold: 0 });
    const offRow = off.sheets[3].rows.find((r) => r?.[0]?.value === "=Gesundheit")!;
    expect(offRow[1]?.value).toBe(2);
  });

  test("summary JSON: the figures under their names, year, months and validation", async () => {
    const report = buildReport(await twoYears(), { year: 2019 });
    expect(Object.keys(report.summary)).toEqual(["year", "months", "infoEvents", "counseling", "referrals", "placements", "cases", "breakdowns", "years", "validation"]);
    expect(report.summary.validation).toMatchObject({ rows: 10, accepted: 10, rejected: 0, duplicates: 0 });
    expect(report.summary.validation.findings.map((f) => f.code)).toEqual(["W_PERSONAL_DATA_COLUMN", "W_ID_LOOKS_LIKE_NAME", "W_PERSONAL_DATA_COLUMN"]);
  });

  test("a year with no data and a future year are refused in German; the default is the last complete year", async () => {
    const analysis = await twoYears();
    expect(() => buildReport(analysis, { year: 2015 })).toThrow(/keine Einträge.*2018, 2019 und 2020\./);
    expect(() => buildReport(analysis, { year: 2030 })).toThrow(/Zukunft/);
    expect(defaultReportYear(analysis)).toBe(2020);
  });

  test("an implausible date (a typo like 1999, a future day) is no year with data", async () => {
    const analysis = await analyseSheets({
      Beratungen: [["Datum", "Klient-ID", "Status"], [d(1999, 3, 1), "IK-1", "Geduldet"], [d(2019, 3, 1), "IK-2", "Geduldet"], [d(2027, 1, 5), "IK-3", "Geduldet"]],
    });
    expect([...analysis.dataYears]).toEqual([2019]);
    expect(() => buildReport(analysis, { year: 2018 })).toThrow(/enthält Einträge aus 2019\.$/);
  });
});
