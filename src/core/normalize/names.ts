/**
 * Name normalisation of the spec (section 1), used for sheet names, header
 * cells and enumerated values alike.
 *
 * @example normalizeName("Klient:innen-ID") // "klientid"
 * @example normalizeName("Teilnehmer*innen") // "teilnehmer"
 * @example normalizeName("Kl.-Nr.") // "klnr"
 */
const UMLAUTS: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", Ä: "Ae", Ö: "Oe", Ü: "Ue", ß: "ss", ẞ: "SS" };

/** `*in`, `:in`, `/in`, `_in` and the `-innen` forms, not followed by a further lower-case letter. */
const MARKED_GENDER = /[*:/_](?:innen|in)(?![a-z])/gi;
/** A capital `In`/`Innen` glued to a lower-case letter, as in `KlientIn`, `TeilnehmerInnen`. */
const GLUED_GENDER = /([a-z])In(?:nen)?(?![a-z])/g;
const NOT_ALNUM = /[^a-z0-9]/g;

/** Callers that normalise the same values over and over keep a `Memo` of their own (core/memo.ts). */
export function normalizeName(text: string): string {
  return text
    .trim()
    .replace(/[äöüÄÖÜßẞ]/g, (ch) => UMLAUTS[ch] ?? ch)
    .replace(MARKED_GENDER, "")
    .replace(GLUED_GENDER, "$1")
    .toLowerCase()
    .replace(NOT_ALNUM, "");
}
