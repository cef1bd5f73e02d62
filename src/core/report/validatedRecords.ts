import { columnLetter } from "../cells";
import { dayToExcelSerial } from "../dates/calendarDay";
import { CounsellingRecord, EventRecord, ReferralRecord } from "../records";
import { Analysis } from "../analysis";
import { CellStyle, OutCell, OutRow, OutSheet, SourceCellRef, cell as makeCell } from "./sheetModel";
import { ShownClientIds, shownClientIds } from "./shownClientIds";
import { sortByIds } from "./idOrder";

export const RECORDS_SHEET_NAME = "Geprüfte Einträge";
/** The table's name, as formulas refer to it: `Eintraege[Datum]`. */
export const RECORDS_TABLE_NAME = "Eintraege";

/** The table's columns, as formulas name them: `Eintraege[Klient-ID]`. */
export const RECORD_COLUMNS = {
  kind: "Art",
  date: "Datum",
  clientId: "Klient-ID",
  status: "Aufenthaltsstatus",
  category: "Kategorie",
  attendees: "Teilnehmende",
  topic: "Thema",
  source: "Quelle",
} as const;

/** The values of the `Art` column. */
export const RECORD_KINDS = { counselling: "Beratung", referrals: "Vermittlung", events: "Veranstaltung" } as const;

const HEADER_ROW = 3;

/**
 * The `Geprüfte Einträge` sheet: one Excel table with every accepted,
 * non-duplicate row of the counselling, referral and event sheets, all years,
 * as the review counts them: the kind, the date as a date, the client ID as
 * in `Fälle` (an ID without a digit as its stand-in), the status as resolved
 * (a blank one from the clients sheet), the canonical category, attendees and
 * topic of events, and a link to the row's cell in the team's workbook. Rows go
 * by kind, then client, then date; events by date.
 * No names, no notes, no free-text counselling topics. The team's formulas
 * recompute every headline figure of the review over this table.
 */
export function validatedRecordsSheet(analysis: Analysis, ids: ShownClientIds = shownClientIds(analysis)): OutSheet {
  const header = Object.values(RECORD_COLUMNS);
  const rows: OutRow[] = [
    [makeCell("Geprüfte Einträge: jede gezählte Zeile der Arbeitsmappe (alle Jahre)", "title")],
    [
      makeCell(
        "Ohne Namen, Notizen und Beratungsthemen; ohne abgelehnte und doppelte Zeilen. Status wie im Jahresrückblick ermittelt. " +
          "Die Formeln im Jahresrückblick rechnen jede Kennzahl über diese Tabelle nach.",
        "note",
      ),
    ],
    header.map((h) => makeCell(h, "header")),
  ];
  const records = recordsInOrder(analysis, ids);
  const rowCount = records.counselling.length + records.referrals.length + records.events.length;
  return {
    name: RECORDS_SHEET_NAME,
    columnWidths: [14, 12, 16, 18, 18, 13, 30, 24],
    rows,
    moreRows: { count: rowCount, row: recordRows(analysis, ids, records), width: header.length, link: recordLinks(analysis, records) },
    table: { name: RECORDS_TABLE_NAME, headerRow: HEADER_ROW, columns: header, rowCount },
    freezeBelowRow: HEADER_ROW + 1,
    print: { orientation: "landscape", titleRows: { first: HEADER_ROW, last: HEADER_ROW } },
  };
}

/** The table's records in its order. */
interface RecordsInOrder {
  readonly counselling: readonly CounsellingRecord[];
  readonly referrals: readonly ReferralRecord[];
  readonly events: readonly EventRecord[];
}

/**
 * Within a kind, rows go by client (natural order of the shown ID), then date: a client's history reads in one
 * block, and formulas that count persons meet each client in one run of rows. Events go by date.
 */
function recordsInOrder(analysis: Analysis, ids: ShownClientIds): RecordsInOrder {
  const kept = <T extends { duplicate: boolean }>(records: readonly T[]): T[] => records.filter((r) => !r.duplicate);
  // The distinct shown IDs in the order met, sorted, and each one's place: by loops (this runs once, cold, over
  // 30,000 clients, where spreads and maps from pairs step through iterators).
  const distinct: string[] = [];
  const seen = new Set<string>();
  for (const n of ids.met) {
    const id = ids.byClient(n)!;
    if (!seen.has(id)) {
      seen.add(id);
      distinct.push(id);
    }
  }
  const sorted = sortByIds(distinct, (id) => id);
  const rank = new Map<string, number>();
  for (let i = 0; i < sorted.length; i++) rank.set(sorted[i], i);
  // Each client's rank by its number, once: one array read per record.
  const rankOfClient = new Int32Array(analysis.clientCount).fill(-1);
  for (const n of ids.met) rankOfClient[n] = rank.get(ids.byClient(n)!)!;
  const rankOf = (r: CounsellingRecord | ReferralRecord): number => rankOfClient[r.clientNumber];
  return {
    counselling: byClient(analysis.counselling, rankOf, rank.size),
    referrals: byClient(analysis.referrals, rankOf, rank.size),
    events: kept<EventRecord>(analysis.events).sort((a, b) => a.day - b.day || a.row - b.row),
  };
}

/**
 * The table's row `i`, made each time a writer asks for it (150,000 of them, more than once): one array and its
 * source cell. The other cells repeat (kinds, statuses, categories, a client's ID, a day): one shared cell object
 * per value and style.
 */
