import type ExcelJS from "exceljs";
import { columnLetter } from "../../core/cells";
import { OutSheet, OutTable } from "../../core/report/sheetModel";
import { chartPartXml, drawingPartXml, xmlEscape } from "./chartXml";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CONTENT_TYPE = {
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

/**
 * The parts of ExcelJS 4.4's streaming writer this module uses (pinned in
 * package.json): its zip archive, each sheet's relationship writer, and the
 * step that closes a sheet's XML.
 */
interface ZipArchive {
  append(source: string | Buffer | NodeJS.ReadableStream, data: { name: string }): unknown;
}
interface WriterInternals {
  zip: ZipArchive;
}
interface SheetInternals {
  stream: { write(text: string): unknown };
  _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
  _writeCloseWorksheet(): void;
}

function tablePartXml(table: OutTable, id: number): string {
  const lastRow = table.headerRow + Math.max(table.rowCount, 1);
  const ref = `A${table.headerRow}:${columnLetter(table.columns.length - 1)}${lastRow}`;
  const columns = table.columns.map((name, i) => `<tableColumn id="${i + 1}" name="${xmlEscape(name)}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${table.name}" displayName="${table.name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

function relationshipsXml(targets: readonly string[], type: string): string {
  const rels = targets.map((t, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${type}" Target="${t}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
}

/**
 * ExcelJS's streaming writer has no tables and no charts. This adds them
 * while it writes: the parts (`xl/tables`, `xl/drawings`, `xl/charts`) go
 * into its zip, the relationships into the sheet's .rels, the `<drawing>` and
 * `<tableParts>` elements at the end of the sheet XML (after everything
 * ExcelJS writes, as the schema orders them), and the content types into
 * `[Content_Types].xml`. Nothing is written twice.
 */
export class TablesAndCharts {
  private readonly overrides: string[] = [];
  private tables = 0;
  private drawings = 0;
  private charts = 0;

  constructor(writer: ExcelJS.stream.xlsx.WorkbookWriter) {
    const zip = (writer as unknown as WriterInternals).zip;
    const append = zip.append.bind(zip);
    zip.append = (source, data) => {
      if (data.name === "[Content_Types].xml" && typeof source === "string") {
        return append(source.replace("</Types>", `${this.overrides.join("")}</Types>`), data);
      }
      return append(source, data);
    };
    this.zip = { append };
  }

  private readonly zip: ZipArchive;

  private addPart(name: string, xml: string, contentType?: string): void {
    this.zip.append(xml, { name });
    if (contentType) this.overrides.push(`<Override PartName="/${name}" ContentType="${contentType}"/>`);
  }

  /** Call before `worksheet.commit()`: registers the sheet's table and charts. */
  addTo(worksheet: ExcelJS.Worksheet, sheet: OutSheet): void {
    const ws = worksheet as unknown as SheetInternals;
    const tail: string[] = [];
    const charts = sheet.charts ?? [];
    if (charts.length > 0) {
      const d = ++this.drawings;
      const chartTargets = charts.map((chart) => {
        const c = ++this.charts;
        this.addPart(`xl/charts/chart${c}.xml`, chartPartXml(chart, sheet.name), CONTENT_TYPE.chart);
        return `../charts/chart${c}.xml`;
      });
      this.addPart(`xl/drawings/drawing${d}.xml`, drawingPartXml(charts), CONTENT_TYPE.drawing);
      this.addPart(`xl/drawings/_rels/drawing${d}.xml.rels`, relationshipsXml(chartTargets, "chart"));
      const rId = ws._sheetRelsWriter.addRelationship({ Type: `${REL}/drawing`, Target: `../drawings/drawing${d}.xml` });
      tail.push(`<drawing r:id="${rId}"/>`);
    }
    if (sheet.table) {
      const t = ++this.tables;
      this.addPart(`xl/tables/table${t}.xml`, tablePartXml(sheet.table, t), CONTENT_TYPE.table);
      const rId = ws._sheetRelsWriter.addRelationship({ Type: `${REL}/table`, Target: `../tables/table${t}.xml` });
      tail.push(`<tableParts count="1"><tablePart r:id="${rId}"/></tableParts>`);
    }
    if (tail.length === 0) return;
    const close = ws._writeCloseWorksheet.bind(ws);
    ws._writeCloseWorksheet = () => {
      ws.stream.write(tail.join(""));
      close();
    };
  }
}
