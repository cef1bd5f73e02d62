import { OutSheet } from "../../../core/report/sheetModel";
import { ReportSink } from "../../../port/workbookPort";
import { chartPartXml, drawingPartXml } from "./chartXml";
import {
  CONTENT_TYPES, Relationship, appPropertiesXml, contentTypesXml, corePropertiesXml, packageRelationshipsXml,
  relationshipsXml, tablePartXml, workbookRelationshipsXml, workbookXml,
} from "./packageParts";
import { stylesXml } from "./stylesXml";
import { SharedStrings, SheetRelations, worksheetXml } from "./worksheetXml";
import { ByteSink, Codec } from "../platform/bytes";
import { ZipWriter } from "./zipWriter";

/**
 * Deflate levels: the small parts as small as they get; the worksheets, which are made while they are zipped, at
 * the fastest level (on the benchmark workbook 15 % less work than level 2 for a part 4 % larger: see
 * docs/decisions.md).
 */
const LEVEL = { small: 6, worksheet: 1 } as const;

/** The parts of a package written so far: content type overrides, and counters for part numbers. */
class PackageParts {
  readonly overrides: { part: string; type: string }[] = [];
  private readonly counters = { tables: 0, drawings: 0, charts: 0 };

  constructor(readonly zip: ZipWriter) {}

  async add(part: string, xml: string, type?: string): Promise<void> {
    await this.zip.add(part, xml, LEVEL.small);
    if (type) this.overrides.push({ part, type });
  }

  next(kind: keyof PackageParts["counters"]): number {
    return ++this.counters[kind];
  }
}

/**
 * Writes the report's sheets as a new .xlsx package: SpreadsheetML written here (cells, styles, shared strings, the
 * Excel table, native DrawingML charts) and zipped by `ZipWriter` into a `ByteSink`. Text is always written as text,
 * never as a formula. The same writer on every platform; `XlsxFileSink` (`write/fileSink.ts`) gives it a
 * file on disk, the browser page memory.
 */
export class XlsxPackageSink implements ReportSink {
  /**
   * @param linkedFile the team's workbook as a URI relative to the report (each segment percent-encoded), that the
   *   links of the records and findings point into; "" when they point into the report itself.
   */
  constructor(
    private readonly open: () => Promise<ByteSink>,
    private readonly codec: Codec,
    private readonly linkedFile: string,
    private readonly now: Date = new Date(),
  ) {}

  async write(sheets: readonly OutSheet[], progress?: (text: string) => void): Promise<void> {
    const zip = new ZipWriter(await this.open(), this.codec, this.now);
    try {
      const parts = new PackageParts(zip);
      const strings = new SharedStrings();
      for (const [s, sheet] of sheets.entries()) {
        progress?.(`„${sheet.name}“ wird geschrieben …`);
        await this.writeSheet(parts, sheet, s + 1, strings);
      }
      // The shared strings are complete once every sheet is written.
      await parts.add("xl/sharedStrings.xml", strings.xml());
      await parts.add("xl/styles.xml", stylesXml());
      await parts.add("xl/workbook.xml", workbookXml(sheets));
      await parts.add("xl/_rels/workbook.xml.rels", workbookRelationshipsXml(sheets.length));
      await parts.add("docProps/core.xml", corePropertiesXml(this.now));
      await parts.add("docProps/app.xml", appPropertiesXml());
      await parts.add("_rels/.rels", packageRelationshipsXml());
      await parts.add("[Content_Types].xml", contentTypesXml(parts.overrides));
      await zip.close();
    } catch (error) {
      zip.abort();
      throw error;
    }
  }

  /** One worksheet with its charts and table, then its relationships (which its links to files add to). */
  private async writeSheet(parts: PackageParts, sheet: OutSheet, number: number, strings: SharedStrings): Promise<void> {
    const rels: Relationship[] = [];
    const relate = (type: string, target: string, external?: boolean): string => {
      const id = `rId${rels.length + 1}`;
      rels.push({ id, type, target, external });
      return id;
    };
    const drawingId = sheet.charts && sheet.charts.length > 0 ? relate("drawing", `../drawings/drawing${await writeCharts(parts, sheet)}.xml`) : undefined;
    let tableId: string | undefined;
    if (sheet.table) {
      const t = parts.next("tables");
      await parts.add(`xl/tables/table${t}.xml`, tablePartXml(sheet.table, t), CONTENT_TYPES.table);
      tableId = relate("table", `../tables/table${t}.xml`);
    }
    let fileId: string | undefined;
    const relations: SheetRelations = {
      drawingId,
      tableId,
      linkedFileId: () => (this.linkedFile === "" ? undefined : (fileId ??= relate("hyperlink", this.linkedFile, true))),
    };
    const part = `xl/worksheets/sheet${number}.xml`;
    await parts.zip.add(part, worksheetXml(sheet, strings, relations), LEVEL.worksheet);
    parts.overrides.push({ part, type: CONTENT_TYPES.worksheet });
    await parts.add(`xl/worksheets/_rels/sheet${number}.xml.rels`, relationshipsXml(rels));
  }
}

/** A sheet's charts and the drawing that places them; returns the drawing's number. */
async function writeCharts(parts: PackageParts, sheet: OutSheet): Promise<number> {
  const charts = sheet.charts ?? [];
  const d = parts.next("drawings");
  const chartRels: Relationship[] = [];
  for (const [i, chart] of charts.entries()) {
    const c = parts.next("charts");
    await parts.add(`xl/charts/chart${c}.xml`, chartPartXml(chart, sheet.name), CONTENT_TYPES.chart);
    chartRels.push({ id: `rId${i + 1}`, type: "chart", target: `../charts/chart${c}.xml` });
  }
  await parts.add(`xl/drawings/drawing${d}.xml`, drawingPartXml(charts), CONTENT_TYPES.drawing);
  await parts.add(`xl/drawings/_rels/drawing${d}.xml.rels`, relationshipsXml(chartRels));
  return d;
}
