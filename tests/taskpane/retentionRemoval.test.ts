import { Random } from "../../scripts/lib/random";
import { checkRetention } from "../../src/app/retention";
import { recogniseWorkbook } from "../../src/app/review";
import { dayFromParts } from "../../src/core/dates/calendarDay";
import { buildReport, reportYears } from "../../src/core/report/buildReport";
import { clearPersonalCells } from "../../src/taskpane/excel/clearCells";
import { OfficeWorkbookSource } from "../../src/taskpane/excel/officeSource";
import { MemoryWorkbook, createWorkbook } from "../host/memoryExcel";
import { installOffice } from "../helpers/officeGlobals";

/*
 * "Personenbezug entfernen" on generated workbooks in the in-memory Excel: every figure of every year, every
 * breakdown and the validation stay exactly as before; only the planned cells of due clients change; a refusal
 * mid-way says how many cells were already cleared, truthfully.
 */

const TODAY = dayFromParts(2026, 12, 3);
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

function generated(seed: number): MemoryWorkbook {
  const rng = new Random(seed);
  const id = () => rng.pick([`IK-${rng.int(1, 60)}`, `ik ${rng.int(1, 60)}`]);
  const date = () => (rng.chance(0.9) ? serial(rng.int(2016, 2026), rng.int(1, 11), rng.int(1, 28)) : rng.pick(["31.02.2020", "", "bald", `${rng.int(1, 28)}.${rng.int(1, 12)}.${rng.int(2016, 2025)}`]));
  const status = () => rng.pick(["Geduldet", "Asylbewerber", "Duldung", "Anerkannt", "", "???"]);
  const maybe = (text: string) => (rng.chance(0.6) ? text : "");
  return createWorkbook({
    Beratungen: [
      ["Datum", "Klient-ID", "Aufenthaltsstatus", "Thema", "Nachname", "Bemerkung"],
      ...Array.from({ length: rng.int(80, 200) }, (_, i) => [date(), rng.chance(0.97) ? id() : "", status(), rng.pick(["Arbeit", "Ausbildung", "Arbeit "]), maybe(`Name ${i}`), maybe(`=Notiz ${i}`)]),
    ],
    Vermittlungen: [
      ["Datum", "Klient-ID", "Status", "Art", "Träger", "Telefon"],
      ...Array.from({ length: rng.int(40, 120) }, (_, i) => [date(), id(), status(), rng.pick(["Sprachkurs", "Job", "Lehre", "Sport", "Beratungsstelle"]), "VHS", maybe(`0170 ${i}`)]),
    ],
    Veranstaltungen: [["Datum", "Thema", "Ort", "Teilnehmende"], ...Array.from({ length: 20 }, () => [date(), "Recht", "LRA", rng.int(1, 40)])],
    Klienten: [
      ["Klient-ID", "Aufenthaltsstatus", "Vorname", "Geburtsjahr", "Geschlecht", "Herkunftsland", "Wohnort", "Letzter Kontakt"],
      ...Array.from({ length: 60 }, (_, i) => [
        `IK-${i + 1}`, status(), maybe(`Vorname ${i}`), rng.int(1960, 2008), rng.pick(["w", "m", "d", ""]), rng.pick(["Syrien", "Irak", "Afghanistan", ""]),
        maybe("Musterdorf"), rng.chance(0.2) ? serial(rng.int(2018, 2026), 5, 5) : "",
      ]),
    ],
  });
}

/** Every figure of every year, the breakdowns, the multi-year table and the validation, as the review's JSON has them. */
async function everyFigure(): Promise<string> {
  const analysis = await recogniseWorkbook(new OfficeWorkbookSource(), { today: TODAY });
  return JSON.stringify(reportYears(analysis).map((year) => buildReport(analysis, { year }).summary));
}

const marked = (sheet: string) => (sheet === "Vermittlungen" ? [5] : []);
const snapshot = (wb: MemoryWorkbook) => new Map<string, string>(wb.sheets.flatMap((s) => [...s.cells].map(([k, c]): [string, string] => [`${s.name}!${k}`, JSON.stringify(c)])));

