/** Most attributes a plain tag may have; a tag with more goes the long way. */
const MAX_PLAIN_ATTRIBUTES = 16;

/**
 * The attributes of the last plain tag read (see `plainTag`), as positions in the scanned string: for attribute
 * `k`, its name is `s[at[4k], at[4k+1])` and its raw value `s[at[4k+2], at[4k+3])`. One instance is reused for
 * every tag: nothing is allocated per tag.
 */
export class PlainAttributes {
  readonly at = new Int32Array(4 * MAX_PLAIN_ATTRIBUTES);
  count = 0;
  selfClosing = false;
}

/** A character of an attribute name as writers of OOXML spell them: ASCII letters, digits, `:`, `_`, `-`, `.`. */
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46;
}

/**
 * The rest of a start tag from `from` (just after the element's name), when it is written the plain way that
 * Excel and most tools write: each attribute as one space, a name of ASCII letters (digits, `:`, `_`, `-`, `.`
 * after the first), `="`, a value without `"`, `<` or `&`, and `"`; then `>` or `/>`. Returns the position of
 * the tag's `>`, with the attributes in `into`; -1 for any other tag, and for a tag the chunk cuts off: the
 * checked long way (`tagEnd`, `scanAttributes`) reads those. What it accepts is well-formed, and reads as the long
 * way reads it (no entity to decode in a value).
 */
export function plainTag(s: string, from: number, into: PlainAttributes): number {
  // Every read stays inside `s`: a `charCodeAt` past the end (NaN) makes V8 drop its inlined form for a call.
  const at = into.at;
  const n = s.length;
  let count = 0;
  let i = from;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 62 /* > */) {
      into.count = count;
      into.selfClosing = false;
      return i;
    }
    if (c === 47 /* / */) {
      if (i + 1 >= n || s.charCodeAt(i + 1) !== 62) return -1;
      into.count = count;
      into.selfClosing = true;
      return i + 1;
    }
    if (c !== 32 || count === MAX_PLAIN_ATTRIBUTES || i + 1 >= n) return -1;
    const nameFrom = ++i;
    let d = s.charCodeAt(i);
    if (!((d >= 97 && d <= 122) || (d >= 65 && d <= 90))) return -1;
    for (i++; i < n; i++) {
      d = s.charCodeAt(i);
      if (!isNameChar(d)) break;
    }
    if (d !== 61 /* = */ || i + 1 >= n || s.charCodeAt(i + 1) !== 34 /* " */) return -1;
    const nameTo = i;
    const valueFrom = i + 2;
    let j = valueFrom;
    for (; j < n; j++) {
      const v = s.charCodeAt(j);
      if (v === 34) break;
      if (v === 60 /* < */ || v === 38 /* & */) return -1;
    }
    if (j >= n) return -1; // the chunk ends inside the value
    const k = 4 * count++;
    at[k] = nameFrom;
    at[k + 1] = nameTo;
    at[k + 2] = valueFrom;
    at[k + 3] = j;
    i = j + 1;
  }
  return -1; // the chunk ends inside the tag
}