function recordRows(analysis: Analysis, ids: ShownClientIds, records: RecordsInOrder): (i: number) => OutRow {
  const shared = new Map<CellStyle, Map<string | number | null, OutCell>>();
  const cell = (value: string | number | null, style: CellStyle): OutCell => {
    let byValue = shared.get(style);
    if (!byValue) shared.set(style, (byValue = new Map<string | number | null, OutCell>()));
    let c = byValue.get(value);
    if (!c) {
      c = makeCell(value, style);
      byValue.set(value, c);
    }
    return c;
  };
  const idCells = new Array<OutCell | undefined>(analysis.clientCount).fill(undefined);
  const clientCell = (r: CounsellingRecord | ReferralRecord): OutCell => (idCells[r.clientNumber] ??= makeCell(ids.of(r), "text"));
  const dateColumn = sourceDateColumn(analysis);
  // The source cell is made here, not by `cell()`: V8 keeps objects of an allocation site whose objects tend to
  // live in old space from the start, and `cell()` also makes the report's long-lived cells. These die young.
  const source = (sheet: string, row: number): OutCell => {
    const column = dateColumn(sheet);
    return { value: `${sheet}!${column}${row}`, style: "text", link: { sheet, column, row } };
  };
  const kinds = { counselling: cell(RECORD_KINDS.counselling, "text"), referrals: cell(RECORD_KINDS.referrals, "text"), events: cell(RECORD_KINDS.events, "text") };
  return (i) => {
    const r = recordAt(records, i);
    const date = cell(dayToExcelSerial(r.day), "date");
    switch (r.kind) {
      case "counselling":
        return [kinds.counselling, date, clientCell(r), cell(r.status, "text"), null, null, null, source(r.sheet, r.row)];
      case "referrals":
        return [kinds.referrals, date, clientCell(r), cell(r.status, "text"), cell(r.category, "text"), null, null, source(r.sheet, r.row)];
      case "events":
        return [kinds.events, date, null, null, null, cell(r.attendees, "integer"), cell(r.topic, "text"), source(r.sheet, r.row)];
    }
  };
}

/** The record of the table's row `i`: counselling first, then referrals, then events. */
function recordAt(records: RecordsInOrder, i: number): CounsellingRecord | ReferralRecord | EventRecord {
  const { counselling, referrals, events } = records;
  if (i < counselling.length) return counselling[i];
  i -= counselling.length;
  return i < referrals.length ? referrals[i] : events[i - referrals.length];
}

/** The column a record's link points to: its date column in the team's sheet. */
function sourceDateColumn(analysis: Analysis): (sheet: string) => string {
  const dateColumn = new Map(analysis.sheets.map((s) => [s.name, columnLetter(s.columns.date ?? 0)]));
  // The last sheet's column, kept: the table's rows come sheet after sheet.
  let lastSheet: string | undefined;
  let column = "A";
  return (sheet) => {
    if (sheet !== lastSheet) {
      lastSheet = sheet;
      column = dateColumn.get(sheet) ?? "A";
    }
    return column;
  };
}

/** Where row `i`'s link (the `Quelle` column) points, without making the row. */
function recordLinks(analysis: Analysis, records: RecordsInOrder): (i: number) => { column: number; ref: SourceCellRef } {
  const dateColumn = sourceDateColumn(analysis);
  const column = Object.keys(RECORD_COLUMNS).indexOf("source");
  return (i) => {
    const r = recordAt(records, i);
    return { column, ref: { sheet: r.sheet, column: dateColumn(r.sheet), row: r.row } };
  };
}

/** Up to this many rows of one client are sorted in place by insertion; more by `sort`. */
const SMALL_BLOCK = 32;

/**
 * The records that are no duplicates, by their client's rank (0 to `ranks - 1`, or -1), then date, then sheet row:
 * a counting sort by rank (linear in the rows; duplicates left out in the same pass), then each client's few rows by
 * date.
 */
function byClient<T extends CounsellingRecord | ReferralRecord>(records: readonly T[], rankOf: (r: T) => number, ranks: number): T[] {
  /** Each row's rank + 1 (0: a client without rank); -1 for a duplicate, which is left out. */
  const rankOfRow = new Int32Array(records.length);
  let kept = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r.duplicate) rankOfRow[i] = -1;
    else {
      rankOfRow[i] = rankOf(r) + 1;
      kept++;
    }
  }
  const starts = new Int32Array(ranks + 2);
  for (let i = 0; i < rankOfRow.length; i++) if (rankOfRow[i] >= 0) starts[rankOfRow[i] + 1]++;
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const sorted = new Array<T>(kept);
  const next = starts.slice();
  for (let i = 0; i < records.length; i++) {
    const k = rankOfRow[i];
    if (k >= 0) sorted[next[k]++] = records[i];
  }
  const byDate = (a: T, b: T): number => a.day - b.day || a.row - b.row;
  for (let k = 0; k + 1 < starts.length; k++) {
    const [from, to] = [starts[k], starts[k + 1]];
    if (to - from <= 1) continue;
    if (to - from <= SMALL_BLOCK) {
      // A client's few rows sorted where they stand (stable, as `sort` is): no array per client.
      for (let i = from + 1; i < to; i++) {
        const r = sorted[i];
        let j = i;
        for (; j > from && byDate(sorted[j - 1], r) > 0; j--) sorted[j] = sorted[j - 1];
        sorted[j] = r;
      }
    } else {
      const block = sorted.slice(from, to).sort(byDate);
      for (let i = 0; i < block.length; i++) sorted[from + i] = block[i];
    }
  }
  return sorted;
}
