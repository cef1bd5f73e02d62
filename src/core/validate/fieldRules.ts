import { Cell, cellText, isBlank, isCellError } from "../cells";
import { Day, dayFromParts } from "../dates/calendarDay";
import { DateReading } from "../dates/parseDate";
import { ReferralCategory, referralCategoryOf } from "../vocabulary/referralCategory";
import { ResidenceStatus, residenceStatusOf } from "../vocabulary/residenceStatus";
import { FindingCode } from "./findings";

/** Either a clean value or the code of what is wrong with the cell. */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: FindingCode };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(code: FindingCode): Checked<T> => ({ ok: false, code });

export const EARLIEST_PLAUSIBLE_DAY: Day = dayFromParts(2000, 1, 1);

/** A date of the spec (already read with `readDate`) between 1 Jan 2000 and the day of processing. */
export function checkDate(reading: DateReading, today: Day): Checked<Day> {
  if (reading.kind === "blank") return fail("E_DATE_MISSING");
  if (reading.kind === "invalid") return fail("E_DATE_INVALID");
  if (reading.day < EARLIEST_PLAUSIBLE_DAY || reading.day > today) return fail("E_DATE_IMPLAUSIBLE");
  return ok(reading.day);
}

/** A residence status of the spec's table; blank is `undefined` (it may come from the clients sheet). */
export function checkStatus(value: Cell): Checked<ResidenceStatus | undefined> {
  if (isBlank(value)) return ok(undefined);
  if (isCellError(value) || typeof value !== "string") return fail("E_STATUS_UNKNOWN");
  const status = residenceStatusOf(value);
  return status ? ok(status) : fail("E_STATUS_UNKNOWN");
}

export function checkCategory(value: Cell): Checked<ReferralCategory> {
  if (isBlank(value)) return fail("E_CATEGORY_MISSING");
  if (isCellError(value) || typeof value !== "string") return fail("E_CATEGORY_UNKNOWN");
  const category = referralCategoryOf(value);
  return category ? ok(category) : fail("E_CATEGORY_UNKNOWN");
}

export function checkTopic(value: Cell): Checked<string> {
  if (isBlank(value) || isCellError(value)) return fail("E_TOPIC_MISSING");
  return ok(cellText(value));
}

/** A whole number ≥ 0, as a number or as text of digits. */
export function checkAttendees(value: Cell): Checked<number> {
  const count = wholeNumberOf(value);
  return count === undefined ? fail("E_ATTENDEES_INVALID") : ok(count);
}

/**
 * The most attendees one information event can plausibly have. A district
 * office's events fill a hall, not a stadium; a larger count is a typo (or
 * digits pasted into the wrong cell) and would swamp the year's total.
 */
export const MAX_ATTENDEES = 10_000;

/**
 * A whole number from 0 to `MAX_ATTENDEES`, as a number or as text of digits
 * (spaces around allowed), else undefined: the attendees rule.
 */
export function wholeNumberOf(value: unknown): number | undefined {
  let n: number | undefined;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && value.length <= 32 && /^\s*\d+\s*$/.test(value)) n = Number(value.trim());
  return n !== undefined && Number.isInteger(n) && n >= 0 && n <= MAX_ATTENDEES ? n : undefined;
}

/** A free-text cell as written; a formula error reads as blank. */
export function optionalText(value: Cell): string {
  return isCellError(value) ? "" : cellText(value);
}
