import { normalizeName } from "../normalize/names";

export type ReferralCategory = "Arbeit" | "Ausbildung" | "Deutschkurs" | "Freizeitangebot" | "Beratungsangebot" | "Sonstige Maßnahme";
export type CategoryGroup = "placement" | "thirdPartyMeasure";

export const REFERRAL_CATEGORIES: readonly ReferralCategory[] = [
  "Arbeit", "Ausbildung", "Deutschkurs", "Freizeitangebot", "Beratungsangebot", "Sonstige Maßnahme",
];

/** Canonical category ← group and normalised spellings (spec section 2). */
const TABLE: Readonly<Record<ReferralCategory, { group: CategoryGroup; spellings: readonly string[] }>> = {
  Arbeit: { group: "placement", spellings: ["arbeit", "arbeitsstelle", "job", "beschaeftigung", "anstellung", "minijob"] },
  Ausbildung: { group: "placement", spellings: ["ausbildung", "ausbildungsplatz", "lehre", "berufsausbildung"] },
  Deutschkurs: { group: "thirdPartyMeasure", spellings: ["deutschkurs", "sprachkurs", "integrationskurs", "deutsch"] },
  Freizeitangebot: { group: "thirdPartyMeasure", spellings: ["freizeit", "freizeitangebot", "sport", "sportverein"] },
  Beratungsangebot: {
    group: "thirdPartyMeasure",
    spellings: ["beratung", "beratungsangebot", "fachberatung", "migrationsberatung", "schuldnerberatung"],
  },
  "Sonstige Maßnahme": { group: "thirdPartyMeasure", spellings: ["sonstige", "sonstiges", "sonstigemassnahme", "praktikum"] },
};

const INDEX = new Map<string, ReferralCategory>();
for (const category of REFERRAL_CATEGORIES) for (const spelling of TABLE[category].spellings) INDEX.set(spelling, category);

/** Every normalised spelling of a category (the marks' formulas list them). */
export const CATEGORY_SPELLINGS: readonly string[] = REFERRAL_CATEGORIES.flatMap((category) => TABLE[category].spellings);

/** The canonical category of a text, or undefined when it maps to none. */
export function referralCategoryOf(text: string): ReferralCategory | undefined {
  return INDEX.get(normalizeName(text));
}

export function categoryGroup(category: ReferralCategory): CategoryGroup {
  return TABLE[category].group;
}

/** Language courses, leisure offers, specialised counselling and other measures of third parties. */
export function isThirdPartyMeasure(category: ReferralCategory): boolean {
  return TABLE[category].group === "thirdPartyMeasure";
}

/** The placement categories the review counts persons for. */
export const PLACEMENT_FIGURES = ["Arbeit", "Ausbildung", "Deutschkurs"] as const;
export type PlacementFigure = (typeof PLACEMENT_FIGURES)[number];
