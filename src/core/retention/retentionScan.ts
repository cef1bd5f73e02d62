import { Cell, isBlank } from "../cells";
import { normalizeName } from "../normalize/names";
import { SheetIngest, SheetInfo } from "../recognize/sheetIngest";
import { ClientIds } from "../validate/clientIds";
import { FIELDS } from "../vocabulary/columns";
import { PersonalColumn, personalColumnsOf } from "./personalColumns";

/*
 * What the retention check reads of a sheet, beside what the figures read: for every row of a client, its ID, its
 * dates and which personal-data cells are filled (never their text). It rides on the sheet's `SheetIngest`, so that
 * the sheet is recognised exactly as for the figures, in the same single reading.
 */

/** One row of a client, as the retention check keeps it. */
export interface ScannedRow {
  /** 1-based sheet row. */
  readonly row: number;
  /** The client key (as validation makes it) and the ID as written (upper-cased, without spaces). */
  readonly key: string;
  readonly id: string;
  /** The cells of the row's date columns (a clients sheet may have none, or several). */
  readonly dates: readonly Cell[];
  /** 0-based columns of `ScannedSheet.personal` whose cell is filled. */
  readonly filled: readonly number[];
}

/** A sheet of clients' rows (counselling, referrals, clients) as the retention check read it. */
export interface ScannedSheet {
  readonly info: SheetInfo;
  readonly idColumn: number;
  readonly dateColumns: readonly number[];
  readonly personal: readonly PersonalColumn[];
  readonly rows: readonly ScannedRow[];
  /** Rows with personal data but no client ID: no client to attribute them to. */
  readonly rowsWithoutId: number;
}

/** Headers of a clients sheet's date columns (latest contact, intake, …): the date synonyms and these. */
const CLIENT_DATE_HEADERS = new Set(
  [...FIELDS.date.headers, "Letzter Kontakt", "Letzter Kontakt am", "Erstkontakt", "Erstkontakt am", "Aufnahmedatum", "Aufgenommen am", "Erfasst am"].map(normalizeName),
);

/** The date columns of a sheet: the recognised date column, or on a clients sheet every column headed as a date. */
function dateColumnsOf(info: SheetInfo): number[] {
  if (info.kind !== "clients") return info.columns.date === undefined ? [] : [info.columns.date];
  return info.headers.flatMap((header, column) => (CLIENT_DATE_HEADERS.has(normalizeName(header)) ? [column] : []));
}

export class RetentionSheetScan {
  private pending: { row: number; cells: readonly Cell[] }[] = [];
  private decided = false;
  private config: { info: SheetInfo; idColumn: number; dateColumns: number[]; personal: PersonalColumn[] } | undefined;
  private readonly rows: ScannedRow[] = [];
  private rowsWithoutId = 0;

  constructor(
    readonly ingest: SheetIngest,
    private readonly marked: readonly number[],
    private readonly ids: ClientIds,
  ) {}

  push(row: number, cells: readonly Cell[]): void {
    this.ingest.push(row, cells);
    if (this.decided) {
      if (this.config) this.take(row, cells);
      return;
    }
    this.pending.push({ row, cells });
    const info = this.ingest.recognised();
    if (!info) return;
    this.decided = true;
    const idColumn = info.columns.clientId;
    if (info.kind !== undefined && info.kind !== "events" && info.headerRow !== undefined && idColumn !== undefined) {
      this.config = { info, idColumn, dateColumns: dateColumnsOf(info), personal: personalColumnsOf(info, this.marked) };
      for (const p of this.pending) if (p.row > info.headerRow) this.take(p.row, p.cells);
    }
    this.pending = [];
  }

  /** The ingest's columns, and the ID, date and personal-data columns (the latter for their blankness only). */
  needs(): { values: number[]; presence: number[] | "all" } | undefined {
    const own = this.ingest.needs();
    if (!own || !this.config) return own;
    const values = [...new Set([...own.values, this.config.idColumn, ...this.config.dateColumns])];
    const presence = own.presence === "all" ? "all" : [...new Set([...own.presence, ...this.config.personal.map((p) => p.column)])];
    return { values, presence };
  }

  /** The sheet as the retention check read it; undefined for a sheet without clients' rows. */
  finish(): ScannedSheet | undefined {
    const c = this.config;
    return c && { info: c.info, idColumn: c.idColumn, dateColumns: c.dateColumns, personal: c.personal, rows: this.rows, rowsWithoutId: this.rowsWithoutId };
  }

  private take(row: number, cells: readonly Cell[]): void {
    const c = this.config!;
    const filled = c.personal.filter((p) => !isBlank(cells[p.column])).map((p) => p.column);
    const id = this.ids.read(cells[c.idColumn]);
    if (id.key === "") {
      if (filled.length > 0) this.rowsWithoutId++;
      return;
    }
    this.rows.push({ row, key: id.key, id: id.display, dates: c.dateColumns.map((column) => cells[column]), filled });
  }
}
