import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import yazl from "yazl";
import { columnLetter } from "../../../core/cells";
import { OutSheet, OutTable } from "../../../core/report/sheetModel";
import { LinkTarget, ReportSink } from "../../../port/workbookPort";
import { printArea, printTitleRows, quoteSheet } from "../../../core/excel/references";
import { chartPartXml, drawingPartXml, xmlEscape } from "./chartXml";
import { stylesXml } from "./stylesXml";
import { CellLink, SharedStrings, worksheetXml } from "./worksheetXml";

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TYPES = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
};

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external?: boolean;
}

/** Strings as UTF-8 buffers, one per piece. */
function* bytes(pieces: Iterable<string>): Generator<Buffer> {
  for (const piece of pieces) yield Buffer.from(piece, "utf8");
}

function relationshipsXml(rels: readonly Relationship[]): string {
  const items = rels.map(
    (r) => `<Relationship Id="${r.id}" Type="${r.type.startsWith("http") ? r.type : `${REL}/${r.type}`}" Target="${xmlEscape(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
  );
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join("")}</Relationships>`;
}

function tablePartXml(table: OutTable, id: number): string {
  const lastRow = table.headerRow + Math.max(table.rowCount, 1);
  const ref = `A${table.headerRow}:${columnLetter(table.columns.length - 1)}${lastRow}`;
  const columns = table.columns.map((name, i) => `<tableColumn id="${i + 1}" name="${xmlEscape(name)}"/>`).join("");
  return (
    `${XML_HEAD}<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${table.name}" displayName="${table.name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** `Mappe.xlsx#'Blatt'!A1` → the file, percent-encoded as a URI (`#`, `?`, spaces), and the place inside it. */
export function splitLink(target: string): CellLink {
  const hash = target.indexOf("#");
  const file = hash < 0 ? target : target.slice(0, hash);
  const location = hash < 0 ? "" : target.slice(hash + 1);
  return { file, location };
}

/**
 * Writes the report's sheets to a new .xlsx file: SpreadsheetML written here
 * (cells, styles, shared strings, the Excel table, native DrawingML charts),
 * zipped with yazl. Text is always written as text, never as a formula.
 */
export class XlsxFileSink implements ReportSink {
  constructor(
    readonly path: string,
    private readonly link: LinkTarget,
    private readonly now: Date = new Date(),
  ) {}

  async write(sheets: readonly OutSheet[]): Promise<void> {
    const zip = new yazl.ZipFile();
    const output = finished(zip.outputStream.pipe(createWriteStream(this.path)));
    const add = (name: string, xml: string): void => zip.addBuffer(Buffer.from(xml, "utf8"), name, { compressionLevel: 6 });
    // Parts made when their turn comes: a worksheet streamed piece by piece, and parts that depend on it.
    const addLater = (name: string, pieces: () => Iterable<string>): void =>
      zip.addReadStreamLazy(name, { compressionLevel: 1 }, (cb) => cb(null, Readable.from(bytes(pieces()))));
    const overrides: string[] = [];
    const override = (name: string, type: string): void => void overrides.push(`<Override PartName="/${name}" ContentType="${type}"/>`);
    const strings = new SharedStrings();
    const counters = { tables: 0, drawings: 0, charts: 0 };

    sheets.forEach((sheet, s) => {
      const rels: Relationship[] = [];
      const fileIds = new Map<string, string>();
      let drawingId: string | undefined;
      let tableId: string | undefined;
      const charts = sheet.charts ?? [];
      if (charts.length > 0) {
        const d = ++counters.drawings;
        const chartRels = charts.map((chart, i): Relationship => {
          const c = ++counters.charts;
          add(`xl/charts/chart${c}.xml`, chartPartXml(chart, sheet.name));
          override(`xl/charts/chart${c}.xml`, TYPES.chart);
          return { id: `rId${i + 1}`, type: "chart", target: `../charts/chart${c}.xml` };
        });
        add(`xl/drawings/drawing${d}.xml`, drawingPartXml(charts));
        override(`xl/drawings/drawing${d}.xml`, TYPES.drawing);
        add(`xl/drawings/_rels/drawing${d}.xml.rels`, relationshipsXml(chartRels));
        drawingId = `rId${rels.length + 1}`;
        rels.push({ id: drawingId, type: "drawing", target: `../drawings/drawing${d}.xml` });
      }
      if (sheet.table) {
        const t = ++counters.tables;
        add(`xl/tables/table${t}.xml`, tablePartXml(sheet.table, t));
        override(`xl/tables/table${t}.xml`, TYPES.table);
        tableId = `rId${rels.length + 1}`;
        rels.push({ id: tableId, type: "table", target: `../tables/table${t}.xml` });
      }
      const relations = {
        drawingId,
        tableId,
        fileLinkId: (file: string): string => {
          let id = fileIds.get(file);
          if (!id) {
            id = `rId${rels.length + 1}`;
            fileIds.set(file, id);
            rels.push({ id, type: "hyperlink", target: file, external: true });
          }
          return id;
        },
      };
      addLater(`xl/worksheets/sheet${s + 1}.xml`, () => worksheetXml(sheet, strings, (cell) => (cell.link ? splitLink(this.link(cell.link)) : undefined), relations));
      override(`xl/worksheets/sheet${s + 1}.xml`, TYPES.worksheet);
      // The relationships are known once the sheet is written (its links to files): made after it.
      addLater(`xl/worksheets/_rels/sheet${s + 1}.xml.rels`, () => [relationshipsXml(rels)]);
    });

    addLater("xl/sharedStrings.xml", () => [strings.xml()]);
    add("xl/styles.xml", stylesXml());
    add(
      "xl/workbook.xml",
      `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
        `<bookViews><workbookView activeTab="${Math.max(0, sheets.length - 1)}"/></bookViews><sheets>` +
        sheets.map((sheet, s) => `<sheet name="${xmlEscape(sheet.name)}" sheetId="${s + 1}" r:id="rId${s + 1}"/>`).join("") +
        `</sheets>${definedNamesXml(sheets)}<calcPr calcId="191029"/></workbook>`,
    );
    add(
      "xl/_rels/workbook.xml.rels",
      relationshipsXml([
        ...sheets.map((_, s): Relationship => ({ id: `rId${s + 1}`, type: "worksheet", target: `worksheets/sheet${s + 1}.xml` })),
        { id: `rId${sheets.length + 1}`, type: "styles", target: "styles.xml" },
        { id: `rId${sheets.length + 2}`, type: "sharedStrings", target: "sharedStrings.xml" },
      ]),
    );
    const created = this.now.toISOString().replace(/\.\d{3}Z$/, "Z");
    add(
      "docProps/core.xml",
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>Fallbilanz</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`,
    );
    add("docProps/app.xml", `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Fallbilanz</Application></Properties>`);
    add(
      "_rels/.rels",
      relationshipsXml([
        { id: "rId1", type: "officeDocument", target: "xl/workbook.xml" },
        { id: "rId2", type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", target: "docProps/core.xml" },
        { id: "rId3", type: "extended-properties", target: "docProps/app.xml" },
      ]),
    );
    add(
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${TYPES.workbook}"/><Override PartName="/xl/styles.xml" ContentType="${TYPES.styles}"/>` +
        `<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPES.sharedStrings}"/>` +
        `<Override PartName="/docProps/core.xml" ContentType="${TYPES.core}"/><Override PartName="/docProps/app.xml" ContentType="${TYPES.app}"/>` +
        `${overrides.join("")}</Types>`,
    );
    zip.end();
    await output;
  }
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
