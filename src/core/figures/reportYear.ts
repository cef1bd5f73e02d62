import { Day, dayParts } from "../dates/calendarDay";
import { FallbilanzError } from "../errors";

/** Reads a report year given as text or number; throws a German message for anything that is no year. */
export function parseReportYear(value: unknown): number {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^\d{4}$/.test(text) || Number(text) < 2000) {
    throw new FallbilanzError("badYear", `„${text.slice(0, 20)}“ ist kein Berichtsjahr. Bitte ein Jahr ab 2000 angeben, z. B. 2019.`);
  }
  return Number(text);
}

/**
 * M of the spec: 12 for a past year, the months begun so far for the
 * current one. A future year has no months yet.
 */
export function monthsCounted(year: number, today: Day): number {
  const now = dayParts(today);
  if (year < now.year) return 12;
  if (year === now.year) return now.month;
  throw new FallbilanzError("futureYear", `Das Jahr ${year} liegt in der Zukunft. Bitte ein vergangenes oder das laufende Jahr wählen.`);
}
