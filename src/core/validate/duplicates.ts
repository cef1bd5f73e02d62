import { normalizeName } from "../normalize/names";
import { CounsellingRecord, EventRecord, ReferralRecord } from "../records";

/**
 * Duplicate detection (spec section 2), among the accepted rows of one sheet:
 * the top-most row is kept, each later one gets W_DUPLICATE.
 * - counselling: same client, date and normalised topic
 * - referrals: same client, date and category
 * - events: same date, normalised topic, normalised location and attendees
 */
export function duplicateKey(record: CounsellingRecord | ReferralRecord | EventRecord): string {
  switch (record.kind) {
    case "counselling":
      return `${record.clientKey}\u0000${record.day}\u0000${normalizeName(record.topic)}`;
    case "referrals":
      return `${record.clientKey}\u0000${record.day}\u0000${record.category}`;
    case "events":
      return `${record.day}\u0000${normalizeName(record.topic)}\u0000${normalizeName(record.location)}\u0000${record.attendees}`;
  }
}

/** What a duplicate shares with its first row, for the message. */
export const DUPLICATE_DESCRIPTION = {
  counselling: "gleiche Person, gleiches Datum, gleiches Thema",
  referrals: "gleiche Person, gleiches Datum, gleiche Art der Vermittlung",
  events: "gleiches Datum, Thema, Ort und gleiche Teilnehmendenzahl",
} as const;

/** Tracks first rows by key within one sheet; returns the first row a key was seen in, if any. */
export class DuplicateTracker {
  private readonly firstRows = new Map<string, number>();

  firstRowOf(key: string, row: number): number | undefined {
    const first = this.firstRows.get(key);
    if (first === undefined) this.firstRows.set(key, row);
    return first;
  }
}
