import { Analysis } from "../analysis";
import { forEachCounted } from "../forEachRecord";
import { ClientActivity } from "../records";

/** A client's counted counselling and referral rows, all years: the earliest and the latest (by date, then sheet row). */
export interface ClientSpan {
  readonly first: ClientActivity;
  readonly latest: ClientActivity;
}

export interface ClientSpans {
  /** By client number; undefined: no counted counselling or referral row. */
  readonly byNumber: readonly (ClientSpan | undefined)[];
  /** The client numbers with a span, in the order their first counted row was met (counselling, then referrals). */
  readonly met: readonly number[];
}

/** Whether `a` comes before `b`: by date, then sheet row. */
const before = (a: ClientActivity, b: ClientActivity): boolean => a.day < b.day || (a.day === b.day && a.row < b.row);

const made = new WeakMap<Analysis, ClientSpans>();

/**
 * Each client's span, made once per analysis for the shown IDs (the earliest row's spelling) and the case records
 * (first and latest contact, the current status): one pass over the counted rows. Of rows on the same day and row
 * number, the first met is the earliest and the last met the latest (counselling before referrals).
 */
export function clientSpans(analysis: Analysis): ClientSpans {
  const known = made.get(analysis);
  if (known) return known;
  const byNumber = new Array<{ first: ClientActivity; latest: ClientActivity } | undefined>(analysis.clientCount).fill(undefined);
  const met: number[] = [];
  const meet = (r: ClientActivity): void => {
    const span = byNumber[r.clientNumber];
    if (!span) {
      byNumber[r.clientNumber] = { first: r, latest: r };
      met.push(r.clientNumber);
      return;
    }
    if (before(r, span.first)) span.first = r;
    if (!before(r, span.latest)) span.latest = r;
  };
  forEachCounted(analysis.counselling, meet);
  forEachCounted(analysis.referrals, meet);
  const spans = { byNumber, met };
  made.set(analysis, spans);
  return spans;
}
