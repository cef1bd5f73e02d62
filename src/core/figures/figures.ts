import { ClientActivity, CounsellingRecord, EventRecord, ReferralRecord } from "../records";
import { Analysis } from "../analysis";
import { filterRecords, forEachRecord } from "../forEachRecord";
import { PLACEMENT_FIGURES, PlacementFigure, REFERRAL_CATEGORIES, ReferralCategory, isThirdPartyMeasure } from "../vocabulary/referralCategory";
import { isTargetGroup } from "../vocabulary/residenceStatus";
import { monthsCounted } from "./reportYear";

/** The figures of report year Y, under exactly the names of spec section 3. */
export interface Figures {
  readonly year: number;
  /** M: 12 for a past year, months begun so far for the current one. */
  readonly months: number;
  readonly infoEvents: { readonly events: number; readonly attendees: number; readonly byTopic: Readonly<Record<string, number>> };
  readonly counseling: {
    readonly contacts: number;
    readonly persons: number;
    readonly monthlyPersons: readonly number[];
    readonly monthlyAvgPersons: number;
  };
  readonly referrals: {
    readonly count: number;
    readonly byCategory: Readonly<Record<ReferralCategory, number>>;
    readonly monthlyPersons: readonly number[];
    readonly monthlyAvgPersons: number;
  };
  readonly placements: Readonly<Record<PlacementFigure, number>>;
  readonly cases: { readonly active: number };
}

/** Only accepted, non-duplicate rows dated in Y count. */
export function countedIn<T extends { year: number; duplicate: boolean }>(records: readonly T[], year: number): T[] {
  return filterRecords(records, (r) => r.year === year && !r.duplicate);
}

/*
 * Distinct clients are counted by their numbers (`clientNumber`, below `clientCount`): a mark per client in a typed
 * array, where a set of 30,000 client keys per month and figure was most of the figures' time on large workbooks.
 */

/** For each month 1-12 (index 0-11): distinct clients among the records of that month. */
export function distinctPerMonth(records: readonly ClientActivity[], clientCount: number): number[] {
  const months = new Array<number>(12).fill(0);
  // Bit m - 1 of a client's mark: met in month m.
  const seen = new Uint16Array(clientCount);
  forEachRecord(records, (r) => {
    const bit = 1 << (r.month - 1);
    if ((seen[r.clientNumber] & bit) === 0) {
      seen[r.clientNumber] |= bit;
      months[r.month - 1]++;
    }
  });
  return months;
}

export function distinctClients(clientCount: number, ...lists: readonly (readonly { clientNumber: number }[])[]): number {
  const seen = new Uint8Array(clientCount);
  let n = 0;
  for (const records of lists) {
    forEachRecord(records, (r) => {
      if (seen[r.clientNumber] === 0) {
        seen[r.clientNumber] = 1;
        n++;
      }
    });
  }
  return n;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

function eventFigures(events: readonly EventRecord[]): Figures["infoEvents"] {
  const byTopic = new Map<string, number>();
  forEachRecord(events, (e) => byTopic.set(e.topic, (byTopic.get(e.topic) ?? 0) + e.attendees));
  const sorted = [...byTopic].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "de"));
  return { events: events.length, attendees: sum(events.map((e) => e.attendees)), byTopic: Object.fromEntries(sorted) };
}

function counselingFigures(rows: readonly CounsellingRecord[], months: number, clientCount: number): Figures["counseling"] {
  const monthlyPersons = distinctPerMonth(filterRecords(rows, (r) => isTargetGroup(r.status)), clientCount);
  return { contacts: rows.length, persons: distinctClients(clientCount, rows), monthlyPersons, monthlyAvgPersons: sum(monthlyPersons) / months };
}

function referralFigures(rows: readonly ReferralRecord[], months: number, clientCount: number): Figures["referrals"] {
  const byCategory = Object.fromEntries(REFERRAL_CATEGORIES.map((c) => [c, 0])) as Record<ReferralCategory, number>;
  forEachRecord(rows, (r) => byCategory[r.category]++);
  const monthlyPersons = distinctPerMonth(filterRecords(rows, (r) => isTargetGroup(r.status) && isThirdPartyMeasure(r.category)), clientCount);
  return { count: rows.length, byCategory, monthlyPersons, monthlyAvgPersons: sum(monthlyPersons) / months };
}

function placementFigures(rows: readonly ReferralRecord[], clientCount: number): Figures["placements"] {
  const entries = PLACEMENT_FIGURES.map((c) => [c, distinctClients(clientCount, filterRecords(rows, (r) => r.category === c))]);
  return Object.fromEntries(entries) as Record<PlacementFigure, number>;
}

/** Every figure of spec section 3 for report year `year`. */
export function computeFigures(analysis: Analysis, year: number): Figures {
  const months = monthsCounted(year, analysis.today);
  const counselling = countedIn(analysis.counselling, year);
  const referrals = countedIn(analysis.referrals, year);
  return {
    year,
    months,
    infoEvents: eventFigures(countedIn(analysis.events, year)),
    counseling: counselingFigures(counselling, months, analysis.clientCount),
    referrals: referralFigures(referrals, months, analysis.clientCount),
    placements: placementFigures(referrals, analysis.clientCount),
    cases: { active: distinctClients(analysis.clientCount, counselling, referrals) },
  };
}
