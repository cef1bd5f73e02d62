import { looksLikeName } from "../normalize/clientId";
import { ClientActivity } from "../records";
import { Analysis } from "../analysis";
import { forEachCounted } from "../forEachRecord";
import { ID_ORDER } from "./idOrder";

/**
 * How each client's ID appears in every output (`Fälle`, `Geprüfte Einträge`):
 * the clients sheet's spelling, else that of the client's earliest row. An ID
 * without a digit may be a name: it never leaves its cell, the outputs show
 * "Kennung ohne Ziffer 1", "… 2", numbered in the order of the IDs, one number
 * per client, the same in every output (computed once per review and handed to
 * each sheet that shows IDs).
 */
export function shownClientIds(analysis: Analysis): ReadonlyMap<string, string> {
  // Each client's earliest row itself, not a copy of its fields: no object per client and row.
  const spelling = new Map<string, ClientActivity>();
  const consider = (r: ClientActivity): void => {
    const first = spelling.get(r.clientKey);
    if (!first || r.day < first.day || (r.day === first.day && r.row < first.row)) spelling.set(r.clientKey, r);
  };
  forEachCounted(analysis.counselling, consider);
  forEachCounted(analysis.referrals, consider);
  const ids = new Map<string, string>();
  spelling.forEach((first, key) => ids.set(key, analysis.clients.get(key)?.clientId ?? first.clientId));
  const masked = [...ids].filter(([, id]) => looksLikeName(id)).sort((a, b) => ID_ORDER.compare(a[1], b[1]) || ID_ORDER.compare(a[0], b[0]));
  masked.forEach(([key], i) => ids.set(key, `Kennung ohne Ziffer ${i + 1}`));
  return ids;
}