describe("Personenbezug entfernen changes no figure (generated workbooks, in-memory Excel)", () => {
  test.each([1, 2, 3, 4, 5, 6])("seed %d", async (seed) => {
    const wb = generated(seed);
    installOffice(wb);
    const figures = await everyFigure();
    const before = snapshot(wb);
    const { plan, retention } = await checkRetention(new OfficeWorkbookSource(), { today: TODAY, years: 3, marked });
    expect(retention.due.length).toBeGreaterThan(0);
    expect(plan.cells).toBeGreaterThan(0);

    const outcome = await clearPersonalCells(plan);
    expect(outcome.cleared).toBe(plan.cells);
    expect(await everyFigure()).toBe(figures);

    // Exactly the planned cells changed: each of a due client, in a column that clears; nothing else.
    const planned = new Set<string>(plan.sheets.flatMap((s) => s.rows.flatMap((r) => r.columns.map((c) => `${s.sheet}!${r.row - 1},${c}`))));
    const dueKeys = new Set(retention.due.map((c) => c.key));
    for (const s of plan.sheets) for (const r of s.rows) expect(dueKeys.has(r.key)).toBe(true);
    const after = snapshot(wb);
    for (const [k, v] of before) if (!planned.has(k)) expect([k, after.get(k)]).toEqual([k, v]);
    for (const k of planned) expect(after.has(k)).toBe(false);

    // Checked again: nothing left to clear; the same clients are due.
    const again = await checkRetention(new OfficeWorkbookSource(), { today: TODAY, years: 3, marked });
    expect(again.plan.cells).toBe(0);
    expect(again.retention.due.map((c) => c.key)).toEqual(retention.due.map((c) => c.key));
  });
});

describe("a refused Excel call", () => {
  test("mid-way: the message says how many cells were already cleared, and that is what the workbook holds", async () => {
    const wb = generated(7);
    installOffice(wb);
    const { plan } = await checkRetention(new OfficeWorkbookSource(), { today: TODAY, years: 3, marked });
    wb.failOn = "clear#3";
    const error = await clearPersonalCells(plan).then(() => undefined, (e: Error) => e);
    expect(error?.message).toMatch(/^Excel hat das Leeren abgelehnt .*Schon geleert: \d+ Zellen? von \d+ \(„Beratungen“ \d+ von \d+\)\. Ist ein Blatt geschützt\?/);
    const done = Number(/Schon geleert: (\d+)/.exec(error!.message)![1]);
    const again = await checkRetention(new OfficeWorkbookSource(), { today: TODAY, years: 3, marked });
    expect(again.plan.cells).toBe(plan.cells - done);
    expect(done).toBeGreaterThan(0);
    // Once Excel lets it, the rest is cleared.
    expect((await clearPersonalCells(again.plan)).cleared).toBe(again.plan.cells);
  });

  test("a row typed over since the check: nothing is cleared", async () => {
    const wb = generated(8);
    installOffice(wb);
    const { plan } = await checkRetention(new OfficeWorkbookSource(), { today: TODAY, years: 3, marked });
    const before = snapshot(wb);
    const target = plan.sheets[plan.sheets.length - 1];
    const sheet = wb.sheets.find((s) => s.name === target.sheet)!;
    sheet.cells.set(`${target.rows[0].row - 1},${target.idColumn}`, { value: "IK-999" });
    await expect(clearPersonalCells(plan)).rejects.toThrow(`„${target.sheet}“, Zeile ${target.rows[0].row} gehört nicht mehr zur selben Klient-ID. Die Arbeitsmappe hat sich seit der Prüfung geändert; es wurde nichts geleert.`);
    const after = snapshot(wb);
    for (const [k, v] of before) if (!k.startsWith(`${target.sheet}!${target.rows[0].row - 1},${target.idColumn}`)) expect(after.get(k)).toBe(v);
  });
});
