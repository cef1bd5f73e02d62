import { columnLetter } from "../cells";
import type { SheetInfo } from "../recognize/sheetIngest";
import { FIELD_LABELS, Field } from "../vocabulary/columns";
import { isContactHeader } from "../vocabulary/contactData";
import { SheetKind } from "../vocabulary/sheetKinds";

/*
 * Which columns of a sheet hold a client's personal data, and which of them "Personenbezug entfernen" clears
 * (docs/rules.md, "Löschfristen"). What a figure, a rule or the duplicate check reads is never cleared: clearing
 * it would change a figure of some year.
 */

/** Why a column holds personal data. */
export type PersonalDataKind = "name" | "notes" | "contact" | "birthYear" | "gender" | "country" | "residence" | "marked";

export interface PersonalColumn {
  /** 0-based. */
  readonly column: number;
  /** The column as staff see it: `C (Nachname)`. */
  readonly label: string;
  readonly kind: PersonalDataKind;
  /** Whether removing the personal data clears this column (a direct identifier no figure reads). */
  readonly clears: boolean;
}

/** The fields each kind's figures, rules and duplicate check read: never cleared, never markable. */
export const COUNTED_FIELDS: Readonly<Record<SheetKind, readonly Field[]>> = {
  counselling: ["date", "clientId", "status", "topic"],
  referrals: ["date", "clientId", "status", "category"],
  events: ["date", "topic", "location", "attendees"],
  clients: ["clientId", "status", "birthYear", "gender", "country"],
};

/** Personal data the figures read (kept), by field. */
const KEPT_PERSONAL: Partial<Record<Field, PersonalDataKind>> = { birthYear: "birthYear", gender: "gender", country: "country" };

/** A column's label: its letter and header text. */
export function columnLabel(sheet: Pick<SheetInfo, "headers">, column: number): string {
  const header = sheet.headers[column]?.trim();
  return header ? `${columnLetter(column)} (${header})` : columnLetter(column);
}

/** The columns a team may mark as personal data: those that no figure, rule or duplicate check reads. */
export function markableColumns(sheet: SheetInfo): number[] {
  if (sheet.kind === undefined || sheet.kind === "events" || sheet.headerRow === undefined) return [];
  const counted = new Set(COUNTED_FIELDS[sheet.kind].map((f) => sheet.columns[f]).filter((c): c is number => c !== undefined));
  return sheet.headers.map((_, column) => column).filter((column) => !counted.has(column));
}

/**
 * The personal-data columns of a sheet of clients' rows (counselling, referrals, clients): names and notes as
 * recognised, contact data by its header (telephone, e-mail, address), the clients sheet's birth year, gender, country (kept: the figures read them) and place of residence,
 * and the columns the team marked in "Spalten anpassen" (a marked column that a figure reads is ignored).
 */
export function personalColumnsOf(sheet: SheetInfo, marked: readonly number[] = []): PersonalColumn[] {
  if (sheet.kind === undefined || sheet.kind === "events" || sheet.headerRow === undefined) return [];
  const found = new Map<number, PersonalColumn>();
  const add = (column: number | undefined, kind: PersonalDataKind, clears: boolean): void => {
    if (column !== undefined && column >= 0 && !found.has(column)) found.set(column, { column, label: columnLabel(sheet, column), kind, clears });
  };
  for (const column of sheet.personalNameColumns) add(column, "name", true);
  for (const column of sheet.notesColumns) add(column, "notes", true);
  if (sheet.kind === "clients") {
    for (const [field, kind] of Object.entries(KEPT_PERSONAL) as [Field, PersonalDataKind][]) add(sheet.columns[field], kind, false);
    add(sheet.columns.location, "residence", true);
  }
  const markable = new Set(markableColumns(sheet));
  for (const column of markable) if (isContactHeader(sheet.headers[column] ?? "")) add(column, "contact", true);
  for (const column of marked) if (markable.has(column)) add(column, "marked", true);
  return [...found.values()].sort((a, b) => a.column - b.column);
}

/** German words for the kinds, for the dialog and the guides. */
export const PERSONAL_DATA_LABELS: Readonly<Record<PersonalDataKind, string>> = {
  name: "Name",
  notes: FIELD_LABELS.notes,
  contact: "Kontaktdaten",
  birthYear: FIELD_LABELS.birthYear,
  gender: FIELD_LABELS.gender,
  country: FIELD_LABELS.country,
  residence: "Wohnort/Unterkunft",
  marked: "von Ihnen markiert",
};
