import { Cell } from "../../core/cells";
import { FallbilanzError } from "../../core/errors";
import { clientKey } from "../../core/normalize/clientId";
import { RemovalPlan, SheetClearing } from "../../core/retention/removalPlan";
import { countOf } from "../../core/report/wording";
import { cellOf } from "./blockCells";

/*
 * "Personenbezug entfernen" inside Excel: first every row's ID is read again (a row moved or typed over since the
 * check: nothing is cleared); then the planned cells are cleared (contents only, formats stay), a sheet at a time.
 * Excel's batches are not transactions: when Excel refuses a step, the planned cells are read again and the message
 * says how many were already cleared, and where.
 */

/** Clear operations per sync: each is one small request, a few hundred keep a sync short. */
const CLEARS_PER_SYNC = 500;

export interface ClearOutcome {
  readonly cleared: number;
  readonly sheets: readonly { readonly sheet: string; readonly cleared: number }[];
}

/** Runs of consecutive rows in one column: [first 1-based row, count]. */
function rowRuns(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === row) last[1]++;
    else runs.push([row, 1]);
  }
  return runs;
}

/** Per column of a sheet's clearing, its rows. */
function rowsByColumn(clearing: SheetClearing): Map<number, number[]> {
  const byColumn = new Map<number, number[]>();
  for (const r of clearing.rows) {
    for (const column of r.columns) {
      const rows = byColumn.get(column);
      if (rows) rows.push(r.row);
      else byColumn.set(column, [r.row]);
    }
  }
  return byColumn;
}

/** Reads every planned row's ID again; throws, before anything is cleared, when one no longer matches. */
async function verifyIds(plan: RemovalPlan): Promise<void> {
  await Excel.run(async (context) => {
    // A missing sheet first: nothing may be asked of a null object but whether it is one.
    const sheets = plan.sheets.map((clearing) => ({ clearing, ws: context.workbook.worksheets.getItemOrNullObject(clearing.sheet) }));
    await context.sync();
    const gone = sheets.find((s) => s.ws.isNullObject);
    if (gone) throw changed(`Das Blatt „${gone.clearing.sheet}“ gibt es nicht mehr.`);
    const reads = plan.sheets.map((clearing) => {
      const first = clearing.rows[0].row;
      const last = clearing.rows[clearing.rows.length - 1].row;
      const range = context.workbook.worksheets.getItem(clearing.sheet).getRangeByIndexes(first - 1, clearing.idColumn, last - first + 1, 1);
      range.load("values,valueTypes");
      return { clearing, range, first };
    });
    await context.sync();
    for (const { clearing, range, first } of reads) {
      const values = range.values;
      const types = range.valueTypes;
      for (const r of clearing.rows) {
        const cell: Cell = cellOf(values[r.row - first][0], types[r.row - first][0]);
        if (typeof cell === "object" && cell !== null) throw changed(`„${clearing.sheet}“, Zeile ${r.row}: die Klient-ID ist jetzt ein Fehlerwert.`);
        if (clientKey(cell) !== r.key) throw changed(`„${clearing.sheet}“, Zeile ${r.row} gehört nicht mehr zur selben Klient-ID.`);
      }
    }
  });
}

const changed = (what: string): FallbilanzError =>
  new FallbilanzError("workbookChanged", `${what} Die Arbeitsmappe hat sich seit der Prüfung geändert; es wurde nichts geleert. Bitte „Löschfristen prüfen“ erneut ausführen.`);

/** How many of the planned cells of each sheet are empty now. */
async function emptyNow(plan: RemovalPlan): Promise<{ sheet: string; empty: number; planned: number }[]> {
  return Excel.run(async (context) => {
    const reads = plan.sheets.map((clearing) => {
      const ws = context.workbook.worksheets.getItem(clearing.sheet);
      const runs = [...rowsByColumn(clearing)].flatMap(([column, rows]) =>
        rowRuns(rows).map(([row, n]) => {
          const range = ws.getRangeByIndexes(row - 1, column, n, 1);
          range.load("valueTypes");
          return range;
        }),
      );
      return { clearing, runs };
    });
    await context.sync();
    return reads.map(({ clearing, runs }) => ({
      sheet: clearing.sheet,
      planned: clearing.rows.reduce((n, r) => n + r.columns.length, 0),
      empty: runs.reduce((n, range) => n + range.valueTypes.filter((t) => t[0] === Excel.RangeValueType.empty).length, 0),
    }));
  });
}

/** Clears the plan's cells (contents only). Throws a German message that says what was cleared when Excel refuses. */
export async function clearPersonalCells(plan: RemovalPlan): Promise<ClearOutcome> {
  if (plan.cells === 0) return { cleared: 0, sheets: [] };
  await verifyIds(plan);
  try {
    for (const clearing of plan.sheets) {
      await Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(clearing.sheet);
        let queued = 0;
        for (const [column, rows] of rowsByColumn(clearing)) {
          for (const [row, n] of rowRuns(rows)) {
            ws.getRangeByIndexes(row - 1, column, n, 1).clear(Excel.ClearApplyTo.contents);
            if (++queued % CLEARS_PER_SYNC === 0) await context.sync();
          }
        }
        await context.sync();
      });
    }
  } catch (error) {
    const state = await emptyNow(plan).catch(() => undefined);
    const reason = error instanceof Error && error.message ? ` (${error.message})` : "";
    if (!state) throw new FallbilanzError("cannotWrite", `Excel hat das Leeren abgelehnt${reason}. Welche Zellen schon geleert sind, zeigt „Löschfristen prüfen“.`);
    const done = state.reduce((n, s) => n + s.empty, 0);
    const where = state.filter((s) => s.empty > 0).map((s) => `„${s.sheet}“ ${s.empty} von ${s.planned}`).join(", ");
    throw new FallbilanzError(
      "cannotWrite",
      `Excel hat das Leeren abgelehnt${reason}. ` +
        (done === 0 ? "Es wurde keine Zelle geleert. " : `Schon geleert: ${countOf(done, "Zelle", "Zellen")} von ${plan.cells} (${where}). `) +
        "Ist ein Blatt geschützt? Danach „Löschfristen prüfen“ erneut ausführen: die Löschliste zeigt, was noch zu entfernen ist.",
    );
  }
  const state = await emptyNow(plan);
  return { cleared: state.reduce((n, s) => n + s.empty, 0), sheets: state.map((s) => ({ sheet: s.sheet, cleared: s.empty })) };
}
