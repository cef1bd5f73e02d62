import { normalizeName } from "../normalize/names";

/*
 * Headers of columns with a client's contact data: direct identifiers that no figure reads, cleared with names and
 * notes when their retention period is over (docs/rules.md, "Retention periods"). Matched as headers are (case,
 * spaces, punctuation and umlaut spellings ignored).
 */
const CONTACT_HEADERS = [
  "Telefon", "Telefonnummer", "Tel", "Tel.", "Tel.-Nr.", "Handy", "Handynummer", "Mobil", "Mobilnummer", "Mobiltelefon",
  "E-Mail", "Email", "E-Mail-Adresse", "Mail",
  "Adresse", "Anschrift", "Straße", "Strasse", "Hausnummer", "PLZ", "Postleitzahl", "Wohnadresse", "Kontaktdaten",
];

const INDEX = new Set(CONTACT_HEADERS.map(normalizeName));

/** Whether a header names a column of contact data. */
export function isContactHeader(header: string): boolean {
  return INDEX.has(normalizeName(header));
}
