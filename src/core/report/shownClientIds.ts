import { looksLikeName } from "../normalize/clientId";
import { Analysis } from "../analysis";
import { clientsByNumber } from "../clientsByNumber";
import { ID_ORDER } from "./idOrder";
import { clientSpans } from "./clientSpans";

/**
 * How each client's ID appears in every output (`Fälle`, `Geprüfte Einträge`, the retention list): the clients
 * sheet's spelling, else that of the client's earliest row. An ID without a digit may be a name: it never leaves its
 * cell, the outputs show "Kennung ohne Ziffer 1", "… 2", numbered in the order of the IDs, one number per client, the
 * same in every output (computed once per review and handed to each sheet that shows IDs).
 */
export class ShownClientIds {
  /**
   * @param byNumber the ID shown, by client number (undefined: no counted counselling or referral row)
   * @param met the client numbers that have one, in the order their first counted row was met
   * @param keys the client key of each number in `met`
   */
  constructor(
    private readonly byNumber: readonly (string | undefined)[],
    readonly met: readonly number[],
    private readonly keys: readonly (string | undefined)[],
  ) {}

  /** The ID shown for a record's client (its own spelling for a client without counted rows). */
  of(r: { readonly clientNumber: number; readonly clientId: string }): string {
    return this.byNumber[r.clientNumber] ?? r.clientId;
  }

  /** The ID shown for client number `n`, if it has counted rows. */
  byClient(n: number): string | undefined {
    return this.byNumber[n];
  }

  /** By client key (for callers that know clients by key only, such as the retention list), in the order met. */
  byKey(): ReadonlyMap<string, string> {
    return new Map(this.met.map((n) => [this.keys[n]!, this.byNumber[n]!]));
  }
}

export function shownClientIds(analysis: Analysis): ShownClientIds {
  // Each client's earliest row (`clientSpans`), by client number: no map of texts.
  const { byNumber: spans, met } = clientSpans(analysis);
  const byNumber = new Array<string | undefined>(analysis.clientCount).fill(undefined);
  const keys = new Array<string | undefined>(analysis.clientCount).fill(undefined);
  const masked: number[] = [];
  const clients = clientsByNumber(analysis);
  for (const n of met) {
    const first = spans[n]!.first;
    const id = clients[n]?.clientId ?? first.clientId;
    byNumber[n] = id;
    keys[n] = first.clientKey;
    if (looksLikeName(id)) masked.push(n);
  }
  masked.sort((a, b) => ID_ORDER.compare(byNumber[a]!, byNumber[b]!) || ID_ORDER.compare(keys[a]!, keys[b]!));
  masked.forEach((n, i) => (byNumber[n] = `Kennung ohne Ziffer ${i + 1}`));
  return new ShownClientIds(byNumber, met, keys);
}
