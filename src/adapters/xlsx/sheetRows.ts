import { Readable } from "node:stream";
import { Cell, EXCEL_MAX_CELL_TEXT, unreadableCell } from "../../core/cells";
import { DAYS_FROM_1904_TO_1900 } from "../../core/dates/dateSystem";
import { serialOfIsoDateTime } from "../../core/dates/isoDateTime";
import { decodeCellText } from "./ooxmlText";
import { DamagedPackage } from "./packageProblems";
import { SharedString, TOO_LONG } from "./sharedStrings";
import { AttributeVisitor, XmlScanner, decodeText, scanAttributes, spells } from "./xmlScanner";
import { feedXml, localName, passOn2 } from "./xmlStream";

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
  readonly shared: readonly SharedString[];
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
      const index = /^\s*\d+\s*$/.test(text) ? Number(text) : -1;
      const value = index >= 0 && index < context.shared.length ? context.shared[index] : undefined;
      if (value === undefined) return unreadableCell("damaged");
      return value === TOO_LONG ? unreadableCell("tooLong") : value;
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
  if (type === "s") {
    const value = n < context.shared.length ? context.shared[n] : undefined;
    if (value === undefined) return unreadableCell("damaged");
    return value === TOO_LONG ? unreadableCell("tooLong") : value;
  }
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
export async function readSheetRows(stream: Readable, part: string, context: SheetContext, visit: RowVisitor): Promise<void> {
  let rowNumber = 0;
  let cells: Cell[] = [];
  let hasContent = false;
  let column = -1;
  let type: string | undefined;
  let text: string | undefined;
  let capture = false;
  /** The value of a `<v>` of plain digits, read in place (see `digitsAt`); -1 otherwise. */
  let digits = -1;
  let inInline = false;
  let phonetic = 0;

  // Attributes are read where they stand: a row's number and a cell's column and type, without copying them out.
  let rowRef: string | undefined;
  const rowAttribute: AttributeVisitor = (s, nameFrom, nameTo, valueFrom, valueTo) => {
    if (spells(s, nameFrom, nameTo, "r")) rowRef = decodeText(s.slice(valueFrom, valueTo));
  };
  let at = -1;
  const cellAttribute: AttributeVisitor = (s, nameFrom, nameTo, valueFrom, valueTo) => {
    if (nameTo - nameFrom !== 1) return;
    const name = s.charCodeAt(nameFrom);
    if (name === 114 /* r */) at = columnAt(s, valueFrom, valueTo);
    else if (name === 116 /* t */) type = cellType(s, valueFrom, valueTo);
  };

  const scanner = new XmlScanner({
    open(name, s, from, to) {
      switch (localName(name)) {
        case "row": {
          rowRef = undefined;
          scanAttributes(s, from, to, rowAttribute);
          const next = rowRef === undefined ? rowNumber + 1 : Number(rowRef);
          if (!Number.isInteger(next) || next <= rowNumber || next > MAX_ROW) throw new DamagedPackage(`${part}: row ${String(rowRef)} out of order`);
          rowNumber = next;
          cells = [];
          hasContent = false;
          column = -1;
          break;
        }
        case "c": {
          type = undefined;
          at = column + 1;
          scanAttributes(s, from, to, cellAttribute);
          if (at < 0 || at >= MAX_COLUMN) throw new DamagedPackage(`${part}: cell reference out of the grid`);
          column = at;
          text = undefined;
          break;
        }
        case "v":
          if (!inInline) {
            capture = true;
            text = "";
            digits = -1;
          }
          break;
        case "is":
          inInline = true;
          text = "";
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (inInline && phonetic === 0) capture = true;
          break;
      }
    },
    text(s, from, to, cdata) {
      if (!capture) return;
      // A value of plain digits is read where it stands; should more text follow, it is taken as text after all.
      if (text === "" && digits < 0 && !cdata && !inInline) {
        digits = digitsAt(s, from, to);
        if (digits >= 0) return;
      }
      if (digits >= 0) {
        text = String(digits);
        digits = -1;
      }
      const raw = s.slice(from, to);
      text += cdata ? raw : decodeText(raw);
    },
    wantsText: () => capture,
    close(name) {
      switch (localName(name)) {
        case "v":
        case "t":
          capture = false;
          break;
        case "rPh":
          phonetic--;
          break;
        case "is":
          inInline = false;
          break;
        case "c": {
          const value = digits >= 0 ? digitsValue(type, digits, context) : cellValue(type, text, context);
          digits = -1;
          if (value !== null) {
            cells[column] = value;
            hasContent = true;
          }
          text = undefined;
          break;
        }
        case "row":
          if (hasContent) passOn2(visit, rowNumber, cells);
          break;
      }
    },
  });
  await feedXml(stream, scanner, part);
}
