import { EXCEL_MAX_CELL_TEXT, columnLetter } from "../../../core/cells";
import { OutCell, OutSheet } from "../../../core/report/sheetModel";
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
  return xmlEscape(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ""));
}

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

/** One cell as XML: numbers as numbers (never a non-finite one), text always as text (a leading `=` stays text). */
function cellXml(ref: string, cell: OutCell, strings: SharedStrings): string {
  const s = styleIndex(cell.style, cell.link !== undefined);
  const style = s === 0 ? "" : ` s="${s}"`;
  const value = cell.value;
  if (typeof value === "number") return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : `<c r="${ref}"${style}/>`;
  if (value === null) return `<c r="${ref}"${style}/>`;
  const text = value.length > EXCEL_MAX_CELL_TEXT ? `${value.slice(0, EXCEL_MAX_CELL_TEXT - 1)}…` : value;
  return `<c r="${ref}"${style} t="s"><v>${strings.indexOf(text)}</v></c>`;
}

/**
 * A worksheet part in the schema's element order: page setup flag, frozen
 * header, column widths, the cells, merged blocks, links, margins and page
 * setup, then the drawing (charts) and the table.
 */
export function worksheetXml(sheet: OutSheet, strings: SharedStrings, links: (cell: OutCell) => CellLink | undefined, relations: SheetRelations): string {
  const parts: string[] = [];
  const hyperlinks: string[] = [];
  parts.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`,
  );
  const frozen = sheet.freezeBelowRow && sheet.freezeBelowRow > 1 ? sheet.freezeBelowRow : undefined;
  parts.push(
    frozen
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen - 1}" topLeftCell="A${frozen}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen}" sqref="A${frozen}"/></sheetView></sheetViews>`
      : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`,
  );
  parts.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  if (sheet.columnWidths.length > 0) {
    parts.push(`<cols>${sheet.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`);
  }
  parts.push("<sheetData>");
  sheet.rows.forEach((cells, i) => {
    const rowNumber = i + 1;
    const height = sheet.rowHeights?.[rowNumber];
    if (!cells && !height) return;
    const xml: string[] = [];
    cells?.forEach((c, col) => {
      if (!c) return;
      const ref = `${columnLetter(col)}${rowNumber}`;
      xml.push(cellXml(ref, c, strings));
      const link = links(c);
      if (link) {
        const target = link.file ? ` r:id="${relations.fileLinkId(link.file)}"` : "";
        hyperlinks.push(`<hyperlink ref="${ref}"${target} location="${xmlEscape(link.location)}" display="${xmlEscape(String(c.value ?? ""))}"/>`);
      }
    });
    parts.push(`<row r="${rowNumber}"${height ? ` ht="${height}" customHeight="1"` : ""}>${xml.join("")}</row>`);
  });
  parts.push("</sheetData>");
  const merges = sheet.merges ?? [];
  if (merges.length > 0) {
    parts.push(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${columnLetter(m.fromColumn - 1)}${m.row}:${columnLetter(m.toColumn - 1)}${m.row}"/>`).join("")}</mergeCells>`);
  }
  if (hyperlinks.length > 0) parts.push(`<hyperlinks>${hyperlinks.join("")}</hyperlinks>`);
  parts.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  parts.push(`<pageSetup paperSize="9" orientation="${sheet.landscape ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="0"/>`);
  if (relations.drawingId) parts.push(`<drawing r:id="${relations.drawingId}"/>`);
  if (relations.tableId) parts.push(`<tableParts count="1"><tablePart r:id="${relations.tableId}"/></tableParts>`);
  parts.push("</worksheet>");
  return parts.join("");
}
