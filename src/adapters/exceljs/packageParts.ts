import JSZip from "jszip";
import { columnLetter } from "../../core/cells";
import { OutSheet, OutTable } from "../../core/report/sheetModel";
import { chartPartXml, drawingPartXml, xmlEscape } from "./chartXml";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = {
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

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

/** Adds or replaces a part, without the folder entries JSZip would otherwise add. */
function put(zip: JSZip, path: string, text: string): void {
  zip.file(path, text, { createFolders: false });
}

/** Adds a relationship to a part's .rels file (creating it) and returns its id. */
async function addRelationship(zip: JSZip, relsPath: string, type: string, target: string): Promise<string> {
  const existing = await zip.file(relsPath)?.async("string");
  const xml = existing ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const used = new Set([...xml.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  put(zip, relsPath, xml.replace("</Relationships>", `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/></Relationships>`));
  return id;
}

async function addContentType(zip: JSZip, partName: string, contentType: string): Promise<void> {
  const xml = (await zip.file("[Content_Types].xml")!.async("string")).replace(
    "</Types>",
    `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`,
  );
  put(zip, "[Content_Types].xml", xml);
}

/** Inserts an element into a worksheet before the first of `before` that occurs (schema order). */
function insertBefore(sheetXml: string, element: string, before: readonly string[]): string {
  for (const tag of before) {
    const at = sheetXml.indexOf(tag);
    if (at >= 0) return sheetXml.slice(0, at) + element + sheetXml.slice(at);
  }
  throw new Error("worksheet has no closing tag");
}

/**
 * ExcelJS's streaming writer has no tables and no charts: this adds them as
 * package parts (`xl/tables`, `xl/drawings`, `xl/charts`) to the written file.
 * `sheets[i]` is `xl/worksheets/sheet{i+1}.xml`.
 */
export async function addTablesAndCharts(fileBytes: Buffer, sheets: readonly OutSheet[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(fileBytes);
  let tables = 0;
  let drawings = 0;
  let charts = 0;
  for (const [index, sheet] of sheets.entries()) {
    const sheetPath = `xl/worksheets/sheet${index + 1}.xml`;
    const relsPath = `xl/worksheets/_rels/sheet${index + 1}.xml.rels`;
    let xml = await zip.file(sheetPath)!.async("string");
    const sheetCharts = sheet.charts ?? [];
    if (sheetCharts.length > 0) {
      const d = ++drawings;
      put(zip, `xl/drawings/drawing${d}.xml`, drawingPartXml(sheetCharts));
      await addContentType(zip, `/xl/drawings/drawing${d}.xml`, CT.drawing);
      for (const chart of sheetCharts) {
        const c = ++charts;
        put(zip, `xl/charts/chart${c}.xml`, chartPartXml(chart, sheet.name));
        await addContentType(zip, `/xl/charts/chart${c}.xml`, CT.chart);
        await addRelationship(zip, `xl/drawings/_rels/drawing${d}.xml.rels`, "chart", `../charts/chart${c}.xml`);
      }
      const rId = await addRelationship(zip, relsPath, "drawing", `../drawings/drawing${d}.xml`);
      xml = insertBefore(xml, `<drawing r:id="${rId}"/>`, ["<legacyDrawing", "<tableParts", "<extLst", "</worksheet>"]);
    }
    if (sheet.table) {
      const t = ++tables;
      put(zip, `xl/tables/table${t}.xml`, tablePartXml(sheet.table, t));
      await addContentType(zip, `/xl/tables/table${t}.xml`, CT.table);
      const rId = await addRelationship(zip, relsPath, "table", `../tables/table${t}.xml`);
      xml = insertBefore(xml, `<tableParts count="1"><tablePart r:id="${rId}"/></tableParts>`, ["<extLst", "</worksheet>"]);
    }
    put(zip, sheetPath, xml);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
