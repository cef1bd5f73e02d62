import { Analysis } from "./analysis";
import { ClientRecord } from "./records";

const made = new WeakMap<Analysis, readonly (ClientRecord | undefined)[]>();

/**
 * The clients sheet's records by client number (undefined: no row of the clients sheet), made once per analysis:
 * the report looks up 30,000 clients more than once, where a map by the client's text cost a cache miss each time.
 */
export function clientsByNumber(analysis: Analysis): readonly (ClientRecord | undefined)[] {
  let byNumber = made.get(analysis);
  if (!byNumber) {
    const array = new Array<ClientRecord | undefined>(analysis.clientCount).fill(undefined);
    analysis.clients.forEach((c) => (array[c.clientNumber] = c));
    made.set(analysis, (byNumber = array));
  }
  return byNumber;
}
