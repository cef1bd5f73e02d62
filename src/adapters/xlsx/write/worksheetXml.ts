import { EXCEL_MAX_CELL_TEXT, columnLetter } from "../../../core/cells";
import { OutCell, OutSheet, PAGE_FOOTER, SourceCellRef, rowAt, rowCount, sheetWidth } from "../../../core/report/sheetModel";
import { quoteSheet } from "../../../core/excel/references";
import { xmlEscape } from "./chartXml";
import { styleIndex } from "./stylesXml";

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

/**
 * One cell as XML after its reference (`<c r="A1"` + this): numbers as numbers
 * (never a non-finite one), text always as text (a leading `=` stays text).
 */
function cellXmlAfterRef(cell: OutCell, strings: SharedStrings): string {
  const s = styleIndex(cell.style, cell.link !== undefined);
  const style = s === 0 ? "" : ` s="${s}"`;
  const value = cell.value;
  if (typeof value === "number") return Number.isFinite(value) ? `${style}><v>${value}</v></c>` : `${style}/>`;
  if (value === null) return `${style}/>`;
  const text = value.length > EXCEL_MAX_CELL_TEXT ? `${value.slice(0, EXCEL_MAX_CELL_TEXT - 1)}…` : value;
  // A link's text names its own cell: kept inline, so that thousands of them do not fill the shared strings.
  if (cell.link) return `${style} t="inlineStr"><is>${textElement(text)}</is></c>`;
  return `${style} t="s"><v>${strings.indexOf(text)}</v></c>`;
}

/** Rows per piece of XML handed to the zip: the part is streamed, never held whole, and each piece stays small enough (tens of KB) to die young instead of landing in V8's large-object space. */
const ROWS_PER_PIECE = 100;

/**
 * A worksheet part in the schema's element order, as a stream of pieces:
 * page setup flag, frozen header, column widths, the cells, merged blocks,
 * links, margins and page setup, then the drawing (charts) and the table.
 */
export function* worksheetXml(sheet: OutSheet, strings: SharedStrings, relations: SheetRelations): Generator<string> {
  yield sheetHead(sheet);
  const letters = Array.from({ length: sheetWidth(sheet) }, (_, i) => columnLetter(i));
  const hasLinks = yield* sheetData(sheet, strings, letters);
  const merges = sheet.merges ?? [];
  if (merges.length > 0) {
    yield `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${columnLetter(m.fromColumn - 1)}${m.row}:${columnLetter(m.toColumn - 1)}${m.row}"/>`).join("")}</mergeCells>`;
  }
  if (hasLinks) yield* hyperlinks(sheet, letters, relations.linkedFileId());
  yield sheetTail(sheet, relations);
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

/** The rows, in pieces of `ROWS_PER_PIECE`; returns whether any cell links to the team's workbook. */
function* sheetData(sheet: OutSheet, strings: SharedStrings, letters: readonly string[]): Generator<string, boolean> {
  let piece: string[] = [];
  let hasLinks = false;
  let rowNumber = 0;
  // A large table repeats its cell objects (a kind, a status, a client's ID, a day): each one's XML is made once.
  const made = new Map<OutCell, string>();
  const xmlOf = (c: OutCell): string => {
    if (c.link || sheet.moreRows === undefined) return cellXmlAfterRef(c, strings);
    let xml = made.get(c);
    if (xml === undefined) {
      xml = cellXmlAfterRef(c, strings);
      made.set(c, xml);
    }
    return xml;
  };
  for (let i = 0, n = rowCount(sheet); i < n; i++) {
    const cells = rowAt(sheet, i);
    rowNumber++;
    const height = sheet.rowHeights?.[rowNumber];
    if (!cells && !height) continue;
    const r = String(rowNumber);
    let xml = `<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ""}>`;
    if (cells) {
      for (let col = 0; col < cells.length; col++) {
        const c = cells[col];
        if (!c) continue;
        xml += `<c r="${letters[col]}${r}"${xmlOf(c)}`;
        if (c.link) hasLinks = true;
      }
    }
    piece.push(`${xml}</row>`);
    if (piece.length === ROWS_PER_PIECE) {
      yield piece.join("");
      piece = [];
    }
  }
  yield `${piece.join("")}</sheetData>`;
  return hasLinks;
}

/**
 * The links into the team's workbook, after the cells as the schema orders: a second pass over the rows, so that
 * they are written, not held.
 */
function* hyperlinks(sheet: OutSheet, letters: readonly string[], fileId: string | undefined): Generator<string> {
  const target = fileId ? ` r:id="${fileId}"` : "";
  const quoted = new Map<string, string>();
  const sheetPart = (name: string): string => {
    let q = quoted.get(name);
    if (q === undefined) quoted.set(name, (q = xmlEscape(quoteSheet(name))));
    return q;
  };
  let piece = ["<hyperlinks>"];
  const add = (column: number, row: number, link: SourceCellRef): number =>
    piece.push(`<hyperlink ref="${letters[column]}${row}"${target} location="${sheetPart(link.sheet)}!${xmlEscape(link.cell)}"/>`);
  const flush = function* (): Generator<string> {
    if (piece.length < ROWS_PER_PIECE) return;
    yield piece.join("");
    piece = [];
  };
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
    yield* flush();
  }
  // A block of rows that names its links is asked for them alone, not row by row.
  if (more?.link) {
    for (let i = 0; i < more.count; i++) {
      rowNumber++;
      const link = more.link(i);
      if (link) add(link.column, rowNumber, link.ref);
      yield* flush();
    }
  }
  yield `${piece.join("")}</hyperlinks>`;
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
