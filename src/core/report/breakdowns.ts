import { Analysis } from "../analysis";
import { AGE_GROUPS, GENDER_GROUPS } from "../vocabulary/personAttributes";
import { PLACEMENT_FIGURES } from "../vocabulary/referralCategory";
import { RESIDENCE_STATUSES } from "../vocabulary/residenceStatus";
import { CaseRecord, caseRecords } from "./caseRecords";
import { NOT_GIVEN, OTHER_COUNTRIES, PersonGroups, personGroups } from "./personGroups";

/*
 * Who the team reached in year Y: the active clients (a counselling or referral row in Y), each counted once, by
 * gender, age group, country of origin and current status; and each placement by gender. Every breakdown sums
 * to `cases.active` (each placement's row to its placement figure). Attributes come from the clients sheet; a
 * client missing there, or a blank cell, is "ohne Angabe".
 */

/** A breakdown: group → count, in the order it is shown. */
export type Breakdown = Readonly<Record<string, number>>;

export interface Breakdowns {
  readonly byGender: Breakdown;
  readonly byAgeGroup: Breakdown;
  readonly byCountry: Breakdown;
  readonly byStatus: Breakdown;
  readonly placementsByGender: Readonly<Record<(typeof PLACEMENT_FIGURES)[number], Breakdown>>;
}

function tally(groups: readonly string[], values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(groups.map((g) => [g, 0]));
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** The clients active in Y with their groups: made once per review, for `Fälle` and for the breakdowns. */
export interface ReachedPersons {
  readonly records: readonly CaseRecord[];
  /** The groups of `records[i]` at `groups[i]`. */
  readonly groups: readonly PersonGroups[];
}

export function reachedPersons(analysis: Analysis, year: number): ReachedPersons {
  const records = caseRecords(analysis, year);
  return { records, groups: personGroups(analysis, records, year) };
}

export function computeBreakdowns(analysis: Analysis, year: number, reached: ReachedPersons = reachedPersons(analysis, year)): Breakdowns {
  const { records, groups } = reached;
  const countries = groups.map((g) => g.country);
  // Named countries by count, ties by name (as personGroups chose the ten), then the rest, then "ohne Angabe".
  const counts = tally([], countries);
  const named = Object.keys(counts).filter((c) => c !== OTHER_COUNTRIES && c !== NOT_GIVEN);
  const countryOrder = named.sort((a, b) => counts[b] - counts[a] || a.localeCompare(b, "de"));
  const genders = groups.map((g) => g.gender);
  const byGender = (counted: (r: CaseRecord) => boolean): Breakdown => tally(GENDER_GROUPS, genders.filter((_, i) => counted(records[i])));
  return {
    byGender: byGender(() => true),
    byAgeGroup: tally(AGE_GROUPS, groups.map((g) => g.ageGroup)),
    byCountry: tally([...countryOrder, ...(OTHER_COUNTRIES in counts ? [OTHER_COUNTRIES] : []), NOT_GIVEN], countries),
    byStatus: tally(RESIDENCE_STATUSES, records.map((r) => r.status)),
    placementsByGender: Object.fromEntries(PLACEMENT_FIGURES.map((p) => [p, byGender((r) => r.placed[p])])) as Breakdowns["placementsByGender"],
  };
}
