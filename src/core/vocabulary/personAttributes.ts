import { normalizeName } from "../normalize/names";

/*
 * The person attributes of the clients sheet as the breakdowns group them: gender spellings, the age groups of a
 * birth year. One table each.
 */

export const GENDER_GROUPS = ["weiblich", "männlich", "divers", "ohne Angabe"] as const;
export type GenderGroup = (typeof GENDER_GROUPS)[number];

/** Normalised spellings of each gender group (a blank cell is "ohne Angabe"). */
const GENDER_SPELLINGS: Readonly<Record<Exclude<GenderGroup, "ohne Angabe">, readonly string[]>> = {
  weiblich: ["w", "weiblich", "frau", "f", "female"],
  männlich: ["m", "maennlich", "mann", "male"],
  divers: ["d", "divers", "x", "diverse", "inter"],
};

/** Every normalised gender spelling (the marks' formulas list them). */
export const GENDER_SPELLING_LIST: readonly string[] = Object.values(GENDER_SPELLINGS).flat();

const GENDER_BY_SPELLING = new Map<string, GenderGroup>(
  (Object.entries(GENDER_SPELLINGS) as [GenderGroup, readonly string[]][]).flatMap(([group, spellings]) => spellings.map((s) => [s, group] as const)),
);

/** The gender group of a cell's text; `undefined` for text that is none of them (a warning, counted "ohne Angabe"). */
export function genderGroup(text: string): GenderGroup | undefined {
  const key = normalizeName(text);
  if (key === "") return "ohne Angabe";
  return GENDER_BY_SPELLING.get(key);
}

export const AGE_GROUPS = ["unter 18", "18 bis 24", "25 bis 34", "35 bis 44", "45 und älter", "ohne Angabe"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** The earliest birth year the breakdowns accept. */
export const EARLIEST_BIRTH_YEAR = 1900;

/** A birth year: a whole number from 1900 to the year of processing, as a number or four digits; else undefined. */
export function validBirthYear(text: string, processingYear: number): number | undefined {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return undefined;
  const year = Number(t);
  return year >= EARLIEST_BIRTH_YEAR && year <= processingYear ? year : undefined;
}

/** The age group in report year Y (age = Y − birth year); no valid birth year is "ohne Angabe". */
export function ageGroup(birthYear: number | undefined, reportYear: number): AgeGroup {
  if (birthYear === undefined) return "ohne Angabe";
  const age = reportYear - birthYear;
  if (age < 18) return "unter 18";
  if (age <= 24) return "18 bis 24";
  if (age <= 34) return "25 bis 34";
  if (age <= 44) return "35 bis 44";
  return "45 und älter";
}
