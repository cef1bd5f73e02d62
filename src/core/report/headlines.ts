import { PlacementFigure } from "../vocabulary/referralCategory";
import { aboutText, roundAverage } from "./about";
import { call, kindIs, kindIsActivity, ref, text } from "./reviewFormulas";
import { YearFigures } from "./years";

/*
 * The headline figures of the review, one row each: how they are labelled (the review, the multi-year overview,
 * the command line), read from a year's figures, shown, and recomputed in Excel. Adding a figure here adds it
 * everywhere.
 */

export type HeadlineKey =
  | "events" | "attendees" | "contacts" | "persons" | "monthlyPersons" | "referrals" | "monthlyReferred"
  | PlacementFigure | "active" | "months";

export interface Headline {
  readonly key: HeadlineKey;
  readonly label: string;
  /** Whole numbers, or a monthly average (shown with one decimal). */
  readonly style: "integer" | "average";
  readonly pick: (f: YearFigures) => number;
  /** The German formula text that recomputes the figure of `year` over the table of validated records. */
  readonly formula: (year: number) => string;
  /** What the published review says for it, when it rounds: 763 is „über 750“. */
  readonly spoken?: (value: number) => string;
}

const y = String;

export const HEADLINES: readonly Headline[] = [
  {
    key: "events", label: "Informationsveranstaltungen", style: "integer", pick: (f) => f.infoEvents.events,
    formula: (year) => call("JAHRESANZAHL", ref("date"), y(year), kindIs("events")),
  },
  {
    key: "attendees", label: "Teilnehmende an Informationsveranstaltungen", style: "integer", pick: (f) => f.infoEvents.attendees,
    formula: (year) => call("JAHRESSUMME", ref("attendees"), ref("date"), y(year), kindIs("events")),
    spoken: (n) => `„${aboutText(n)}“`,
  },
  {
    key: "contacts", label: "Beratungskontakte", style: "integer", pick: (f) => f.counseling.contacts,
    formula: (year) => call("JAHRESANZAHL", ref("date"), y(year), kindIs("counselling")),
  },
  {
    key: "persons", label: "Beratene Personen", style: "integer", pick: (f) => f.counseling.persons,
    formula: (year) => call("ANZAHLPERSONEN", ref("clientId"), ref("date"), y(year), kindIs("counselling")),
  },
  {
    key: "monthlyPersons", label: "Ø beratene Asylbewerbende und Geduldete pro Monat", style: "average", pick: (f) => f.counseling.monthlyAvgPersons,
    formula: (year) => call("MONATSMITTEL", ref("date"), y(year), ref("clientId"), kindIs("counselling"), ref("status"), text("Zielgruppe")),
    spoken: (n) => `„im Durchschnitt ${roundAverage(n)} Personen pro Monat“`,
  },
  {
    key: "referrals", label: "Vermittlungen", style: "integer", pick: (f) => f.referrals.count,
    formula: (year) => call("JAHRESANZAHL", ref("date"), y(year), kindIs("referrals")),
  },
  {
    key: "monthlyReferred", label: "Ø in Maßnahmen von Drittanbietern vermittelte Asylbewerbende und Geduldete pro Monat", style: "average",
    pick: (f) => f.referrals.monthlyAvgPersons,
    formula: (year) => call("MONATSMITTEL", ref("date"), y(year), ref("clientId"), kindIs("referrals"), ref("status"), text("Zielgruppe"), ref("category"), text("Drittmaßnahme")),
    spoken: (n) => `„${roundAverage(n)} Personen pro Monat“`,
  },
  ...(["Arbeit", "Ausbildung", "Deutschkurs"] as const).map((placement): Headline => ({
    key: placement,
    label: `In ${placement === "Deutschkurs" ? "Deutschkurse" : placement} vermittelte Personen`,
    style: "integer",
    pick: (f) => f.placements[placement],
    formula: (year) => call("ANZAHLPERSONEN", ref("clientId"), ref("date"), y(year), kindIs("referrals"), ref("category"), text(placement)),
  })),
  {
    key: "active", label: "Aktive Fälle (Personen mit Beratung oder Vermittlung)", style: "integer", pick: (f) => f.cases.active,
    formula: (year) => call("ANZAHLPERSONEN", ref("clientId"), ref("date"), y(year), kindIsActivity()),
  },
  { key: "months", label: "Gezählte Monate", style: "integer", pick: (f) => f.months, formula: (year) => call("MONATE", y(year)) },
];
