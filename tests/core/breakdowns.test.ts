import fc from "fast-check";
import { buildReport } from "../../src/core/report/buildReport";
import { computeBreakdowns } from "../../src/core/report/breakdowns";
import { SECONDARY_MARK, suppressBreakdown } from "../../src/core/report/suppress";
import { analyseSheets } from "../helpers/sheets";
import { CellInput, codesAt, d } from "../helpers/xlsx";

/* Who the team reached (spec 3.1), suppression primary and secondary (spec 4), several years (spec 3.2). */

const COUNSELLING = ["Datum", "Klient-ID", "Aufenthaltsstatus", "Thema"];
const CLIENTS = ["Klient-ID", "Aufenthaltsstatus", "Geschlecht", "Geburtsjahr", "Herkunftsland"];

/** A workbook of n clients, each counselled once in 2019, with the clients sheet's cells as given. */
async function reached(clients: [string, string, CellInput, CellInput, string][]) {
  const counselling = clients.map(([id, status], i) => [d(2019, (i % 12) + 1, 3), id, status, "Arbeit"]);
  return analyseSheets({ Beratungen: [COUNSELLING, ...counselling], Klienten: [CLIENTS, ...clients] });
}

describe("person breakdowns (spec 3.1)", () => {
  test("messy gender spellings, birth years and countries group as the spec says; each breakdown sums to active cases", async () => {
    const a = await reached([
      ["IK-1", "Geduldet", "w", 1990, "Syrien"],
      ["IK-2", "Geduldet", "Frau", "1985", "syrien "],
      ["IK-3", "Asyl", "M", 2003, "Afghanistan"],
      ["IK-4", "Asyl", "männlich", 1960, "Syrien"],
      ["IK-5", "Anerkannt", "x", 2010, "Eritrea"],
      ["IK-6", "Geduldet", "unbekannt", "neunzehnhundert", ""],
      ["IK-7", "Geduldet", "", 1850, "Irak"],
      ["IK-8", "Geduldet", "female", 2001, "SYRIEN"],
    ]);
    const b = computeBreakdowns(a, 2019);
    expect(b.byGender).toEqual({ weiblich: 3, männlich: 2, divers: 1, "ohne Angabe": 2 });
    // 2019 − birth year: 29, 34, 16, 59, 9, none, invalid (1850), 18.
    expect(b.byAgeGroup).toEqual({ "unter 18": 2, "18 bis 24": 1, "25 bis 34": 2, "35 bis 44": 0, "45 und älter": 1, "ohne Angabe": 2 });
    // Syrien in three spellings is one country, shown as its most frequent spelling (ties: the first in the sheet).
    expect(b.byCountry).toEqual({ Syrien: 4, Afghanistan: 1, Eritrea: 1, Irak: 1, "ohne Angabe": 1 });
    expect(b.byStatus).toEqual({ Asylbewerbend: 2, Geduldet: 5, Anerkannt: 1, Sonstige: 0 });
    const active = buildReport(a, { year: 2019 }).summary.cases.active;
    for (const breakdown of [b.byGender, b.byAgeGroup, b.byCountry, b.byStatus]) expect(Object.values(breakdown).reduce((x, y) => x + y, 0)).toBe(active);
    // The two warnings sit on the clients sheet's cells and say what to enter; the clients still count.
    expect(codesAt(a, "Klienten", 7)).toEqual(["W_GENDER_UNKNOWN", "W_BIRTH_YEAR_INVALID"]);
    expect(codesAt(a, "Klienten", 8)).toEqual(["W_BIRTH_YEAR_INVALID"]);
    expect(a.findings.find((f) => f.code === "W_GENDER_UNKNOWN")).toMatchObject({ column: "C", message: expect.stringMatching(/w \(weiblich\), m \(männlich\) oder d \(divers\)/) });
    expect(a.findings.find((f) => f.code === "W_BIRTH_YEAR_INVALID")).toMatchObject({ column: "D", message: expect.stringMatching(/vierstelliges Jahr ab 1900/) });
  });

  test("the ten largest countries by name, then 'weitere Länder', then 'ohne Angabe'", async () => {
    const countries = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"].flatMap((c, i) => Array.from({ length: 12 - i }, () => `Land ${c}`));
    const a = await reached(countries.map((c, i) => [`IK-${i}`, "Geduldet", "w", 1990, c]));
    const b = computeBreakdowns(a, 2019);
    expect(Object.keys(b.byCountry)).toEqual(["Land A", "Land B", "Land C", "Land D", "Land E", "Land F", "Land G", "Land H", "Land I", "Land J", "weitere Länder", "ohne Angabe"]);
    expect(b.byCountry["weitere Länder"]).toBe(2 + 1);
  });

  test("without a clients sheet every client is 'ohne Angabe'; placements by gender sum to each placement", async () => {
    const a = await analyseSheets({
      Beratungen: [COUNSELLING, [d(2019, 1, 3), "IK-1", "Geduldet", "Arbeit"]],
      Vermittlungen: [["Datum", "Klient-ID", "Status", "Art"], [d(2019, 2, 3), "IK-1", "Geduldet", "Job"], [d(2019, 2, 4), "IK-2", "Geduldet", "Job"]],
    });
    const b = computeBreakdowns(a, 2019);
    expect(b.byGender).toEqual({ weiblich: 0, männlich: 0, divers: 0, "ohne Angabe": 2 });
    expect(b.placementsByGender.Arbeit).toEqual({ weiblich: 0, männlich: 0, divers: 0, "ohne Angabe": 2 });
    expect(b.placementsByGender.Ausbildung).toEqual({ weiblich: 0, männlich: 0, divers: 0, "ohne Angabe": 0 });
  });
});

