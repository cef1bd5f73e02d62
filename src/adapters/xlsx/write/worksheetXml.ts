import { EXCEL_MAX_CELL_TEXT, columnLetter } from "../../../core/cells";
import { OutCell, OutSheet, PAGE_FOOTER, SourceCellRef, rowAt, rowCount, sheetWidth } from "../../../core/report/sheetModel";
import { quoteSheet } from "../../../core/excel/references";
import { xmlEscape } from "./chartXml";
import { styleIndex } from "./stylesXml";
import { XmlBytes } from "./xmlBytes";

/** Whether a text needs `xml:space="preserve"` to keep its spaces (leading, trailing, or more than one in a row). */
const PRESERVE = /^\s|\s$|\s\s|[\t\n\r]/;

/**
 * A text that goes into XML as it is: no character to escape or to drop, no space to preserve (no leading or
 * trailing white space, no white space but single spaces).
 */
const PLAIN_TEXT = /^[^\s&<>"\u0000-\u001f\ufffe\uffff]+(?: [^\s&<>"\u0000-\u001f\ufffe\uffff]+)*$/;

/**
 * A text element (`<t>…</t>`): escaped, without the control characters XML cannot hold, and with
 * `xml:space="preserve"` only where the text's spaces need it. Most texts need none of it: one test for them.
 */
function textElement(text: string): string {
  if (PLAIN_TEXT.test(text)) return `<t>${text}</t>`;
  return `${PRESERVE.test(text) ? `<t xml:space="preserve">` : "<t>"}${xmlText(text)}</t>`;
}

/** The package's shared strings: each distinct text once, cells refer to it by index. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private count = 0;

  indexOf(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(text, i);
    }
    this.count++;
    return i;
  }

  /** A cell refers again to a text whose index it already has: counted as `indexOf` counts it. */
  countAgain(): void {
    this.count++;
  }

  xml(): string {
    const items = [...this.index.keys()].map((t) => `<si>${textElement(t)}</si>`).join("");
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.index.size}">${items}</sst>`;
  }
}

/** Text for element content: escaped, without the control characters XML cannot hold. */
export function xmlText(text: string): string {
  return xmlEscape(NOT_XML.test(text) ? text.replace(NOT_XML_ALL, "") : text);
}

const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const NOT_XML_ALL = new RegExp(NOT_XML.source, "g");

/** What a worksheet part refers to through its relationships. */
export interface SheetRelations {
  /**
   * Relationship id of the team's workbook that links point into (asked for once the sheet has a link);
   * undefined when links point into the report itself.
   */
  linkedFileId(): string | undefined;
  readonly drawingId?: string;
  readonly tableId?: string;
}

/** A cell's text as written: over Excel's limit, cut with an ellipsis. */
const cellText = (value: string): string => (value.length > EXCEL_MAX_CELL_TEXT ? `${value.slice(0, EXCEL_MAX_CELL_TEXT - 1)}…` : value);

/** A cell's XML from the end of its reference up to its value, by style: for a text, a number and an empty cell. */
interface CellStarts {
  readonly text: string;
  readonly number: string;
  readonly empty: string;
}

function makeCellStarts(s: number): CellStarts {
  const attribute = s === 0 ? '"' : `" s="${s}"`;
  return { text: `${attribute} t="s"><v>`, number: `${attribute}><v>`, empty: `${attribute}/>` };
}

const CELL_STARTS = new Map<OutCell["style"], CellStarts>();
/** A link cell takes the link style, whatever its own (its text goes through `writeLinkText`). */
const LINK_STARTS = makeCellStarts(styleIndex(undefined, true));

function cellStarts(style: OutCell["style"]): CellStarts {
  let starts = CELL_STARTS.get(style);
  if (!starts) CELL_STARTS.set(style, (starts = makeCellStarts(styleIndex(style, false))));
  return starts;
}

/**
 * One cell's XML after its reference, from the reference's closing quote on (`<c r="A1` + this), straight into the
 * bytes: numbers as numbers (never a non-finite one), text always as text from the shared strings (a leading `=`
 * stays text); the fixed markup of each style in one piece. No string and no encoding per cell: a table of 150,000
 * rows has a million cells; most of their values repeat, but looking each one up in a map cost more than writing it.
 * A link's text is not written here but by `writeLinkText`.
 */
