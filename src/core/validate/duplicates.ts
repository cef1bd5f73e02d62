import { Memo } from "../memo";
import { WholeNumberMap } from "../wholeNumberMap";
import { normalizeName } from "../normalize/names";
import { CounsellingRecord, EventRecord, ReferralRecord } from "../records";
import { REFERRAL_CATEGORIES } from "../vocabulary/referralCategory";
import { EARLIEST_PLAUSIBLE_DAY } from "./fieldRules";

/**
 * Duplicate detection (spec section 2), among the accepted rows of one sheet:
 * the top-most row is kept, each later one gets W_DUPLICATE.
 * - counselling: same client, date and normalised topic
 * - referrals: same client, date and category
 * - events: same date, normalised topic, normalised location and attendees
 */

/** What a duplicate shares with its first row, for the message. */
export const DUPLICATE_DESCRIPTION = {
  counselling: "gleiche Person, gleiches Datum, gleiches Thema",
  referrals: "gleiche Person, gleiches Datum, gleiche Art der Vermittlung",
  events: "gleiches Datum, Thema, Ort und gleiche Teilnehmendenzahl",
} as const;

/** Days and topic numbers below this fit together in one small integer (see `DuplicateTracker`). */
const SPAN = 1 << 15;

/**
 * Tracks first rows within one sheet; `firstRowOf` returns the first row a record's key was seen in, if any.
 * A client's row is kept under one number made of the client's number (`clientNumber`), its day (counted
 * from the earliest plausible day) and the number of its normalised topic or category: no key text per row
 * (building and hashing one string per row was most of the validation's time on large workbooks), and no map per
 * client (30,000 clients made 30,000 maps). Events, and what does not fit, are kept under a text key.
 */
export class DuplicateTracker {
  private readonly byNumber: WholeNumberMap;
  private readonly byText = new Map<string, number>();
  private readonly names = new Memo<string, string>(normalizeName);
  private readonly topicNumbers = new Map<string, number>();
  private readonly topicOfSpelling = new Map<string, number>();

  /** @param rows how many rows the sheet has (its table is made large enough for them at once). */
  constructor(rows = 0) {
    this.byNumber = new WholeNumberMap(rows);
  }

  firstRowOf(record: CounsellingRecord | ReferralRecord | EventRecord, row: number): number | undefined {
    if (record.kind === "events") {
      return this.first(this.byText, `${record.day}\u0000${this.names.get(record.topic)}\u0000${this.names.get(record.location)}\u0000${record.attendees}`, row);
    }
    const what = record.kind === "counselling" ? this.topicNumber(record.topic) : REFERRAL_CATEGORIES.indexOf(record.category);
    const day = record.day - EARLIEST_PLAUSIBLE_DAY;
    const client = record.clientNumber;
    // Below 2^53 (a number's exact integers) for up to 8 million clients; beyond, or out of span, the text key.
    if (day < 0 || day >= SPAN || what >= SPAN || client >= 1 << 23) {
      const topic = record.kind === "counselling" ? this.names.get(record.topic) : record.category;
      return this.first(this.byText, `${record.clientKey}\u0000${record.day}\u0000${topic}`, row);
    }
    return this.byNumber.firstOr((client * SPAN + day) * SPAN + what, row);
  }

  /** One number per normalised topic; each spelling's number kept, so that a row costs one lookup. */
  private topicNumber(topic: string): number {
    let n = this.topicOfSpelling.get(topic);
    if (n === undefined) {
      const normalized = this.names.get(topic);
      n = this.topicNumbers.get(normalized);
      if (n === undefined) this.topicNumbers.set(normalized, (n = this.topicNumbers.size));
      // At most as many spellings as the names' memo keeps: a sheet of free-text topics must not grow it without end.
      if (this.topicOfSpelling.size < 100_000) this.topicOfSpelling.set(topic, n);
    }
    return n;
  }

  private first<K>(seen: Map<K, number>, key: K, row: number): number | undefined {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row);
    return first;
  }
}
