import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { XlsxFileSource } from "../../src/adapters/xlsx/fileSource";
import { readTrackingWorkbook } from "../../src/app/readTrackingWorkbook";
import { MARK_TAG, markRules, workbookMarks } from "../../src/core/marks/markRules";
import { analyse } from "../../src/core/validate/analyse";
import { Random } from "../../scripts/lib/random";
import { tempDir } from "../helpers/xlsx";
import { cellsOf } from "../helpers/package";
import { todayInGermany } from "../../src/core/dates/calendarDay";

/*
 * The marks' formulas against the validator, in a real spreadsheet engine: a generated workbook of good and bad
 * rows, each rule's formula written beside every row (as Excel moves a conditional format's formula down), the
 * workbook recalculated by LibreOffice (headless), and each formula's verdict compared with the validator's
 * findings of that row on the same file.
 */

const SOFFICE = "/usr/bin/soffice";
const S = (y: number, m: number, d: number): number => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
const pick = <T>(rng: Random, items: readonly T[]): T => rng.pick(items);

const DATES: readonly (string | number | null)[] = [
  S(2019, 3, 4), S(2019, 12, 31), S(2000, 1, 1), S(1999, 12, 31), S(2031, 1, 1), 0.5,
  "4.3.2019", "04.03.2019", "4.3.19", "31.02.2019", "29.02.2020", "29.02.2019", "1.1.1999", "32.1.2019", "4.13.2019",
  "2019-03-04", "2019-3-4", "2019-02-30", "2019-03-04T10:00:00Z", "4.3.2019 14:30", "4.3.2019 9:30", "04.03.2019 14:30 Uhr",
  "3. Februar 2019", "3. Feb. 2019", "3. feb 2019", "3. März 2019", "3. Maerz 2019", "3.Sept. 2019", "3. Foo 2019", "3. Feb.2019",
  "gestern", "4.3.2019.", " 4.3.2019 ", null, "", "  ",
];
const STATUSES = ["Geduldet", "geduldet ", "Duldung", "Asylbewerber*in", "AsylbewerberInnen", "Asylbewerber:innen", "Flüchtling", "Fluechtling", "Subsidiärschutz", "Aufenthalts-Gestattung", "Sonstige", "unklar", "Duldung?", "Asyl-bewerbend", "", null, 7];
const CATEGORIES = ["Arbeit", "Sprachkurs", "Integrationskurs", "Sport", "Sportverein", "Sonstige Maßnahme", "Praktikum", "Kochkurs", "Job!", "Fach-Beratung", "", null, 3];
const ATTENDEES = [0, 12, 10000, 10001, -1, 2.5, "7", " 17 ", "007", "ca. 20", "1e3", "", null, "-3", "12.0"];
const GENDERS = ["w", "m", "d", "x", "Frau", "männlich", "Mann", "weiblich ", "female", "divers", "-", "?", "unbekannt", "", null, 1];
const BIRTH_YEARS = [1985, 2001, "1970", " 1990 ", 1899, 1900, 2031, "85", "19 85", 1985.5, "ca. 1980", "", null];
const IDS = ["IK-1", "IK-2", "IK 3", " ik-4 ", "IK-5", "Quastorf", "-", "", null, "IK-99"];

interface Generated {
  readonly sheets: Record<string, (string | number | null)[][]>;
}

