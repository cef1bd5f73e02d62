import { dayFromParts, dayToExcelSerial, isValidCalendarDate } from "./calendarDay";

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The Excel serial number (1900 system) of an ISO 8601 date or date-time, as
 * a `t="d"` cell of an .xlsx file holds it (`2019-03-04`, `2019-03-04T10:30:00`).
 * The written wall-clock day counts; a zone suffix does not move it.
 * `undefined` for anything else.
 */
export function serialOfIsoDateTime(text: string): number | undefined {
  if (text.length > 40) return undefined;
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidCalendarDate(year, month, day)) return undefined;
  const [hours, minutes, seconds] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return dayToExcelSerial(dayFromParts(year, month, day)) + (hours * 3600 + minutes * 60 + seconds) / 86_400;
}
