import { dayToExcelSerial } from "../dates/calendarDay";
import { ClientActivity, ClientRecord } from "../records";
import { PLACEMENT_FIGURES, PlacementFigure } from "../vocabulary/referralCategory";
import { ResidenceStatus } from "../vocabulary/residenceStatus";
import { Analysis } from "../analysis";
import { forEachCounted } from "../forEachRecord";
import { clientsByNumber } from "../clientsByNumber";
import { clientSpans } from "./clientSpans";
import { OutCell, OutRow, OutSheet, cell } from "./sheetModel";
import { ShownClientIds, shownClientIds } from "./shownClientIds";
import { sortByIds } from "./idOrder";
import type { PersonGroups } from "./personGroups";

export const CASES_SHEET_NAME = "Fälle";

/** One client active in the report year, as the case records list it. */
export interface CaseRecord {
  readonly clientKey: string;
  readonly clientNumber: number;
  readonly clientId: string;
  readonly status: ResidenceStatus;
  readonly firstContact: number;
  readonly latestContact: number;
  readonly counsellingContacts: number;
  readonly referrals: number;
  readonly placed: Readonly<Record<(typeof PLACEMENT_FIGURES)[number], boolean>>;
  readonly client: ClientRecord | undefined;
}


/** What a client's rows in the report year add up to. */
interface YearCounts {
  counsellingContacts: number;
  referrals: number;
  readonly placed: Record<(typeof PLACEMENT_FIGURES)[number], boolean>;
}

const isPlacement = (category: string): category is PlacementFigure => (PLACEMENT_FIGURES as readonly string[]).includes(category);

/**
 * One record per client active in `year`: the current status is that of the client's latest row (any year), first
 * and latest contact over all years (`clientSpans`), contacts, referrals and placements in `year`.
 */
export function caseRecords(analysis: Analysis, year: number): CaseRecord[] {
  const spans = clientSpans(analysis);
  // By client number: an array instead of a map of 30,000 texts.
  const counts = new Array<YearCounts | undefined>(analysis.clientCount).fill(undefined);
  const count = (r: ClientActivity): void => {
    if (r.year !== year) return;
    let c = counts[r.clientNumber];
    if (!c) {
      const placed = {} as YearCounts["placed"];
      // Set one by one, not from entries: 30,000 clients' objects share one shape instead of each a dictionary.
      for (const p of PLACEMENT_FIGURES) placed[p] = false;
      c = { counsellingContacts: 0, referrals: 0, placed };
      counts[r.clientNumber] = c;
    }
    if (r.kind === "counselling") c.counsellingContacts++;
    else {
      c.referrals++;
      if (isPlacement(r.category)) c.placed[r.category] = true;
    }
  };
  forEachCounted(analysis.counselling, count);
  forEachCounted(analysis.referrals, count);
  const records: CaseRecord[] = [];
  const clients = clientsByNumber(analysis);
  // In the order the clients were first met, as the sort below keeps equal IDs.
  for (const n of spans.met) {
    const c = counts[n];
    if (!c) continue;
    const { first, latest } = spans.byNumber[n]!;
    const client = clients[n];
    records.push({
      clientKey: first.clientKey,
      clientNumber: n,
      clientId: client?.clientId ?? first.clientId,
      status: latest.status,
      firstContact: first.day,
      latestContact: latest.day,
      counsellingContacts: c.counsellingContacts,
      referrals: c.referrals,
      placed: c.placed,
      client,
    });
  }
  return sortByIds(records, (r) => r.clientId);
}

type ClientColumn = "birthYear" | "gender" | "country" | "location";
const CLIENT_COLUMNS: readonly { field: ClientColumn; label: string; width: number }[] = [
  { field: "birthYear", label: "Geburtsjahr", width: 12 },
  { field: "gender", label: "Geschlecht", width: 12 },
  { field: "country", label: "Herkunftsland", width: 18 },
  { field: "location", label: "Wohnort", width: 18 },
];


