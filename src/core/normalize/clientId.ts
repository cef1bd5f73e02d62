import { Cell, cellText, isCellError } from "../cells";

/**
 * The spelling of a client ID as shown in outputs: trimmed, upper-cased,
 * all whitespace removed.
 *
 * @example displayClientId(" ik-0042 ") // "IK-0042"
 */
export function displayClientId(value: Cell): string {
  if (isCellError(value)) return "";
  return cellText(value).toUpperCase().replace(/\s+/g, "");
}

/** Hyphens, dashes, underscores, dots and slashes separate, they do not distinguish. */
const SEPARATORS = /[-‐‑‒–—_./]/g;

/**
 * The key under which IDs are the same client. The spec's example makes
 * ` ik-0042 `, `IK 0042` and `IK-0042` one client, so besides whitespace the
 * separators are dropped too (docs/decisions.md).
 *
 * @example clientKey("IK 0042") === clientKey("ik-0042") // true
 */
export function clientKey(value: Cell): string {
  return keyOfDisplayed(displayClientId(value));
}

/** `clientKey` of a value whose displayed spelling (`displayClientId`) is at hand. */
export const keyOfDisplayed = (display: string): string => display.replace(SEPARATORS, "");

/** An ID without any digit looks like a name (warning W_ID_LOOKS_LIKE_NAME). */
export function looksLikeName(id: string): boolean {
  return !/[0-9]/.test(id);
}
