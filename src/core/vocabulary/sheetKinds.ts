import { normalizeName } from "../normalize/names";

export type SheetKind = "counselling" | "referrals" | "events" | "clients";

export const SHEET_KINDS: readonly SheetKind[] = ["counselling", "referrals", "events", "clients"];

/** Sheet name synonyms of each kind (spec section 1), as written there. */
export const SHEET_NAMES: Readonly<Record<SheetKind, readonly string[]>> = {
  counselling: ["Beratungen", "Beratung", "Beratungsprotokoll", "Beratungskontakte", "Kontakte"],
  referrals: ["Vermittlungen", "Vermittlung", "Maßnahmen", "Massnahmen", "Weitervermittlungen"],
  events: ["Veranstaltungen", "Infoveranstaltungen", "Informationsveranstaltungen", "Events"],
  clients: ["Klienten", "KlientInnen", "Klient_innen", "Stammdaten", "Personen"],
};

/** German labels of the kinds, for messages and the task pane. */
export const SHEET_KIND_LABELS: Readonly<Record<SheetKind, string>> = {
  counselling: "Beratungen",
  referrals: "Vermittlungen",
  events: "Veranstaltungen",
  clients: "Klienten",
};

const BY_NAME = new Map<string, SheetKind>();
for (const kind of SHEET_KINDS) for (const name of SHEET_NAMES[kind]) BY_NAME.set(normalizeName(name), kind);

/** The kind a sheet name stands for, or undefined. */
export function sheetKindByName(sheetName: string): SheetKind | undefined {
  return BY_NAME.get(normalizeName(sheetName));
}

/** Sheets this product writes; they are never read as tracking data. */
const OUTPUT_SHEET_PREFIXES = ["faelle", "gepruefteeintraege", "pruefbericht", "jahresrueckblick", "mehrjahresuebersicht", "loeschliste"];

export function isOutputSheetName(sheetName: string): boolean {
  const name = normalizeName(sheetName);
  return OUTPUT_SHEET_PREFIXES.some((prefix) => name === prefix || (prefix === "jahresrueckblick" && name.startsWith(prefix)));
}
