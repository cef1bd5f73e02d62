import { EXCEL_MAX_CELL_TEXT, isBlank } from "../../core/cells";
import { DamagedPackage } from "./packageProblems";
import { decodeCellText } from "./ooxmlText";
import { decodeText, isSpace } from "./xmlScanner";
import { MAX_TEXT_RUN } from "./xmlStream";

/*
 * The shared strings of a package as they are written by Excel and most tools (`<si><t>text</t></si>` items, rich
 * text runs now and then), indexed in their bytes and decoded only when a cell asks for an item's text. Whether an
 * item is blank is read from its bytes: a column read only for whether it is filled (names, notes) makes no string
 * of its items, however many distinct remarks it holds. A part in any other form (UTF-16, comments, CDATA, a
 * processing instruction, elements other than items, text longer than a run may be) is read as a whole, as before.
 */

/** A shared string too long for an Excel cell: the cells that use it are unreadable. */
export const TOO_LONG = Symbol("too long");

export type SharedString = string | typeof TOO_LONG;

/** The shared strings as the worksheet reader asks for them. */
export interface SharedStrings {
  readonly length: number;
  /** Item `i`'s text (or `TOO_LONG`); `undefined` when the table has no such item. */
  at(i: number): SharedString | undefined;
  /** Whether item `i` is blank as a cell (only white space); false when there is no such item or it is too long. */
  isBlank(i: number): boolean;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;

/** How an item's text is held: a plain `<t>` run, a whole item to be parsed (rich text, phonetic runs), or empty. */
const PLAIN = 0;
const RICH = 1;
const EMPTY = 2;

/** Whether an item is blank, from its bytes: no, yes, or only its decoded text can tell. */
const FILLED = 0;
const BLANK = 1;
const UNKNOWN = 2;

/** A tag's name at `from` (after `<` or `</`): its end, and whether its local name (after any prefix) is `local`. */
function nameEnd(b: Uint8Array, from: number): number {
  let i = from;
  while (i < b.length && b[i] !== GT && b[i] !== SLASH && !isSpace(b[i])) i++;
  return i;
}

function isLocal(b: Uint8Array, from: number, to: number, local: string): boolean {
  let start = from;
  for (let i = from; i < to; i++) if (b[i] === COLON) start = i + 1;
  if (to - start !== local.length) return false;
  for (let k = 0; k < local.length; k++) if (b[start + k] !== local.charCodeAt(k)) return false;
  return true;
}

/** The `>` that ends the tag starting at `from`, skipping quoted attribute values; -1 when there is none. */
function tagEnd(b: Uint8Array, from: number): number {
  let quote = 0;
  for (let i = from; i < b.length; i++) {
    const c = b[i];
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === GT) return i;
    else if (c === LT) return -1;
  }
  return -1;
}

/** Whether the bytes `from`..`to` of an item's text make it blank: told by the first byte that is no space. */
function blankness(b: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (isSpace(c)) continue;
    // `&` (an entity), `_` (an `_xHHHH_` escape) and non-ASCII (other spaces) need the decoded text.
    return c > 0x20 && c < 0x7f && c !== 0x26 && c !== 0x5f ? FILLED : UNKNOWN;
  }
  return BLANK;
}

/** Where the bytes of each item lie, how it is held and whether it is blank. */
interface ItemIndex {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly form: Uint8Array;
  readonly blank: Uint8Array;
  readonly count: number;
}

/** Grows the index's arrays as items come (the part's size bounds their number, but a table per byte would be waste). */
class IndexBuilder {
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  form = new Uint8Array(1024);
  blank = new Uint8Array(1024);
  count = 0;

