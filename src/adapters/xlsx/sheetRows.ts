import { Cell, EXCEL_MAX_CELL_TEXT, isBlank, unreadableCell } from "../../core/cells";
import { ColumnNeeds, PRESENT } from "../../port/workbookPort";
import { DAYS_FROM_1904_TO_1900 } from "../../core/dates/dateSystem";
import { serialOfIsoDateTime } from "../../core/dates/isoDateTime";
import { decodeCellText } from "./ooxmlText";
import { DamagedPackage } from "./packageProblems";
import { PlainAttributes } from "./plainTag";
import { SharedStrings, TOO_LONG } from "./sharedStrings";
import { AttributeVisitor, ScanHandler, XmlScanner, decodeText, scanAttributes, spells } from "./xmlScanner";
import { feedXml, localName, passOn } from "./xmlStream";

/** Excel's grid: 1,048,576 rows, 16,384 columns (A to XFD). */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

export type RowVisitor = (row: number, cells: readonly Cell[]) => void;

/** 0-based column of the A1 reference `s[from, to)` (`"C7"` → 2), or -1 when it has no letters. */
function columnAt(s: string, from: number, to: number): number {
  let column = 0;
  let i = from;
  for (; i < to; i++) {
    const code = s.charCodeAt(i) | 0x20; // lower-case
    if (code < 97 || code > 122) break;
    column = column * 26 + (code - 96);
  }
  return i === from ? -1 : column - 1;
}

/** The cell types (`t`) of SpreadsheetML, each made once. */
const CELL_TYPES = ["s", "n", "str", "inlineStr", "b", "e", "d"];

/** A cell's type `s[from, to)` as written (the raw attribute value), one shared string for the known ones. */
function cellType(s: string, from: number, to: number): string {
  for (const t of CELL_TYPES) if (spells(s, from, to, t)) return t;
  return s.slice(from, to);
}

/** How the package keeps its cells: its shared strings, and whether its serial dates count from 1904. */
export interface SheetContext {
  readonly shared: SharedStrings;
  readonly date1904: boolean;
}

/**
 * The whole number written as `s[from, to)` in plain digits (no sign, no leading zero, at most 15 digits), read
 * in place; -1 for any other text. Most `<v>` of a worksheet are such numbers: shared string indexes, serial dates.
 */
