/** Client IDs in natural order: IK-2 before IK-10 (German collation, digits compared as numbers). */
export const ID_ORDER = new Intl.Collator("de", { numeric: true });

/**
 * The usual spelling of a shown ID: capital letters, a hyphen, digits (`IK-0042`). Between two such IDs the collation
 * above is plain: the hyphen sorts before every letter and digit, capital letters in alphabetical order, the digits by
 * their value (leading zeros do not count); IDs of equal value, and every other spelling, go to the collator.
 */
const USUAL = /^([A-Z]+-)0*(\d{1,15})$/;

interface IdKey {
  readonly id: string;
  /** The letters and the hyphen of a usual ID; undefined for any other spelling. */
  readonly prefix: string | undefined;
  /** Its digits without leading zeros. */
  readonly digits: string;
}

function idKey(id: string): IdKey {
  const usual = USUAL.exec(id);
  return usual ? { id, prefix: usual[1], digits: usual[2] } : { id, prefix: undefined, digits: "" };
}

/** As `ID_ORDER.compare` of the two IDs, without asking the collator where the order is plain. */
function compareKeys(a: IdKey, b: IdKey): number {
  if (a.prefix !== undefined && b.prefix !== undefined) {
    if (a.prefix !== b.prefix) return a.prefix < b.prefix ? -1 : 1;
    if (a.digits.length !== b.digits.length) return a.digits.length - b.digits.length;
    if (a.digits !== b.digits) return a.digits < b.digits ? -1 : 1;
  }
  return ID_ORDER.compare(a.id, b.id);
}

/**
 * The items sorted by their IDs as `ID_ORDER` sorts them (stable: items of equal IDs keep their order). Sorting the
 * 30,000 clients of a large workbook through the collator alone took a tenth of a second, twice per review.
 *
 * @example sortByIds(["IK-10", "IK-2", "AB-7"], (id) => id) // ["AB-7", "IK-2", "IK-10"]
 */
export function sortByIds<T>(items: readonly T[], idOf: (item: T) => string): T[] {
  const keys = items.map((item) => idKey(idOf(item)));
  const order = items.map((_, i) => i);
  order.sort((i, j) => compareKeys(keys[i], keys[j]));
  return order.map((i) => items[i]);
}
