import { normalizeName } from "../normalize/names";
import { SheetKind } from "./sheetKinds";

export type Field =
  | "date" | "clientId" | "status" | "topic" | "category" | "provider" | "outcome" | "attendees"
  | "location" | "counsellor" | "birthYear" | "gender" | "country" | "notes" | "personalName";

interface FieldSpec {
  readonly headers: readonly string[];
  /** The kinds whose sheets have this column; `any` for notes and names. */
  readonly kinds: readonly SheetKind[] | "any";
}

/** Header synonyms (spec section 1), as written there. */
export const FIELDS: Readonly<Record<Field, FieldSpec>> = {
  date: {
    kinds: ["counselling", "referrals", "events"],
    headers: ["Datum", "Beratungsdatum", "Kontaktdatum", "Termin", "Vermittlungsdatum", "Vermittelt am", "Veranstaltungsdatum"],
  },
  clientId: {
    kinds: ["counselling", "referrals", "clients"],
    headers: ["Klient-ID", "Klienten-ID", "KlientID", "Klienten-Nr.", "Klientennummer", "Kl.-Nr.", "Fallnummer", "Fall-Nr.", "Kennung", "Pseudonym", "ID"],
  },
  status: { kinds: ["counselling", "referrals", "clients"], headers: ["Aufenthaltsstatus", "Status", "Aufenthalt", "Rechtsstatus"] },
  topic: { kinds: ["counselling", "events"], headers: ["Thema", "Anliegen", "Beratungsthema", "Inhalt", "Titel"] },
  category: { kinds: ["referrals"], headers: ["Art", "Kategorie", "Maßnahme", "Vermittlung in", "Vermittlungsart", "Bereich"] },
  provider: { kinds: ["referrals"], headers: ["Anbieter", "Träger", "Drittanbieter", "Kooperationspartner"] },
  outcome: { kinds: ["referrals"], headers: ["Ergebnis", "Stand"] },
  attendees: {
    kinds: ["events"],
    headers: ["Teilnehmende", "Teilnehmer", "Teilnehmerzahl", "Anzahl Teilnehmende", "TN", "Anzahl TN", "Besucher"],
  },
  location: { kinds: ["events", "clients"], headers: ["Ort", "Gemeinde", "Wohnort", "Unterkunft"] },
  counsellor: { kinds: ["counselling"], headers: ["Berater", "Kürzel", "Mitarbeiter"] },
  birthYear: { kinds: ["clients"], headers: ["Geburtsjahr", "Jahrgang"] },
  gender: { kinds: ["clients"], headers: ["Geschlecht"] },
  country: { kinds: ["clients"], headers: ["Herkunftsland", "Herkunft", "Staatsangehörigkeit", "Nationalität"] },
  notes: { kinds: "any", headers: ["Notiz", "Notizen", "Bemerkung", "Bemerkungen", "Anmerkung", "Kommentar"] },
  personalName: { kinds: "any", headers: ["Name", "Vorname", "Nachname", "Familienname"] },
};

export const ALL_FIELDS = Object.keys(FIELDS) as Field[];

/** Columns that are read only to be skipped: their contents never leave their cells. */
export const NEVER_COPIED: ReadonlySet<Field> = new Set<Field>(["notes", "personalName"]);

/** Required columns of each kind; `status` may come from the clients sheet instead. */
export const REQUIRED_FIELDS: Readonly<Record<SheetKind, readonly Field[]>> = {
  counselling: ["date", "clientId", "status"],
  referrals: ["date", "clientId", "status", "category"],
  events: ["date", "topic", "attendees"],
  clients: ["clientId", "status"],
};

/** German column labels, for messages and the task pane. */
export const FIELD_LABELS: Readonly<Record<Field, string>> = {
  date: "Datum", clientId: "Klient-ID", status: "Aufenthaltsstatus", topic: "Thema", category: "Kategorie",
  provider: "Anbieter", outcome: "Ergebnis", attendees: "Teilnehmende", location: "Ort", counsellor: "Berater/in",
  birthYear: "Geburtsjahr", gender: "Geschlecht", country: "Herkunftsland", notes: "Notiz", personalName: "Name",
};

const HEADER_INDEX = new Map<string, Field>();
for (const field of ALL_FIELDS) for (const header of FIELDS[field].headers) HEADER_INDEX.set(normalizeName(header), field);

/** The field a header cell names, whatever the sheet kind. */
export function fieldOfHeader(headerText: string): Field | undefined {
  return HEADER_INDEX.get(normalizeName(headerText));
}

export function fieldBelongsTo(field: Field, kind: SheetKind): boolean {
  const kinds = FIELDS[field].kinds;
  return kinds === "any" || kinds.includes(kind);
}