function digitsAt(s: string, from: number, to: number): number {
  const length = to - from;
  if (length === 0 || length > 15 || (length > 1 && s.charCodeAt(from) === 48)) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The shared string at `index`; an index the table does not have is damage, an overlong text unreadable. */
function sharedString(index: number, context: SheetContext): Cell {
  const value = context.shared.at(index);
  if (value === undefined) return unreadableCell("damaged");
  return value === TOO_LONG ? unreadableCell("tooLong") : value;
}

/** A cell's text, escapes decoded; over Excel's limit it is unreadable. */
function cellText(text: string): Cell {
  const decoded = decodeCellText(text);
  return decoded.length > EXCEL_MAX_CELL_TEXT ? unreadableCell("tooLong") : decoded;
}

/** The value of one `<c>`, by its type attribute, from the text of its `<v>` or inline string. */
function cellValue(type: string | undefined, text: string | undefined, context: SheetContext): Cell {
  if (text === undefined) return null;
  switch (type) {
    case "s": {
      if (text.trim() === "") return null; // `<v/>`: written by some tools for an empty cell
      return sharedString(/^\s*\d+\s*$/.test(text) ? Number(text) : -1, context);
    }
    case "inlineStr":
    case "str":
      return cellText(text);
    case "b":
      return text.trim() === "1" || text.trim() === "true";
    case "e":
      return { error: text.trim() };
    case "d": {
      // An ISO date is absolute; as a serial it is counted in the workbook's own date system, like every other
      // date cell, so that the one shift of a 1904 workbook (readTrackingWorkbook) applies to it once.
      const serial = serialOfIsoDateTime(text.trim());
      if (serial === undefined) return unreadableCell("damaged");
      return context.date1904 ? serial - DAYS_FROM_1904_TO_1900 : serial;
    }
    default: {
      if (text.trim() === "") return null;
      const value = Number(text);
      return Number.isFinite(value) ? value : unreadableCell("damaged");
    }
  }
}

/** The value of a cell whose `<v>` is the plain whole number `n`: as `cellValue` would read its digits. */
function digitsValue(type: string | undefined, n: number, context: SheetContext): Cell {
  if (type === "s") return sharedString(n, context);
  if (type === undefined || type === "n") return n;
  return cellValue(type, String(n), context);
}

/**
 * Streams one worksheet part and hands each row with content to `visit`, in
 * order: cells by their reference (or, without one, after the previous cell),
 * shared and inline strings (rich text runs joined, phonetic runs left out,
 * `_xHHHH_` escapes decoded, an empty `<v/>` blank),
 * numbers, booleans, error cells as errors, `t="d"` ISO dates and times as serial
 * numbers of the workbook's date system, formula cells by their cached value. A cell that cannot be read is
 * an unreadable cell (a finding later), never a silent blank; rows out of
 * order or beyond Excel's grid are damage.
 */
export async function readSheetRows(stream: AsyncIterable<Uint8Array>, part: string, context: SheetContext, visit: RowVisitor, needs?: () => ColumnNeeds | undefined): Promise<void> {
  await feedXml(stream, new XmlScanner(new SheetRowReader(part, context, visit, needs)), part);
}

/** What the reader makes of a column once the sink has said what it needs: nothing, the value, or only whether it is blank. */
const SKIP = 0;
const VALUE = 1;
const PRESENCE = 2;

/** V8 copies a substring shorter than this; a longer one points into (and keeps) the string it was cut from. */
const SLICED_FROM = 13;

/** The columns' modes by 0-based column; columns beyond the array take `rest`. */
interface ColumnModes {
  readonly modes: Uint8Array;
  readonly rest: number;
}

function columnModes(needs: ColumnNeeds): ColumnModes {
  const presence = needs.presence === "all" ? [] : needs.presence;
  const modes = new Uint8Array(Math.max(0, ...needs.values, ...presence) + 1);
  for (const c of presence) modes[c] = PRESENCE;
  for (const c of needs.values) modes[c] = VALUE;
  return { modes, rest: needs.presence === "all" ? PRESENCE : SKIP };
}

/** The state of a worksheet while it is scanned: the row and cell being read, and what their elements said. */
class SheetRowReader implements ScanHandler {
  private rowNumber = 0;
  private cells: Cell[] = [];
  private hasContent = false;
  private column = -1;
  private type: string | undefined;
  /** The text of the cell's value as read so far. */
  private valueText: string | undefined;
  private capture = false;
  /** The value of a `<v>` of plain digits, read in place (see `digitsAt`); -1 otherwise. */
  private digits = -1;
  private inInline = false;
  private phonetic = 0;
  /** Attributes as the last tag gave them: read where they stand, without copying them out. */
  private rowRef: number | string | undefined;
  private at = -1;
  /**
   * Once the sink knows its header: what each column is read for. Other columns are scanned (damage is still
   * found) but never decoded; a column read for its blankness hands over `PRESENT`, never its text.
   */
  private columns: ColumnModes | undefined;
  private mode = VALUE;

  constructor(
    private readonly part: string,
    private readonly context: SheetContext,
    private readonly visit: RowVisitor,
    private readonly needs?: () => ColumnNeeds | undefined,
  ) {}

  /** One attribute of a row's start tag: its `r`. The long way hands it over through `rowAttribute`, a plain tag directly. */
  private readRowAttribute(s: string, nameFrom: number, nameTo: number, valueFrom: number, valueTo: number): void {
    if (!spells(s, nameFrom, nameTo, "r")) return;
    // Plain digits, as every writer puts them, are read in place; anything else is decoded and judged as text.
    const n = digitsAt(s, valueFrom, valueTo);
    this.rowRef = n >= 0 ? n : decodeText(s.slice(valueFrom, valueTo));
  }

  /** One attribute of a cell's start tag: its `r` and its `t`. */
  private readCellAttribute(s: string, nameFrom: number, nameTo: number, valueFrom: number, valueTo: number): void {
    if (nameTo - nameFrom !== 1) return;
    const name = s.charCodeAt(nameFrom);
    if (name === 114 /* r */) this.at = columnAt(s, valueFrom, valueTo);
    else if (name === 116 /* t */) this.type = cellType(s, valueFrom, valueTo);
  }

  private readonly rowAttribute: AttributeVisitor = (s, nameFrom, nameTo, valueFrom, valueTo) => this.readRowAttribute(s, nameFrom, nameTo, valueFrom, valueTo);
  private readonly cellAttribute: AttributeVisitor = (s, nameFrom, nameTo, valueFrom, valueTo) => this.readCellAttribute(s, nameFrom, nameTo, valueFrom, valueTo);

  open(name: string, s: string, from: number, to: number): void {
    switch (localName(name)) {
      case "row":
        return this.openRow(s, from, to);
      case "c":
        return this.openCell(s, from, to);
      case "v":
        if (!this.inInline && this.mode !== SKIP) {
          this.capture = true;
          this.valueText = "";
          this.digits = -1;
        }
        return;
      case "is":
        this.inInline = true;
        this.valueText = "";
        return;
      case "rPh":
        this.phonetic++;
        return;
      case "t":
        if (this.inInline && this.phonetic === 0 && this.mode !== SKIP) this.capture = true;
        return;
    }
  }

  wantsText(): boolean {
    return this.capture;
  }

  /**
   * A whole cell of a simple shape: read as its events would read it (`<c>`, `<v>` or `<is><t>`, the text, the
   * closes), its value made at once from its text.
   */
  simpleCell(s: string, attributes: PlainAttributes, textFrom: number, textTo: number, inline: boolean): void {
    this.type = undefined;
    this.at = this.column + 1;
    const at = attributes.at;
    for (let k = 0, end = 4 * attributes.count; k < end; k += 4) this.readCellAttribute(s, at[k], at[k + 1], at[k + 2], at[k + 3]);
    this.startCell();
    if (this.mode === SKIP || textFrom < 0) return; // `<c …/>` holds nothing
    // As `text` reads it: a `<v>` of plain digits in place, any other text with its entities decoded.
    const digits = inline ? -1 : digitsAt(s, textFrom, textTo);
    this.keepRead(digits, digits >= 0 ? undefined : decodeText(s.slice(textFrom, textTo)));
  }

  /** A row's start tag with plain attributes: read as `openRow` reads it, without a scan. */
  plainRow(s: string, attributes: PlainAttributes): void {
    this.rowRef = undefined;
    const at = attributes.at;
    for (let k = 0, end = 4 * attributes.count; k < end; k += 4) this.readRowAttribute(s, at[k], at[k + 1], at[k + 2], at[k + 3]);
    this.startRow();
  }

  text(s: string, from: number, to: number, cdata: boolean): void {
    if (!this.capture) return;
    // A value of plain digits is read where it stands; should more text follow, it is taken as text after all.
    if (this.valueText === "" && this.digits < 0 && !cdata && !this.inInline) {
      this.digits = digitsAt(s, from, to);
      if (this.digits >= 0) return;
    }
    if (this.digits >= 0) {
      this.valueText = String(this.digits);
      this.digits = -1;
    }
    const raw = s.slice(from, to);
    this.valueText += cdata ? raw : decodeText(raw);
  }

  close(name: string): void {
    switch (localName(name)) {
      case "v":
      case "t":
        this.capture = false;
        return;
      case "rPh":
        this.phonetic--;
        return;
      case "is":
        this.inInline = false;
        return;
      case "c":
        return this.closeCell();
      case "row":
        if (this.hasContent) passOn(this.visit, this.rowNumber, this.cells);
        return;
    }
  }

  /** A row starts: its number (or the next one) must come after the previous row's. */
  private openRow(s: string, from: number, to: number): void {
    this.rowRef = undefined;
    scanAttributes(s, from, to, this.rowAttribute);
    this.startRow();
  }

  /** The row whose `r` is `rowRef` (undefined without one) starts. */
  private startRow(): void {
    const next = this.rowRef === undefined ? this.rowNumber + 1 : Number(this.rowRef);
    if (!Number.isInteger(next) || next <= this.rowNumber || next > MAX_ROW) throw new DamagedPackage(`${this.part}: row ${String(this.rowRef)} out of order`);
    this.rowNumber = next;
    if (this.columns === undefined && this.needs !== undefined) {
      const needs = this.needs();
      if (needs !== undefined) this.columns = columnModes(needs);
    }
    this.cells = [];
    this.hasContent = false;
    this.column = -1;
  }

  /** A cell starts: its column (or the next one) and its type. */
  private openCell(s: string, from: number, to: number): void {
    this.type = undefined;
    this.at = this.column + 1;
    scanAttributes(s, from, to, this.cellAttribute);
    this.startCell();
  }

  /** The cell at column `at` starts: it must lie in the grid; what it is read for. */
  private startCell(): void {
    if (this.at < 0 || this.at >= MAX_COLUMN) throw new DamagedPackage(`${this.part}: cell reference out of the grid`);
    this.column = this.at;
    this.valueText = undefined;
    const columns = this.columns;
    this.mode = columns === undefined ? VALUE : this.at < columns.modes.length ? columns.modes[this.at] : columns.rest;
  }

  /**
   * Texts of the sheet's own cells (inline strings), each distinct one kept once, as a copy of its own: a text cut
   * out of the chunk it was scanned in would keep the whole chunk alive for as long as the row is kept. Short ones
   * too (V8 copies those anyway): a status or an ID repeated on 100,000 rows is then one string, not 100,000 that
   * the collector copies and each later lookup hashes again.
   */
  private readonly texts = new Map<string, string>();

  private ownText(text: string): string {
    let own = this.texts.get(text);
    if (own === undefined) {
      own = text.length < SLICED_FROM ? text : (" " + text).slice(1);
      if (this.texts.size < 1 << 16) this.texts.set(own, own);
    }
    return own;
  }

  private closeCell(): void {
    if (this.mode === SKIP) return;
    const { digits, valueText } = this;
    this.digits = -1;
    this.valueText = undefined;
    this.keepRead(digits, valueText);
  }

  /**
   * The cell just read, from its `<v>` of plain digits (`digits`, -1 for none) or its text. A shared string in a
   * column read only for whether it is filled is asked whether it is blank, so that its text is never made (a notes
   * column of 100,000 distinct remarks makes no string of them).
   */
  private keepRead(digits: number, text: string | undefined): void {
    if (digits >= 0 && this.type === "s" && this.mode === PRESENCE) {
      if (this.context.shared.isBlank(digits)) return;
      this.cells[this.column] = PRESENT;
      this.hasContent = true;
      return;
    }
    this.keep(digits >= 0 ? digitsValue(this.type, digits, this.context) : cellValue(this.type, text, this.context));
  }

  /** The value of the cell just read, as its column is read for: its own text, only whether it is blank, or nothing. */
  private keep(cell: Cell): void {
    let value = cell;
    if (typeof value === "string" && this.mode === VALUE && this.type !== "s") value = this.ownText(value);
    if (value === null) return;
    if (this.mode === PRESENCE) {
      if (isBlank(value)) return;
      this.cells[this.column] = PRESENT;
    } else this.cells[this.column] = value;
    this.hasContent = true;
  }
}
