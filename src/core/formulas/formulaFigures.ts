import { Day } from "../dates/calendarDay";
import { FallbilanzError } from "../errors";
import { monthsCounted, parseReportYear } from "../figures/reportYear";
import { wholeNumberOf } from "../validate/fieldRules";
import { ClientRegistry, ClientTally } from "./clientTally";
import { Criterion, criteriaColumns, meetsAll, parseCriteria } from "./criteria";
import { Column, FormulaRange, NamedColumn, asColumn, assertSameLength } from "./ranges";
import { YearDates, isCountedDate } from "./yearDates";

/**
 * What the team's own formulas count (`IK.MONTHLYAVG` and its siblings), by
 * the review's rules: one date reader, one ID normaliser, one status and
 * category table, so that a cell agrees with the annual review to the digit.
 */
export interface FormulaContext {
  /** The day of processing: later dates do not count, and it sets M for the current year. */
  readonly today: Day;
  /** The clients seen so far, kept by the caller between calls (the custom functions keep one). */
  readonly clients: ClientRegistry;
}

interface Selection {
  readonly dates: Column;
  readonly ids: Column | undefined;
  readonly criteria: Criterion[];
}

/** The formula's ranges as columns; all of them, `others` too, must be equally long (their rows go together). */
function select(
  dates: FormulaRange,
  ids: FormulaRange | null | undefined,
  criteria: readonly FormulaRange[] | null | undefined,
  others: readonly NamedColumn[] = [],
): Selection {
  const selection = { dates: asColumn(dates), ids: ids ? asColumn(ids) : undefined, criteria: parseCriteria(criteria) };
  assertSameLength([
    { label: "Datum", cells: selection.dates },
    ...(selection.ids ? [{ label: "Klient-ID", cells: selection.ids }] : []),
    ...criteriaColumns(selection.criteria),
    ...others,
  ]);
  return selection;
}

/** The monthly values of `year` and M, the months they are divided by. */
function tallyMonths(
  dates: FormulaRange,
  year: unknown,
  ids: FormulaRange | null | undefined,
  criteria: readonly FormulaRange[] | null | undefined,
  ctx: FormulaContext,
): { values: number[]; months: number } {
  const y = parseReportYear(year);
  const months = monthsCounted(y, ctx.today);
  const { dates: column, ids: idColumn, criteria: filters } = select(dates, ids, criteria);
  const yearDates = new YearDates(y, ctx.today);
  const counts = new Array<number>(12).fill(0);
  const tally = idColumn ? new ClientTally(ctx.clients, 12) : undefined;
  for (let i = 0; i < column.length; i++) {
    const date = column[i][0];
    const month = typeof date === "number" ? yearDates.monthOfSerial(date) : yearDates.monthOf(date);
    if (month < 0) continue;
    if (filters.length > 0 && !meetsAll(filters, i)) continue;
    if (tally && idColumn) tally.add(idColumn[i][0], month);
    else counts[month]++;
  }
  const values = tally ? tally.counts : counts;
  return { values: values.map((v, m) => (m < months ? v : 0)), months };
}

/**
 * For each month of `year`: with IDs, the distinct clients among the matching
 * rows; without, the matching rows.
 */
export function monthlyValues(
  dates: FormulaRange,
  year: unknown,
  ids: FormulaRange | null | undefined,
  criteria: readonly FormulaRange[] | null | undefined,
  ctx: FormulaContext,
): number[] {
  return tallyMonths(dates, year, ids, criteria, ctx).values;
}

/** The monthly values summed and divided by M (12 for a past year, the months begun for the current one). */
export function monthlyAverage(
  dates: FormulaRange,
  year: unknown,
  ids: FormulaRange | null | undefined,
  criteria: readonly FormulaRange[] | null | undefined,
  ctx: FormulaContext,
): number {
  const { values, months } = tallyMonths(dates, year, ids, criteria, ctx);
  return values.reduce((a, b) => a + b, 0) / months;
}

