import { Cell, isBlank, isCellError } from "../cells";
import { Day, dayFromParts, excelSerialToDay, isValidCalendarDate } from "./calendarDay";

/** The outcome of reading a date cell. */
export type DateReading =
  | { readonly kind: "blank" }
  | { readonly kind: "invalid" }
  | { readonly kind: "day"; readonly day: Day };

/** German month names and their usual abbreviations (lower case) → month: read by the date rule and by the marks' formulas. */
export const MONTH_WORDS: Readonly<Record<string, number>> = {
  januar: 1, jan: 1, jaenner: 1, jänner: 1,
  februar: 2, feb: 2, febr: 2,
  maerz: 3, märz: 3, mär: 3, maer: 3, mrz: 3, marz: 3,
  april: 4, apr: 4,
  mai: 5,
  juni: 6, jun: 6,
  juli: 7, jul: 7,
  august: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10,
  november: 11, nov: 11,
  dezember: 12, dez: 12,
};

/** The longest date text read: `31. September 2019, 14:30:00 Uhr` with room to spare. */
const MAX_DATE_TEXT = 64;

/** Largest serial Excel accepts (31.12.9999). */
const MAX_SERIAL = 2_958_465;

/** A trailing time such as ` 14:30`, ` 14:30:00` or `T14:30:00Z` is ignored. */
const TRAILING_TIME = /(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Uhr|Z|[+-]\d{2}:?\d{2})?)$/i;

const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const WORDED = /^(\d{1,2})\.\s*([A-Za-zÄÖÜäöüß]+)\.?\s+(\d{4})$/;

function dayIfValid(year: number, month: number, dayOfMonth: number): DateReading {
  return isValidCalendarDate(year, month, dayOfMonth)
    ? { kind: "day", day: dayFromParts(year, month, dayOfMonth) }
    : { kind: "invalid" };
}

/**
 * Reads a date text in one of the spec's forms: `d.m.yyyy`, `dd.mm.yyyy`,
 * `d.m.yy` (20yy), `yyyy-mm-dd`, `d. Monat yyyy` (`3. Feb. 2019`).
 */
export function parseDateText(raw: string): DateReading {
  // No date of these forms is longer; a longer text is not a date, and the patterns never see it.
  if (raw.length > MAX_DATE_TEXT) return isBlank(raw) ? { kind: "blank" } : { kind: "invalid" };
  const text = raw.trim().replace(TRAILING_TIME, "").trim();
  if (text === "") return { kind: "blank" };
  let m = DOTTED.exec(text);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return dayIfValid(year, Number(m[2]), Number(m[1]));
  }
  m = ISO.exec(text);
  if (m) return dayIfValid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = WORDED.exec(text);
  if (m) {
    const month = MONTH_WORDS[m[2].toLowerCase()];
    if (month === undefined) return { kind: "invalid" };
    return dayIfValid(Number(m[3]), month, Number(m[1]));
  }
  return { kind: "invalid" };
}

/** Reads any date cell: a serial number (date cells arrive as serials) or a date text. */
export function readDate(value: Cell): DateReading {
  if (isBlank(value)) return { kind: "blank" };
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 1 || value >= MAX_SERIAL + 1) return { kind: "invalid" };
    return { kind: "day", day: excelSerialToDay(value) };
  }
  if (typeof value === "string") return parseDateText(value);
  if (isCellError(value)) return { kind: "invalid" };
  return { kind: "invalid" };
}
