import { Day, dayFromParts, dayParts, isValidCalendarDate } from "../dates/calendarDay";

/*
 * The retention rule (docs/rules.md, "Löschfristen"): a client's personal data is kept until the end of the calendar
 * year of their latest contact plus N years; from the day after, it is due for deletion.
 */

/** The office's retention period in years when the team has set none. */
export const DEFAULT_RETENTION_YEARS = 3;
/** The periods a team can set: a whole number of years. */
export const MIN_RETENTION_YEARS = 1;
export const MAX_RETENTION_YEARS = 30;

/** The last day the data may be kept: 31 December of the latest contact's year plus `years`. */
export function keptUntil(latestContact: Day, years: number): Day {
  return dayFromParts(dayParts(latestContact).year + years, 12, 31);
}

/** The first day the data is due: 1 January after `keptUntil`. */
export function dueSince(latestContact: Day, years: number): Day {
  return keptUntil(latestContact, years) + 1;
}

/** Whether the data of a client whose latest contact is `latestContact` is due on `reference`. */
export function isDue(latestContact: Day, years: number, reference: Day): boolean {
  return keptUntil(latestContact, years) < reference;
}

/** A retention period typed by staff ("3", " 10 "), or undefined when it is not a whole number of years in range. */
export function parseRetentionYears(text: string | number): number | undefined {
  const trimmed = String(text).trim();
  if (!/^\d{1,2}$/.test(trimmed)) return undefined;
  const years = Number(trimmed);
  return years >= MIN_RETENTION_YEARS && years <= MAX_RETENTION_YEARS ? years : undefined;
}

/** A reference day typed as `TT.MM.JJJJ` (also `T.M.JJJJ`), or undefined. */
export function parseReferenceDay(text: string): Day | undefined {
  const match = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidCalendarDate(year, month, day) ? dayFromParts(year, month, day) : undefined;
}
