import { formatDayGerman } from "../dates/calendarDay";
import { countOf } from "../report/wording";
import { Retention, awaitsDate } from "./retention";

/** Who is due, who waits for a date to be fixed, who has no valid date, who is kept: in one German sentence. */
export function retentionCounts(r: Retention): string {
  const checkDate = r.due.filter(awaitsDate).length;
  const held = checkDate === 0 ? "" : ` (davon ${countOf(checkDate, "Person", "Personen")} mit einer Zeile ohne lesbares Datum: erst nach Berichtigung zu leeren)`;
  const undecided = r.withoutDate.length === 0 ? "" : `, ${countOf(r.withoutDate.length, "Person", "Personen")} ohne gültiges Datum (bitte von Hand prüfen)`;
  return `${countOf(r.due.length, "Person", "Personen")} fällig${held}${undecided}, ${countOf(r.kept, "Person", "Personen")} noch in der Frist.`;
}

/** The outcome of a retention check in one German sentence (command line, pane). */
export function retentionLine(r: Retention): string {
  return `Löschfristen (${countOf(r.years, "Jahr", "Jahre")}, Stichtag ${formatDayGerman(r.reference)}): ${retentionCounts(r)}`;
}
