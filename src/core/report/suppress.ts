/** Breakdown cells from 1 to this many show as "< threshold+1" (spec: 2, so "< 3"). */
export const DEFAULT_SUPPRESSION_THRESHOLD = 2;

/** The mark of a cell hidden so that a "< 3" cannot be recomputed from the total (secondary suppression). */
export const SECONDARY_MARK = "•";

/**
 * Small-cell suppression of one cell, so that no single person can be recognised. A threshold of 0 switches it
 * off; headline totals are never passed through here.
 *
 * @example suppressSmall(2, 2) // "< 3"
 * @example suppressSmall(0, 2) // 0
 */
export function suppressSmall(value: number, threshold: number): number | string {
  if (threshold > 0 && value >= 1 && value <= threshold) return `< ${threshold + 1}`;
  return value;
}

/** A breakdown as published: each cell's shown value, and the note its table needs (or undefined). */
export interface SuppressedBreakdown {
  readonly shown: readonly (number | string)[];
  /** Cells hidden in all: primary and secondary. */
  readonly hidden: number;
  readonly note: string | undefined;
}

/**
 * Primary and secondary suppression of a breakdown whose total is shown (or is a headline figure). Primary: cells
 * from 1 to t show as "< t+1". Secondary: the hidden cells' sum is the total minus the shown cells, so the hidden
 * values could be recomputed when one cell alone is hidden, or when the sum leaves them no choice (k cells summing to
 * k, all 1; or to k·t, all t). Then the smallest other cell above 0 (ties: the first) is hidden too, as "•"; one
 * such cell always leaves every hidden value open. When no other cell is above 0, the total itself tells the values:
 * nothing more can be hidden, and the note says so. Nothing else is hidden. One rule for every breakdown.
 */
export function suppressBreakdown(values: readonly number[], threshold: number): SuppressedBreakdown {
  const shown: (number | string)[] = values.map((v) => suppressSmall(v, threshold));
  const primary = values.map((v, i) => (shown[i] !== v ? v : -1)).filter((v) => v >= 0);
  const k = primary.length;
  const sum = primary.reduce((a, b) => a + b, 0);
  const recomputable = k === 1 || (k > 1 && (sum === k || sum === k * threshold));
  let hidden = k;
  let unavoidable = false;
  if (recomputable) {
    let pick = -1;
    values.forEach((v, i) => {
      if (shown[i] === v && v > 0 && (pick < 0 || v < values[pick])) pick = i;
    });
    if (pick >= 0) {
      shown[pick] = SECONDARY_MARK;
      hidden++;
    } else unavoidable = true;
  }
  if (hidden === 0) return { shown, hidden, note: undefined };
  const small = threshold === 1 ? "1 Person" : threshold === 2 ? "1 oder 2 Personen" : `1 bis ${threshold} Personen`;
  let note = `„< ${threshold + 1}“ = ${small}`;
  if (hidden > k) note += `; „${SECONDARY_MARK}“ = nicht gezeigt, damit „< ${threshold + 1}“ nicht nachgerechnet werden kann`;
  if (unavoidable) note += "; alle anderen Werte sind 0, die Summe verrät den Wert, mehr lässt sich nicht verbergen";
  return { shown, hidden, note: `${note}.` };
}

export function parseSuppressionThreshold(value: string | number): number | undefined {
  const text = String(value).trim();
  if (!/^\d{1,3}$/.test(text)) return undefined;
  return Number(text);
}