/** The breakdowns' groups of each client, as columns of `Fälle`. */
export const GROUP_COLUMNS: readonly { field: keyof PersonGroups; label: (year: number) => string; width: number }[] = [
  { field: "gender", label: () => "Geschlecht (Gruppe)", width: 14 },
  { field: "ageGroup", label: (year) => `Altersgruppe ${year}`, width: 14 },
  { field: "country", label: () => "Herkunftsland (Gruppe)", width: 18 },
];

/** A client sheet's value as `Fälle` shows it (as text; a birth year of four digits as a number). */
function clientValue(record: CaseRecord, field: ClientColumn): OutCell["value"] {
  const text = record.client?.[field] ?? "";
  if (field === "birthYear" && /^\d{4}$/.test(text)) return Number(text);
  return text === "" ? null : text;
}

/** The `Fälle` sheet: an Excel table, one row per client active in the year. No names, no notes. */
export function caseRecordsSheet(
  analysis: Analysis,
  year: number,
  reached: { readonly records: readonly CaseRecord[]; readonly groups: readonly PersonGroups[] },
  shown: ShownClientIds = shownClientIds(analysis),
): OutSheet {
  const { records, groups } = reached;
  const clientSheets = analysis.sheets.filter((s) => s.kind === "clients" && s.headerRow !== undefined);
  const extra = CLIENT_COLUMNS.filter((c) => clientSheets.some((s) => s.columns[c.field] !== undefined));
  // Cells that repeat (yes and no, statuses, groups, a client sheet's values) made once per value: thousands of
  // rows share them instead of each holding its own.
  const texts = new Map<OutCell["value"], OutCell>();
  const text = (value: OutCell["value"]): OutCell => {
    let c = texts.get(value);
    if (!c) texts.set(value, (c = cell(value, "text")));
    return c;
  };
  const yn = (b: boolean): OutCell => text(b ? "Ja" : "Nein");
  // The groups the breakdowns count, so that each breakdown value can be recomputed with ZÄHLENWENNS over the table.
  const header = [
    "Klient-ID", "Aufenthaltsstatus", "Erster Kontakt", "Letzter Kontakt", `Beratungskontakte ${year}`, `Vermittlungen ${year}`,
    "Arbeit", "Ausbildung", "Deutschkurs", ...extra.map((c) => c.label), ...GROUP_COLUMNS.map((g) => g.label(year)),
  ];
  const headerRow = 3;
  const rows: OutRow[] = [
    [cell(`Fälle ${year}: Personen mit Beratung oder Vermittlung im Jahr ${year}`, "title")],
    [cell("Ohne Namen und Notizen. Status: der des letzten Eintrags; Erster/Letzter Kontakt über alle Jahre.", "note")],
    header.map((h) => cell(h, "header")),
  ];
  // The body made row by row as a writer asks for it (30,000 clients: 30,000 rows of 16 cells that would otherwise
  // live, and be copied by the collector, from the build until they are written). Rows joined by `concat`, not
  // spread: a spread runs the iterator protocol, an object per cell until V8 optimises.
  const body = (i: number): OutRow => {
    const r = records[i];
    return [
      cell(shown.of(r), "text"), text(r.status),
      cell(dayToExcelSerial(r.firstContact), "date"), cell(dayToExcelSerial(r.latestContact), "date"),
      cell(r.counsellingContacts, "integer"), cell(r.referrals, "integer"),
      yn(r.placed.Arbeit), yn(r.placed.Ausbildung), yn(r.placed.Deutschkurs),
    ].concat(
      extra.map((c) => text(clientValue(r, c.field))),
      GROUP_COLUMNS.map((g) => text(groups[i][g.field])),
    );
  };
  return {
    name: CASES_SHEET_NAME,
    columnWidths: [16, 18, 14, 14, 20, 18, 10, 12, 13, ...extra.map((c) => c.width), ...GROUP_COLUMNS.map((g) => g.width)],
    rows,
    moreRows: { count: records.length, row: body, width: header.length },
    table: { name: `Faelle_${year}`, headerRow, columns: header, rowCount: records.length },
    freezeBelowRow: headerRow + 1,
    print: { orientation: "landscape", titleRows: { first: headerRow, last: headerRow } },
  };
}
