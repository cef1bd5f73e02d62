/**
 * A map from whole numbers (below 2^53 in size) to row numbers, in two typed arrays: no object per entry, and no
 * heap number per key (a `Map` keeps a key beyond 2^30 as an object of its own; on 150,000 rows that cost more than
 * the lookups). Open addressing with linear probing, at most half full.
 */
export class WholeNumberMap {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1024) {
    const size = 1 << Math.max(4, Math.ceil(Math.log2(capacity * 2)));
    this.keys = new Float64Array(size).fill(NaN);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  /**
   * The value under `key`; when there is none, `value` is stored under it and `undefined` returned.
   *
   * @example map.firstOr(7, 12) // undefined; then map.firstOr(7, 30) // 12
   */
  firstOr(key: number, value: number): number | undefined {
    let i = slot(key) & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === key) return this.values[i];
      if (k !== k) break; // NaN: an empty slot
      i = (i + 1) & this.mask;
    }
    this.keys[i] = key;
    this.values[i] = value;
    if (++this.count * 2 > this.keys.length) this.grow();
    return undefined;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2).fill(NaN);
    this.values = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j];
      if (k !== k) continue;
      let i = slot(k) & this.mask;
      while (this.keys[i] === this.keys[i]) i = (i + 1) & this.mask;
      this.keys[i] = k;
      this.values[i] = values[j];
    }
  }
}

/** A well-mixed 32-bit hash of a whole number: its low and high 32 bits (murmur3's finaliser). */
function slot(key: number): number {
  let h = (key >>> 0) ^ Math.imul(Math.floor(key / 4294967296) | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
