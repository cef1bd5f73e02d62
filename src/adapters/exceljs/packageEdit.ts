import { createWriteStream } from "node:fs";
import { Readable, Transform, TransformCallback } from "node:stream";
import { finished } from "node:stream/promises";
import yazl from "yazl";
import { columnLetter } from "../../core/cells";
import { OutSheet, OutTable } from "../../core/report/sheetModel";
import { packageDirectory } from "../xlsx/packageDirectory";
import { PART_LIMITS, ZipPackage } from "../xlsx/zipPackage";
import { chartPartXml, drawingPartXml, xmlEscape } from "./chartXml";

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CONTENT_TYPE = {
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};

/**
 * The children of `<worksheet>` that may follow `<sheetData>`, in the order
 * the schema (ECMA-376 Part 1, CT_Worksheet) requires.
 */
export const WORKSHEET_TAIL_ORDER = [
  "sheetCalcPr", "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate",
  "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks",
  "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties",
  "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture",
  "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
] as const;

type TailElement = (typeof WORKSHEET_TAIL_ORDER)[number];

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

function relationshipsXml(rels: readonly { id: string; type: string; target: string }[]): string {
  const items = rels.map((r) => `<Relationship Id="${r.id}" Type="${REL_NS}/${r.type}" Target="${r.target}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/**
 * Inserts `element` into the part of a worksheet after `</sheetData>`, before
 * the first element that the schema orders after it.
 */
export function insertInOrder(tail: string, name: TailElement, element: string): string {
  const later = WORKSHEET_TAIL_ORDER.slice(WORKSHEET_TAIL_ORDER.indexOf(name) + 1);
  let at = tail.lastIndexOf("</");
  for (const follower of later) {
    const found = new RegExp(`<(?:\\w+:)?${follower}[\\s/>]`).exec(tail);
    if (found && found.index < at) at = found.index;
  }
  return tail.slice(0, at) + element + tail.slice(at);
}

/** Passes a worksheet part through and edits only what follows `</sheetData>` (a few elements). */
class SheetTailEdit extends Transform {
  private static readonly MARKS = [Buffer.from("</sheetData>"), Buffer.from("<sheetData/>")];
  private static readonly KEEP = 11;
  private head = Buffer.alloc(0);
  private tail: Buffer[] | undefined;

  constructor(private readonly edit: (tail: string) => string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.tail) {
      this.tail.push(chunk);
      return done();
    }
    const joined = Buffer.concat([this.head, chunk]);
    const mark = SheetTailEdit.MARKS.find((m) => joined.includes(m));
    if (mark) {
      const end = joined.indexOf(mark) + mark.length;
      this.tail = [joined.subarray(end)];
      this.head = Buffer.alloc(0);
      return done(null, joined.subarray(0, end));
    }
    const keep = SheetTailEdit.KEEP;
    this.head = joined.subarray(Math.max(0, joined.length - keep));
    done(null, joined.subarray(0, Math.max(0, joined.length - keep)));
  }

  override _flush(done: TransformCallback): void {
    if (!this.tail) return done(new Error("worksheet without <sheetData>"));
    done(null, Buffer.from(this.edit(Buffer.concat(this.tail).toString("utf8")), "utf8"));
  }
}

/** Hands yazl a stream opened only when its entry's turn comes. */
function lazily(cb: (error: unknown, stream: NodeJS.ReadableStream) => void, open: () => Promise<Readable>): void {
  open().then(
    (stream) => cb(null, stream),
    (error: unknown) => cb(error, Readable.from([])),
  );
}

interface SheetExtras {
  readonly part: string;
  readonly relationships: { id: string; type: string; target: string }[];
  readonly tail: { name: TailElement; xml: string }[];
}

/**
 * Adds the Excel tables and native charts of the report's sheets to a package
 * written by ExcelJS's public writer (which has no charts, and no tables when
 * streaming): the parts go in as new zip entries, the relationships into each
 * sheet's `.rels`, `<drawing>` and `<tableParts>` into the sheet where the
 * schema orders them, the content types into `[Content_Types].xml`. Every
 * other part is copied unchanged. Reads `basePath`, writes `outPath`.
 */
export async function addTablesAndCharts(basePath: string, outPath: string, sheets: readonly OutSheet[]): Promise<void> {
  const pkg = await ZipPackage.open(basePath);
  try {
    const directory = await packageDirectory(pkg);
    const partOf = new Map(directory.sheets.map((s) => [s.name, s.part]));
    const newParts: { name: string; xml: string }[] = [];
    const overrides: string[] = [];
    const extras = new Map<string, SheetExtras>();
    const counters = { tables: 0, drawings: 0, charts: 0 };
    const addPart = (name: string, xml: string, contentType?: string): void => {
      newParts.push({ name, xml });
      if (contentType) overrides.push(`<Override PartName="/${name}" ContentType="${contentType}"/>`);
    };
    for (const sheet of sheets) {
      const part = partOf.get(sheet.name);
      const charts = sheet.charts ?? [];
      if (!part || (charts.length === 0 && !sheet.table)) continue;
      const sheetExtras: SheetExtras = { part, relationships: [], tail: [] };
      if (charts.length > 0) {
        const d = ++counters.drawings;
        const chartRels = charts.map((chart, i) => {
          const c = ++counters.charts;
          addPart(`xl/charts/chart${c}.xml`, chartPartXml(chart, sheet.name), CONTENT_TYPE.chart);
          return { id: `rId${i + 1}`, type: "chart", target: `../charts/chart${c}.xml` };
        });
        addPart(`xl/drawings/drawing${d}.xml`, drawingPartXml(charts), CONTENT_TYPE.drawing);
        addPart(`xl/drawings/_rels/drawing${d}.xml.rels`, relationshipsXml(chartRels));
        sheetExtras.relationships.push({ id: "rIdFallbilanzDrawing", type: "drawing", target: `../drawings/drawing${d}.xml` });
        sheetExtras.tail.push({ name: "drawing", xml: `<drawing xmlns:r="${REL_NS}" r:id="rIdFallbilanzDrawing"/>` });
      }
      if (sheet.table) {
        const t = ++counters.tables;
        addPart(`xl/tables/table${t}.xml`, tablePartXml(sheet.table, t), CONTENT_TYPE.table);
        sheetExtras.relationships.push({ id: "rIdFallbilanzTable", type: "table", target: `../tables/table${t}.xml` });
        sheetExtras.tail.push({ name: "tableParts", xml: `<tableParts count="1"><tablePart xmlns:r="${REL_NS}" r:id="rIdFallbilanzTable"/></tableParts>` });
      }
      extras.set(part.toLowerCase(), sheetExtras);
    }
    const relsOf = (part: string): string => part.replace(/([^/]+)$/, "_rels/$1.rels");
    const relsParts = new Map([...extras.values()].map((e) => [relsOf(e.part).toLowerCase(), e]));

    const zip = new yazl.ZipFile();
    const output = finished(zip.outputStream.pipe(createWriteStream(outPath)));
    const streamOf = async (name: string): Promise<Readable> => {
      const stream = await pkg.stream(name, PART_LIMITS.worksheet);
      if (!stream) throw new Error(`part ${name} vanished`);
      return stream;
    };
    for (const name of pkg.names()) {
      const key = name.toLowerCase();
      if (key === "[content_types].xml") {
        const xml = (await pkg.bytes(name))!.toString("utf8");
        zip.addBuffer(Buffer.from(xml.replace("</Types>", `${overrides.join("")}</Types>`), "utf8"), name);
      } else if (relsParts.has(key)) {
        const xml = (await pkg.bytes(name))!.toString("utf8");
        const added = relsParts.get(key)!.relationships.map((r) => `<Relationship Id="${r.id}" Type="${REL_NS}/${r.type}" Target="${r.target}"/>`);
        zip.addBuffer(Buffer.from(xml.replace("</Relationships>", `${added.join("")}</Relationships>`), "utf8"), name);
        relsParts.delete(key);
      } else if (extras.has(key)) {
        const edit = (tail: string): string => extras.get(key)!.tail.reduce((t, e) => insertInOrder(t, e.name, e.xml), tail);
        zip.addReadStreamLazy(name, (cb) => lazily(cb, async () => (await streamOf(name)).pipe(new SheetTailEdit(edit))));
      } else {
        zip.addReadStreamLazy(name, (cb) => lazily(cb, () => streamOf(name)));
      }
    }
    for (const e of relsParts.values()) zip.addBuffer(Buffer.from(relationshipsXml(e.relationships), "utf8"), relsOf(e.part));
    for (const p of newParts) zip.addBuffer(Buffer.from(p.xml, "utf8"), p.name);
    zip.end();
    await output;
  } finally {
    pkg.close();
  }
}
