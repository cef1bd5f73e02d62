import { DamagedPackage, PackageTooLarge } from "./packageProblems";
import { MAX_DEPTH, MAX_TEXT_RUN } from "./xmlStream";

/** Unfinished markup kept between chunks: a tag, comment or text of one cell, with room to spare. */
const MAX_PENDING = 2 * MAX_TEXT_RUN;

/** What a scan reports: elements (name as written, with any prefix) and raw text between them. */
export interface ScanHandler {
  open(name: string, tag: string, attributesAt: number, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text (entities not yet decoded, see `decodeText`); `cdata` when it comes from a CDATA section. */
  text(raw: string, cdata: boolean): void;
  /** Whether text matters now (inside a value): other text is only checked, never cut out. */
  wantsText(): boolean;
}

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
 * Walks the attributes of a tag (`tag` is the text between `<` and `>`,
 * attributes starting at `from`), checking each, and hands the raw value of
 * each to `take` by name. Malformed attributes are damage.
 */
export function eachAttribute(tag: string, from: number, take: (name: string, raw: string) => void): void {
  let i = from;
  const n = tag.length;
  for (;;) {
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    if (i >= n) return;
    const eq = tag.indexOf("=", i);
    if (eq < 0) throw new DamagedPackage("an attribute without value");
    let nameEnd = eq;
    while (nameEnd > i && isSpace(tag.charCodeAt(nameEnd - 1))) nameEnd--;
    let q = eq + 1;
    while (q < n && isSpace(tag.charCodeAt(q))) q++;
    const quote = tag.charCodeAt(q);
    if (nameEnd === i || (quote !== 34 && quote !== 39)) throw new DamagedPackage("an attribute without quotes");
    const end = tag.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (end < 0) throw new DamagedPackage("an attribute not closed");
    const raw = tag.slice(q + 1, end);
    if (raw.includes("<")) throw new DamagedPackage("a < inside an attribute");
    take(tag.slice(i, nameEnd), raw);
    i = end + 1;
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Where a tag that starts at `start` (its `<`) ends (its `>`), minding quoted attribute values; -1 when not in `s`. */
function tagEnd(s: string, start: number): number {
  let quote = 0;
  for (let i = start + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
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

  constructor(private readonly handler: ScanHandler) {}

  write(chunk: string): void {
    const s = this.rest.length > 0 ? this.rest + chunk : chunk;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) break; // text continues in the next chunk
      if (lt > i) this.text(s, i, lt);
      i = lt;
      const next = s.charCodeAt(lt + 1);
      if (Number.isNaN(next)) break;
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
          this.handler.text(s.slice(lt + 9, end), true);
          end += 2;
        } else if (n - lt < 9) break;
        else throw new DamagedPackage("a DOCTYPE or unknown declaration");
      } else {
        end = tagEnd(s, lt);
        if (end < 0) break;
        this.openTag(s.slice(lt + 1, end));
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
    if (this.handler.wantsText()) this.handler.text(s.slice(from, to), false);
  }

  private openTag(tag: string): void {
    const selfClosing = tag.charCodeAt(tag.length - 1) === 47; /* / */
    const body = selfClosing ? tag.slice(0, -1) : tag;
    let nameEnd = 0;
    while (nameEnd < body.length && !isSpace(body.charCodeAt(nameEnd))) nameEnd++;
    const name = body.slice(0, nameEnd);
    if (name === "") throw new DamagedPackage("a tag without name");
    if (this.stack.length === 0) {
      if (++this.roots > 1) throw new DamagedPackage("a second root element");
    }
    this.handler.open(name, body, nameEnd, selfClosing);
    if (selfClosing) this.handler.close(name);
    else if (this.stack.push(name) > MAX_DEPTH) throw new DamagedPackage(`elements nested deeper than ${MAX_DEPTH}`);
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
