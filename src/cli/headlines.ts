import { Report } from "../core/report/buildReport";
import { aboutText, formatGermanInteger, roundAverage } from "../core/report/about";
import { countOf } from "../core/report/wording";

/** The headline figures as the terminal shows them, in German. */
export function headlineLines(report: Report): string[] {
  const f = report.review.figures;
  const v = report.summary.validation;
  const n = formatGermanInteger;
  return [
    `Jahresrückblick ${f.year}${f.months < 12 ? ` (${f.months} Monate)` : ""}`,
    `  Informationsveranstaltungen:        ${n(f.infoEvents.events)} mit ${n(f.infoEvents.attendees)} Teilnehmenden („${aboutText(f.infoEvents.attendees)}“)`,
    `  Ø beratene Personen pro Monat:      ${roundAverage(f.counseling.monthlyAvgPersons)} (Asylbewerbende und Geduldete)`,
    `  Ø vermittelte Personen pro Monat:   ${roundAverage(f.referrals.monthlyAvgPersons)} (in Maßnahmen von Drittanbietern)`,
    `  Beratungskontakte / Personen:       ${n(f.counseling.contacts)} / ${n(f.counseling.persons)}`,
    `  Vermittlungen:                      ${n(f.referrals.count)}; in Arbeit ${n(f.placements.Arbeit)}, Ausbildung ${n(f.placements.Ausbildung)}, Deutschkurs ${n(f.placements.Deutschkurs)} Personen`,
    `  Aktive Fälle:                       ${n(f.cases.active)}`,
    `  Prüfung: ${countOf(v.rows, "Zeile", "Zeilen")}, ${n(v.accepted)} übernommen, ${n(v.rejected)} abgelehnt, ${countOf(v.duplicates, "Duplikat", "Duplikate")}`,
  ];
}
