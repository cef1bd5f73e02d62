import { dayParts } from "../dates/calendarDay";
import { Memo } from "../memo";
import { normalizeName } from "../normalize/names";
import { Analysis } from "../analysis";
import { AGE_GROUPS, GenderGroup, ageGroup, genderGroup, validBirthYear } from "../vocabulary/personAttributes";
import type { CaseRecord } from "./caseRecords";

/* The groups each active client falls into for the person breakdowns (spec 3.1): gender, age group, country. */

export const NOT_GIVEN = "ohne Angabe";
export const OTHER_COUNTRIES = "weitere Länder";
/** Countries shown by name; the rest are summed as "weitere Länder". */
export const COUNTRIES_SHOWN = 10;

/** The groups one client falls into, as the breakdowns and the `Fälle` sheet show them. */
export interface PersonGroups {
  readonly gender: GenderGroup;
  readonly ageGroup: (typeof AGE_GROUPS)[number];
  /** The country as grouped: its most frequent spelling, "weitere Länder" or "ohne Angabe". */
  readonly country: string;
}

/**
 * Countries grouped by their normalised name, each named by its most frequent spelling among the clients counted
 * (ties: the first in the clients sheet); the ten largest by count (ties by name), then the rest as "weitere
 * Länder". Returns the shown name of every normalised key.
 */
function countryNames(records: readonly CaseRecord[], normalized: Memo<string, string>): Map<string, string> {
  const spellings = new Map<string, Map<string, { count: number; row: number }>>();
  for (const r of records) {
    const text = r.client?.country.trim() ?? "";
    const key = normalized.get(text);
    if (key === "") continue;
    const forKey = spellings.get(key) ?? new Map<string, { count: number; row: number }>();
    const seen = forKey.get(text) ?? { count: 0, row: r.client!.row };
    forKey.set(text, { count: seen.count + 1, row: Math.min(seen.row, r.client!.row) });
    spellings.set(key, forKey);
  }
  const groups = [...spellings.entries()].map(([key, forKey]) => {
    const [name] = [...forKey.entries()].sort((a, b) => b[1].count - a[1].count || a[1].row - b[1].row)[0];
    return { key, name, count: [...forKey.values()].reduce((n, s) => n + s.count, 0) };
  });
  groups.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "de"));
  return new Map(groups.map((g, i) => [g.key, i < COUNTRIES_SHOWN ? g.name : OTHER_COUNTRIES]));
}

/** Each active client's groups, in the order of `records` (the same index). */
export function personGroups(analysis: Analysis, records: readonly CaseRecord[], year: number): PersonGroups[] {
  const processingYear = dayParts(analysis.today).year;
  // Thousands of clients share a few dozen spellings of countries: each normalised once.
  const normalized = new Memo(normalizeName);
  const countries = countryNames(records, normalized);
  const genders = new Memo(genderGroup);
  return records.map((r) => {
    const c = r.client;
    const country = countries.get(normalized.get(c?.country ?? "")) ?? NOT_GIVEN;
    return { gender: genders.get(c?.gender ?? "") ?? NOT_GIVEN, ageGroup: ageGroup(validBirthYear(c?.birthYear ?? "", processingYear), year), country };
  });
}
