import { clientKey } from "../normalize/clientId";
import { formulaCell } from "./ranges";

/**
 * Distinct clients per bucket (a month, or one bucket for the whole range),
 * counted in one pass over the rows. Each distinct raw ID cell is normalised
 * once (the spec's ID rule, so ` ik-0042 ` and `IK-0042` are one client) and
 * given a number; a bit per client and bucket says whether it was counted.
 */
export class ClientTally {
  private readonly clientOfRaw = new Map<unknown, number>();
  private readonly clientOfKey = new Map<string, number>();
  private seen: Uint8Array;
  readonly counts: number[];

  constructor(private readonly buckets: number) {
    this.counts = new Array<number>(buckets).fill(0);
    this.seen = new Uint8Array(1024 * buckets);
  }

  /** Counts the client of a raw ID cell in `bucket`; blank IDs ("" or 0) count nowhere. */
  add(raw: unknown, bucket: number): void {
    let client = this.clientOfRaw.get(raw);
    if (client === undefined) {
      client = this.clientOf(raw);
      this.clientOfRaw.set(raw, client);
    }
    if (client < 0) return;
    const slot = client * this.buckets + bucket;
    if (this.seen[slot] === 0) {
      this.seen[slot] = 1;
      this.counts[bucket]++;
    }
  }

  private clientOf(raw: unknown): number {
    const cell = formulaCell(raw, true);
    const key = cell === null || typeof cell === "object" ? "" : clientKey(cell);
    if (key === "") return -1;
    let client = this.clientOfKey.get(key);
    if (client === undefined) {
      client = this.clientOfKey.size;
      this.clientOfKey.set(key, client);
      if ((client + 1) * this.buckets > this.seen.length) {
        const grown = new Uint8Array(this.seen.length * 2);
        grown.set(this.seen);
        this.seen = grown;
      }
    }
    return client;
  }
}
