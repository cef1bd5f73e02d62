import fc from "fast-check";
import { Cell } from "../../src/core/cells";
import { Analysis } from "../../src/core/analysis";
import { LiveWorkbook, rawRowOf } from "../../src/core/live/liveWorkbook";
import { HEADER_SEARCH_ROWS } from "../../src/core/recognize/headerRow";
import { IngestedSheet, RawRow, SheetIngest } from "../../src/core/recognize/sheetIngest";
import { validateWorkbook } from "../../src/core/validate/validateWorkbook";
import { TODAY } from "../helpers/xlsx";

/*
 * The live check against a full check: a random workbook, then a random sequence of edits (typed cells, pasted
 * blocks, inserted and deleted rows, headers changed), each applied to the cells and to the live state the way the
 * pane applies it. After every edit, the live analysis must be exactly what validating the whole workbook gives:
 * findings, totals, records, clients and years.
 */

type Grid = Record<string, Cell[][]>;

const S = (y: number, m: number, d: number): number => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
const DATES: Cell[] = [S(2019, 1, 5), S(2019, 1, 5), S(2019, 3, 7), S(2020, 2, 29), "31.02.2019", "3. Feb. 2019", "2019-04-01", "01.01.1999", null, "gestern", S(2030, 1, 1)];
const IDS: Cell[] = ["IK-1", "ik 1", "IK-2", "IK-3", "IK-4", "Quastorf", null, { error: "#NV" }];
const STATUSES: Cell[] = ["Geduldet", "Asyl", "Anerkannt", null, null, "unklar", "Duldung"];
const CATEGORIES: Cell[] = ["Arbeit", "Sprachkurs", "Sport", null, "Kochkurs", "Praktikum"];
const TOPICS: Cell[] = ["Arbeitsrecht", "arbeitsrecht ", "Gesundheit", null];
const ATTENDEES: Cell[] = [12, 12, "7", -1, 2.5, "ca. 20", null, 0];
const GENDERS: Cell[] = ["w", "m", "x", "Frau", "?", null];
const NAMES: Cell[] = ["Amal Zellbrunner", null, null];

/** Each sheet's header and the pool of each column. */
const LAYOUT: Record<string, { header: string[]; pools: Cell[][] }> = {
  Klienten: { header: ["Klient-ID", "Aufenthaltsstatus", "Geschlecht", "Name"], pools: [IDS, STATUSES, GENDERS, NAMES] },
  Beratungen: { header: ["Datum", "Klient-ID", "Status", "Thema", "Notiz"], pools: [DATES, IDS, STATUSES, TOPICS, NAMES] },
  Vermittlungen: { header: ["Datum", "Kl.-Nr.", "Art", "Aufenthaltsstatus"], pools: [DATES, IDS, CATEGORIES, STATUSES] },
  Veranstaltungen: { header: ["Datum", "Thema", "Ort", "Teilnehmende"], pools: [DATES, TOPICS, ["Landratsamt", "VHS", null], ATTENDEES] },
};
const SHEETS = Object.keys(LAYOUT);

/** A random row of a sheet, as indexes into its pools. */
const rowArb = (sheet: string) => fc.tuple(...LAYOUT[sheet].pools.map((pool) => fc.nat(pool.length - 1)));
const cellsOf = (sheet: string, picks: number[]): Cell[] => picks.map((p, c) => LAYOUT[sheet].pools[c][p]);

/** The sheets through the core's recognition, as the readers hand rows over (blank rows skipped). */
function ingest(grid: Grid): IngestedSheet[] {
  return Object.entries(grid).map(([name, rows]) => {
    const ingestion = new SheetIngest(name);
    rows.forEach((cells, i) => {
      if (cells.some((c) => c !== null && c !== undefined) && ingestion.wantsRows) ingestion.push(i + 1, cells);
    });
    return ingestion.finish();
  });
}

