/** Breakdown cells from 1 to this many show as "< threshold+1" (spec: 2, so "< 3"). */
export const DEFAULT_SUPPRESSION_THRESHOLD = 2;

/**
 * Small-cell suppression of breakdown cells, so that no single person can be
 * recognised. A threshold of 0 switches it off; headline totals are never
 * passed through here.
 *
 * @example suppressSmall(2, 2) // "< 3"
 * @example suppressSmall(0, 2) // 0
 */
export function suppressSmall(value: number, threshold: number): number | string {
  if (threshold > 0 && value >= 1 && value <= threshold) return `< ${threshold + 1}`;
  return value;
}

export function parseSuppressionThreshold(value: string | number): number | undefined {
  const text = String(value).trim();
  if (!/^\d{1,3}$/.test(text)) return undefined;
  return Number(text);
}
