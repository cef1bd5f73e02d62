import { PersonalColumn } from "./personalColumns";
import { Retention, awaitsDate } from "./retention";
import { ScannedSheet } from "./retentionScan";

/*
 * What "Personenbezug entfernen" clears: of the due clients only (not yet those with a row whose date cannot be
 * read: it could be a later contact), the filled cells of the personal-data columns that
 * no figure reads (names, notes, place of residence, the columns the team marked). IDs, dates, status, category,
 * topic, gender, country and birth year stay: every figure of every year stays as it was.
 */

/** The cells of one sheet to clear, with what must still stand in each row's ID cell. */
export interface SheetClearing {
  readonly sheet: string;
  /** 0-based column of the client ID: checked again before anything is cleared. */
  readonly idColumn: number;
  /** The columns cleared in this sheet (only those with a cell to clear). */
  readonly columns: readonly PersonalColumn[];
  /** 1-based rows, ascending, each with its client key and the 0-based columns to clear. */
  readonly rows: readonly { readonly row: number; readonly key: string; readonly columns: readonly number[] }[];
}

export interface RemovalPlan {
  /** Due clients with at least one cell to clear. */
  readonly clients: number;
  /** Due clients left as they are until a row's unreadable date is fixed (it could be a later contact). */
  readonly held: number;
  readonly cells: number;
  readonly sheets: readonly SheetClearing[];
}

export function removalPlan(retention: Retention, scanned: readonly ScannedSheet[]): RemovalPlan {
  const dueKeys = new Set(retention.due.filter((c) => !awaitsDate(c)).map((c) => c.key));
  const held = retention.due.length - dueKeys.size;
  const clients = new Set<string>();
  let cells = 0;
  const sheets: SheetClearing[] = [];
  for (const sheet of scanned) {
    const clearing = new Map(sheet.personal.filter((p) => p.clears).map((p) => [p.column, p]));
    const used = new Set<number>();
    const rows: SheetClearing["rows"][number][] = [];
    for (const r of sheet.rows) {
      if (!dueKeys.has(r.key)) continue;
      const columns = r.filled.filter((column) => clearing.has(column));
      if (columns.length === 0) continue;
      rows.push({ row: r.row, key: r.key, columns });
      columns.forEach((column) => used.add(column));
      clients.add(r.key);
      cells += columns.length;
    }
    if (rows.length > 0) {
      sheets.push({ sheet: sheet.info.name, idColumn: sheet.idColumn, columns: [...used].sort((a, b) => a - b).map((column) => clearing.get(column)!), rows });
    }
  }
  return { clients: clients.size, held, cells, sheets };
}

/** How many cells removal would clear, per client key (none once removed). */
export function cellsToClearByClient(plan: RemovalPlan): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sheet of plan.sheets) for (const r of sheet.rows) counts.set(r.key, (counts.get(r.key) ?? 0) + r.columns.length);
  return counts;
}
