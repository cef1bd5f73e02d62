import { Cell } from "../cells";
import { Memo } from "../memo";
import { ReferralCategory } from "../vocabulary/referralCategory";
import { ResidenceStatus } from "../vocabulary/residenceStatus";
import { ClientIds } from "./clientIds";
import { GenderGroup, genderGroup } from "../vocabulary/personAttributes";
import { Day, dayParts } from "../dates/calendarDay";
import { readDate } from "../dates/parseDate";
import { Checked, checkCategory, checkDate, checkStatus } from "./fieldRules";

/**
 * How one validation reads the cells that repeat: dates, client IDs, statuses and categories, each distinct value
 * read once (a workbook of 150,000 rows holds a few thousand distinct values). Made per validation, dropped with it.
 */
export class CellReadings {
  readonly ids = new ClientIds();
  private readonly statuses = new Memo<string, Checked<ResidenceStatus | undefined>>(checkStatus);
  private readonly categories = new Memo<string, Checked<ReferralCategory>>(checkCategory);
  /** The gender group of a clients row's gender text (a few spellings on thousands of rows). */
  readonly genderGroups = new Memo<string, GenderGroup | undefined>(genderGroup);
  private readonly dates: Memo<Cell, Checked<Day>>;

  constructor(private readonly today: Day) {
    this.dates = new Memo((value) => checkDate(readDate(value), today));
  }

  /** Year and month of a day (a record's), the same object for every record of that day. */
  readonly dayParts = new Memo<Day, { readonly year: number; readonly month: number }>(dayParts);

  /** A date cell as the date rule reads it (a day a few thousand rows share is read once). */
  date(value: Cell): Checked<Day> {
    return typeof value === "number" || typeof value === "string" ? this.dates.get(value) : checkDate(readDate(value), this.today);
  }

  status(value: Cell): Checked<ResidenceStatus | undefined> {
    return typeof value === "string" ? this.statuses.get(value) : checkStatus(value);
  }

  category(value: Cell): Checked<ReferralCategory> {
    return typeof value === "string" ? this.categories.get(value) : checkCategory(value);
  }
}
