import { dayFromParts, dayToExcelSerial, isValidCalendarDate } from "./calendarDay";

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const ISO_TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?$/;

/** The fraction of a day of a wall-clock time, fractional seconds included; undefined when out of range. */
function dayFraction(h: string | undefined, m: string | undefined, s: string | undefined, fraction: string | undefined): number | undefined {
  const [hours, minutes, seconds] = [Number(h ?? 0), Number(m ?? 0), Number(s ?? 0) + Number(fraction ?? 0)];
  if (hours > 23 || minutes > 59 || seconds >= 60) return undefined;
  return (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

/**
 * The Excel serial number (1900 system) of an ISO 8601 date, date-time or time, as a `t="d"` cell of an .xlsx
 * file holds it (`2019-03-04`, `2019-03-04T10:30:00.250`, `10:10:10`; a time alone is a fraction of a day, as
 * Excel stores it). The written wall-clock day counts; a zone suffix does not move it. `undefined` otherwise.
 */
export function serialOfIsoDateTime(text: string): number | undefined {
  if (text.length > 40) return undefined;
  const time = ISO_TIME.exec(text);
  if (time) return dayFraction(time[1], time[2], time[3], time[4]);
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidCalendarDate(year, month, day)) return undefined;
  const fraction = dayFraction(m[4], m[5], m[6], m[7]);
  return fraction === undefined ? undefined : dayToExcelSerial(dayFromParts(year, month, day)) + fraction;
}
