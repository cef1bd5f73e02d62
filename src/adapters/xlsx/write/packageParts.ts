import { columnLetter } from "../../../core/cells";
import { printArea, printTitleRows, quoteSheet } from "../../../core/excel/references";
import { OutSheet, OutTable } from "../../../core/report/sheetModel";
import { xmlEscape } from "./chartXml";

/*
 * The small parts of an .xlsx package, each as one string: relationships, the workbook, the Excel table, the
 * content types and the document properties. The worksheets (streamed) are in `worksheetXml.ts`.
 */

export const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const CONTENT_TYPES = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
} as const;

export interface Relationship {
  readonly id: string;
  /** A type of the office document relationships (`worksheet`, `hyperlink`, …) or a full type URI. */
  readonly type: string;
  readonly target: string;
  readonly external?: boolean;
}

export function relationshipsXml(rels: readonly Relationship[]): string {
  const items = rels.map(
    (r) => `<Relationship Id="${r.id}" Type="${r.type.startsWith("http") ? r.type : `${REL}/${r.type}`}" Target="${xmlEscape(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
  );
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`;
}

export function tablePartXml(table: OutTable, id: number): string {
  const lastRow = table.headerRow + Math.max(table.rowCount, 1);
  const ref = `A${table.headerRow}:${columnLetter(table.columns.length - 1)}${lastRow}`;
  const columns = table.columns.map((name, i) => `<tableColumn id="${i + 1}" name="${xmlEscape(name)}"/>`).join("");
  return (
    `${XML_HEAD}<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${table.name}" displayName="${table.name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** The workbook: its sheets in order (the last one active), print titles and areas. */
export function workbookXml(sheets: readonly OutSheet[]): string {
  return (
    `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
    `<bookViews><workbookView activeTab="${Math.max(0, sheets.length - 1)}"/></bookViews><sheets>` +
    sheets.map((sheet, s) => `<sheet name="${xmlEscape(sheet.name)}" sheetId="${s + 1}" r:id="rId${s + 1}"/>`).join("") +
    `</sheets>${definedNamesXml(sheets)}<calcPr calcId="191029"/></workbook>`
  );
}

/** The workbook's relationships: the sheets as `rId1`… (as `workbookXml` refers to them), styles, shared strings. */
export function workbookRelationshipsXml(sheetCount: number): string {
  return relationshipsXml([
    ...Array.from({ length: sheetCount }, (_, s): Relationship => ({ id: `rId${s + 1}`, type: "worksheet", target: `worksheets/sheet${s + 1}.xml` })),
    { id: `rId${sheetCount + 1}`, type: "styles", target: "styles.xml" },
    { id: `rId${sheetCount + 2}`, type: "sharedStrings", target: "sharedStrings.xml" },
  ]);
}

/** Print titles and print areas, as Excel keeps them: defined names local to their sheet. */
function definedNamesXml(sheets: readonly OutSheet[]): string {
  const names = sheets.flatMap((sheet, s) => {
    const quoted = quoteSheet(sheet.name);
    const titles = printTitleRows(sheet);
    const area = printArea(sheet);
    return [
      ...(area ? [`<definedName name="_xlnm.Print_Area" localSheetId="${s}">${xmlEscape(`${quoted}!${area}`)}</definedName>`] : []),
      ...(titles ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${s}">${xmlEscape(`${quoted}!${titles}`)}</definedName>`] : []),
    ];
  });
  return names.length === 0 ? "" : `<definedNames>${names.join("")}</definedNames>`;
}

/** The package's relationships: the workbook and the two property parts. */
export function packageRelationshipsXml(): string {
  return relationshipsXml([
    { id: "rId1", type: "officeDocument", target: "xl/workbook.xml" },
    { id: "rId2", type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", target: "docProps/core.xml" },
    { id: "rId3", type: "extended-properties", target: "docProps/app.xml" },
  ]);
}

/** Author and time of creation (to the second, UTC). */
export function corePropertiesXml(now: Date): string {
  const created = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>Fallbilanz</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`
  );
}

export function appPropertiesXml(): string {
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Fallbilanz</Application></Properties>`;
}

/** The content types: the fixed parts, then one override per part named in `overrides`. */
export function contentTypesXml(overrides: readonly { part: string; type: string }[]): string {
  const fixed: { part: string; type: string }[] = [
    { part: "xl/workbook.xml", type: CONTENT_TYPES.workbook },
    { part: "xl/styles.xml", type: CONTENT_TYPES.styles },
    { part: "xl/sharedStrings.xml", type: CONTENT_TYPES.sharedStrings },
    { part: "docProps/core.xml", type: CONTENT_TYPES.core },
    { part: "docProps/app.xml", type: CONTENT_TYPES.app },
  ];
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    [...fixed, ...overrides].map((o) => `<Override PartName="/${o.part}" ContentType="${o.type}"/>`).join("") +
    `</Types>`
  );
}
