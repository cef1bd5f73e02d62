import { PlacementFigure } from "../vocabulary/referralCategory";
import { RECORDS_TABLE_NAME, RECORD_COLUMNS, RECORD_KINDS } from "./validatedRecords";

/*
 * The formula that recomputes each headline figure of the review over the
 * table of validated records, as German Excel shows it: German function names,
 * `;` between arguments, structured references such as `Eintraege[Datum]`.
 * It is written into the review as text; pasted into a cell of the same
 * workbook (with the add-in loaded) it gives the figure beside it, unrounded.
 */

export type HeadlineKey =
  | "events" | "attendees" | "contacts" | "persons" | "monthlyPersons" | "referrals" | "monthlyReferred"
  | PlacementFigure | "active" | "months";

const ref = (column: keyof typeof RECORD_COLUMNS): string => `${RECORDS_TABLE_NAME}[${RECORD_COLUMNS[column]}]`;
const text = (value: string): string => `"${value.replace(/"/g, '""')}"`;
const kindIs = (kind: keyof typeof RECORD_KINDS): string => `${ref("kind")};${text(RECORD_KINDS[kind])}`;
const call = (name: string, ...args: string[]): string => `=IK.${name}(${args.join(";")})`;

/** The German formula text of a headline figure of `year`. */
export function headlineFormula(key: HeadlineKey, year: number): string {
  const y = String(year);
  switch (key) {
    case "events":
      return call("JAHRESANZAHL", ref("date"), y, kindIs("events"));
    case "attendees":
      return call("JAHRESSUMME", ref("attendees"), ref("date"), y, kindIs("events"));
    case "contacts":
      return call("JAHRESANZAHL", ref("date"), y, kindIs("counselling"));
    case "persons":
      return call("ANZAHLPERSONEN", ref("clientId"), ref("date"), y, kindIs("counselling"));
    case "monthlyPersons":
      return call("MONATSMITTEL", ref("date"), y, ref("clientId"), kindIs("counselling"), ref("status"), text("Zielgruppe"));
    case "referrals":
      return call("JAHRESANZAHL", ref("date"), y, kindIs("referrals"));
    case "monthlyReferred":
      return call("MONATSMITTEL", ref("date"), y, ref("clientId"), kindIs("referrals"), ref("status"), text("Zielgruppe"), ref("category"), text("Drittmaßnahme"));
    case "Arbeit":
    case "Ausbildung":
    case "Deutschkurs":
      return call("ANZAHLPERSONEN", ref("clientId"), ref("date"), y, kindIs("referrals"), ref("category"), text(key));
    case "active":
      return call("ANZAHLPERSONEN", ref("clientId"), ref("date"), y, ref("kind"), text(`${RECORD_KINDS.counselling};${RECORD_KINDS.referrals}`));
    case "months":
      return call("MONATE", y);
  }
}
