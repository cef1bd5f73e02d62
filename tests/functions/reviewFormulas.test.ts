import { join } from "node:path";
import ExcelJS from "exceljs";
import { GeneratorOptions, generateTrackingWorkbook, writeTrackingWorkbook } from "../../scripts/lib/trackingWorkbook";
import { main } from "../../src/cli/main";
import { todayInGermany } from "../../src/core/dates/calendarDay";
import { evaluateFormula } from "../helpers/formulaText";
import { headlineFormulas, tablesOf } from "../helpers/reviewWorkbook";
import { tempDir } from "../helpers/xlsx";

/*
 * Proved, not claimed: every formula text in the written review, evaluated with the project's own custom
 * functions over the table of validated records as written (read back from the output file), gives exactly
 * the figure beside it, before rounding.
 */

const SAMPLE = join(__dirname, "..", "..", "samples", "Beispiel-Tracking.xlsx");
const quiet = { write: () => true, isTTY: false };

async function writtenReview(input: string, year: number): Promise<ExcelJS.Workbook> {
  const out = join(tempDir(), "Bericht.xlsx");
  const code = await main([input, "--year", String(year), "--out", out], { stdout: quiet, stderr: quiet, today: todayInGermany() });
  expect(code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb;
}

function expectEveryFormulaToRecompute(wb: ExcelJS.Workbook, year: number): number {
  const tables = tablesOf(wb);
  const rows = headlineFormulas(wb.getWorksheet(`Jahresrückblick ${year}`)!);
  expect(rows).toHaveLength(12);
  for (const { label, figure, formula } of rows) {
    expect({ label, formula, value: evaluateFormula(formula, tables) }).toEqual({ label, formula, value: figure });
  }
  return rows.length;
}

describe("the review's formulas recompute its figures over the written table", () => {
  test("on the sample workbook (160, 157 and über 750 included)", async () => {
    const wb = await writtenReview(SAMPLE, 2019);
    expectEveryFormulaToRecompute(wb, 2019);
    const figures = new Map(headlineFormulas(wb.getWorksheet("Jahresrückblick 2019")!).map((h) => [h.label, h.figure]));
    expect(Math.round(figures.get("Ø beratene Asylbewerbende und Geduldete pro Monat")!)).toBe(160);
    expect(Math.round(figures.get("Ø in Maßnahmen von Drittanbietern vermittelte Asylbewerbende und Geduldete pro Monat")!)).toBe(157);
  });

  test("the formula texts are German Excel's: German names, ; between arguments, structured references", async () => {
    const wb = await writtenReview(SAMPLE, 2019);
    const formulas = headlineFormulas(wb.getWorksheet("Jahresrückblick 2019")!).map((h) => h.formula);
    expect(formulas).toContain('=IK.MONATSMITTEL(Eintraege[Datum];2019;Eintraege[Klient-ID];Eintraege[Art];"Vermittlung";Eintraege[Aufenthaltsstatus];"Zielgruppe";Eintraege[Kategorie];"Drittmaßnahme")');
    for (const f of formulas) expect(f).not.toMatch(/,|[A-Z]+:[A-Z]+|MONTHLYAVG|COUNTDISTINCT|YEARSUM/);
  });

  const random = (seed: number, years: number[]): GeneratorOptions => ({
    seed,
    years,
    clients: 40 + (seed % 7) * 30,
    counselledPerMonth: 5 + (seed % 5) * 4,
    referredPerMonth: 3 + (seed % 3) * 5,
    eventsPerYear: 3 + (seed % 4),
    quirks: true,
  });

  test.each([101, 202, 303, 404, 505, 606])("on a random workbook from the generator (seed %i)", async (seed) => {
    const input = join(tempDir(), "Tracking.xlsx");
    await writeTrackingWorkbook(input, generateTrackingWorkbook(random(seed, [2018, 2019])));
    expectEveryFormulaToRecompute(await writtenReview(input, seed % 2 === 0 ? 2019 : 2018), seed % 2 === 0 ? 2019 : 2018);
  });

  test("for the running year, where M is the months begun so far", async () => {
    const year = Number(new Intl.DateTimeFormat("en", { timeZone: "Europe/Berlin", year: "numeric" }).format(new Date()));
    const input = join(tempDir(), "Tracking.xlsx");
    await writeTrackingWorkbook(input, generateTrackingWorkbook(random(77, [year - 1, year])));
    expectEveryFormulaToRecompute(await writtenReview(input, year), year);
  });
});