describe("suppression, primary and secondary (spec 4)", () => {
  test.each([
    ["one small cell: the smallest other cell above 0 is hidden too", [10, 2, 5, 7], ["10", "< 3", "•", "7"]],
    ["ties: the first", [4, 1, 4], ["•", "< 3", "4"]],
    ["two small cells, undetermined (1 + 2): nothing more", [10, 1, 2, 7], ["10", "< 3", "< 3", "7"]],
    ["two small cells both 1: their sum tells them, one more hidden", [10, 1, 1, 7], ["10", "< 3", "< 3", "•"]],
    ["every other cell zero: nothing more can be hidden", [0, 2, 0], ["0", "< 3", "0"]],
    ["no small cell: nothing hidden", [0, 3, 9], ["0", "3", "9"]],
  ])("%s", (_, values, shown) => {
    expect(suppressBreakdown(values, 2).shown.map(String)).toEqual(shown);
  });

  test("notes say what the marks mean, and when the total gives a value away", () => {
    expect(suppressBreakdown([10, 2, 5], 2).note).toBe("„< 3“ = 1 oder 2 Personen; „•“ = nicht gezeigt, damit „< 3“ nicht nachgerechnet werden kann.");
    expect(suppressBreakdown([0, 2, 0], 2).note).toMatch(/die Summe verrät den Wert, mehr lässt sich nicht verbergen/);
    expect(suppressBreakdown([0, 3, 9], 2).note).toBeUndefined();
  });

  /** Every assignment of the hidden cells that agrees with what is shown and the total (bounded search). */
  function consistent(values: readonly number[], shown: readonly (number | string)[], t: number): number[][] {
    const total = values.reduce((a, b) => a + b, 0);
    const hidden = shown.map((s, i) => (typeof s === "number" ? -1 : i)).filter((i) => i >= 0);
    const rest = total - shown.reduce<number>((a, s) => a + (typeof s === "number" ? s : 0), 0);
    const out: number[][] = [];
    const ranges = hidden.map((i) => (shown[i] === SECONDARY_MARK ? [0, rest] : [1, t]));
    const walk = (j: number, sum: number, acc: number[]) => {
      if (j === hidden.length) {
        if (sum === rest) out.push([...acc]);
        return;
      }
      for (let v = ranges[j][0]; v <= ranges[j][1] && sum + v <= rest; v++) walk(j + 1, sum + v, [...acc, v]);
    };
    walk(0, 0, []);
    return out;
  }

  test("property: no hidden cell can be recomputed from the shown cells and the total, and nothing is hidden that need not be", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 7 }), fc.integer({ min: 2, max: 4 }), (values, t) => {
        const { shown } = suppressBreakdown(values, t);
        const hidden = shown.map((s, i) => (typeof s === "number" ? -1 : i)).filter((i) => i >= 0);
        // Primary: exactly the cells from 1 to t.
        values.forEach((v, i) => expect(shown[i] === `< ${t + 1}`).toBe(v >= 1 && v <= t));
        const others = values.filter((v, i) => shown[i] === v && v > 0).length + (shown.includes(SECONDARY_MARK) ? 1 : 0);
        if (hidden.length === 0) return;
        const worlds = consistent(values, shown, t);
        const determined = hidden.filter((_, j) => new Set(worlds.map((w) => w[j])).size === 1);
        if (others === 0) return; // every other cell is 0: the total tells; the note says so
        expect(determined).toEqual([]);
        // Minimal: without the secondary cell, some hidden value would be determined.
        const secondary = shown.indexOf(SECONDARY_MARK);
        if (secondary >= 0) {
          const without = shown.map((s, i) => (i === secondary ? values[i] : s));
          const w2 = consistent(values, without, t);
          const hidden2 = without.map((s, i) => (typeof s === "number" ? -1 : i)).filter((i) => i >= 0);
          expect(hidden2.some((_, j) => new Set(w2.map((w) => w[j])).size === 1)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });

  test("the review shows every breakdown suppressed, with its total and the note; the JSON stays exact", async () => {
    const a = await reached([
      ["IK-1", "Geduldet", "w", 1990, "Syrien"],
      ["IK-2", "Geduldet", "w", 1991, "Syrien"],
      ["IK-3", "Geduldet", "w", 1992, "Syrien"],
      ["IK-4", "Geduldet", "m", 1993, "Irak"],
      ["IK-5", "Geduldet", "w", 1994, "Syrien"],
    ]);
    const report = buildReport(a, { year: 2019 });
    const rows = report.review.sheet.rows.map((r) => (r ?? []).map((c) => c?.value ?? null));
    const at = rows.findIndex((r) => r[0] === "nach Geschlecht");
    expect(rows.slice(at + 2, at + 7)).toEqual([["weiblich", "•"], ["männlich", "< 3"], ["divers", 0], ["ohne Angabe", 0], ["Summe", 5]]);
    expect(rows[at + 7][0]).toMatch(/„•“ = nicht gezeigt/);
    expect(report.summary.breakdowns.byGender).toEqual({ weiblich: 4, männlich: 1, divers: 0, "ohne Angabe": 0 });
  });
});

