import { normalizeName } from "../normalize/names";

export type ResidenceStatus = "Asylbewerbend" | "Geduldet" | "Anerkannt" | "Sonstige";

export const RESIDENCE_STATUSES: readonly ResidenceStatus[] = ["Asylbewerbend", "Geduldet", "Anerkannt", "Sonstige"];

/** Canonical status ← normalised spellings (spec section 2). */
const SPELLINGS: Readonly<Record<ResidenceStatus, readonly string[]>> = {
  Asylbewerbend: ["asylbewerber", "asylbewerberin", "asylbewerbende", "asylbewerbend", "asylsuchend", "asylsuchende", "asyl", "gestattung", "aufenthaltsgestattung"],
  Geduldet: ["geduldet", "geduldete", "duldung", "ausbildungsduldung", "beschaeftigungsduldung"],
  Anerkannt: ["anerkannt", "anerkannte", "aufenthaltserlaubnis", "schutzstatus", "fluechtling", "subsidiaerschutz", "asylberechtigt"],
  Sonstige: ["sonstige", "sonstiges", "andere"],
};

const INDEX = new Map<string, ResidenceStatus>();
for (const status of RESIDENCE_STATUSES) for (const spelling of SPELLINGS[status]) INDEX.set(spelling, status);

/** Every normalised spelling of a status (the marks' formulas list them). */
export const STATUS_SPELLINGS: readonly string[] = RESIDENCE_STATUSES.flatMap((status) => SPELLINGS[status]);

/** The canonical status of a text, or undefined when it maps to none. */
export function residenceStatusOf(text: string): ResidenceStatus | undefined {
  return INDEX.get(normalizeName(text));
}

/** The target group of the review: asylum seekers and tolerated persons. */
export function isTargetGroup(status: ResidenceStatus): boolean {
  return status === "Asylbewerbend" || status === "Geduldet";
}
