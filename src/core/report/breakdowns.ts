import { Analysis } from "../validate/validateWorkbook";
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

export function computeBreakdowns(analysis: Analysis, year: number): Breakdowns {
  const records = caseRecords(analysis, year);
  const groups = personGroups(analysis, records, year);
  const of = (r: CaseRecord): PersonGroups => groups.get(r.clientKey)!;
  const countries = records.map((r) => of(r).country);
  const named = [...new Set(countries.filter((c) => c !== OTHER_COUNTRIES && c !== NOT_GIVEN))];
  const countryOrder = named.sort((a, b) => countries.filter((c) => c === b).length - countries.filter((c) => c === a).length || a.localeCompare(b, "de"));
  const byGender = (list: readonly CaseRecord[]): Breakdown => tally(GENDER_GROUPS, list.map((r) => of(r).gender));
  return {
    byGender: byGender(records),
    byAgeGroup: tally(AGE_GROUPS, records.map((r) => of(r).ageGroup)),
    byCountry: tally([...countryOrder, ...(countries.includes(OTHER_COUNTRIES) ? [OTHER_COUNTRIES] : []), NOT_GIVEN], countries),
    byStatus: tally(RESIDENCE_STATUSES, records.map((r) => r.status)),
    placementsByGender: Object.fromEntries(PLACEMENT_FIGURES.map((p) => [p, byGender(records.filter((r) => r.placed[p]))])) as Breakdowns["placementsByGender"],
  };
}
