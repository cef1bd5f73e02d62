/**
 * A function's results remembered by argument: tracking workbooks repeat the same few values (a status, a
 * category, a client's ID) thousands of times. At most `limit` results are kept; past it the memo starts afresh,
 * which costs time once and never changes a result. A memo is made and owned by whoever repeats the calls (one
 * validation, one formula's criterion): the core keeps no state of its own between calls.
 */
export class Memo<K, V> {
  private readonly results = new Map<K, V>();

  constructor(
    private readonly compute: (key: K) => V,
    private readonly limit = 100_000,
  ) {}

  get(key: K): V {
    const known = this.results.get(key);
    if (known !== undefined || this.results.has(key)) return known as V;
    const value = this.compute(key);
    if (this.results.size >= this.limit) this.results.clear();
    this.results.set(key, value);
    return value;
  }
}
