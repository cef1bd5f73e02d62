import { EXCEL_MAX_CELL_TEXT, columnLetter } from "../../../core/cells";
import { OutCell, OutSheet, PAGE_FOOTER, allRows, sheetWidth } from "../../../core/report/sheetModel";
import { xmlEscape } from "./chartXml";
import { styleIndex } from "./stylesXml";

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
    const items = [...this.index.keys()].map((t) => `<si><t xml:space="preserve">${xmlText(t)}</t></si>`).join("");
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.index.size}">${items}</sst>`;
  }
}

/** Text for element content: escaped, without the control characters XML cannot hold. */
export function xmlText(text: string): string {
  return xmlEscape(NOT_XML.test(text) ? text.replace(NOT_XML_ALL, "") : text);
}

const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const NOT_XML_ALL = new RegExp(NOT_XML.source, "g");

/** A cell link: the file part (empty for a place in the same workbook) and the place inside it. */
export interface CellLink {
  readonly file: string;
  readonly location: string;
}

/** What a worksheet part refers to through its relationships. */
export interface SheetRelations {
  /** Relationship id of the external file a link points to. */
  fileLinkId(file: string): string;
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
  if (cell.link) return `${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
  return `${style} t="s"><v>${strings.indexOf(text)}</v></c>`;
}

/** Rows per piece of XML handed to the zip: the part is streamed, never held whole, and each piece stays small enough (tens of KB) to die young instead of landing in V8's large-object space. */
const ROWS_PER_PIECE = 100;

/**
 * A worksheet part in the schema's element order, as a stream of pieces:
 * page setup flag, frozen header, column widths, the cells, merged blocks,
 * links, margins and page setup, then the drawing (charts) and the table.
 */
export function* worksheetXml(sheet: OutSheet, strings: SharedStrings, links: (cell: OutCell) => CellLink | undefined, relations: SheetRelations): Generator<string> {
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
  yield `${head}<sheetData>`;
  const letters = Array.from({ length: sheetWidth(sheet) }, (_, i) => columnLetter(i));
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
  for (const cells of allRows(sheet)) {
    rowNumber++;
    const height = sheet.rowHeights?.[rowNumber];
    if (!cells && !height) continue;
    let xml = `<row r="${rowNumber}"${height ? ` ht="${height}" customHeight="1"` : ""}>`;
    if (cells) {
      for (let col = 0; col < cells.length; col++) {
        const c = cells[col];
        if (!c) continue;
        xml += `<c r="${letters[col]}${rowNumber}"${xmlOf(c)}`;
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
  const merges = sheet.merges ?? [];
  if (merges.length > 0) {
    yield `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${columnLetter(m.fromColumn - 1)}${m.row}:${columnLetter(m.toColumn - 1)}${m.row}"/>`).join("")}</mergeCells>`;
  }
  if (hasLinks) {
    // A second pass over the rows: the links are written, not held, and follow the cells as the schema orders.
    piece = ["<hyperlinks>"];
    let i = -1;
    for (const cells of allRows(sheet)) {
      i++;
      if (!cells) continue;
      for (let col = 0; col < cells.length; col++) {
        const c = cells[col];
        const link = c?.link ? links(c) : undefined;
        if (!c || !link) continue;
        const target = link.file ? ` r:id="${relations.fileLinkId(link.file)}"` : "";
        piece.push(`<hyperlink ref="${letters[col]}${i + 1}"${target} location="${xmlEscape(link.location)}"/>`);
      }
      if (piece.length >= ROWS_PER_PIECE) {
        yield piece.join("");
        piece = [];
      }
    }
    yield `${piece.join("")}</hyperlinks>`;
  }
  // Every sheet prints on A4 (paperSize 9), one page wide, with page numbers; breaks keep charts and tables whole.
  let tail = `<printOptions/><pageMargins left="0.6" right="0.6" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  tail += `<pageSetup paperSize="9" orientation="${sheet.print.orientation}" fitToWidth="1" fitToHeight="0"/>`;
  tail += `<headerFooter><oddFooter>${xmlEscape(`&C${PAGE_FOOTER}`)}</oddFooter></headerFooter>`;
  const breaks = sheet.print.breaksBefore ?? [];
  if (breaks.length > 0) {
    tail += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r - 1}" max="16383" man="1"/>`).join("")}</rowBreaks>`;
  }
  if (relations.drawingId) tail += `<drawing r:id="${relations.drawingId}"/>`;
  if (relations.tableId) tail += `<tableParts count="1"><tablePart r:id="${relations.tableId}"/></tableParts>`;
  yield `${tail}</worksheet>`;
}
