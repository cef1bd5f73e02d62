import { dayToExcelSerial } from "../dates/calendarDay";
import { countedIn } from "../figures/figures";
import { ClientActivity, ClientRecord } from "../records";
import { PLACEMENT_FIGURES } from "../vocabulary/referralCategory";
import { ResidenceStatus } from "../vocabulary/residenceStatus";
import { Analysis } from "../validate/validateWorkbook";
import { OutCell, OutRow, OutSheet, cell } from "./sheetModel";
import { ID_ORDER, shownClientIds } from "./shownClientIds";
import type { PersonGroups } from "./personGroups";

export const CASES_SHEET_NAME = "Fälle";

/** One client active in the report year, as the case records list it. */
export interface CaseRecord {
  readonly clientKey: string;
  readonly clientId: string;
  readonly status: ResidenceStatus;
  readonly firstContact: number;
  readonly latestContact: number;
  readonly counsellingContacts: number;
  readonly referrals: number;
  readonly placed: Readonly<Record<(typeof PLACEMENT_FIGURES)[number], boolean>>;
  readonly client: ClientRecord | undefined;
}


/** Orders records by date, then sheet row, so "latest" is well defined. */
const byDate = (a: ClientActivity, b: ClientActivity): number => a.day - b.day || a.row - b.row;

/**
 * One record per client active in `year`: the current status is that of the
 * client's latest row (any year), first and latest contact over all years,
 * contacts, referrals and placements in `year`.
 */
export function caseRecords(analysis: Analysis, year: number): CaseRecord[] {
  const all = [...analysis.counselling, ...analysis.referrals].filter((r) => !r.duplicate);
  const history = new Map<string, ClientActivity[]>();
  for (const r of all) {
    const list = history.get(r.clientKey);
    if (list) list.push(r);
    else history.set(r.clientKey, [r]);
  }
  const active = new Set([...countedIn(analysis.counselling, year), ...countedIn(analysis.referrals, year)].map((r) => r.clientKey));
  const records: CaseRecord[] = [];
  for (const key of active) {
    const rows = (history.get(key) ?? []).sort(byDate);
    const inYear = rows.filter((r) => r.year === year);
    const latest = rows[rows.length - 1];
    const client = analysis.clients.get(key);
    const referralsInYear = inYear.filter((r) => r.kind === "referrals");
    records.push({
      clientKey: key,
      clientId: client?.clientId ?? rows[0].clientId,
      status: latest.status,
      firstContact: rows[0].day,
      latestContact: latest.day,
      counsellingContacts: inYear.filter((r) => r.kind === "counselling").length,
      referrals: referralsInYear.length,
      placed: Object.fromEntries(PLACEMENT_FIGURES.map((c) => [c, referralsInYear.some((r) => r.kind === "referrals" && r.category === c)])) as CaseRecord["placed"],
      client,
    });
  }
  return records.sort((a, b) => ID_ORDER.compare(a.clientId, b.clientId));
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

function clientValue(record: CaseRecord, field: ClientColumn): OutCell {
  const text = record.client?.[field] ?? "";
  if (field === "birthYear" && /^\d{4}$/.test(text)) return cell(Number(text), "text");
  return cell(text === "" ? null : text, "text");
}

/** The `Fälle` sheet: an Excel table, one row per client active in the year. No names, no notes. */
export function caseRecordsSheet(analysis: Analysis, year: number, reached: { readonly records: readonly CaseRecord[]; readonly groups: ReadonlyMap<string, PersonGroups> }): OutSheet {
  const { records, groups } = reached;
  const clientSheets = analysis.sheets.filter((s) => s.kind === "clients" && s.headerRow !== undefined);
  const extra = CLIENT_COLUMNS.filter((c) => clientSheets.some((s) => s.columns[c.field] !== undefined));
  const yn = (b: boolean): OutCell => cell(b ? "Ja" : "Nein", "text");
  // The groups the breakdowns count, so that each breakdown value can be recomputed with ZÄHLENWENNS over the table.
  const header = [
    "Klient-ID", "Aufenthaltsstatus", "Erster Kontakt", "Letzter Kontakt", `Beratungskontakte ${year}`, `Vermittlungen ${year}`,
    "Arbeit", "Ausbildung", "Deutschkurs", ...extra.map((c) => c.label), ...GROUP_COLUMNS.map((g) => g.label(year)),
  ];
  const shown = shownClientIds(analysis);
  const ids = records.map((r) => shown.get(r.clientKey) ?? r.clientId);
  const headerRow = 3;
  const rows: OutRow[] = [
    [cell(`Fälle ${year}: Personen mit Beratung oder Vermittlung im Jahr ${year}`, "title")],
    [cell("Ohne Namen und Notizen. Status: der des letzten Eintrags; Erster/Letzter Kontakt über alle Jahre.", "note")],
    header.map((h) => cell(h, "header")),
    ...records.map((r, i) => [
      cell(ids[i], "text"), cell(r.status, "text"),
      cell(dayToExcelSerial(r.firstContact), "date"), cell(dayToExcelSerial(r.latestContact), "date"),
      cell(r.counsellingContacts, "integer"), cell(r.referrals, "integer"),
      yn(r.placed.Arbeit), yn(r.placed.Ausbildung), yn(r.placed.Deutschkurs),
      ...extra.map((c) => clientValue(r, c.field)),
      ...GROUP_COLUMNS.map((g) => cell(groups.get(r.clientKey)![g.field], "text")),
    ]),
  ];
  return {
    name: CASES_SHEET_NAME,
    columnWidths: [16, 18, 14, 14, 20, 18, 10, 12, 13, ...extra.map((c) => c.width), ...GROUP_COLUMNS.map((g) => g.width)],
    rows,
    table: { name: `Faelle_${year}`, headerRow, columns: header, rowCount: records.length },
    freezeBelowRow: headerRow + 1,
    print: { orientation: "landscape", titleRows: { first: headerRow, last: headerRow } },
  };
}