/** Rows of every kind, good and bad; every tenth row of a sheet repeats an earlier good one exactly (a duplicate). */
function generate(seed: number, rows: number): Generated {
  const rng = new Random(seed);
  const clients: (string | number | null)[][] = [["Klient-ID", "Aufenthaltsstatus", "Geschlecht", "Geburtsjahr"]];
  const gender = (): string | number | null => pick(rng, GENDERS);
  const born = (): string | number | null => pick(rng, BIRTH_YEARS);
  for (const [i, id] of ["IK-1", "IK-2", "IK 3", "IK-4", "IK-6"].entries()) clients.push([id, i === 3 ? "" : i === 4 ? "unklar" : pick(rng, STATUSES.slice(0, 11)), gender(), born()]);
  // More clients of their own (no ID twice), with every kind of gender and birth year, some of them rejected.
  for (let i = 0; i < 60; i++) clients.push([rng.chance(0.9) ? `K-${i}` : pick(rng, ["Quastorf", "", null, `Name${"abcdefghij"[i % 10]}`]), pick(rng, STATUSES), gender(), born()]);
  const counselling: (string | number | null)[][] = [["Datum", "Klient-ID", "Aufenthaltsstatus", "Thema"]];
  const referrals: (string | number | null)[][] = [["Datum", "Klient-ID", "Art", "Status"]];
  const events: (string | number | null)[][] = [["Datum", "Thema", "Ort", "Teilnehmende"]];
  // Random rows never repeat one another (a person of their own, or a day of their own with the IDs of the pool):
  // the duplicates are the deliberate ones below, compared as the formulas compare them (as written).
  const id = (i: number): { id: string | null; own: boolean } => (rng.chance(0.3) ? { id: pick(rng, IDS), own: false } : { id: `IK-U${i}`, own: true });
  for (let i = 0; i < rows; i++) {
    counselling.push([pick(rng, DATES), pick(rng, IDS), pick(rng, STATUSES), `Thema ${i}`]);
    const r = id(i);
    referrals.push([r.own ? pick(rng, DATES) : S(2018, 1, 1) + i, r.id, pick(rng, CATEGORIES), pick(rng, STATUSES)]);
    events.push([pick(rng, DATES), rng.chance(0.85) ? `Vortrag ${i}` : pick(rng, ["", null, " "]), pick(rng, ["VHS", "Landratsamt", null]), pick(rng, ATTENDEES)]);
  }
  // Exact repeats of clean rows (the rules' duplicates), and rows that are blank but for one cell.
  counselling.push([S(2019, 5, 6), "IK-1", "Geduldet", "Bewerbung"], [S(2019, 5, 6), "IK-1", "Geduldet", "Bewerbung"], [null, null, null, "nur ein Thema"]);
  referrals.push([S(2019, 5, 6), "IK-2", "Arbeit", "Asyl"], [S(2019, 5, 6), "IK-2", "Arbeit", "Asyl"], ["4.3.2019", "IK-9", null, null]);
  events.push([S(2019, 5, 6), "Mietrecht", "VHS", 12], [S(2019, 5, 6), "Mietrecht", "VHS", 12], [null, null, null, 5]);
  return { sheets: { Klienten: clients, Beratungen: counselling, Vermittlungen: referrals, Veranstaltungen: events } };
}