function writeCellAfterRef(out: XmlBytes, cell: OutCell, textIndex: (text: string) => number): void {
  const starts = cell.link ? LINK_STARTS : cellStarts(cell.style);
  const value = cell.value;
  if (value === null || (typeof value === "number" && !Number.isFinite(value))) return out.ascii(starts.empty);
  if (typeof value === "number") {
    out.ascii(starts.number);
    out.digits(value);
  } else {
    out.ascii(starts.text);
    out.digits(textIndex(value));
  }
  out.ascii("</v></c>");
}

/** What a link cell's XML holds between its reference and its text element. */
const LINK_CELL_START = ` s="${styleIndex(undefined, true)}" t="inlineStr"><is>`;

/**
 * A link cell's text, after its reference: kept inline (it names its own cell, so thousands of them would only fill
 * the shared strings), a plain text written as it is, without a string of its own (a large table has one per row).
 */
function writeLinkText(out: XmlBytes, value: string): void {
  const text = cellText(value);
  out.ascii(LINK_CELL_START);
  out.ascii("<t>");
  // Plain ASCII (nearly every link) written in one checking pass; other plain text as UTF-8; any other escaped, in
  // an element of its own (which may need `xml:space`).
  if (!out.plainAscii(text)) {
    if (!PLAIN_TEXT.test(text)) {
      out.undo(3);
      out.text(textElement(text));
      return out.ascii("</is></c>");
    }
    out.text(text);
  }
  out.ascii("</t></is></c>");
}

/**
 * A worksheet part in the schema's element order, as a stream of pieces:
 * page setup flag, frozen header, column widths, the cells, merged blocks,
 * links, margins and page setup, then the drawing (charts) and the table. The
 * cells and links come as bytes (`XmlBytes`), each piece valid until the next
 * is asked for: the part is streamed, never held whole.
 */
export function* worksheetXml(sheet: OutSheet, strings: SharedStrings, relations: SheetRelations): Generator<string | Uint8Array> {
  yield sheetHead(sheet);
  const letters = Array.from({ length: sheetWidth(sheet) }, (_, i) => columnLetter(i));
  const out = new XmlBytes();
  const hasLinks = yield* sheetData(sheet, strings, letters, out);
  const merges = sheet.merges ?? [];
  if (merges.length > 0) {
    yield `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${columnLetter(m.fromColumn - 1)}${m.row}:${columnLetter(m.toColumn - 1)}${m.row}"/>`).join("")}</mergeCells>`;
  }
  if (hasLinks) yield* hyperlinks(sheet, letters, relations.linkedFileId(), out);
  yield sheetTail(sheet, relations);
}

/** The whole part as one text (for tests), each piece decoded as it comes. */
export function worksheetText(sheet: OutSheet, strings: SharedStrings, relations: SheetRelations): string {
  const decoder = new TextDecoder();
  let text = "";
  for (const piece of worksheetXml(sheet, strings, relations)) text += typeof piece === "string" ? piece : decoder.decode(piece);
  return text;
}

/** From the XML declaration to `<sheetData>`: page setup flag, frozen header, column widths. */
function sheetHead(sheet: OutSheet): string {
  let head =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`;
  const frozen = sheet.freezeBelowRow && sheet.freezeBelowRow > 1 ? sheet.freezeBelowRow : undefined;
  head += frozen
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen - 1}" topLeftCell="A${frozen}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen}" sqref="A${frozen}"/></sheetView></sheetViews>`
    : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
  head += `<sheetFormatPr defaultRowHeight="15"/>`;
  if (sheet.columnWidths.length > 0) {
    head += `<cols>${sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`;
  }
  return `${head}<sheetData>`;
}

