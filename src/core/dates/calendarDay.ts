/**
 * A calendar day, counted as whole days since 1970-01-01. No time zone can
 * shift it: every conversion here works in UTC arithmetic.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;
/** Excel serial 25569 is 1970-01-01 (in the 1900 date system). */
export const EXCEL_EPOCH_OFFSET = 25_569;

export function dayFromParts(year: number, month: number, dayOfMonth: number): Day {
  return Math.floor(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

/**
 * The parts of a day; `month` is 1-12. Pure integer arithmetic (Howard
 * Hinnant's civil-from-days), as it runs once per row.
 */
export function dayParts(day: Day): { year: number; month: number; day: number } {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: d };
}

export function isValidCalendarDate(year: number, month: number, dayOfMonth: number): boolean {
  if (month < 1 || month > 12 || dayOfMonth < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return dayOfMonth <= daysInMonth;
}

/** Excel serial number (1900 system) of a day. */
export function dayToExcelSerial(day: Day): number {
  return day + EXCEL_EPOCH_OFFSET;
}

/** The day of an Excel serial number; a fractional part (the time) is ignored. */
export function excelSerialToDay(serial: number): Day {
  return Math.floor(serial) - EXCEL_EPOCH_OFFSET;
}

/** `dd.mm.yyyy`, as the German user interface shows a date. */
export function formatDayGerman(day: Day): string {
  const { year, month, day: d } = dayParts(day);
  return `${String(d).padStart(2, "0")}.${String(month).padStart(2, "0")}.${year}`;
}

const MS_PER_HOUR = 3_600_000;

/** The last Sunday of a month (1-12), as a day; 1970-01-01 was a Thursday. */
function lastSundayOf(year: number, month: number): Day {
  const last = dayFromParts(year, month + 1, 0);
  return last - ((last + 4) % 7);
}

/**
 * Today's calendar day in Germany, whatever the machine's time zone, with no time-zone data: Central European
 * Time is UTC+1, summer time UTC+2 from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
 * October (the EU rule, Directive 2000/84/EC, in force since 1996). Excel's older functions runtime has no
 * time-zone support in `Intl`, so the rule is computed rather than looked up.
 */
export function todayInGermany(now: Date = new Date()): Day {
  return Math.floor(germanClock(now) / MS_PER_DAY);
}

/** Milliseconds since 1970 on a German wall clock at `now` (UTC plus one hour, or two in summer time). */
function germanClock(now: Date): number {
  const ms = now.getTime();
  const { year } = dayParts(Math.floor(ms / MS_PER_DAY));
  const summerFrom = lastSundayOf(year, 3) * MS_PER_DAY + MS_PER_HOUR;
  const summerTo = lastSundayOf(year, 10) * MS_PER_DAY + MS_PER_HOUR;
  return ms + (ms >= summerFrom && ms < summerTo ? 2 : 1) * MS_PER_HOUR;
}

/** A moment as German staff read it, in German time: `03.12.2026, 10:15 Uhr`. */
export function formatGermanDateTime(moment: Date): string {
  const local = germanClock(moment);
  const day = Math.floor(local / MS_PER_DAY);
  const minutes = Math.floor((local - day * MS_PER_DAY) / 60_000);
  return `${formatDayGerman(day)}, ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")} Uhr`;
}
