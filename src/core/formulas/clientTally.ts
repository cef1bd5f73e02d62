import { clientKey } from "../normalize/clientId";
import { formulaCell } from "./ranges";

/** A tally has at most one bucket per month. */
const MAX_BUCKETS = 12;
const RAW_LIMIT = 500_000;
const KEY_LIMIT = 500_000;

/**
 * The clients the formulas have seen, kept between calls by whoever owns it (the custom functions keep one for
 * as long as Excel runs them: Excel calls a formula again on every recalculation, with the same IDs): each raw
 * ID cell maps to its normalised key (the spec's ID rule, so ` ik-0042 ` and `IK-0042` are one client), each key
 * to a small number. Bounded: past the limits the maps start afresh, which costs one slower call and never a
 * wrong count.
 */
export class ClientRegistry {
  private readonly clientOfRaw = new Map<unknown, number>();
  private readonly clientOfKey = new Map<string, number>();
  /** Per client and bucket, the tally that last counted it: no clearing between calls. */
  stamps = new Int32Array(1024 * MAX_BUCKETS);
  private tallies = 0;

  /** A number for the next tally's stamps. */
  nextStamp(): number {
    return ++this.tallies;
  }

  /** The client of a raw ID cell, or -1 for a blank ID ("" or 0). */
  clientOf(raw: unknown): number {
    let client = this.clientOfRaw.get(raw);
    if (client === undefined) {
      if (this.clientOfRaw.size >= RAW_LIMIT) this.clientOfRaw.clear();
      client = this.clientOfCell(raw);
      this.clientOfRaw.set(raw, client);
    }
    return client;
  }

  private clientOfCell(raw: unknown): number {
    const cell = formulaCell(raw, true);
    const key = cell === null || typeof cell === "object" ? "" : clientKey(cell);
    if (key === "") return -1;
    let client = this.clientOfKey.get(key);
    if (client === undefined) {
      if (this.clientOfKey.size >= KEY_LIMIT) {
        this.clientOfKey.clear();
        this.clientOfRaw.clear();
      }
      client = this.clientOfKey.size;
      this.clientOfKey.set(key, client);
      // Room for the new client in every bucket a tally may have, so that counting needs no bounds check.
      if ((client + 1) * MAX_BUCKETS > this.stamps.length) {
        const grown = new Int32Array(Math.max(this.stamps.length * 2, (client + 1) * MAX_BUCKETS));
        grown.set(this.stamps);
        this.stamps = grown;
      }
    }
    return client;
  }
}

/**
 * Distinct clients per bucket (a month, or one bucket for the whole range),
 * counted in one pass over the rows: one map lookup per row, and a stamp per
 * client and bucket saying whether this tally has counted it.
 */
export class ClientTally {
  readonly counts: number[];
  private readonly stamp: number;
  private lastRaw: unknown = NaN;
  private lastClient = -1;

  constructor(
    private readonly registry: ClientRegistry,
    private readonly buckets: number,
  ) {
    if (buckets > MAX_BUCKETS) throw new RangeError(`at most ${MAX_BUCKETS} buckets`);
    this.counts = new Array<number>(buckets).fill(0);
    this.stamp = registry.nextStamp();
  }

  /** Counts the client of a raw ID cell in `bucket`; blank IDs ("" or 0) count nowhere. */
  add(raw: unknown, bucket: number): void {
    // Rows of one client often follow each other (a table sorted by client): then no lookup at all.
    let client: number;
    if (raw === this.lastRaw) client = this.lastClient;
    else {
      client = this.registry.clientOf(raw);
      this.lastRaw = raw;
      this.lastClient = client;
    }
    if (client < 0) return;
    const slot = client * this.buckets + bucket;
    const stamps = this.registry.stamps;
    if (stamps[slot] !== this.stamp) {
      stamps[slot] = this.stamp;
      this.counts[bucket]++;
    }
  }
}