/** Distinct clients among the rows with an ID that meet the criteria; with a year, only rows dated in it. */
export function countDistinct(
  ids: FormulaRange,
  dates: FormulaRange | null | undefined,
  year: unknown,
  criteria: readonly FormulaRange[] | null | undefined,
  ctx: FormulaContext,
): number {
  const hasYear = year !== null && year !== undefined && year !== "";
  if (hasYear && !dates) throw new FallbilanzError("badArgument", "Für ein Jahr wird auch der Datumsbereich gebraucht: IK.ANZAHLPERSONEN(IDs; Daten; Jahr).");
  const idCells = asColumn(ids);
  const dateCells = dates ? asColumn(dates) : undefined;
  const parsed = parseCriteria(criteria);
  assertSameLength([
    { label: "Klient-ID", cells: idCells },
    ...(dateCells ? [{ label: "Datum", cells: dateCells }] : []),
    ...criteriaColumns(parsed),
  ]);
  const yearDates = hasYear ? new YearDates(parseReportYear(year), ctx.today) : undefined;
  if (yearDates) monthsCounted(yearDates.year, ctx.today);
  const tally = new ClientTally(ctx.clients, 1);
  for (let i = 0; i < idCells.length; i++) {
    const id = idCells[i][0];
    // formulaCell(id, true) === null, inline: a call here costs more than the rest of this loop over a million rows.
    if (id === "" || id === 0 || id === null || id === undefined) continue;
    if (dateCells) {
      const date = dateCells[i][0];
      if (yearDates ? (typeof date === "number" ? yearDates.monthOfSerial(date) : yearDates.monthOf(date)) < 0 : !isCountedDate(date, ctx.today)) continue;
    }
    if (parsed.length > 0 && !meetsAll(parsed, i)) continue;
    tally.add(id, 0);
  }
  return tally.counts[0];
}

/**
 * Visits each row dated in `year` (up to the day of processing) that meets
 * the criteria: the loop behind YEARSUM and YEARCOUNT. `others` are further
 * ranges that must be as long as the dates.
 */
function forEachRowOfYear(
  dates: FormulaRange,
  year: unknown,
  criteria: readonly FormulaRange[] | null | undefined,
  ctx: FormulaContext,
  others: readonly NamedColumn[],
  visit: (row: number) => void,
): void {
  const y = parseReportYear(year);
  monthsCounted(y, ctx.today);
  const s = select(dates, undefined, criteria, others);
  const yearDates = new YearDates(y, ctx.today);
  for (let i = 0; i < s.dates.length; i++) {
    if (yearDates.monthOf(s.dates[i][0]) < 0) continue;
    if (s.criteria.length > 0 && !meetsAll(s.criteria, i)) continue;
    visit(i);
  }
}

/** The sum of the whole numbers in `values` on rows dated in `year` that meet the criteria. */
export function yearSum(
  values: FormulaRange,
  dates: FormulaRange,
  year: unknown,
  criteria: readonly FormulaRange[] | null | undefined,
  ctx: FormulaContext,
): number {
  const valueCells = asColumn(values);
  let total = 0;
  forEachRowOfYear(dates, year, criteria, ctx, [{ label: "Werte", cells: valueCells }], (i) => {
    total += wholeNumberOf(valueCells[i][0]) ?? 0;
  });
  return total;
}

/** The rows dated in `year` (up to the day of processing) that meet the criteria: e.g. counselling contacts. */
export function yearCount(
  dates: FormulaRange,
  year: unknown,
  criteria: readonly FormulaRange[] | null | undefined,
  ctx: FormulaContext,
): number {
  let count = 0;
  forEachRowOfYear(dates, year, criteria, ctx, [], () => count++);
  return count;
}

/** M of a year: 12 for a past year, the months begun so far for the current one (the review divides by it). */
export function monthsOf(year: unknown, ctx: FormulaContext): number {
  return monthsCounted(parseReportYear(year), ctx.today);
}