describe("several years side by side (spec 3.2)", () => {
  test("Mehrjahresübersicht: every year with accepted rows, oldest first, and a chart of the two monthly averages; JSON years", async () => {
    const a = await analyseSheets({
      Beratungen: [COUNSELLING, [d(2017, 1, 3), "IK-1", "Geduldet", "Arbeit"], [d(2019, 1, 3), "IK-1", "Geduldet", "Arbeit"], [d(2018, 5, 3), "IK-2", "Anerkannt", "Arbeit"]],
    });
    const report = buildReport(a, { year: 2019 });
    const sheet = report.sheets[4];
    expect(sheet.name).toBe("Mehrjahresübersicht");
    const rows = sheet.rows.map((r) => (r ?? []).map((c) => c?.value ?? null));
    expect(rows.find((r) => r[0] === "Kennzahl")).toEqual(["Kennzahl", "2017", "2018", "2019"]);
    expect(rows.find((r) => r[0] === "Beratungskontakte")).toEqual(["Beratungskontakte", 1, 1, 1]);
    expect(rows.find((r) => r[0] === "Ø beratene Asylbewerbende und Geduldete pro Monat")).toEqual(["Ø beratene Asylbewerbende und Geduldete pro Monat", 1 / 12, 0, 1 / 12]);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts![0].categories).toEqual(["2017", "2018", "2019"]);
    expect(Object.keys(report.summary.years)).toEqual(["2017", "2018", "2019"]);
    expect(report.summary.years["2018"]).toMatchObject({ months: 12, counseling: { contacts: 1, persons: 1, monthlyAvgPersons: 0 }, cases: { active: 1 } });
  });
});
