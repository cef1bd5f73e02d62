import { clientKey } from "../normalize/clientId";
import { formulaCell } from "./ranges";

/**
 * The clients formulas have seen, kept between calls (Excel calls a formula
 * again on every recalculation, with the same IDs): each raw ID cell maps to
 * its normalised key (the spec's ID rule, so ` ik-0042 ` and `IK-0042` are one
 * client), each key to a small number. Bounded: past the limits the maps start
 * afresh, which costs one slower call and never a wrong count.
 */
const RAW_LIMIT = 500_000;
const KEY_LIMIT = 500_000;
const clientOfRaw = new Map<unknown, number>();
const clientOfKey = new Map<string, number>();

/** A tally has at most one bucket per month. */
const MAX_BUCKETS = 12;

/** Per client and bucket, the call that last counted it: no clearing between calls. */
let stamps = new Int32Array(1024 * MAX_BUCKETS);
let call = 0;

function clientOf(raw: unknown): number {
  const cell = formulaCell(raw, true);
  const key = cell === null || typeof cell === "object" ? "" : clientKey(cell);
  if (key === "") return -1;
  let client = clientOfKey.get(key);
  if (client === undefined) {
    if (clientOfKey.size >= KEY_LIMIT) {
      clientOfKey.clear();
      clientOfRaw.clear();
    }
    client = clientOfKey.size;
    clientOfKey.set(key, client);
    // Room for the new client in every bucket a tally may have, so that counting needs no bounds check.
    if ((client + 1) * MAX_BUCKETS > stamps.length) {
      const grown = new Int32Array(Math.max(stamps.length * 2, (client + 1) * MAX_BUCKETS));
      grown.set(stamps);
      stamps = grown;
    }
  }
  return client;
}

/**
 * Distinct clients per bucket (a month, or one bucket for the whole range),
 * counted in one pass over the rows: one map lookup per row, and a stamp per
 * client and bucket saying whether this call has counted it.
 */
export class ClientTally {
  readonly counts: number[];
  private readonly stamp: number;
  private lastRaw: unknown = NaN;
  private lastClient = -1;

  constructor(private readonly buckets: number) {
    if (buckets > MAX_BUCKETS) throw new RangeError(`at most ${MAX_BUCKETS} buckets`);
    this.counts = new Array<number>(buckets).fill(0);
    this.stamp = ++call;
  }

  /** Counts the client of a raw ID cell in `bucket`; blank IDs ("" or 0) count nowhere. */
  add(raw: unknown, bucket: number): void {
    // Rows of one client often follow each other (a table sorted by client): then no lookup at all.
    let client: number | undefined;
    if (raw === this.lastRaw) client = this.lastClient;
    else {
      client = clientOfRaw.get(raw);
      if (client === undefined) {
        if (clientOfRaw.size >= RAW_LIMIT) clientOfRaw.clear();
        client = clientOf(raw);
        clientOfRaw.set(raw, client);
      }
      this.lastRaw = raw;
      this.lastClient = client;
    }
    if (client < 0) return;
    const slot = client * this.buckets + bucket;
    if (stamps[slot] !== this.stamp) {
      stamps[slot] = this.stamp;
      this.counts[bucket]++;
    }
  }
}
