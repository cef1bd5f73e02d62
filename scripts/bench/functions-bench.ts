import { performance } from "node:perf_hooks";
import { XlsxFileSource } from "../../src/adapters/xlsx/fileSource";
import { readTrackingWorkbook } from "../../src/app/readTrackingWorkbook";
import { analyse } from "../../src/core/validate/analyse";
import { todayInGermany } from "../../src/core/dates/calendarDay";
import { HEADLINES } from "../../src/core/report/headlines";
import { allRows } from "../../src/core/report/sheetModel";
import { RECORDS_TABLE_NAME, validatedRecordsSheet } from "../../src/core/report/validatedRecords";
import { Random } from "../lib/random";
import { benchWorkbook } from "./benchWorkbook";

/**
 * `npm run bench:functions`: the custom functions on 150,000 rows passed as
 * whole columns (1,048,576 rows, the rest blank), time per call against a
 * bare loop that only puts the raw IDs into 12 month sets. Targets: under
 * 50 ms per call, ratio at most 2.
 */
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: class extends Error {},
  ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", notAvailable: "#N/A" },
};
// Loaded after the stub: the functions module needs CustomFunctions when an error is mapped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fns = require("../../src/functions/functions") as typeof import("../../src/functions/functions");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { prepareFormula } = require("../../tests/helpers/formulaText") as typeof import("../../tests/helpers/formulaText");

const ROWS = 150_000;
const SHEET_ROWS = 1_048_576;
const YEAR = 2019;
const serial = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

function columns(): { dates: unknown[][]; ids: unknown[][]; statuses: unknown[][]; categories: unknown[][]; attendees: unknown[][] } {
  const rng = new Random(42);
  const make = (f: (i: number) => unknown, blank: unknown) => Array.from({ length: SHEET_ROWS }, (_, i) => [i === 0 ? "Kopf" : i <= ROWS ? f(i) : blank]);
  const statuses = ["Geduldet", "Duldung", "Asylbewerber*in", "Gestattung", "Anerkannt", "Sonstige", ""];
  const categories = ["Sprachkurs", "Sport", "Fachberatung", "Praktikum", "Job", "Ausbildung"];
  return {
    dates: make(() => (rng.chance(0.05) ? `${rng.int(1, 28)}.${rng.int(1, 12)}.${rng.int(2018, 2019)}` : serial(rng.int(2018, 2019), rng.int(1, 12), rng.int(1, 28))), ""),
    ids: make(() => `IK-${String(rng.int(1, 6000)).padStart(4, "0")}`, 0),
    statuses: make(() => rng.pick(statuses), ""),
    categories: make(() => rng.pick(categories), ""),
    attendees: make(() => rng.int(0, 40), ""),
  };
}

/** The baseline: raw IDs into 12 month sets, dates placed by month boundaries, nothing else. */
function bareLoop(dates: readonly (readonly unknown[])[], ids: readonly (readonly unknown[])[]): number {
  const bounds = Array.from({ length: 13 }, (_, m) => serial(YEAR, m + 1, 1));
  const sets = Array.from({ length: 12 }, () => new Set<unknown>());
  for (let i = 0; i < dates.length; i++) {
    const v = dates[i][0];
    if (typeof v !== "number" || v < bounds[0] || v >= bounds[12]) continue;
    let m = Math.floor((v - bounds[0]) / 31);
    while (v >= bounds[m + 1]) m++;
    sets[m].add(ids[i][0]);
  }
  return sets.reduce((a, s) => a + s.size, 0) / 12;
}

function timeIt(f: () => unknown, runs = 9): { median: number; first: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    times.push(performance.now() - start);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(runs / 2)], first: times[0] };
}

/** Calls per formula over the table: a call takes a few milliseconds, so more of them steady the median. */
const TABLE_RUNS = 31;

/** The columns of the validated records table of the 150,000-row benchmark workbook, as Excel hands them over. */
async function recordsTable(): Promise<Map<string, unknown[][]>> {
  const path = await benchWorkbook();
  const analysis = analyse(await readTrackingWorkbook(new XlsxFileSource(path)), todayInGermany());
  const sheet = validatedRecordsSheet(analysis);
  const table = sheet.table!;
  const body = [...allRows(sheet)].slice(table.headerRow);
  return new Map(table.columns.map((name, c) => [name, body.map((row) => [row?.[c]?.value ?? ""])]));
}