  add(from: number, to: number, form: number, blank: number): void {
    if (this.count === this.from.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const bigger = make(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.from = grow(this.from, (n) => new Int32Array(n));
      this.to = grow(this.to, (n) => new Int32Array(n));
      this.form = grow(this.form, (n) => new Uint8Array(n));
      this.blank = grow(this.blank, (n) => new Uint8Array(n));
    }
    this.from[this.count] = from;
    this.to[this.count] = to;
    this.form[this.count] = form;
    this.blank[this.count] = blank;
    this.count++;
  }
}

/**
 * Indexes the items of a shared-strings part in the usual form; `undefined` when the part is in any other form
 * (then it is read as a whole). Structure is checked as far as the index goes: one root, items closed in order.
 */
export function indexSharedStrings(b: Uint8Array): ItemIndex | undefined {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  // The XML declaration, then the root `<sst …>`.
  if (b[i] === LT && b[i + 1] === 0x3f) {
    const end = tagEnd(b, i + 2);
    if (end < 0 || b[end - 1] !== 0x3f) return undefined;
    i = end + 1;
  }
  while (i < b.length && isSpace(b[i])) i++;
  if (b[i] !== LT) return undefined;
  const rootNameEnd = nameEnd(b, i + 1);
  if (!isLocal(b, i + 1, rootNameEnd, "sst")) return undefined;
  const rootName = b.subarray(i + 1, rootNameEnd);
  const rootEnd = tagEnd(b, rootNameEnd);
  if (rootEnd < 0 || b[rootEnd - 1] === SLASH) return undefined;
  i = rootEnd + 1;
  const items = new IndexBuilder();
  for (;;) {
    while (i < b.length && isSpace(b[i])) i++;
    if (b[i] !== LT) return undefined;
    if (b[i + 1] === SLASH) {
      // The root's end, and nothing but space after it.
      const end = nameEnd(b, i + 2);
      if (!sameName(b, i + 2, end, rootName) || b[end] !== GT) return undefined;
      for (let k = end + 1; k < b.length; k++) if (!isSpace(b[k])) return undefined;
      return items;
    }
    const siEnd = nameEnd(b, i + 1);
    if (!isLocal(b, i + 1, siEnd, "si")) return undefined;
    const open = tagEnd(b, siEnd);
    if (open < 0) return undefined;
    if (b[open - 1] === SLASH) {
      items.add(0, 0, EMPTY, BLANK);
      i = open + 1;
      continue;
    }
    const next = item(b, open + 1, b.subarray(i + 1, siEnd), items);
    if (next < 0) return undefined;
    i = next;
  }
}

function sameName(b: Uint8Array, from: number, to: number, name: Uint8Array): boolean {
  if (to - from !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (b[from + k] !== name[k]) return false;
  return true;
}

/**
 * One item's content from `from` (after `<si>`): a plain `<t>` run, or a rich item up to its `</si>`. Returns where
 * the next item starts, -1 for a part the index does not take.
 */
function item(b: Uint8Array, from: number, siName: Uint8Array, items: IndexBuilder): number {
  let i = from;
  while (i < b.length && isSpace(b[i])) i++;
  if (b[i] === LT && b[i + 1] !== SLASH && b[i + 1] !== 0x21 && b[i + 1] !== 0x3f) {
    const tNameEnd = nameEnd(b, i + 1);
    if (isLocal(b, i + 1, tNameEnd, "t")) {
      const open = tagEnd(b, tNameEnd);
      if (open < 0) return -1;
      if (b[open - 1] !== SLASH) {
        const textFrom = open + 1;
        const textTo = b.indexOf(LT, textFrom);
        if (textTo < 0 || textTo - textFrom > MAX_TEXT_RUN) return -1;
        // `</t>` with the same name, then space, then `</si>`: a plain item.
        if (b[textTo + 1] === SLASH && sameName(b, textTo + 2, nameEnd(b, textTo + 2), b.subarray(i + 1, tNameEnd))) {
          let k = nameEnd(b, textTo + 2);
          if (b[k] === GT) {
            k++;
            while (k < b.length && isSpace(b[k])) k++;
            if (b[k] === LT && b[k + 1] === SLASH && sameName(b, k + 2, nameEnd(b, k + 2), siName) && b[nameEnd(b, k + 2)] === GT) {
              items.add(textFrom, textTo, PLAIN, blankness(b, textFrom, textTo));
              return nameEnd(b, k + 2) + 1;
            }
          }
        }
      }
    }
  }
  // A rich item (runs, phonetic text) or an unusual one: its bytes up to its `</si>`, parsed when asked for.
  for (let at = b.indexOf(LT, from); at >= 0; at = b.indexOf(LT, at + 1)) {
    const c = b[at + 1];
    if (c === 0x21 || c === 0x3f) return -1; // comment, CDATA, processing instruction
    if (c !== SLASH) {
      if (isLocal(b, at + 1, nameEnd(b, at + 1), "si")) return -1; // an item inside an item
      continue;
    }
    const end = nameEnd(b, at + 2);
    if (isLocal(b, at + 2, end, "si")) {
      if (!sameName(b, at + 2, end, siName) || b[end] !== GT) return -1;
      items.add(from, at, RICH, UNKNOWN);
      return end + 1;
    }
  }
  return -1;
}

/** `ignoreBOM`: a text that starts with U+FEFF keeps it, as it does when the whole part is decoded. */
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Up to this many bytes, an ASCII text is made from its bytes directly. */
const SHORT = 128;

/**
 * A short ASCII text made from its bytes without a decoder: a decoder's call has a fixed cost, small in Node but
 * about 10 µs in Chromium's worker, where 9,000 statuses, topics and IDs took 90 ms; `undefined` otherwise.
 */
function shortAscii(bytes: Uint8Array): string | undefined {
  if (bytes.length > SHORT) return undefined;
  for (let k = 0; k < bytes.length; k++) if (bytes[k] > 0x7f) return undefined;
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/** The shared strings of an indexed part: each item's text made when first asked for, then kept. */
export class IndexedSharedStrings implements SharedStrings {
  private readonly texts: (SharedString | undefined)[];

  constructor(
    private readonly bytes: Uint8Array,
    private readonly index: ItemIndex,
    private readonly part: string,
    /** Reads a rich item's XML (`<si>…</si>`) as the whole part would be read. */
    private readonly readItem: (xml: string) => SharedString,
  ) {
    this.texts = new Array<SharedString | undefined>(index.count);
  }

  get length(): number {
    return this.index.count;
  }

  at(i: number): SharedString | undefined {
    if (i < 0 || i >= this.index.count) return undefined;
    return (this.texts[i] ??= this.decode(i));
  }

  isBlank(i: number): boolean {
    if (i < 0 || i >= this.index.count) return false;
    const known = this.index.blank[i];
    if (known !== UNKNOWN) return known === BLANK;
    const text = this.at(i);
    return typeof text === "string" && isBlank(text);
  }

  private decode(i: number): SharedString {
    const { from, to, form } = this.index;
    if (form[i] === EMPTY) return "";
    const bytes = this.bytes.subarray(from[i], to[i]);
    let raw = shortAscii(bytes);
    if (raw === undefined) {
      try {
        raw = UTF8.decode(bytes);
      } catch (error) {
        throw new DamagedPackage(`${this.part}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // XML 1.0, 2.11: CR LF and a lone CR are a line feed.
    if (raw.includes("\r")) raw = raw.replace(/\r\n?/g, "\n");
    if (form[i] === RICH) return this.readItem(`<si>${raw}</si>`);
    let text: string;
    try {
      text = decodeCellText(decodeText(raw));
    } catch (error) {
      if (error instanceof DamagedPackage) throw new DamagedPackage(`${this.part}: ${error.message}`);
      throw error;
    }
    return text.length > EXCEL_MAX_CELL_TEXT ? TOO_LONG : text;
  }
}
