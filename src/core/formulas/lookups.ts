import { Cell, cellText, isCellError } from "../cells";
import { dayToExcelSerial } from "../dates/calendarDay";
import { readDate } from "../dates/parseDate";
import { FallbilanzError } from "../errors";
import { aboutText } from "../report/about";
import { REFERRAL_CATEGORIES, ReferralCategory, referralCategoryOf } from "../vocabulary/referralCategory";
import { RESIDENCE_STATUSES, ResidenceStatus, residenceStatusOf } from "../vocabulary/residenceStatus";
import { formulaCell } from "./ranges";

const text = (value: unknown): string => {
  const cell: Cell = formulaCell(value, false);
  return cell === null || isCellError(cell) ? "" : cellText(cell);
};

/** The canonical residence status of a text; a German "not found" otherwise. */
export function canonicalStatus(value: unknown): ResidenceStatus {
  const status = residenceStatusOf(text(value));
  if (!status) throw new FallbilanzError("notFound", `Kein bekannter Aufenthaltsstatus. Erlaubt sind: ${RESIDENCE_STATUSES.join(", ")}.`);
  return status;
}

/** The canonical referral category of a text; a German "not found" otherwise. */
export function canonicalCategory(value: unknown): ReferralCategory {
  const category = referralCategoryOf(text(value));
  if (!category) throw new FallbilanzError("notFound", `Keine bekannte Art der Vermittlung. Erlaubt sind: ${REFERRAL_CATEGORIES.join(", ")}.`);
  return category;
}

/** The Excel serial number of any date the spec accepts (text or serial). */
export function excelDate(value: unknown): number {
  const reading = readDate(formulaCell(value, true));
  if (reading.kind !== "day") {
    throw new FallbilanzError("badArgument", "Kein gültiges Datum. Erlaubt sind z. B. 03.02.2019, 3.2.19, 2019-02-03 oder 3. Februar 2019.");
  }
  return dayToExcelSerial(reading.day);
}

/** The review's wording of a total: 763 gives "über 750". */
export function aboutTotal(value: unknown): string {
  const n = typeof value === "number" ? value : Number(text(value));
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) {
    throw new FallbilanzError("badArgument", "Bitte eine ganze Zahl ab 0 angeben, z. B. 763.");
  }
  return aboutText(n);
}