async function tableFormulas(): Promise<string[]> {
  const table = await recordsTable();
  const tables = new Map([[RECORDS_TABLE_NAME, new Map([...table].map(([k, v]) => [k, v.map((r) => r[0])]))]]);
  const dates = table.get("Datum")!;
  const ids = table.get("Klient-ID")!;
  if (dates.length < 100_000) throw new Error(`the table holds only ${dates.length} rows: the benchmark would measure nothing`);
  const base = timeIt(() => bareLoop(dates, ids), TABLE_RUNS);
  const out = [
    "",
    `Kennzahl-Formeln des Jahresrückblicks über die Tabelle Eintraege (${dates.length.toLocaleString("de-DE")} Zeilen), Median aus ${TABLE_RUNS} Aufrufen:`,
    `${"Basis: rohe IDs in 12 Monatsmengen".padEnd(66)} ${base.median.toFixed(1).padStart(7)} ms`,
  ];
  let worst = 0;
  let slowest = 0;
  for (const headline of HEADLINES) {
    const formula = headline.formula(YEAR);
    const t = timeIt(prepareFormula(formula, tables), TABLE_RUNS);
    const ratio = t.median / base.median;
    worst = Math.max(worst, ratio);
    slowest = Math.max(slowest, t.median);
    out.push(`${formula.slice(0, 64).padEnd(66)} ${t.median.toFixed(1).padStart(7)} ms  Verhältnis ${ratio.toFixed(2)}`);
  }
  out.push(`Ziele: unter 20 ms je Aufruf, Verhältnis ≤ 1,5. Langsamste: ${slowest.toFixed(1)} ms, höchstes Verhältnis: ${worst.toFixed(2)}`);
  return out;
}

const c = columns();
const base = timeIt(() => bareLoop(c.dates, c.ids));
const cases: [string, () => unknown][] = [
  ["IK.MONTHLYAVG(Daten; Jahr; IDs)", () => fns.monthlyAvg(c.dates, YEAR, c.ids)],
  ["IK.MONTHLYAVG(…; Status; \"Zielgruppe\"; Art; \"Drittmaßnahme\")", () => fns.monthlyAvg(c.dates, YEAR, c.ids, [c.statuses, [["Zielgruppe"]], c.categories, [["Drittmaßnahme"]]])],
  ["IK.MONTHLY(Daten; Jahr; IDs; Status; \"Zielgruppe\")", () => fns.monthly(c.dates, YEAR, c.ids, [c.statuses, [["Zielgruppe"]]])],
  ["IK.COUNTDISTINCT(IDs; Daten; Jahr)", () => fns.countDistinct(c.ids, c.dates, YEAR)],
  ["IK.YEARSUM(Werte; Daten; Jahr)", () => fns.yearSum(c.attendees, c.dates, YEAR)],
];
const lines = [
  `${ROWS.toLocaleString("de-DE")} Zeilen in ganzen Spalten (${SHEET_ROWS.toLocaleString("de-DE")} Zeilen), Median aus 9 Aufrufen:`,
  `${"Basis: rohe IDs in 12 Monatsmengen".padEnd(66)} ${base.median.toFixed(1).padStart(7)} ms`,
];
let worst = 0;
for (const [name, f] of cases) {
  const t = timeIt(f);
  const ratio = t.median / base.median;
  worst = Math.max(worst, ratio);
  lines.push(`${name.padEnd(66)} ${t.median.toFixed(1).padStart(7)} ms  (erster Aufruf ${t.first.toFixed(1)} ms)  Verhältnis ${ratio.toFixed(2)}`);
}
lines.push(`Ziele: unter 50 ms je Aufruf, Verhältnis ≤ 2. Höchstes Verhältnis: ${worst.toFixed(2)}`);
void tableFormulas().then((more) => process.stdout.write([...lines, ...more].join("\n") + "\n"));
