/** German number with thousands separators: 1250 → "1.250". */
export function formatGermanInteger(n: number): string {
  const sign = n < 0 ? "-" : "";
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/**
 * The review's wording rule for totals (spec section 4): a total of 100 or
 * more that is not a multiple of 50 reads "über N", N rounded down to a
 * multiple of 50; any other total is written as it is.
 *
 * @example aboutText(763) // "über 750"
 * @example aboutText(750) // "750"
 * @example aboutText(99) // "99"
 */
export function aboutText(total: number): string {
  if (total >= 100 && total % 50 !== 0) return `über ${formatGermanInteger(Math.floor(total / 50) * 50)}`;
  return formatGermanInteger(total);
}

/** Monthly averages are rounded to whole persons (half up). */
export function roundAverage(average: number): number {
  return Math.floor(average + 0.5);
}
