import { cellText } from "../cells";
import { FallbilanzError } from "../errors";
import { normalizeName } from "../normalize/names";
import { REFERRAL_CATEGORIES, ReferralCategory, isThirdPartyMeasure, referralCategoryOf } from "../vocabulary/referralCategory";
import { RESIDENCE_STATUSES, ResidenceStatus, isTargetGroup, residenceStatusOf } from "../vocabulary/residenceStatus";
import { Column, FormulaRange, NamedColumn, asColumn, formulaCell } from "./ranges";

/** The two group names a criterion understands, normalised. */
const GROUPS: Readonly<Record<string, { statuses?: readonly ResidenceStatus[]; categories?: readonly ReferralCategory[] }>> = {
  zielgruppe: { statuses: RESIDENCE_STATUSES.filter(isTargetGroup) },
  drittmassnahme: { categories: REFERRAL_CATEGORIES.filter(isThirdPartyMeasure) },
  drittmassnahmen: { categories: REFERRAL_CATEGORIES.filter(isThirdPartyMeasure) },
};

/** Distinct cells remembered in a short list before the memo: cheaper than a map lookup on every row. */
const RECENT = 8;

/** What a criterion accepts: normalised texts, canonical statuses and categories. */
class Wanted {
  readonly texts = new Set<string>();
  readonly statuses = new Set<ResidenceStatus>();
  readonly categories = new Set<ReferralCategory>();
  private readonly memo = new Map<unknown, boolean>();

  add(text: string): void {
    const normalized = normalizeName(text);
    const group = GROUPS[normalized];
    if (group) {
      group.statuses?.forEach((s) => this.statuses.add(s));
      group.categories?.forEach((c) => this.categories.add(c));
      return;
    }
    this.texts.add(normalized);
    const status = residenceStatusOf(text);
    if (status) this.statuses.add(status);
    const category = referralCategoryOf(text);
    if (category) this.categories.add(category);
  }

  /** The last few distinct cells and their results: a column of statuses or kinds holds a handful of values. */
  private readonly recentValues: unknown[] = [];
  private readonly recentResults: boolean[] = [];
  /** The previous cell and its result: a table sorted by a column repeats the same value row after row. */
  lastValue: unknown = NaN;
  lastResult = false;

  /** A cell matches when its normalised text is wanted, or it maps to a wanted status or category. */
  matches(value: unknown): boolean {
    if (value === this.lastValue) return this.lastResult;
    const recent = this.recentValues;
    for (let i = 0; i < recent.length; i++) {
      if (recent[i] === value) {
        this.lastValue = value;
        return (this.lastResult = this.recentResults[i]);
      }
    }
    const result = this.decide(value);
    if (recent.length < RECENT) {
      recent.push(value);
      this.recentResults.push(result);
    }
    return result;
  }

  private decide(value: unknown): boolean {
    const known = this.memo.get(value);
    if (known !== undefined) return known;
    const cell = formulaCell(value, false);
    const text = typeof cell === "object" && cell !== null ? "" : cellText(cell);
    const status = residenceStatusOf(text);
    const category = referralCategoryOf(text);
    const result =
      this.texts.has(normalizeName(text)) ||
      (status !== undefined && this.statuses.has(status)) ||
      (category !== undefined && this.categories.has(category));
    if (this.memo.size < 10_000) this.memo.set(value, result);
    return result;
  }
}

export interface Criterion {
  readonly cells: Column;
  readonly wanted: Wanted;
}

/** One value, a list separated by `;` or `|`, or a range of values. */
function wantedOf(range: FormulaRange): Wanted {
  const wanted = new Wanted();
  for (const row of range) {
    for (const value of row) {
      const cell = formulaCell(value, false);
      if (cell === null || (typeof cell === "object" && cell !== null)) continue;
      for (const part of cellText(cell).split(/[;|]/)) if (part.trim() !== "") wanted.add(part);
    }
  }
  return wanted;
}

/**
 * The criteria of a formula, from its repeating argument: range1, wanted1,
 * range2, wanted2, … (Excel passes each as a range, a single value as 1×1).
 */
export function parseCriteria(pairs: readonly FormulaRange[] | null | undefined): Criterion[] {
  const list = pairs ?? [];
  if (list.length % 2 !== 0) {
    throw new FallbilanzError("badArgument", "Zu jedem Kriterienbereich gehört ein gesuchter Wert: Bereich1; Wert1; Bereich2; Wert2 …");
  }
  const criteria: Criterion[] = [];
  for (let i = 0; i < list.length; i += 2) criteria.push({ cells: asColumn(list[i]), wanted: wantedOf(list[i + 1]) });
  return criteria;
}

/** Whether row `index` meets every criterion. */
export function meetsAll(criteria: readonly Criterion[], index: number): boolean {
  for (let i = 0; i < criteria.length; i++) {
    const c = criteria[i];
    const value = c.cells[index][0];
    const w = c.wanted;
    // The previous cell's answer, checked here: no call for the common case of a repeated value.
    if (value === w.lastValue ? !w.lastResult : !w.matches(value)) return false;
  }
  return true;
}

/** The criteria ranges, named for a length message: "Kriterienbereich 1", … */
export function criteriaColumns(criteria: readonly Criterion[]): NamedColumn[] {
  return criteria.map((c, i) => ({ label: `Kriterienbereich ${i + 1}`, cells: c.cells }));
}
