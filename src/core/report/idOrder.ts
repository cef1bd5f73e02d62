/** Client IDs in natural order: IK-2 before IK-10 (German collation, digits compared as numbers). */
export const ID_ORDER = new Intl.Collator("de", { numeric: true });

/**
 * The usual spelling of a shown ID: capital letters, a hyphen, digits (`IK-0042`). Between two such IDs the collation
 * above is plain: the hyphen sorts before every letter and digit, capital letters in alphabetical order, the digits by
 * their value (leading zeros do not count); IDs of equal value, and every other spelling, go to the collator.
 */
export const USUAL = /^([A-Z]+-)0*(\d{1,15})$/;

/**
 * The items sorted by their IDs as `ID_ORDER` sorts them (stable: items of equal IDs keep their order). Sorting the
 * 30,000 clients of a large workbook through the collator alone took a tenth of a second, twice per review. Between
 * two usual IDs the order is their prefixes' (as `<` orders them), then their digits' value (at most 15 digits: a
 * number held exactly); IDs of equal value, and every other spelling, go to the collator.
 *
 * @example sortByIds(["IK-10", "IK-2", "AB-7"], (id) => id) // ["AB-7", "IK-2", "IK-10"]
 */
export function sortByIds<T>(items: readonly T[], idOf: (item: T) => string): T[] {
  const n = items.length;
  const ids = items.map(idOf);
  const prefixes: (string | undefined)[] = new Array<string | undefined>(n);
  const value = new Float64Array(n);
  let last: string | undefined;
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    const digitsFrom = usualDigitsFrom(id);
    if (digitsFrom < 0) continue;
    // Most IDs share their prefix with the one before: the same string, not a new one each.
    if (last === undefined || last.length !== digitsFrom || !id.startsWith(last)) last = id.slice(0, digitsFrom);
    prefixes[i] = last;
    value[i] = digitsValue(id, digitsFrom);
  }
  // Each prefix's place among the prefixes (-1: not a usual ID), so that two prefixes compare as two numbers. Loops,
  // not `Int32Array.from` with a function or spreads: those builtins step through iterators, slower than the sort.
  const distinct = new Set<string>();
  for (let i = 0; i < n; i++) if (prefixes[i] !== undefined) distinct.add(prefixes[i]!);
  const places = new Map<string, number>();
  Array.from(distinct).sort().forEach((p, k) => places.set(p, k));
  const place = new Int32Array(n);
  for (let i = 0; i < n; i++) place[i] = prefixes[i] === undefined ? -1 : places.get(prefixes[i]!)!;
  const compare = (i: number, j: number): number => {
    const a = place[i];
    const b = place[j];
    if (a >= 0 && b >= 0) {
      if (a !== b) return a - b;
      if (value[i] !== value[j]) return value[i] - value[j];
    }
    return ID_ORDER.compare(ids[i], ids[j]);
  };
  // Ties (equal IDs) keep their input order: an order over positions, then by position.
  const before = (i: number, j: number): boolean => {
    const c = compare(i, j);
    return c < 0 || (c === 0 && i < j);
  };
  const usual = usualInOrder(place, value, places.size, ids);
  const others: number[] = [];
  for (let i = 0; i < n; i++) if (place[i] < 0) others.push(i);
  others.sort(compare);
  // Each other spelling (rare: a name-like ID, `IK0006`) put where it belongs among the usual ones, by binary search.
  const order: number[] = [];
  let from = 0;
  for (const x of others) {
    let lo = from;
    let hi = usual.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(usual[mid], x)) lo = mid + 1;
      else hi = mid;
    }
    for (let k = from; k < lo; k++) order.push(usual[k]);
    order.push(x);
    from = lo;
  }
  for (let k = from; k < usual.length; k++) order.push(usual[k]);
  const out = new Array<T>(n);
  for (let k = 0; k < n; k++) out[k] = items[order[k]];
  return out;
}

/**
 * Where the digits of a usual ID start (after its prefix of capital letters and a hyphen), or -1 for any other
 * spelling: `USUAL` read by hand (a match and two strings per ID cost more than sorting them).
 */
export function usualDigitsFrom(id: string): number {
  let i = 0;
  while (i < id.length && id.charCodeAt(i) >= 65 && id.charCodeAt(i) <= 90) i++;
  if (i === 0 || i >= id.length - 1 || id.charCodeAt(i) !== 45) return -1;
  const from = i + 1;
  let zeros = 0;
  while (from + zeros < id.length && id.charCodeAt(from + zeros) === 48) zeros++;
  for (let k = from + zeros; k < id.length; k++) if (id.charCodeAt(k) < 48 || id.charCodeAt(k) > 57) return -1;
  // At most 15 digits after the leading zeros (one zero counts when there is nothing else).
  const significant = Math.max(1, id.length - from - zeros);
  return significant <= 15 ? from : -1;
}

/** The value of the digits from `from` to the end (at most 15 after leading zeros: exact). */
function digitsValue(id: string, from: number): number {
  let n = 0;
  for (let k = from; k < id.length; k++) n = n * 10 + (id.charCodeAt(k) - 48);
  return n;
}

/** Largest digits' value and group size that fit one key of a `Float64Array` (37 + 16 bits, below 2^53). */
const KEY_VALUES = 2 ** 37;
const KEY_POSITIONS = 2 ** 16;

/**
 * The positions of the usual IDs in order: grouped by their prefix's place (a counting pass), each group by the
 * digits' value through the engine's numeric sort of one key per ID (value and position in the group in one number,
 * so that equal values stay in input order), then each run of equal values by the collator (`IK-01`, `IK-1`). A group
 * whose values or size do not fit a key is sorted by a comparison instead.
 */
function usualInOrder(place: Int32Array, value: Float64Array, placeCount: number, ids: readonly string[]): number[] {
  const groups: number[][] = [];
  for (let g = 0; g < placeCount; g++) groups.push([]);
  for (let i = 0; i < place.length; i++) if (place[i] >= 0) groups[place[i]].push(i);
  const order: number[] = [];
  for (const group of groups) {
    let fits = group.length < KEY_POSITIONS;
    for (let k = 0; fits && k < group.length; k++) fits = value[group[k]] < KEY_VALUES;
    let sorted: number[];
    if (fits) {
      const keys = new Float64Array(group.length);
      for (let k = 0; k < group.length; k++) keys[k] = value[group[k]] * KEY_POSITIONS + k;
      keys.sort();
      sorted = new Array<number>(group.length);
      for (let k = 0; k < keys.length; k++) sorted[k] = group[keys[k] % KEY_POSITIONS];
    } else sorted = [...group].sort((i, j) => value[i] - value[j]);
    // Runs of equal values: the collator decides between them, ties keep their order.
    for (let a = 0; a < sorted.length; ) {
      let b = a + 1;
      while (b < sorted.length && value[sorted[b]] === value[sorted[a]]) b++;
      if (b - a > 1) {
        const run = sorted.slice(a, b).sort((i, j) => ID_ORDER.compare(ids[i], ids[j]));
        for (let k = a; k < b; k++) sorted[k] = run[k - a];
      }
      a = b;
    }
    for (const i of sorted) order.push(i);
  }
  return order;
}