/** The rows as bytes; returns whether any cell links to the team's workbook. */
function* sheetData(sheet: OutSheet, strings: SharedStrings, letters: readonly string[], out: XmlBytes): Generator<Uint8Array, boolean> {
  let hasLinks = false;
  // The text written last in each column and its shared string: a table's rows go by client, so a column's text (a
  // kind, a client's ID, a status) is mostly the one of the row above. One comparison instead of a map lookup.
  const lastText: (string | undefined)[] = [];
  const lastIndex: number[] = [];
  let column = 0;
  const textIndex = (text: string): number => {
    if (lastText[column] === text) {
      strings.countAgain();
      return lastIndex[column];
    }
    const index = strings.indexOf(cellText(text));
    lastText[column] = text;
    lastIndex[column] = index;
    return index;
  };
  const writeCell = (c: OutCell, col: number): void => {
    const value = c.value;
    if (c.link && typeof value === "string") {
      out.ascii('"');
      return writeLinkText(out, value);
    }
    column = col;
    writeCellAfterRef(out, c, textIndex);
  };
  // Each column's `<c r="` and letters, and each row's number once: a cell's reference in two pieces.
  const refStarts = letters.map((letter) => `<c r="${letter}`);
  for (let i = 0, n = rowCount(sheet); i < n; i++) {
    const cells = rowAt(sheet, i);
    const rowNumber = i + 1;
    const height = sheet.rowHeights?.[rowNumber];
    if (!cells && !height) continue;
    const digits = String(rowNumber);
    out.ascii('<row r="');
    out.ascii(digits);
    out.ascii(height ? `" ht="${height}" customHeight="1">` : '">');
    if (cells) {
      for (let col = 0; col < cells.length; col++) {
        const c = cells[col];
        if (!c) continue;
        out.ascii(refStarts[col]);
        out.ascii(digits);
        writeCell(c, col);
        if (c.link) hasLinks = true;
      }
    }
    out.ascii("</row>");
    if (out.full) yield out.take();
  }
  out.ascii("</sheetData>");
  yield out.take();
  return hasLinks;
}

/**
 * The links into the team's workbook, after the cells as the schema orders: a second pass over the rows, so that
 * they are written, not held.
 */
function* hyperlinks(sheet: OutSheet, letters: readonly string[], fileId: string | undefined, out: XmlBytes): Generator<Uint8Array> {
  const target = fileId ? ` r:id="${xmlEscape(fileId)}"` : "";
  // From the reference's end to the cell of the location, for the last link's sheet, kept: a large table's links
  // point into one sheet after another. Each column's `<hyperlink ref="X` made once.
  let lastSheet: string | undefined;
  let middle = "";
  const middleFor = (name: string): string => {
    if (name !== lastSheet) {
      lastSheet = name;
      middle = `"${target} location="${xmlEscape(quoteSheet(name))}!`;
    }
    return middle;
  };
  const starts = letters.map((letter) => `<hyperlink ref="${letter}`);
  const add = (column: number, row: number, link: SourceCellRef): void => {
    out.ascii(starts[column]);
    out.digits(row);
    out.text(middleFor(link.sheet));
    if (!out.plainAscii(link.column)) out.text(xmlEscape(link.column));
    out.digits(link.row);
    out.ascii('"/>');
  };
  out.ascii("<hyperlinks>");
  let rowNumber = 0;
  const more = sheet.moreRows;
  for (let i = 0, n = more?.link ? sheet.rows.length : rowCount(sheet); i < n; i++) {
    const cells = rowAt(sheet, i);
    rowNumber++;
    if (!cells) continue;
    for (let col = 0; col < cells.length; col++) {
      const link = cells[col]?.link;
      if (link) add(col, rowNumber, link);
    }
    if (out.full) yield out.take();
  }
  // A block of rows that names its links is asked for them alone, not row by row.
  if (more?.link) {
    for (let i = 0; i < more.count; i++) {
      rowNumber++;
      const link = more.link(i);
      if (link) add(link.column, rowNumber, link.ref);
      if (out.full) yield out.take();
    }
  }
  out.ascii("</hyperlinks>");
  yield out.take();
}

/** After the cells: margins and page setup (every sheet on A4, one page wide, page numbers), breaks, drawing, table. */
function sheetTail(sheet: OutSheet, relations: SheetRelations): string {
  let tail = `<printOptions/><pageMargins left="0.6" right="0.6" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  tail += `<pageSetup paperSize="9" orientation="${sheet.print.orientation}" fitToWidth="1" fitToHeight="0"/>`;
  tail += `<headerFooter><oddFooter>${xmlEscape(`&C${PAGE_FOOTER}`)}</oddFooter></headerFooter>`;
  const breaks = sheet.print.breaksBefore ?? [];
  if (breaks.length > 0) {
    tail += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
  }
  if (relations.drawingId) tail += `<drawing r:id="${relations.drawingId}"/>`;
  if (relations.tableId) tail += `<tableParts count="1"><tablePart r:id="${relations.tableId}"/></tableParts>`;
  return `${tail}</worksheet>`;
}
