import { DamagedPackage, PackageTooLarge } from "./packageProblems";
import { PlainAttributes, plainTag } from "./plainTag";
import { MAX_DEPTH, MAX_TEXT_RUN } from "./xmlStream";

/** Unfinished markup kept between chunks: a tag, comment or text of one cell, with room to spare. */
const MAX_PENDING = 2 * MAX_TEXT_RUN;

/**
 * What a scan reports: elements (name as written, with any prefix) and raw text between them. Attributes and
 * text are handed over as positions in the scanned string `s`, so that only what a handler keeps is copied out
 * (a worksheet has millions of tags; slicing each one is most of a naive scanner's time).
 */
export interface ScanHandler {
  /** An element opens; its attributes lie in `s` from `from` to `to` (see `scanAttributes`). */
  open(name: string, s: string, from: number, to: number, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text `s[from, to)` (entities not yet decoded, see `decodeText`); `cdata` when it comes from a CDATA section. */
  text(s: string, from: number, to: number, cdata: boolean): void;
  /** Whether text matters now (inside a value): other text is only checked, never cut out. */
  wantsText(): boolean;
  /**
   * Optional, for worksheets: a whole unprefixed cell with plain attributes (see `plainTag`) of one of the shapes
   * that make most of a worksheet, at once instead of as its five or seven events: `<c …><v>value</v></c>`,
   * `<c …><is><t>text</t></is></c>` (`inline`), or `<c …/>` (no value: `textFrom` is -1). Its raw text lies in
   * `s[textFrom, textTo)`.
   */
  simpleCell?(s: string, attributes: PlainAttributes, textFrom: number, textTo: number, inline: boolean): void;
  /**
   * Optional, for worksheets: an unprefixed `<row …>` with plain attributes, instead of `open`; its `close` follows
   * as for any element (at once when `attributes.selfClosing`).
   */
  plainRow?(s: string, attributes: PlainAttributes): void;
}

/** What follows the start tag of an inline cell, and what closes it (see `ScanHandler.simpleCell`; `<v>` is read apart). */
const INLINE_CELLS = [
  { open: "<is><t>", close: "</t></is></c>" },
  { open: '<is><t xml:space="preserve">', close: "</t></is></c>" },
] as const;

/** The first `<` from `from` on, or -1: a value is a few characters, for which a loop is cheaper than `indexOf`. */
function nextTagStart(s: string, from: number): number {
  const near = Math.min(from + 24, s.length);
  for (let i = from; i < near; i++) if (s.charCodeAt(i) === 60) return i;
  return near < s.length ? s.indexOf("<", near) : -1;
}

/** Whether `</v></c>` stands at `at` (the caller knows `s` is long enough). */
function isValueClose(s: string, at: number): boolean {
  return (
    s.charCodeAt(at) === 60 && s.charCodeAt(at + 1) === 47 && s.charCodeAt(at + 2) === 118 && s.charCodeAt(at + 3) === 62 &&
    s.charCodeAt(at + 4) === 60 && s.charCodeAt(at + 5) === 47 && s.charCodeAt(at + 6) === 99 && s.charCodeAt(at + 7) === 62
  );
}

/** One attribute of a tag: its name `s[nameFrom, nameTo)` and raw value `s[valueFrom, valueTo)`. */
export type AttributeVisitor = (s: string, nameFrom: number, nameTo: number, valueFrom: number, valueTo: number) => void;

const ENTITY = /&(lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/g;
const BAD_AMPERSAND = /&(?!(?:lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)/;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Text or an attribute value with XML's entities decoded; a stray `&` or a bad character reference is damage. */
export function decodeText(raw: string): string {
  if (!raw.includes("&")) return raw;
  if (BAD_AMPERSAND.test(raw)) throw new DamagedPackage("an & that starts no entity");
  return raw.replace(ENTITY, (_, entity: string) => {
    if (entity[0] !== "#") return NAMED[entity];
    const code = entity[1] === "x" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new DamagedPackage("a character reference out of range");
    return String.fromCodePoint(code);
  });
}

/**
 * Walks the attributes of a tag, which lie in `s` from `from` to `to`, checking each, and hands the positions of
 * each name and raw value to `visit`. Malformed attributes are damage.
 */
export function scanAttributes(s: string, from: number, to: number, visit: AttributeVisitor): void {
  let i = from;
  for (;;) {
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    if (i >= to) return;
    const eq = s.indexOf("=", i);
    if (eq < 0 || eq >= to) throw new DamagedPackage("an attribute without value");
    let nameEnd = eq;
    while (nameEnd > i && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
    let q = eq + 1;
    while (q < to && isSpace(s.charCodeAt(q))) q++;
    const quote = s.charCodeAt(q);
    if (nameEnd === i || q >= to || (quote !== 34 && quote !== 39)) throw new DamagedPackage("an attribute without quotes");
    const end = s.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (end < 0 || end >= to) throw new DamagedPackage("an attribute not closed");
    // A < inside the value: found by `tagEnd`, which walks every tag before its attributes are looked at.
    visit(s, i, nameEnd, q + 1, end);
    i = end + 1;
  }
}

/** Whether `s[from, to)` is exactly `text`. */
export function spells(s: string, from: number, to: number, text: string): boolean {
  return to - from === text.length && s.startsWith(text, from);
}

/** The names of the elements a worksheet repeats most: made once, not copied out of every tag. */
const COMMON_NAMES = ["c", "v", "t", "f", "r", "is", "row"];

/** The element name `s[from, to)`, as one shared string for the common ones. */
function nameAt(s: string, from: number, to: number): string {
  if (to - from <= 3) for (const name of COMMON_NAMES) if (spells(s, from, to, name)) return name;
  return s.slice(from, to);
}

/** XML's white space (XML 1.0, 2.3 `S`): space, tab, line feed, carriage return. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/**
 * Where a tag that starts at `start` (its `<`) ends (its `>`), minding quoted attribute values; -1 when not in `s`. A
 * `<` in the tag, inside a value or not, is damage.
 */
function tagEnd(s: string, start: number): number {
  let quote = 0;
  for (let i = start + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 60 /* < */) throw new DamagedPackage("a < inside an attribute");
    } else if (c === 62 /* > */) return i;
    else if (c === 34 || c === 39) quote = c;
    else if (c === 60 /* < */) throw new DamagedPackage("a < inside a tag");
  }
  return -1;
}

/**
 * A streaming, well-formedness-checking scanner for the large parts of a
 * package (worksheets). It finds tags with `indexOf` and walks only the tags
 * themselves, so it runs in linear time and several times faster than a
 * general parser; it checks what a damaged part would break (every element
 * closed in order, one root, no text outside it, no DOCTYPE, entities and
 * character references valid) and reports the rest as it is.
 */
export class XmlScanner {
  private rest = "";
  private readonly stack: string[] = [];
  private roots = 0;
  /** The attributes of the last plain tag, reused. */
  private readonly plain = new PlainAttributes();

  constructor(private readonly handler: ScanHandler) {}

  write(chunk: string): void {
    const s = this.rest.length > 0 ? this.rest + chunk : chunk;
    const n = s.length;
    let i = 0;
    while (i < n) {
      // Most tags follow the last one at once: no search for them.
      const lt = s.charCodeAt(i) === 60 ? i : s.indexOf("<", i);
      if (lt < 0) break; // text continues in the next chunk
      if (lt > i) this.text(s, i, lt);
      i = lt;
      // Reads past the end of `s` are avoided here and below: one (NaN) makes V8 call `charCodeAt` ever after.
      if (lt + 1 >= n) break;
      const next = s.charCodeAt(lt + 1);
      let end: number;
      if (next === 47 /* / */) {
        end = s.indexOf(">", lt);
        if (end < 0) break;
        this.closeTag(s, lt + 2, end);
      } else if (next === 63 /* ? */) {
        end = s.indexOf("?>", lt);
        if (end < 0) break;
        end += 1;
      } else if (next === 33 /* ! */) {
        if (s.startsWith("<!--", lt)) {
          end = s.indexOf("-->", lt);
          if (end < 0) break;
          end += 2;
        } else if (s.startsWith("<![CDATA[", lt)) {
          end = s.indexOf("]]>", lt);
          if (end < 0) break;
          if (this.stack.length === 0) throw new DamagedPackage("CDATA outside the root");
          this.handler.text(s, lt + 9, end, true);
          end += 2;
        } else if (n - lt < 9) break;
        else throw new DamagedPackage("a DOCTYPE or unknown declaration");
      } else {
        // The two tags a worksheet is made of, written plainly, read in one go; any other tag the long way.
        const quick = next === 99 /* c */ ? this.simpleCell(s, lt) : next === 114 /* r */ ? this.plainRow(s, lt) : -1;
        if (quick >= 0) end = quick;
        else {
          end = tagEnd(s, lt);
          if (end < 0) break;
          this.openTag(s, lt + 1, end);
        }
      }
      i = end + 1;
    }
    this.rest = i < n ? s.slice(i) : "";
    if (this.rest.length > MAX_PENDING) throw new PackageTooLarge("markup longer than any cell");
  }

  /** The end of the part: everything must be closed. */
  close(): void {
    if (this.rest.trim() !== "") throw new DamagedPackage("the part ends inside markup");
    if (this.stack.length > 0 || this.roots !== 1) throw new DamagedPackage("the part ends before its elements are closed");
  }

  private text(s: string, from: number, to: number): void {
    if (this.stack.length === 0) {
      if (s.slice(from, to).trim() !== "") throw new DamagedPackage("text outside the root element");
      return;
    }
    if (this.handler.wantsText()) this.handler.text(s, from, to, false);
  }

  /** The tag `s[from, to)`: the text between `<` and `>`. */
  private openTag(s: string, from: number, to: number): void {
    const selfClosing = s.charCodeAt(to - 1) === 47; /* / */
    const end = selfClosing ? to - 1 : to;
    let nameEnd = from;
    while (nameEnd < end && !isSpace(s.charCodeAt(nameEnd))) nameEnd++;
    if (nameEnd === from) throw new DamagedPackage("a tag without name");
    const name = nameAt(s, from, nameEnd);
    if (this.stack.length === 0) {
      if (++this.roots > 1) throw new DamagedPackage("a second root element");
    }
    this.handler.open(name, s, nameEnd, end, selfClosing);
    if (selfClosing) this.handler.close(name);
    else if (this.stack.push(name) > MAX_DEPTH) throw new DamagedPackage(`elements nested deeper than ${MAX_DEPTH}`);
  }

  /**
   * A cell at `lt` when it is a simple cell as a whole, in this chunk (see `ScanHandler.simpleCell`): handed over at
   * once, returning where it ends (its last `>`); -1 for any other element, which goes the long way. What it
   * accepts is well-formed by its shape: plain attributes, then nothing, or one element with one text child,
   * closed in order.
   */
  private simpleCell(s: string, lt: number): number {
    const handler = this.handler;
    if (handler.simpleCell === undefined || lt + 2 >= s.length || s.charCodeAt(lt + 2) !== 32 || this.stack.length === 0 || this.stack.length + 3 > MAX_DEPTH) return -1;
    const attributes = this.plain;
    const end = plainTag(s, lt + 2, attributes);
    if (end < 0) return -1;
    if (attributes.selfClosing) {
      handler.simpleCell(s, attributes, -1, -1, false);
      return end;
    }
    // `<v>`, the commonest, compared character by character; the other shapes as texts.
    if (end + 3 < s.length && s.charCodeAt(end + 1) === 60 && s.charCodeAt(end + 2) === 118 /* v */ && s.charCodeAt(end + 3) === 62) {
      const textTo = nextTagStart(s, end + 4);
      if (textTo < 0 || textTo + 7 >= s.length || !isValueClose(s, textTo)) return -1;
      handler.simpleCell(s, attributes, end + 4, textTo, false);
      return textTo + 7;
    }
    for (const shape of INLINE_CELLS) {
      if (!s.startsWith(shape.open, end + 1)) continue;
      const textFrom = end + 1 + shape.open.length;
      const textTo = s.indexOf("<", textFrom);
      if (textTo < 0 || !s.startsWith(shape.close, textTo)) return -1;
      handler.simpleCell(s, attributes, textFrom, textTo, true);
      return textTo + shape.close.length - 1;
    }
    return -1;
  }

  /** A `<row …>` at `lt` with plain attributes, inside the root: handed over at once (see `ScanHandler.plainRow`); its `>`, or -1. */
  private plainRow(s: string, lt: number): number {
    const handler = this.handler;
    if (handler.plainRow === undefined || this.stack.length === 0 || !s.startsWith("ow ", lt + 2)) return -1;
    const attributes = this.plain;
    const end = plainTag(s, lt + 4, attributes);
    if (end < 0) return -1;
    handler.plainRow(s, attributes);
    if (attributes.selfClosing) handler.close("row");
    else if (this.stack.push("row") > MAX_DEPTH) throw new DamagedPackage(`elements nested deeper than ${MAX_DEPTH}`);
    return end;
  }

  /** `</name>` between `from` and `end` (its `>`): it must close the innermost open element. */
  private closeTag(s: string, from: number, end: number): void {
    const open = this.stack.pop();
    let after = from + (open?.length ?? 0);
    const matches = open !== undefined && s.startsWith(open, from);
    while (after < end && isSpace(s.charCodeAt(after))) after++;
    if (!matches || after !== end) throw new DamagedPackage(`</${s.slice(from, Math.min(end, from + 40))}> closes <${(open ?? "").slice(0, 40)}>`);
    this.handler.close(open);
  }
}
