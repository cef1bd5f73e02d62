import { Readable } from "node:stream";
import { Cell, EXCEL_MAX_CELL_TEXT, unreadableCell } from "../../core/cells";
import { serialOfIsoDateTime } from "../../core/dates/isoDateTime";
import { DamagedPackage } from "./packageProblems";
import { SharedString, TOO_LONG } from "./sharedStrings";
import { decodeText, eachAttribute, XmlScanner } from "./xmlScanner";
import { feedXml, localName, passOn } from "./xmlStream";

/** Excel's grid: 1,048,576 rows, 16,384 columns (A to XFD). */
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

export type RowVisitor = (row: number, cells: readonly Cell[]) => void;

/** 0-based column of an A1 reference (`"C7"` → 2), or -1 when it has no letters. */
function columnOfRef(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower-case
    if (code < 97 || code > 122) break;
    column = column * 26 + (code - 96);
  }
  return i === 0 ? -1 : column - 1;
}

/** The value of one `<c>`, by its type attribute, from the text of its `<v>` or inline string. */
function cellValue(type: string | undefined, text: string | undefined, shared: readonly SharedString[]): Cell {
  if (text === undefined) return null;
  switch (type) {
    case "s": {
      const index = /^\s*\d+\s*$/.test(text) ? Number(text) : -1;
      const value = index >= 0 && index < shared.length ? shared[index] : undefined;
      if (value === undefined) return unreadableCell("damaged");
      return value === TOO_LONG ? unreadableCell("tooLong") : value;
    }
    case "inlineStr":
    case "str":
      return text.length > EXCEL_MAX_CELL_TEXT ? unreadableCell("tooLong") : text;
    case "b":
      return text.trim() === "1" || text.trim() === "true";
    case "e":
      return { error: text.trim() };
    case "d": {
      const serial = serialOfIsoDateTime(text.trim());
      return serial === undefined ? unreadableCell("damaged") : serial;
    }
    default: {
      if (text.trim() === "") return null;
      const value = Number(text);
      return Number.isFinite(value) ? value : unreadableCell("damaged");
    }
  }
}

/**
 * Streams one worksheet part and hands each row with content to `visit`, in
 * order: cells by their reference (or, without one, after the previous cell),
 * shared and inline strings (rich text runs joined, phonetic runs left out),
 * numbers, booleans, error cells as errors, `t="d"` ISO dates as serial
 * numbers, formula cells by their cached value. A cell that cannot be read is
 * an unreadable cell (a finding later), never a silent blank; rows out of
 * order or beyond Excel's grid are damage.
 */
export async function readSheetRows(stream: Readable, part: string, shared: readonly SharedString[], visit: RowVisitor): Promise<void> {
  let rowNumber = 0;
  let cells: Cell[] = [];
  let hasContent = false;
  let column = -1;
  let type: string | undefined;
  let text: string | undefined;
  let capture = false;
  let inInline = false;
  let phonetic = 0;

  const scanner = new XmlScanner({
    open(name, tag, attributesAt) {
      switch (localName(name)) {
        case "row": {
          let r: string | undefined;
          eachAttribute(tag, attributesAt, (name, raw) => {
            if (name === "r") r = decodeText(raw);
          });
          const next = r === undefined ? rowNumber + 1 : Number(r);
          if (!Number.isInteger(next) || next <= rowNumber || next > MAX_ROW) throw new DamagedPackage(`${part}: row ${String(r)} out of order`);
          rowNumber = next;
          cells = [];
          hasContent = false;
          column = -1;
          break;
        }
        case "c": {
          let ref: string | undefined;
          type = undefined;
          eachAttribute(tag, attributesAt, (name, raw) => {
            if (name === "r") ref = raw;
            else if (name === "t") type = raw;
          });
          const at = ref === undefined ? column + 1 : columnOfRef(ref);
          if (at < 0 || at >= MAX_COLUMN) throw new DamagedPackage(`${part}: cell reference out of the grid`);
          column = at;
          text = undefined;
          break;
        }
        case "v":
          if (!inInline) {
            capture = true;
            text = "";
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
    text(raw, cdata) {
      if (capture) text += cdata ? raw : decodeText(raw);
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
          const value = cellValue(type, text, shared);
          if (value !== null) {
            cells[column] = value;
            hasContent = true;
          }
          text = undefined;
          break;
        }
        case "row":
          if (hasContent) passOn(() => visit(rowNumber, cells));
          break;
      }
    },
  });
  await feedXml(stream, scanner, part);
}
