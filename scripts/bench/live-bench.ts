import { LiveCheck, SheetChange } from "../../src/app/liveCheck";
import { XlsxFileSource } from "../../src/adapters/xlsx/fileSource";
import { todayInGermany } from "../../src/core/dates/calendarDay";
import { reviewFingerprint, reviewStanding } from "../../src/core/live/reviewFingerprint";
import { Cell } from "../../src/core/cells";
import { OfficeWorkbookSource } from "../../src/taskpane/excel/officeSource";
import { readSheetRows, watchChanges } from "../../src/taskpane/excel/liveChanges";
import { MemoryWorkbook, createOfficeApi, createWorkbook, userEdit } from "../../tests/host/memoryExcel";
import { benchWorkbook } from "./benchWorkbook";

/**
 * `npm run bench:live`: the live check on the 150,000-row benchmark workbook in the in-memory Excel host, as the
 * pane runs it (Excel's change event, the changed rows read through Office.js, checked, the review's standing
 * computed). Baseline in the same run: a full check of the same workbook in the same host (what "Prüfen" does).
 * Budgets: a typed cell checked within 300 ms of the event with at most two reads, a paste of 5,000 rows within 3 s,
 * no read of a whole sheet for an edit.
 */

const RUNS = 7;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const de = (n: number, digits = 0): string => n.toLocaleString("de-DE", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The workbook's cells as the host holds them (dates as serials), read with the product's own file reader. */
async function cellsOf(path: string): Promise<Record<string, unknown[][]>> {
  const sheets: Record<string, unknown[][]> = {};
  await new XlsxFileSource(path).forEachSheet((name) => {
    const rows: unknown[][] = (sheets[name] = []);
    return (row: number, cells: readonly Cell[]) => void (rows[row - 1] = cells.map((c) => (c !== null && typeof c === "object" ? { error: c.error } : (c ?? ""))));
  });
  for (const rows of Object.values(sheets)) for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return sheets;
}

async function main(): Promise<void> {
  const path = await benchWorkbook();
  const workbook = await cellsOf(path);
  const wb: MemoryWorkbook = createWorkbook(workbook);
  const api = createOfficeApi(wb);
  Object.assign(globalThis, { Excel: api.Excel, Office: api.Office });
  const run = api.Excel.run as unknown as typeof Excel.run;
  const today = todayInGermany();
  const rows = Object.values(workbook).reduce((n, r) => n + r.length, 0);

  // Baseline: the full check, as "Prüfen" runs it in the pane.
  const fullTimes: number[] = [];
  let check: LiveCheck | undefined;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    check = (await LiveCheck.start(new OfficeWorkbookSource(run), (s, a, b) => readSheetRows(s, a, b, run), { today })).check;
    fullTimes.push(performance.now() - t);
  }
  const live = check!;
  const stored = reviewFingerprint(live.analysis(), 2019, new Date());

  // The pane's path: the event, the rows read again, checked, the review's standing.
  let resolveUpdate: (ms: number) => void = () => undefined;
  let raisedAt = 0;
  await watchChanges((change: SheetChange) => {
    void live.apply(change).then((update) => {
      reviewStanding(stored.stamp, stored.hashes, update.analysis);
      resolveUpdate(performance.now() - raisedAt);
    });
  }, run);
  const measure = async (edit: () => void): Promise<{ ms: number; reads: string[] }> => {
    const readsBefore = wb.reads.length;
    const done = new Promise<number>((resolve) => (resolveUpdate = resolve));
    raisedAt = performance.now();
    edit();
    const ms = await done;
    return { ms, reads: wb.reads.slice(readsBefore).map((r) => `${r.sheet}!${r.address}`) };
  };

  const counselling = workbook.Beratungen;
  const typed: { ms: number; reads: string[] }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const row = 1000 + i * 7919;
    typed.push(await measure(() => userEdit(wb, "Beratungen", `A${row}`, [[i % 2 ? "31.02.2019" : "12.03.2019"]])));
  }
  const pasted: { ms: number; reads: string[] }[] = [];
  for (let i = 0; i < 3; i++) {
    const from = 20_000 + i * 10_000;
    const block = counselling.slice(from - 1, from - 1 + 5000).map((r) => r.slice(0, 4));
    pasted.push(await measure(() => userEdit(wb, "Beratungen", `A${from}:D${from + 4999}`, block)));
  }
  const full = median(fullTimes);
  const typedMs = median(typed.map((t) => t.ms));
  const pastedMs = median(pasted.map((t) => t.ms));
  const maxReads = Math.max(...typed.map((t) => t.reads.length));
  const wholeSheet = [...typed, ...pasted].some((t) => t.reads.some((r) => /!A\d+:[A-Z]+\d+$/.test(r) && Number(/:[A-Z]+(\d+)$/.exec(r)![1]) - Number(/!A(\d+)/.exec(r)![1]) > 5000));
  const ok = typedMs <= 300 && maxReads <= 2 && pastedMs <= 3000 && !wholeSheet;
  process.stdout.write(
    [
      `Arbeitsmappe: ${de(rows)} Zeilen im Speicher-Excel; Median aus ${RUNS} Eingaben und 3 Einfügungen, Basis Median aus 3 vollen Prüfungen`,
      `Volle Prüfung (Basis)            ${de(full).padStart(7)} ms`,
      `Eine Zelle getippt               ${de(typedMs, 1).padStart(7)} ms  (Verhältnis ${de(typedMs / full, 3)}; Ziel ≤ 300 ms) ${de(maxReads)} Lesevorgang/-vorgänge (Ziel ≤ 2): ${typed[0].reads.join(", ")}`,
      `5.000 Zeilen eingefügt           ${de(pastedMs, 1).padStart(7)} ms  (Verhältnis ${de(pastedMs / full, 3)}; Ziel ≤ 3.000 ms): ${pasted[0].reads.join(", ")}`,
      `Ganzes Blatt für eine Änderung gelesen: ${wholeSheet ? "JA (verfehlt)" : "nein"}`,
      ok ? "Alle Ziele erreicht." : "Nicht alle Ziele erreicht.",
      "",
    ].join("\n"),
  );
}

void main();
