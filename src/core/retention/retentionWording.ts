import { formatDayGerman } from "../dates/calendarDay";
import { countOf } from "../report/wording";
import { Retention } from "./retention";

/** The outcome of a retention check in one German sentence (command line, pane). */
export function retentionLine(r: Retention): string {
  const undecided = r.withoutDate.length === 0 ? "" : `, ${countOf(r.withoutDate.length, "Person", "Personen")} ohne gültiges Datum (bitte von Hand prüfen)`;
  return (
    `Löschfristen (${countOf(r.years, "Jahr", "Jahre")}, Stichtag ${formatDayGerman(r.reference)}): ` +
    `${countOf(r.due.length, "Person", "Personen")} fällig${undecided}, ${countOf(r.kept, "Person", "Personen")} noch in der Frist.`
  );
}
