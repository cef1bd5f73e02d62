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

/** The parts of a day; `month` is 1-12. */
export function dayParts(day: Day): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
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

/** Today's calendar day in Germany, whatever the machine's time zone. */
export function todayInGermany(now: Date = new Date()): Day {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Berlin",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return dayFromParts(get("year"), get("month"), get("day"));
}
