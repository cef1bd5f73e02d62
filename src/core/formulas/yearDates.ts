import { Day, dayFromParts, dayToExcelSerial } from "../dates/calendarDay";
import { readDate } from "../dates/parseDate";
import { EARLIEST_PLAUSIBLE_DAY } from "../validate/fieldRules";
import { formulaCell } from "./ranges";

/**
 * Which month of the report year a date cell falls in, by the review's rules:
 * a serial number or an accepted date text, a plausible day (from 1 Jan 2000
 * up to the day of processing) in `year`. Serial numbers, the common case,
 * are placed by comparing with the month boundaries, with no parsing.
 */
export class YearDates {
  /** Serial numbers of the first day of each month, and of the next year's first day. */
  private readonly bounds: number[];
  private readonly lastSerial: number;
  /** Date texts repeat (a year has 365 days): each distinct text is read once per formula call. */
  private readonly texts = new Map<string, number>();

  constructor(
    readonly year: number,
    today: Day,
  ) {
    this.bounds = Array.from({ length: 13 }, (_, m) => dayToExcelSerial(dayFromParts(year, m + 1, 1)));
    this.lastSerial = dayToExcelSerial(today) + 1;
  }

  /** 0-11 for a counted date in the year; -1 for blank, invalid, implausible or another year. */
  monthOf(value: unknown): number {
    if (typeof value === "number") return this.monthOfSerial(value);
    if (typeof value !== "string" || value === "") return -1;
    return this.monthOfText(value);
  }

  /** The month of a date text, read once per distinct text. */
  monthOfText(value: string): number {
    let month = this.texts.get(value);
    if (month === undefined) {
      const reading = readDate(formulaCell(value, true));
      month = reading.kind !== "day" || reading.day < EARLIEST_PLAUSIBLE_DAY ? -1 : this.monthOfSerial(dayToExcelSerial(reading.day));
      this.texts.set(value, month);
    }
    return month;
  }

  /** The month of a serial number; blank cells arriving as 0 fall outside every year. */
  monthOfSerial(serial: number): number {
    const b = this.bounds;
    if (!(serial >= b[0] && serial < b[12] && serial < this.lastSerial)) return -1;
    let m = Math.floor((serial - b[0]) / 31);
    while (serial >= b[m + 1]) m++;
    return m;
  }
}

/** Whether a date cell holds any counted date (any year): for formulas without a year. */
export function isCountedDate(value: unknown, today: Day): boolean {
  const reading = readDate(formulaCell(value, true));
  return reading.kind === "day" && reading.day >= EARLIEST_PLAUSIBLE_DAY && reading.day <= today;
}
