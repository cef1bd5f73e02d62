/* eslint-disable @typescript-eslint/no-explicit-any -- Excel hands ranges of mixed cells; the core reads them. */
import { todayInGermany } from "../core/dates/calendarDay";
import {
  countDistinct as countDistinctIn,
  monthlyAverage,
  monthlyValues,
  monthsOf,
  yearCount as yearCountIn,
  yearSum as yearSumIn,
  type FormulaContext,
} from "../core/formulas/formulaFigures";
import { ClientRegistry } from "../core/formulas/clientTally";
import { aboutTotal, canonicalCategory, canonicalStatus, excelDate } from "../core/formulas/lookups";
import { asExcelResult } from "./excelErrors";

/*
 * The team's custom functions (namespace IK). Each is one call into src/core, which counts by the
 * annual review's rules. German names and descriptions: functions.de-DE.json.
 */

/** The clients the formulas have seen: kept while Excel runs the functions, so that a recalculation is fast. */
const clients = new ClientRegistry();

/** What each call counts with: today in Germany and the clients seen so far. */
const now = (): FormulaContext => ({ today: todayInGermany(), clients });

/**
 * Monthly average of the annual review: per month of the year the distinct clients (or, without IDs, the rows) that match, summed and divided by the months counted (12 for a past year).
 * @customfunction MONTHLYAVG
 * @param dates Date column, e.g. Vermittlungen!A:A.
 * @param year Report year, e.g. 2019.
 * @param [ids] Client ID column: count distinct clients per month. Leave empty to count rows.
 * @param [criteria] Pairs of a range and the wanted values: range1, wanted1, range2, wanted2, … A wanted value can be a list separated by ; or |, a range, or the groups "Zielgruppe" and "Drittmaßnahme".
 * @returns The monthly average, unrounded.
 */
export function monthlyAvg(dates: any[][], year: number, ids?: any[][], criteria?: any[][][]): number {
  return asExcelResult(() => monthlyAverage(dates, year, ids, criteria, now()));
}

/**
 * The 12 monthly values behind IK.MONTHLYAVG, January to December, as a vertical list.
 * @customfunction MONTHLY
 * @param dates Date column, e.g. Beratungen!A:A.
 * @param year Report year, e.g. 2019.
 * @param [ids] Client ID column: count distinct clients per month. Leave empty to count rows.
 * @param [criteria] Pairs of a range and the wanted values: range1, wanted1, range2, wanted2, …
 * @returns Twelve values, one per month; months not yet begun are 0.
 */
export function monthly(dates: any[][], year: number, ids?: any[][], criteria?: any[][][]): number[][] {
  return asExcelResult(() => monthlyValues(dates, year, ids, criteria, now()).map((v) => [v]));
}

/**
 * Distinct clients: IDs are compared as the review does (IK 0042, ik-0042 and IK-0042 are one client).
 * @customfunction COUNTDISTINCT
 * @param ids Client ID column, e.g. Beratungen!B:B.
 * @param [dates] Date column: only rows with a valid date count.
 * @param [year] Report year: only rows dated in this year count.
 * @param [criteria] Pairs of a range and the wanted values: range1, wanted1, range2, wanted2, …
 * @returns The number of distinct clients.
 */
export function countDistinct(ids: any[][], dates?: any[][], year?: number, criteria?: any[][][]): number {
  return asExcelResult(() => countDistinctIn(ids, dates, year, criteria, now()));
}

/**
 * The sum of the whole numbers in a column on rows dated in the year, e.g. the attendees of information events.
 * @customfunction YEARSUM
 * @param values Column of numbers, e.g. Veranstaltungen!D:D.
 * @param dates Date column, e.g. Veranstaltungen!A:A.
 * @param year Report year, e.g. 2019.
 * @param [criteria] Pairs of a range and the wanted values: range1, wanted1, range2, wanted2, …
 * @returns The sum.
 */
export function yearSum(values: any[][], dates: any[][], year: number, criteria?: any[][][]): number {
  return asExcelResult(() => yearSumIn(values, dates, year, criteria, now()));
}

/**
 * The number of rows dated in the year that meet the criteria, e.g. the counselling contacts or the referrals of the review.
 * @customfunction YEARCOUNT
 * @param dates Date column, e.g. Eintraege[Datum].
 * @param year Report year, e.g. 2019.
 * @param [criteria] Pairs of a range and the wanted values: range1, wanted1, range2, wanted2, …
 * @returns The number of rows.
 */
export function yearCount(dates: any[][], year: number, criteria?: any[][][]): number {
  return asExcelResult(() => yearCountIn(dates, year, criteria, now()));
}

/**
 * The months a monthly average of the year is divided by: 12 for a past year, the months begun so far for the current year.
 * @customfunction MONTHS
 * @param year Report year, e.g. 2019.
 * @returns The number of months counted.
 */
export function months(year: number): number {
  return asExcelResult(() => monthsOf(year, now()));
}

/**
 * The canonical residence status of a text, e.g. "Duldung" gives "Geduldet".
 * @customfunction STATUS
 * @param text A residence status as written in the workbook.
 * @returns Asylbewerbend, Geduldet, Anerkannt or Sonstige; #N/A for text that maps to none.
 */
export function status(text: any): string {
  return asExcelResult(() => canonicalStatus(text));
}

/**
 * The canonical referral category of a text, e.g. "Sprachkurs" gives "Deutschkurs".
 * @customfunction CATEGORY
 * @param text A referral category as written in the workbook.
 * @returns Arbeit, Ausbildung, Deutschkurs, Freizeitangebot, Beratungsangebot or Sonstige Maßnahme; #N/A otherwise.
 */
export function category(text: any): string {
  return asExcelResult(() => canonicalCategory(text));
}

/**
 * An Excel date from any date text the review accepts: 3.2.2019, 03.02.19, 2019-02-03, 3. Feb. 2019.
 * @customfunction DATE
 * @param text A date text (or a date).
 * @returns The date as a serial number (format the cell as a date); #VALUE! for text that is no date.
 */
export function date(text: any): number {
  return asExcelResult(() => excelDate(text));
}

/**
 * The review's wording of a total: 100 or more, not a multiple of 50, reads "über N" with N rounded down to a multiple of 50.
 * @customfunction ABOUT
 * @param total A whole number, e.g. 763.
 * @returns The wording, e.g. "über 750".
 */
export function about(total: number): string {
  return asExcelResult(() => aboutTotal(total));
}