/** Writes the rows and, right of them, each rule's formula in every row; LibreOffice recalculates the copy. */
async function recalculated(generated: Generated, rulesOf: (sheet: string, row: number) => { formula: string }[], dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(generated.sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, i) => {
      const r = ws.getRow(i + 1);
      row.forEach((v, j) => {
        if (v !== null) r.getCell(j + 1).value = v;
      });
      if (i === 0) rulesOf(name, 2).forEach((_, k) => (r.getCell(11 + k).value = `Regel ${k + 1}`));
      else rulesOf(name, i + 1).forEach((rule, k) => (r.getCell(11 + k).value = { formula: rule.formula.slice(1) } as ExcelJS.CellFormulaValue));
    });
  }
  const input = join(dir, "marks.xlsx");
  await wb.xlsx.writeFile(input);
  const out = join(dir, "out");
  execFileSync(SOFFICE, ["--headless", "--norestore", "--nolockcheck", `-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, input], { stdio: "pipe", timeout: 120_000 });
  return join(out, "marks.xlsx");
}


// Outside CI a machine without LibreOffice skips the engine; CI (and `npm run test:all`, which installs it) never does.
const describeEngine = existsSync(SOFFICE) || process.env.CI ? describe : describe.skip;

describeEngine("the marks' formulas, recalculated by LibreOffice, agree with the validator", () => {
  test.each([1, 2, 3])("on every generated row (seed %i)", async (seed) => {
    const generated = generate(seed, 160);
    const dir = tempDir();
    // The sheets as recognised, from the generated file itself (without the formula columns).
    const plain = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(generated.sheets)) plain.addWorksheet(name).addRows(rows.map((r) => r.map((v) => v ?? undefined)));
    const plainPath = join(dir, "plain.xlsx");
    await plain.xlsx.writeFile(plainPath);
    const today = todayInGermany();
    const analysis = analyse(await readTrackingWorkbook(new XlsxFileSource(plainPath)), today);
    const info = (name: string) => analysis.sheets.find((s) => s.name === name)!;
    const clients = info("Klienten");
    const rulesOf = (name: string, row: number) => markRules(info(name), clients, row);
    const values = await cellsOf(await recalculated(generated, rulesOf, dir));

    const disagreements: string[] = [];
    let marked = 0;
    let checked = 0;
    for (const name of Object.keys(generated.sheets)) {
      const rows = generated.sheets[name].length;
      for (let row = 2; row <= rows; row++) {
        const rules = rulesOf(name, row);
        const cells = values.get(name)!.get(row) ?? [];
        rules.forEach((rule, k) => {
          const verdict = cells[10 + k];
          if (typeof verdict !== "number") {
            disagreements.push(`${name}!${row} ${rule.codes[0]}: no number (${JSON.stringify(verdict)})`);
            return;
          }
          const expected = analysis.findings.some((f) => f.sheet === name && f.row === row && rule.codes.includes(f.code));
          checked++;
          if (verdict !== 0) marked++;
          if ((verdict !== 0) !== expected) disagreements.push(`${name}!${row} ${rule.codes.join("/")}: mark ${verdict}, validator ${expected} (${JSON.stringify(generated.sheets[name][row - 1])})`);
        });
      }
    }
    expect(disagreements).toEqual([]);
    expect(checked).toBeGreaterThan(2000);
    expect(marked).toBeGreaterThan(300);
  }, 180_000);

  test("each formula carries its German description, stays within Excel's formula length, and uses no function newer than Excel 2021", async () => {
    const generated = generate(3, 5);
    const dir = tempDir();
    const plain = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(generated.sheets)) plain.addWorksheet(name).addRows(rows.map((r) => r.map((v) => v ?? undefined)));
    await plain.xlsx.writeFile(join(dir, "p.xlsx"));
    const marks = workbookMarks(analyse(await readTrackingWorkbook(new XlsxFileSource(join(dir, "p.xlsx"))), todayInGermany()).sheets);
    expect(marks.map((m) => `${m.sheet}:${m.field}`)).toEqual([
      "Klienten:clientId", "Klienten:clientId", "Klienten:status", "Klienten:status", "Klienten:gender", "Klienten:birthYear",
      "Beratungen:date", "Beratungen:clientId", "Beratungen:clientId", "Beratungen:status", "Beratungen:status", "Beratungen:date",
      "Vermittlungen:date", "Vermittlungen:clientId", "Vermittlungen:clientId", "Vermittlungen:status", "Vermittlungen:status", "Vermittlungen:category", "Vermittlungen:date",
      "Veranstaltungen:date", "Veranstaltungen:topic", "Veranstaltungen:attendees", "Veranstaltungen:date",
    ]);
    for (const m of marks) {
      expect(m.formula).toContain(`N("${MARK_TAG} ${m.description}")`);
      expect(m.formula.length).toBeLessThan(8192);
      expect(m.formula).not.toMatch(/\b(LET|LAMBDA|REGEX\w*|TEXTSPLIT|XLOOKUP|FILTER|UNIQUE|IFS|SWITCH|CONCAT|TEXTJOIN)\(/);
    }
  });
});
