import { Day } from "../dates/calendarDay";
import { RawRow } from "../recognize/sheetIngest";
import { ClientRecord, CounsellingRecord, EventRecord, ReferralRecord } from "../records";
import { validBirthYear } from "../vocabulary/personAttributes";
import { ResidenceStatus } from "../vocabulary/residenceStatus";
import { SheetKind } from "../vocabulary/sheetKinds";
import { Checked, checkAttendees, checkTopic, optionalText } from "./fieldRules";
import { cellErrorContext } from "./messages";
import { SheetValidation } from "./sheetValidation";

/*
 * The rules of one row (spec section 2): each field checked, each failure reported on its cell, and a clean
 * record made of a row without errors.
 */

/** A validated row; `duplicate` is false until duplicate detection marks it. */
export type Draft = CounsellingRecord | ReferralRecord | EventRecord | ClientRecord;

export function validateRow(
  kind: SheetKind,
  row: RawRow,
  date: Checked<Day>,
  v: SheetValidation,
  clients: ReadonlyMap<string, ClientRecord>,
): Draft | undefined {
  const values = row.values;
  const sheet = v.sheet.name;

  // Records are written out field by field (no spreads): one compact object shape per kind, on 100,000s of rows.
  if (kind === "events") {
    const day = v.take(row, "date", date);
    const topic = v.take(row, "topic", checkTopic(values.topic));
    const attendees = v.take(row, "attendees", checkAttendees(values.attendees ?? null));
    if (day === undefined || topic === undefined || attendees === undefined) return undefined;
    const { year, month } = v.readings.dayParts.get(day);
    return { kind, sheet, row: row.row, day, year, month, duplicate: false, topic, location: optionalText(values.location), attendees };
  }

  const day = kind === "clients" ? undefined : v.take(row, "date", date);
  const id = readClientId(row, v);
  const status = resolveStatus(kind, row, v, id?.key, clients);
  const category = kind === "referrals" ? v.take(row, "category", v.readings.category(values.category ?? null)) : undefined;

  if (id === undefined || status === undefined) return undefined;
  if (kind === "clients") {
    checkPersonAttributes(row, v);
    return {
      kind, sheet, row: row.row, clientKey: id.key, clientNumber: id.number, clientId: id.display, status,
      birthYear: optionalText(values.birthYear), gender: optionalText(values.gender),
      country: optionalText(values.country), location: optionalText(values.location),
    };
  }
  if (day === undefined) return undefined;
  const { year, month } = v.readings.dayParts.get(day);
  if (kind === "counselling") {
    return { kind, sheet, row: row.row, clientKey: id.key, clientNumber: id.number, clientId: id.display, status, day, year, month, duplicate: false, topic: optionalText(values.topic) };
  }
  if (category === undefined) return undefined;
  return { kind, sheet, row: row.row, clientKey: id.key, clientNumber: id.number, clientId: id.display, status, day, year, month, duplicate: false, category };
}

/** Gender and birth year of a clients row: text the breakdowns cannot group is a warning on its cell (spec 3.1). */
function checkPersonAttributes(row: RawRow, v: SheetValidation): void {
  const gender = optionalText(row.values.gender);
  if (gender !== "" && v.readings.genderGroups.get(gender) === undefined) v.report(row.row, "gender", "W_GENDER_UNKNOWN");
  const birthYear = optionalText(row.values.birthYear);
  if (birthYear !== "" && validBirthYear(birthYear, v.processingYear) === undefined) v.report(row.row, "birthYear", "W_BIRTH_YEAR_INVALID");
}

/** The row's own status; a blank one is taken from the clients sheet (counselling and referrals only). */
function resolveStatus(
  kind: SheetKind,
  row: RawRow,
  v: SheetValidation,
  key: string | undefined,
  clients: ReadonlyMap<string, ClientRecord>,
): ResidenceStatus | undefined {
  const own = v.readings.status(row.values.status ?? null);
  if (!own.ok) return v.take(row, "status", own);
  const status = own.value ?? (kind === "clients" || key === undefined ? undefined : clients.get(key)?.status);
  if (status === undefined) v.report(row.row, "status", "E_STATUS_MISSING");
  return status;
}

function readClientId(row: RawRow, v: SheetValidation): { key: string; display: string; number: number } | undefined {
  const value = row.values.clientId ?? null;
  const id = v.readings.ids.read(value);
  if (id.key === "") {
    v.report(row.row, "clientId", "E_ID_MISSING", cellErrorContext(value));
    return undefined;
  }
  if (id.looksLikeName) v.report(row.row, "clientId", "W_ID_LOOKS_LIKE_NAME");
  return id;
}