type Edit =
  | { op: "type"; sheet: string; row: number; column: number; pick: number }
  | { op: "paste"; sheet: string; row: number; rows: number[][] }
  | { op: "insert"; sheet: string; row: number; count: number }
  | { op: "delete"; sheet: string; row: number; count: number }
  | { op: "header"; sheet: string; column: number; text: string };

const editArb: fc.Arbitrary<Edit> = fc.constantFrom(...SHEETS).chain((sheet) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.record({ op: fc.constant("type" as const), sheet: fc.constant(sheet), row: fc.integer({ min: 2, max: 40 }), column: fc.nat(LAYOUT[sheet].header.length - 1), pick: fc.nat(10) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("paste" as const), sheet: fc.constant(sheet), row: fc.integer({ min: 2, max: 40 }), rows: fc.array(rowArb(sheet), { minLength: 1, maxLength: 8 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("insert" as const), sheet: fc.constant(sheet), row: fc.integer({ min: 2, max: 40 }), count: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("delete" as const), sheet: fc.constant(sheet), row: fc.integer({ min: 2, max: 40 }), count: fc.integer({ min: 1, max: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("header" as const), sheet: fc.constant(sheet), column: fc.nat(LAYOUT[sheet].header.length - 1), text: fc.constantFrom("Bemerkung", "Datum", "Klient-ID", "Spalte", "Status") }) },
  ),
);

/** The data rows `from`..`to` of a sheet as the pane reads them after an edit. */
function rowsOf(live: LiveWorkbook, grid: Grid, sheet: string, from: number, to: number): RawRow[] {
  const info = live.sheet(sheet)!;
  const out: RawRow[] = [];
  for (let r = from; r <= to; r++) {
    const raw = rawRowOf(info, r, grid[sheet][r - 1] ?? []);
    if (raw) out.push(raw);
  }
  return out;
}

/** Applies an edit to the cells and to the live state, as the pane does: rows read again, or the sheet recognised again. */
function apply(edit: Edit, grid: Grid, live: LiveWorkbook): void {
  const rows = grid[edit.sheet];
  const info = live.sheet(edit.sheet)!;
  const header = info.headerRow;
  const again = (): void => void live.replaceSheet(ingest({ [edit.sheet]: rows })[0]);
  switch (edit.op) {
    case "type": {
      while (rows.length < edit.row) rows.push([]);
      const pool = LAYOUT[edit.sheet].pools[edit.column];
      rows[edit.row - 1][edit.column] = pool[edit.pick % pool.length];
      if (header === undefined || edit.row <= header || (info.kind === undefined && edit.row <= HEADER_SEARCH_ROWS)) return again();
      live.replaceRows(edit.sheet, edit.row, edit.row, rowsOf(live, grid, edit.sheet, edit.row, edit.row));
      return;
    }
    case "paste": {
      const last = edit.row + edit.rows.length - 1;
      while (rows.length < last) rows.push([]);
      edit.rows.forEach((picks, i) => (rows[edit.row - 1 + i] = cellsOf(edit.sheet, picks)));
      if (header === undefined || edit.row <= header) return again();
      live.replaceRows(edit.sheet, edit.row, last, rowsOf(live, grid, edit.sheet, edit.row, last));
      return;
    }
    case "insert":
      while (rows.length < edit.row - 1) rows.push([]);
      rows.splice(edit.row - 1, 0, ...Array.from({ length: edit.count }, () => []));
      if (header === undefined || edit.row <= header) return again();
      live.insertRows(edit.sheet, edit.row, edit.count);
      return;
    case "delete":
      rows.splice(edit.row - 1, edit.count);
      if (header === undefined || edit.row <= header) return again();
      live.deleteRows(edit.sheet, edit.row, edit.count);
      return;
    case "header":
      rows[0] = [...(rows[0] ?? [])];
      rows[0][edit.column] = edit.text;
      return again();
  }
}

/**
 * A client's number is an index of one validation (the live check keeps numbering as keys come and go): within one
 * analysis one key has one number below `clientCount`, and no two keys share one. Checked here, then left out.
 */
function withoutNumbers<T extends { clientKey: string; clientNumber: number }>(a: Analysis, records: readonly T[]): Omit<T, "clientNumber">[] {
  const keyOf = new Map<number, string>();
  return records.map(({ clientNumber, ...rest }) => {
    expect(clientNumber).toBeGreaterThanOrEqual(0);
    expect(clientNumber).toBeLessThan(a.clientCount);
    expect(keyOf.get(clientNumber) ?? rest.clientKey).toBe(rest.clientKey);
    keyOf.set(clientNumber, rest.clientKey);
    return rest;
  });
}

/** What a full check and the live check must agree on. */
const comparable = (a: Analysis) => {
  const ofClients = withoutNumbers(a, [...a.counselling, ...a.referrals, ...a.clients.values()]);
  const [counselling, referrals] = [a.counselling.length, a.counselling.length + a.referrals.length];
  return {
    findings: a.findings,
    totals: a.totals,
    counselling: ofClients.slice(0, counselling),
    referrals: ofClients.slice(counselling, referrals),
    events: a.events,
    clients: ofClients.slice(referrals).map((c) => [c.clientKey, c]),
    years: [...a.dataYears].sort(),
    sheets: a.sheets.map((s) => [s.name, s.kind, s.headerRow, s.columns]),
  };
};

describe("the live check against a full check", () => {
  test("after any sequence of typed cells, pastes, inserted and deleted rows and changed headers: the same findings, totals and records", () => {
    fc.assert(
      fc.property(
        fc.record(Object.fromEntries(SHEETS.map((s) => [s, fc.array(rowArb(s), { maxLength: 25 })]))),
        fc.array(editArb, { minLength: 1, maxLength: 12 }),
        (initial, edits) => {
          const grid: Grid = Object.fromEntries(SHEETS.map((s) => [s, [LAYOUT[s].header as Cell[], ...initial[s].map((picks) => cellsOf(s, picks))]]));
          const live = new LiveWorkbook(ingest(grid), TODAY);
          expect(comparable(live.analysis())).toEqual(comparable(validateWorkbook(ingest(grid), { today: TODAY })));
          for (const edit of edits) {
            apply(edit, grid, live);
            expect(comparable(live.analysis())).toEqual(comparable(validateWorkbook(ingest(grid), { today: TODAY })));
          }
        },
      ),
      { numRuns: 150, seed: 24 },
    );
  });

  test("a typed cell checks that row again, not the sheet; a client's new status the rows that took it", () => {
    const grid: Grid = {
      Klienten: [["Klient-ID", "Aufenthaltsstatus"], ["IK-1", "Geduldet"], ["IK-2", "Anerkannt"]],
      Beratungen: [["Datum", "Klient-ID", "Status", "Thema"], ...Array.from({ length: 200 }, (_, i): Cell[] => [S(2019, 1 + (i % 12), 3), i % 2 ? "IK-1" : "IK-2", i % 3 ? null : "Asyl", `T${i}`])],
    };
    const live = new LiveWorkbook(ingest(grid), TODAY);
    live.analysis();
    grid.Beratungen[10][0] = "31.02.2019";
    const typed = live.replaceRows("Beratungen", 11, 11, rowsOf(live, grid, "Beratungen", 11, 11));
    expect(typed.checkedRows).toBe(1);
    expect(typed.analysis.findings.map((f) => [f.row, f.code])).toEqual([[11, "E_DATE_INVALID"]]);
    // IK-1 becomes "unklar": rejected on the clients sheet, so the rows that took IK-1's status now have none.
    grid.Klienten[1][1] = "unklar";
    const client = live.replaceRows("Klienten", 2, 2, rowsOf(live, grid, "Klienten", 2, 2));
    const tookIt = grid.Beratungen.slice(1).filter((r) => r[1] === "IK-1" && r[2] === null).length;
    expect(client.checkedRows).toBe(1 + tookIt);
    expect(client.analysis.findings.filter((f) => f.code === "E_STATUS_MISSING")).toHaveLength(tookIt);
  });
});
