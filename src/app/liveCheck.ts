import { Analysis } from "../core/analysis";
import { LiveWorkbook } from "../core/live/liveWorkbook";
import { HEADER_SEARCH_ROWS } from "../core/recognize/headerRow";
import { RawRow, SheetInfo } from "../core/recognize/sheetIngest";
import { assertTrackingSheets } from "../core/validate/analyse";
import { Finding } from "../core/validate/findings";
import { WorkbookSource } from "../port/workbookPort";
import { RecogniseOptions } from "./review";
import { readTrackingWorkbook } from "./readTrackingWorkbook";

/*
 * The live check, composed once: the workbook recognised and checked as `recogniseWorkbook` does, its rows kept, and
 * each change of a team's sheet (a typed cell, a paste, rows inserted or deleted) applied by reading only the rows
 * that changed; a sheet whose header row changed is recognised again (read whole, that sheet alone).
 */

/** A change of a sheet as the workbook reports it: 1-based rows, inclusive. */
export interface SheetChange {
  readonly sheet: string;
  readonly kind: "edited" | "inserted" | "deleted" | "other";
  readonly firstRow: number;
  readonly lastRow: number;
}

/** How a change reaches the workbook: the rows of a sheet read again (only its recognised columns). */
export type RowReader = (sheet: SheetInfo, firstRow: number, lastRow: number) => Promise<RawRow[]>;

/** What applying a change did. */
export interface LiveUpdate {
  readonly analysis: Analysis;
  /** Rows checked again. */
  readonly checkedRows: number;
  /** "rows": only the changed rows read; "sheet": the sheet recognised again; "none": not a tracking sheet's change. */
  readonly read: "rows" | "sheet" | "none";
  /** The findings of the changed rows now (a fixed row has none). */
  readonly findingsOfChange: readonly Finding[];
  readonly change: SheetChange;
}

export class LiveCheck {
  private constructor(
    private readonly live: LiveWorkbook,
    private readonly source: WorkbookSource,
    private readonly readRows: RowReader,
    private readonly options: RecogniseOptions,
  ) {}

  /** Reads and checks the whole workbook once (as `recogniseWorkbook`), keeping its rows for the changes to come. */
  static async start(source: WorkbookSource, readRows: RowReader, options: RecogniseOptions): Promise<{ check: LiveCheck; analysis: Analysis }> {
    const sheets = await readTrackingWorkbook(source, { progress: options.progress, ingest: options.ingest });
    assertTrackingSheets(sheets);
    const check = new LiveCheck(new LiveWorkbook(sheets, options.today), source, readRows, options);
    return { check, analysis: check.live.analysis() };
  }

  analysis(): Analysis {
    return this.live.analysis();
  }

  /** Applies one change of the team's sheets; sheets the add-in wrote, and sheets it never read, are left alone. */
  async apply(change: SheetChange): Promise<LiveUpdate> {
    const info = this.live.sheet(change.sheet);
    const done = (outcome: { analysis: Analysis; checkedRows: number }, read: LiveUpdate["read"]): LiveUpdate => ({
      ...outcome, read, change,
      findingsOfChange: outcome.analysis.findings.filter((f) => f.sheet === change.sheet && f.row >= change.firstRow && f.row <= change.lastRow),
    });
    if (!info || info.recognisedBy === "output" || info.recognisedBy === "placeholder") return done({ analysis: this.live.analysis(), checkedRows: 0 }, "none");
    const header = info.headerRow;
    if (info.kind === undefined) {
      // A sheet not (yet) tracking data: only new headers in its first rows can make it one.
      if (change.firstRow > HEADER_SEARCH_ROWS && change.kind === "edited") return done({ analysis: this.live.analysis(), checkedRows: 0 }, "none");
      return done(await this.recogniseAgain(change.sheet), "sheet");
    }
    if (header === undefined || change.kind === "other" || change.firstRow <= header) return done(await this.recogniseAgain(change.sheet), "sheet");
    switch (change.kind) {
      case "edited": {
        const rows = await this.readRows(info, change.firstRow, change.lastRow);
        return done(this.live.replaceRows(change.sheet, change.firstRow, change.lastRow, rows), "rows");
      }
      case "inserted":
        return done(this.live.insertRows(change.sheet, change.firstRow, change.lastRow - change.firstRow + 1), "rows");
      case "deleted":
        return done(this.live.deleteRows(change.sheet, change.firstRow, change.lastRow - change.firstRow + 1), "rows");
    }
  }

  private async recogniseAgain(sheet: string): Promise<{ analysis: Analysis; checkedRows: number }> {
    const [ingested] = await readTrackingWorkbook(this.source, { ingest: this.options.ingest, only: sheet });
    if (!ingested) return { analysis: this.live.analysis(), checkedRows: 0 };
    return this.live.replaceSheet(ingested);
  }
}
