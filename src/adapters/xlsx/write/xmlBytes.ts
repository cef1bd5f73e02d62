/** Bytes gathered before a piece is handed on: large enough to make few pieces, small enough to stay in cache. */
const PIECE = 64 * 1024;

const UTF8 = new TextEncoder();

/**
 * XML written straight into bytes, for the large parts (a worksheet of 150,000 rows is about 45 MB of XML): no
 * string per row to build, join and encode again (that was most of the writer's garbage). Markup goes in as ASCII,
 * numbers as their digits, text as UTF-8. A piece from `take()` is valid until the next write: the zip writer
 * copies it before it asks for more.
 */
export class XmlBytes {
  private bytes = new Uint8Array(PIECE + 1024);
  private at = 0;

  /** Whether a piece is ready to be taken. */
  get full(): boolean {
    return this.at >= PIECE;
  }

  /** Room for `n` more bytes (a cell's text can be up to 32,767 characters, 3 bytes each). */
  private room(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    const larger = new Uint8Array(Math.max(this.bytes.length * 2, this.at + n));
    larger.set(this.bytes.subarray(0, this.at));
    this.bytes = larger;
  }

  /** Markup: every character below 128 (the caller's guarantee). */
  ascii(s: string): void {
    this.room(s.length);
    const bytes = this.bytes;
    let at = this.at;
    for (let i = 0; i < s.length; i++) bytes[at++] = s.charCodeAt(i);
    this.at = at;
  }

  /** Any text, already escaped for XML, as UTF-8. */
  text(s: string): void {
    this.room(s.length * 3);
    const bytes = this.bytes;
    let at = this.at;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        this.at = at + UTF8.encodeInto(s.slice(i), bytes.subarray(at)).written;
        return;
      }
      bytes[at++] = c;
    }
    this.at = at;
  }

  /**
   * A text of printable ASCII, words of no `& < > "` between single spaces (no space at either end): written as it
   * stands, returning true. Any other text writes nothing and returns false (the caller escapes it). One pass instead
   * of a regular expression and a copy: a large table has such a text on every row.
   */
  plainAscii(s: string): boolean {
    const n = s.length;
    if (n === 0) return false;
    this.room(n);
    const bytes = this.bytes;
    let at = this.at;
    let space = true;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === 32) {
        if (space) return false;
        space = true;
      } else {
        if (c < 33 || c > 126 || c === 34 || c === 38 || c === 60 || c === 62) return false;
        space = false;
      }
      bytes[at++] = c;
    }
    if (space) return false;
    this.at = at;
    return true;
  }

  /** A number as `String(n)` writes it: a whole one from 0 up digit by digit, any other through `String`. */
  digits(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) return this.ascii(String(n));
    let length = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) length++;
    this.room(length);
    const start = this.at;
    let end = start + length;
    this.at = end;
    for (let rest = n; end > start; rest = Math.floor(rest / 10)) this.bytes[--end] = 48 + (rest % 10);
  }

  /** Takes back the last `n` bytes written (since the last `take`). */
  undo(n: number): void {
    this.at = Math.max(0, this.at - n);
  }

  /** The bytes written since the last `take`; valid until the next write. */
  take(): Uint8Array {
    const piece = this.bytes.subarray(0, this.at);
    this.at = 0;
    return piece;
  }
}
