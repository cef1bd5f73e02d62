import { Cell, isBlank } from "../cells";
import { Day } from "../dates/calendarDay";
import { DAYS_FROM_1904_TO_1900 } from "../dates/dateSystem";
import { readDate } from "../dates/parseDate";
import { looksLikeName } from "../normalize/clientId";
import { ID_ORDER } from "../report/idOrder";
import { checkDate } from "../validate/fieldRules";
import { dueSince, isDue } from "./retentionRule";
import { ScannedSheet } from "./retentionScan";

/*
 * Whose personal data is due for deletion (docs/rules.md, "Löschfristen"): each client's latest contact over every
 * row that bears their ID (counselling, referrals, a date on the clients sheet; accepted, rejected and duplicate rows
 * alike), and where their personal data stands.
 */

/** The rows of one sheet where a client's personal data stands. */
export interface PersonalRows {
  readonly sheet: string;
  /** 1-based rows, ascending, each with its filled personal-data columns (0-based). */
  readonly rows: readonly { readonly row: number; readonly filled: readonly number[] }[];
}

export interface ListedClient {
  readonly key: string;
  /** As the outputs show it: an ID without a digit (it may be a name) as its stand-in. */
  readonly shownId: string;
  /** Undefined for a client without a valid date. */
  readonly latestContact: Day | undefined;
  readonly dueSince: Day | undefined;
  /** Rows whose date could not be read (they might be later contacts). */
  readonly undatedRows: readonly { readonly sheet: string; readonly row: number }[];
  /** Per sheet (in the workbook's order), the rows with a filled personal-data cell. */
  readonly personalRows: readonly PersonalRows[];
}

/**
 * Whether a due client's removal waits for a date to be fixed: a row of theirs has a date that cannot be read, and
 * it could be a later contact (docs/rules.md, "Retention periods").
 */
export const awaitsDate = (c: ListedClient): boolean => c.undatedRows.length > 0;

export interface Retention {
  readonly years: number;
  readonly reference: Day;
  /**
   * Due for deletion by their latest valid date, by shown ID. Those with a row whose date cannot be read
   * (`undatedRows`) are due all the same, but removal waits until the date is fixed: it could be a later contact.
   */
  readonly due: readonly ListedClient[];
  /** Not decidable: no valid date at all. */
  readonly withoutDate: readonly ListedClient[];
  /** Clients whose data is still within the period. */
  readonly kept: number;
  /** Rows with personal data but no client ID, per sheet (never attributable to a client). */
  readonly rowsWithoutId: readonly { readonly sheet: string; readonly rows: number }[];
}

export interface RetentionOptions {
  readonly years: number;
  readonly reference: Day;
  /** The day of processing: a date after it is implausible, as for the figures. */
  readonly today: Day;
  readonly uses1904?: boolean;
  /** The IDs as the review shows them (`shownClientIds`); clients not in it are shown by their ID. */
  readonly shownIds?: ReadonlyMap<string, string>;
}

interface ClientState {
  id: string;
  latest: Day | undefined;
  undated: { sheet: string; row: number }[];
  personal: Map<string, { row: number; filled: readonly number[] }[]>;
}

/** Whether a date cell holds a valid contact date: the date rule of the figures. Blank cells of a clients sheet say nothing. */
function readContact(cell: Cell, options: RetentionOptions): { day?: Day; unreadable?: boolean } {
  const value = options.uses1904 && typeof cell === "number" ? cell + DAYS_FROM_1904_TO_1900 : cell;
  const checked = checkDate(readDate(value), options.today);
  return checked.ok ? { day: checked.value } : { unreadable: true };
}

export function assessRetention(sheets: readonly ScannedSheet[], options: RetentionOptions): Retention {
  const clients = new Map<string, ClientState>();
  for (const sheet of sheets) {
    const dated = sheet.info.kind !== "clients";
    for (const r of sheet.rows) {
      let c = clients.get(r.key);
      if (!c) clients.set(r.key, (c = { id: r.id, latest: undefined, undated: [], personal: new Map() }));
      // A counselling or referral row always has a date; a clients sheet's blank date cell is no contact.
      const cells = dated ? r.dates : r.dates.filter((d) => !isBlank(d));
      if (dated && cells.length === 0) c.undated.push({ sheet: sheet.info.name, row: r.row });
      for (const cell of cells) {
        const contact = readContact(cell, options);
        if (contact.day !== undefined) c.latest = c.latest === undefined ? contact.day : Math.max(c.latest, contact.day);
        else c.undated.push({ sheet: sheet.info.name, row: r.row });
      }
      if (r.filled.length > 0) {
        const rows = c.personal.get(sheet.info.name) ?? [];
        rows.push({ row: r.row, filled: r.filled });
        c.personal.set(sheet.info.name, rows);
      }
    }
  }
  const due: ListedClient[] = [];
  const withoutDate: ListedClient[] = [];
  let kept = 0;
  for (const [key, c] of clients) {
    if (c.latest !== undefined && !isDue(c.latest, options.years, options.reference)) {
      kept++;
      continue;
    }
    const listed: ListedClient = {
      key,
      shownId: options.shownIds?.get(key) ?? (looksLikeName(c.id) ? "Kennung ohne Ziffer (siehe Zeilen)" : c.id),
      latestContact: c.latest,
      dueSince: c.latest === undefined ? undefined : dueSince(c.latest, options.years),
      undatedRows: c.undated,
      personalRows: sheets.filter((s) => c.personal.has(s.info.name)).map((s) => ({ sheet: s.info.name, rows: c.personal.get(s.info.name)! })),
    };
    (c.latest !== undefined ? due : withoutDate).push(listed);
  }
  const byId = (a: ListedClient, b: ListedClient) => ID_ORDER.compare(a.shownId, b.shownId) || ID_ORDER.compare(a.key, b.key);
  return {
    years: options.years,
    reference: options.reference,
    due: due.sort(byId),
    withoutDate: withoutDate.sort(byId),
    kept,
    rowsWithoutId: sheets.filter((s) => s.rowsWithoutId > 0).map((s) => ({ sheet: s.info.name, rows: s.rowsWithoutId })),
  };
}
