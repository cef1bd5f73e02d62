import { Figures } from "../figures/figures";
import { aboutText, roundAverage } from "./about";

const MONTH_NAMES = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
export { MONTH_NAMES };

function period(figures: Figures): string {
  if (figures.months === 12) return `Im Jahr ${figures.year}`;
  if (figures.months === 1) return `Im Januar ${figures.year}`;
  return `Von Januar bis ${MONTH_NAMES[figures.months - 1]} ${figures.year}`;
}

function listGerman(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} und ${items[items.length - 1]}`;
}

function eventsSentence(f: Figures, when: string): string {
  const { events, attendees, byTopic } = f.infoEvents;
  if (events === 0) return `${when} fanden keine Informationsveranstaltungen der Integrationskoordination statt.`;
  const what = events === 1 ? "eine Informationsveranstaltung" : `${aboutText(events)} Informationsveranstaltungen`;
  const topics = Object.keys(byTopic).slice(0, 3);
  const examples = topics.length > 0 ? `, zum Beispiel zu ${listGerman(topics)}` : "";
  const visitors = attendees === 1 ? "eine Person hat" : `${aboutText(attendees)} Teilnehmende haben`;
  return `${when} hat die Integrationskoordination ${what} angeboten${examples}; ${visitors} sie besucht.`;
}

function counselingSentence(f: Figures): string {
  const { contacts, persons, monthlyAvgPersons } = f.counseling;
  if (contacts === 0) return "Beratungsgespräche wurden in diesem Zeitraum nicht erfasst.";
  const avg = roundAverage(monthlyAvgPersons);
  const talks = contacts === 1 ? "ein Beratungsgespräch" : `${aboutText(contacts)} Beratungsgespräche`;
  const people = persons === 1 ? "einer Person" : `${aboutText(persons)} Personen`;
  return (
    `Im Schnitt haben sich monatlich ${avg} Asylbewerbende und Geduldete zu Arbeit und Ausbildung in der ` +
    `Integrationskoordination beraten lassen; insgesamt fanden ${talks} mit ${people} statt.`
  );
}

function referralSentence(f: Figures): string {
  if (f.referrals.count === 0) return "Vermittlungen wurden in diesem Zeitraum nicht erfasst.";
  const avg = roundAverage(f.referrals.monthlyAvgPersons);
  return (
    `Durchschnittlich ${avg} Asylbewerbende und Geduldete wurden pro Monat in Maßnahmen von Drittanbietern ` +
    "vermittelt, beispielsweise in Sprachkurse, Freizeitangebote oder spezifische Beratungsangebote."
  );
}

function placementSentence(f: Figures): string {
  const persons = (n: number): string => (n === 1 ? "eine Person" : `${aboutText(n)} Personen`);
  const { Arbeit, Ausbildung, Deutschkurs } = f.placements;
  if (Arbeit + Ausbildung + Deutschkurs === 0) return "";
  return `In Arbeit vermittelt wurden ${persons(Arbeit)}, in Ausbildung ${persons(Ausbildung)} und in Deutschkurse ${persons(Deutschkurs)}.`;
}

/**
 * The ready-to-paste German paragraph stating the headline figures, in the
 * tone of the published review. Totals follow the "über N" rule, monthly
 * averages are rounded to whole persons.
 */
export function reviewParagraph(figures: Figures): string {
  const when = period(figures);
  return [eventsSentence(figures, when), counselingSentence(figures), referralSentence(figures), placementSentence(figures)]
    .filter((s) => s !== "")
    .join(" ");
}
