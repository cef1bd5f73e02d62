import type { ReportSink } from "../../port/workbookPort";
import { columnLetter } from "../../core/cells";
import { ChartModel, OutCell, OutSheet, PAGE_FOOTER, allRows, sheetWidth, sourceCellAddress } from "../../core/report/sheetModel";
import { CELL_OVERHEAD, PAYLOAD_BUDGET, planWrites, valueBytes } from "./chunking";
import { numberFormatOf, officeLookOf } from "./officeStyles";
import { excelString, printArea, printTitleRows, quoteSheet } from "../../core/excel/references";
import { SettingsStore } from "./settings";
import { FallbilanzError } from "../../core/errors";

export interface WrittenSheet {
  readonly wanted: string;
  readonly actual: string;
}

/** Excel sheet names: at most 31 characters. */
const MAX_NAME = 31;

/** A free name for a sheet whose name belongs to a sheet the add-in did not write. */
export function freeName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = wanted.slice(0, MAX_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** What the format calls for one run of styled cells weigh in a request, at most (six properties). */
const FORMAT_ROW_BYTES = 6 * 150;

/** A table this run adds, under a temporary name until the swap. */
interface NewTable {
  readonly table: { name: string };
  readonly final: string;
}

/** The sheets a run adds (under temporary names until the swap) and their tables. */
interface NewSheets {
  readonly added: Excel.Worksheet[];
  readonly tables: NewTable[];
}

/** The add-in's previous sheets that a run replaces, their names and tables, and the names other sheets hold. */
interface PreviousReview {
  readonly sheets: Excel.Worksheet[];
  readonly names: readonly string[];
  readonly tables: readonly (readonly string[])[];
  /** Lower-cased names of the sheets that stay. */
  readonly taken: ReadonlySet<string>;
}

/**
 * Writes the report's sheets into the open workbook, so that a failure at any
 * point leaves the workbook as it was: the previous review in place, no
 * temporary sheet. Office.js batches are not transactions (the commands before
 * a failing one stay applied), so every step is one that can be undone:
 * 1. the new sheets are written under temporary names, their tables under
 *    temporary names (table names are unique in the whole workbook, and the
 *    previous review's tables still hold the final ones); on failure they are
 *    deleted;
 * 2. the previous review's sheets and tables are renamed out of the way, not
 *    deleted; the new ones take the final names; on failure the new sheets are
 *    deleted and the previous ones get their names back;
 * 3. only then is the previous review deleted.
 * A table name held by a table the add-in did not write is refused before
 * anything is written. A sheet of the same name that the add-in did not write
 * is never touched: the new one gets another name.
 */
export class OfficeReportWriter implements ReportSink<WrittenSheet[]> {
  constructor(
    private readonly settings: SettingsStore,
    private readonly run: typeof Excel.run = Excel.run.bind(Excel),
  ) {}

  async write(sheets: readonly OutSheet[], progress?: (text: string) => void): Promise<WrittenSheet[]> {
    const stored = this.settings.load();
    const written = await this.run(async (context) => {
      const previous = await this.previousReview(context, sheets, stored.writtenSheets);
      const stamp = Date.now().toString(36);
      const fresh = await this.writeNew(context, sheets, stamp, progress);
      const names = sheets.map((s) => freeName(s.name, previous.taken));
      await this.swap(context, previous, fresh, names, stamp);
      await this.removePrevious(context, previous);
      return { ids: fresh.added.map((ws) => ws.id), names };
    });
    const kept = stored.writtenSheets.filter((w) => !sheets.some((s) => s.name === w.wanted));
    await this.settings.save({ ...stored, writtenSheets: [...kept, ...written.ids.map((id, i) => ({ id, wanted: sheets[i].name }))] });
    return sheets.map((s, i) => ({ wanted: s.name, actual: written.names[i] }));
  }

  /**
   * What the run replaces: the add-in's own sheets of the wanted names and their tables, and the names others
   * hold. A table name held by a table the add-in did not write is refused before anything is written.
   */
  private async previousReview(context: Excel.RequestContext, sheets: readonly OutSheet[], writtenSheets: readonly { id: string; wanted: string }[]): Promise<PreviousReview> {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name,items/id");
    const tables = context.workbook.tables;
    tables.load("items/name,items/worksheet/name");
    await context.sync();
    // Only the add-in's own sheets of the same (wanted) names are replaced.
    const wanted = new Set(sheets.map((s) => s.name));
    const ours = new Set(writtenSheets.filter((w) => wanted.has(w.wanted)).map((w) => w.id));
    const replaced = worksheets.items.filter((ws) => ours.has(ws.id));
    const names = replaced.map((ws) => ws.name);
    const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
    for (const sheet of sheets) {
      const name = sheet.table?.name;
      const holder = name ? tables.items.find((t) => same(t.name, name) && !names.some((n) => same(n, t.worksheet.name))) : undefined;
      if (name && holder) {
        throw new FallbilanzError(
          "cannotWrite",
          `In dieser Arbeitsmappe gibt es schon eine Tabelle „${name}“ (Blatt „${holder.worksheet.name}“). Excel erlaubt jeden Tabellennamen nur einmal: ` +
            "bitte jene Tabelle umbenennen (Tabellenentwurf → Tabellenname) und den Jahresrückblick erneut erstellen.",
        );
      }
    }
    return {
      sheets: replaced,
      names,
      tables: replaced.map((ws) => tables.items.filter((t) => same(t.worksheet.name, ws.name)).map((t) => t.name)),
      taken: new Set(worksheets.items.filter((ws) => !ours.has(ws.id)).map((ws) => ws.name.toLowerCase())),
    };
  }

  /** 1. The new sheets, under temporary names (their tables too); on failure they are deleted. */
  private async writeNew(context: Excel.RequestContext, sheets: readonly OutSheet[], stamp: string, progress?: (text: string) => void): Promise<NewSheets> {
    const added: Excel.Worksheet[] = [];
    const tables: NewTable[] = [];
    try {
      for (const [i, sheet] of sheets.entries()) {
        progress?.(`Schreibe „${sheet.name}“ …`);
        const ws = context.workbook.worksheets.add(`~fallbilanz-${stamp}-${i}`);
        added.push(ws);
        const table = await this.writeSheet(context, ws, sheet, `Fallbilanz_neu_${stamp}_${i}`);
        if (table && sheet.table) tables.push({ table, final: sheet.table.name });
      }
    } catch (error) {
      added.forEach((ws) => ws.delete());
      await context.sync().catch(() => undefined);
      throw error;
    }
    return { added, tables };
  }

  /**
   * 2. The swap: the previous review steps aside (renamed, still whole), the new one takes the names; on failure
   * the new sheets are deleted and the previous ones get their names back.
   */
  private async swap(context: Excel.RequestContext, previous: PreviousReview, fresh: NewSheets, names: readonly string[], stamp: string): Promise<void> {
    const aside = (i: number, j: number): string => `Fallbilanz_alt_${stamp}_${i}_${j}`;
    try {
      previous.sheets.forEach((ws, i) => {
        previous.tables[i].forEach((t, j) => (ws.tables.getItem(t).name = aside(i, j)));
        ws.name = `~fallbilanz-alt-${stamp}-${i}`;
      });
      await context.sync();
      fresh.added.forEach((ws, i) => (ws.name = names[i]));
      fresh.tables.forEach((t) => (t.table.name = t.final));
      fresh.added.forEach((ws) => ws.load("id"));
      fresh.added[fresh.added.length - 1]?.activate();
      await context.sync();
    } catch (error) {
      fresh.added.forEach((ws) => ws.delete());
      previous.sheets.forEach((ws, i) => {
        ws.name = previous.names[i];
        previous.tables[i].forEach((t, j) => (ws.tables.getItem(aside(i, j)).name = t));
      });
      await context.sync().catch(() => undefined);
      throw error;
    }
  }

  /** 3. The previous review goes (tried twice: a sheet left behind would be a temporary sheet). */
  private async removePrevious(context: Excel.RequestContext, previous: PreviousReview): Promise<void> {
    for (let attempt = 0; attempt < 2 && previous.sheets.length > 0; attempt++) {
      try {
        previous.sheets.forEach((ws) => ws.delete());
        await context.sync();
        return;
      } catch (error) {
        if (attempt === 1) throw error;
      }
    }
  }

  /** Writes one sheet; returns its table (named `tableName` for now), if it has one. */
  private async writeSheet(context: Excel.RequestContext, ws: Excel.Worksheet, sheet: OutSheet, tableName: string): Promise<{ name: string } | undefined> {
    const width = Math.max(1, sheetWidth(sheet));
    const rows = Array.from(allRows(sheet), (r) => Array.from({ length: width }, (_, c) => r?.[c] ?? null));
    // Values and number formats travel together, in blocks under the budget by their bytes.
    const rowBytes = rows.map((r) => r.reduce((n, c) => n + valueBytes(c?.value) + numberFormatOf(c).length + 2 * CELL_OVERHEAD, 0));
    for (const block of planWrites(rowBytes, PAYLOAD_BUDGET)) {
      const part = rows.slice(block.first, block.first + block.count);
      const range = ws.getRangeByIndexes(block.first, 0, block.count, width);
      range.numberFormat = part.map((r) => r.map(numberFormatOf));
      range.values = part.map((r) => r.map((c) => (c === null || c.value === null ? "" : c.value)));
      await context.sync();
    }
    await this.writeLinks(context, ws, rows);
    await this.applyLooks(context, ws, rows);
    sheet.columnWidths.forEach((w, c) => (ws.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth = w * 6));
    for (const [row, height] of Object.entries(sheet.rowHeights ?? {})) ws.getRangeByIndexes(Number(row) - 1, 0, 1, 1).format.rowHeight = height;
    for (const m of sheet.merges ?? []) ws.getRangeByIndexes(m.row - 1, m.fromColumn - 1, 1, m.toColumn - m.fromColumn + 1).merge(false);
    if (sheet.freezeBelowRow && sheet.freezeBelowRow > 1) ws.freezePanes.freezeRows(sheet.freezeBelowRow - 1);
    this.setPageLayout(ws, sheet);
    let table: Excel.Table | undefined;
    if (sheet.table) {
      const t = sheet.table;
      table = ws.tables.add(`A${t.headerRow}:${columnLetter(t.columns.length - 1)}${t.headerRow + Math.max(1, t.rowCount)}`, true);
      table.name = tableName;
    }
    for (const chart of sheet.charts ?? []) this.addChart(ws, chart);
    await context.sync();
    return table;
  }

  /**
   * Links to the team's cells, as HYPERLINK formulas written in blocks of a
   * run of link cells in a column, each block under the payload budget (a
   * formula is a few cells' worth of bytes), one sync per block.
   */
  private async writeLinks(context: Excel.RequestContext, ws: Excel.Worksheet, rows: readonly (readonly (OutCell | null)[])[]): Promise<void> {
    const width = rows[0]?.length ?? 0;
    const formulaOf = (cell: OutCell): string =>
      `=HYPERLINK(${excelString(`#${quoteSheet(cell.link!.sheet)}!${sourceCellAddress(cell.link!)}`)},${excelString(String(cell.value))})`;
    for (let c = 0; c < width; c++) {
      let start = -1;
      let bytes = 0;
      const flush = async (end: number): Promise<void> => {
        ws.getRangeByIndexes(start, c, end - start, 1).formulas = rows.slice(start, end).map((row) => [formulaOf(row[c]!)]);
        await context.sync();
      };
      for (let r = 0; r < rows.length; r++) {
        const cell = rows[r][c];
        if (!cell?.link) {
          if (start >= 0) await flush(r);
          start = -1;
          continue;
        }
        const weight = valueBytes(formulaOf(cell));
        if (start >= 0 && bytes + weight > PAYLOAD_BUDGET) {
          await flush(r);
          start = -1;
        }
        if (start < 0) {
          start = r;
          bytes = 0;
        }
        bytes += weight;
      }
      if (start >= 0) await flush(rows.length);
    }
  }

  /**
   * Fonts and fills for runs of styled cells within a row (titles, headers,
   * totals): few calls, never per data cell; a sync whenever the calls reach
   * the payload budget (a report of thousands of findings wraps each message).
   */
  private async applyLooks(context: Excel.RequestContext, ws: Excel.Worksheet, rows: readonly (readonly (OutCell | null)[])[]): Promise<void> {
    let bytes = 0;
    for (const [r, row] of rows.entries()) {
      if (bytes > PAYLOAD_BUDGET - FORMAT_ROW_BYTES) {
        await context.sync();
        bytes = 0;
      }
      let c = 0;
      while (c < row.length) {
        const style = row[c]?.style;
        const look = style ? officeLookOf(style) : undefined;
        let end = c + 1;
        while (end < row.length && row[end]?.style === style) end++;
        if (look) {
          const range = ws.getRangeByIndexes(r, c, 1, end - c);
          if (look.bold) range.format.font.bold = true;
          if (look.italic) range.format.font.italic = true;
          if (look.size) range.format.font.size = look.size;
          if (look.color) range.format.font.color = look.color;
          if (look.fill) range.format.fill.color = look.fill;
          if (look.wrap) range.format.wrapText = true;
          if (look.alignRight) range.format.horizontalAlignment = "Right";
          if (look.border) range.format.borders.getItem(look.border === "top" ? "EdgeTop" : "EdgeBottom").style = "Continuous";
          bytes += FORMAT_ROW_BYTES;
        }
        c = end;
      }
    }
  }

  /** A4, one page wide, page numbers, repeated header rows, the printed block and page breaks (ExcelApi 1.9). */
  private setPageLayout(ws: Excel.Worksheet, sheet: OutSheet): void {
    const layout = ws.pageLayout;
    layout.paperSize = Excel.PaperType.a4;
    layout.orientation = sheet.print.orientation === "landscape" ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    layout.headersFooters.defaultForAllPages.centerFooter = PAGE_FOOTER;
    const titles = printTitleRows(sheet);
    if (titles) layout.setPrintTitleRows(titles);
    const area = printArea(sheet);
    if (area) layout.setPrintArea(area.replace(/\$/g, ""));
    for (const row of sheet.print.breaksBefore ?? []) ws.horizontalPageBreaks.add(`A${row}`);
  }

  /** A native column chart over the month table, categories from the month column. */
  private addChart(ws: Excel.Worksheet, chart: ChartModel): void {
    const [first] = chart.series;
    if (!first) return;
    const columns = chart.series.map((s) => s.range.column);
    const from = Math.min(...columns);
    const data = ws.getRangeByIndexes(first.nameCell.row - 1, from - 1, first.range.lastRow - first.nameCell.row + 1, Math.max(...columns) - from + 1);
    const excelChart = ws.charts.add(Excel.ChartType.columnClustered, data, Excel.ChartSeriesBy.columns);
    excelChart.title.text = chart.title;
    const categories = ws.getRangeByIndexes(chart.categoryRange.firstRow - 1, chart.categoryRange.column - 1, chart.categoryRange.lastRow - chart.categoryRange.firstRow + 1, 1);
    chart.series.forEach((_, i) => excelChart.series.getItemAt(i).setXAxisValues(categories));
    const a = chart.anchor;
    excelChart.setPosition(`${columnLetter(a.fromColumn)}${a.fromRow + 1}`, `${columnLetter(Math.max(a.fromColumn, a.toColumn - 1))}${a.toRow}`);
  }
}
