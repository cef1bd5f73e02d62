import { Figures } from "../figures/figures";
import { SheetKind } from "../vocabulary/sheetKinds";
import { aboutText, roundAverage } from "./about";

const MONTH_NAMES = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
export { MONTH_NAMES };

/*
 * The ready-to-paste paragraph, right in every case: singular and plural, zero, a figure whose sheet the workbook
 * does not have is not stated at all (the data cannot say "no events took place" when nobody recorded events).
 */

function period(figures: Figures): string {
  if (figures.months === 12) return `Im Jahr ${figures.year}`;
  if (figures.months === 1) return `Im Januar ${figures.year}`;
  return `Von Januar bis ${MONTH_NAMES[figures.months - 1]} ${figures.year}`;
}

/** "a", "a und b", "a, b und c". */
export function listGerman(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} und ${items[items.length - 1]}`;
}

/** Topics in German quotation marks, so that a topic holding "und" stays one item of the list. */
const quoted = (text: string): string => `„${text}“`;

function eventsSentence(f: Figures, when: string): string {
  const { events, attendees, byTopic } = f.infoEvents;
  if (events === 0) return `${when} fanden keine Informationsveranstaltungen der Integrationskoordination statt.`;
  const what = events === 1 ? "eine Informationsveranstaltung" : `${aboutText(events)} Informationsveranstaltungen`;
  const topics = Object.keys(byTopic).slice(0, 3).map(quoted);
  const examples = topics.length === 0 ? "" : events === 1 ? ` zum Thema ${topics[0]}` : `, zum Beispiel zu ${listGerman(topics)}`;
  const visitors = attendees === 0 ? "Teilnehmende wurden nicht erfasst." : attendees === 1 ? "eine Person hat sie besucht." : `${aboutText(attendees)} Teilnehmende haben sie besucht.`;
  return `${when} hat die Integrationskoordination ${what} angeboten${examples}; ${visitors}`;
}

/** "160 Asylbewerbende und Geduldete …" with the verb agreeing; for an average below one, said as such. */
function targetGroupPerMonth(average: number, plural: (n: string) => string, singular: string, belowOne: string): string {
  const n = roundAverage(average);
  if (average > 0 && n === 0) return belowOne;
  return n === 1 ? singular : plural(String(n));
}

function counselingSentence(f: Figures, when: string): string {
  const { contacts, persons, monthlyAvgPersons } = f.counseling;
  if (contacts === 0) return `${when} wurden keine Beratungsgespräche erfasst.`;
  const talks = contacts === 1 ? "fand ein Beratungsgespräch" : `fanden ${aboutText(contacts)} Beratungsgespräche`;
  const people = persons === 1 ? "einer Person" : `${aboutText(persons)} Personen`;
  const total = `insgesamt ${talks} mit ${people} statt.`;
  if (monthlyAvgPersons === 0) return `Asylbewerbende und Geduldete waren nicht unter den Beratenen; ${total}`;
  const average = targetGroupPerMonth(
    monthlyAvgPersons,
    (n) => `Im Schnitt haben sich monatlich ${n} Asylbewerbende und Geduldete zu Arbeit und Ausbildung in der Integrationskoordination beraten lassen`,
    "Im Schnitt hat sich monatlich eine asylbewerbende oder geduldete Person zu Arbeit und Ausbildung in der Integrationskoordination beraten lassen",
    "Im Schnitt hat sich monatlich weniger als eine asylbewerbende oder geduldete Person zu Arbeit und Ausbildung in der Integrationskoordination beraten lassen",
  );
  return `${average}; ${total}`;
}

function referralSentence(f: Figures, when: string): string {
  if (f.referrals.count === 0) return `${when} wurden keine Vermittlungen erfasst.`;
  const examples = "beispielsweise in Sprachkurse, Freizeitangebote oder spezifische Beratungsangebote";
  if (f.referrals.monthlyAvgPersons === 0) return "Asylbewerbende und Geduldete wurden in diesem Zeitraum nicht in Maßnahmen von Drittanbietern vermittelt.";
  return targetGroupPerMonth(
    f.referrals.monthlyAvgPersons,
    (n) => `Durchschnittlich ${n} Asylbewerbende und Geduldete wurden pro Monat in Maßnahmen von Drittanbietern vermittelt, ${examples}.`,
    `Durchschnittlich eine asylbewerbende oder geduldete Person wurde pro Monat in Maßnahmen von Drittanbietern vermittelt, ${examples}.`,
    `Durchschnittlich weniger als eine asylbewerbende oder geduldete Person wurde pro Monat in Maßnahmen von Drittanbietern vermittelt, ${examples}.`,
  );
}

function placementSentence(f: Figures): string {
  const persons = (n: number): string => (n === 1 ? "eine Person" : `${aboutText(n)} Personen`);
  const parts = (
    [
      ["in Arbeit", f.placements.Arbeit],
      ["in Ausbildung", f.placements.Ausbildung],
      ["in Deutschkurse", f.placements.Deutschkurs],
    ] as const
  ).filter(([, n]) => n > 0);
  if (parts.length === 0) return "";
  const [[where, n], ...rest] = parts;
  // The verb agrees with the first number; the others share it ("… wurden 20 Personen, in Ausbildung eine Person …").
  const first = `${where.charAt(0).toUpperCase()}${where.slice(1)} vermittelt ${n === 1 ? "wurde" : "wurden"} ${persons(n)}`;
  return `${listGerman([first, ...rest.map(([w, k]) => `${w} ${persons(k)}`)])}.`;
}

/**
 * The ready-to-paste German paragraph stating the headline figures, in the tone of the published review. Totals
 * follow the "über N" rule, monthly averages are rounded to whole persons. `present`: the kinds of sheet the
 * workbook has; a figure of a kind it lacks is left out (default: all present).
 */
export function reviewParagraph(figures: Figures, present: ReadonlySet<SheetKind> = new Set(["counselling", "referrals", "events", "clients"])): string {
  const when = period(figures);
  const sentences: string[] = [];
  if (present.has("events")) sentences.push(eventsSentence(figures, when));
  if (present.has("counselling")) sentences.push(counselingSentence(figures, sentences.length === 0 ? when : "In diesem Zeitraum"));
  if (present.has("referrals")) {
    sentences.push(referralSentence(figures, sentences.length === 0 ? when : "In diesem Zeitraum"));
    sentences.push(placementSentence(figures));
  }
  return sentences.filter((s) => s !== "").join(" ");
}
