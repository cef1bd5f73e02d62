import { EXCEL_MAX_CELL_TEXT, columnLetter } from "../cells";
import { dayToExcelSerial, formatDayGerman } from "../dates/calendarDay";
import { countOf } from "../report/wording";
import { OutCell, OutRow, OutSheet, cell } from "../report/sheetModel";
import { ListedClient, Retention, awaitsDate } from "./retention";
import { RemovalPlan, cellsToClearByClient } from "./removalPlan";
import { retentionCounts } from "./retentionWording";

/*
 * The `Löschliste` sheet: one row per client whose personal data is due (then those without a valid date), with
 * their latest contact, since when they are due, how many cells removal would still clear, and per sheet the rows
 * where their personal data stands, linked to the first of them. It names IDs: it is never part of the review.
 */

export const RETENTION_SHEET_NAME = "Löschliste";
export const RETENTION_TABLE_NAME = "Loeschliste";

export const RETENTION_COLUMNS = {
  id: "Klient-ID",
  standing: "Stand",
  latest: "Letzter Kontakt",
  dueSince: "Fällig seit",
  toClear: "Zu entfernen (Zellen)",
  undated: "Ohne lesbares Datum",
} as const;

export const STANDING = { due: "fällig", checkDate: "fällig, Datum prüfen", withoutDate: "ohne gültiges Datum" } as const;

/** The header of a sheet's column: the rows of that sheet. */
export const rowsColumnName = (sheet: string): string => `Zeilen in „${sheet}“`;

const COUNTS_ROW = 3;
const HEADER_ROW = 5;

/** The height in points of a wrapped text across columns of these widths (characters), at 15 points a line. */
function wrappedHeight(text: string, widths: readonly number[]): number {
  const perLine = widths.reduce((a, b) => a + b, 0);
  return Math.max(1, Math.ceil(text.length / perLine)) * 15 + 6;
}

/** Row numbers as one cell's text, within Excel's limit of a cell. */
function rowList(rows: readonly number[]): string {
  const text = rows.join(", ");
  if (text.length <= EXCEL_MAX_CELL_TEXT) return text;
  const cut = text.slice(0, EXCEL_MAX_CELL_TEXT - 40);
  const shown = cut.slice(0, cut.lastIndexOf(",")).split(", ").length;
  return `${rows.slice(0, shown).join(", ")} … (${rows.length - shown} weitere)`;
}

export function retentionSheet(retention: Retention, plan: RemovalPlan, sheetsWithClients: readonly string[]): OutSheet {
  const toClear = cellsToClearByClient(plan);
  const header = [...Object.values(RETENTION_COLUMNS), ...sheetsWithClients.map(rowsColumnName)];
  const columnWidths = [18, 18, 14, 14, 14, 22, ...sheetsWithClients.map(() => 26)];
  const counts =
    retentionCounts(retention) +
    retention.rowsWithoutId.map((s) => ` „${s.sheet}“: ${countOf(s.rows, "Zeile", "Zeilen")} mit Personenbezug ohne Klient-ID (keiner Person zuzuordnen).`).join("");
  const rows: OutRow[] = [
    [cell("Löschliste: Personenbezogene Daten, deren Aufbewahrungsfrist abgelaufen ist", "title")],
    [
      cell(
        `Stichtag ${formatDayGerman(retention.reference)}, Frist ${countOf(retention.years, "Jahr", "Jahre")} nach Ende des Kalenderjahres des letzten Kontakts ` +
          "(Beratung, Vermittlung oder Datum im Klientenblatt). Enthält Kennungen: nicht weitergeben, nach Erledigung löschen.",
        "note",
      ),
    ],
    [cell(counts, "wrap")],
    undefined,
    header.map((h, i) => cell(h, i >= 2 && i <= 4 ? "headerNumber" : "header")),
  ];
  const listed = [
    ...retention.due.map((c) => ({ c, standing: awaitsDate(c) ? STANDING.checkDate : STANDING.due })),
    ...retention.withoutDate.map((c) => ({ c, standing: STANDING.withoutDate })),
  ];
  // Removal clears only the due whose dates are all readable: the others' count stays empty.
  for (const { c, standing } of listed) rows.push(clientRow(c, standing, standing === STANDING.due ? (toClear.get(c.key) ?? 0) : undefined, sheetsWithClients));
  return {
    name: RETENTION_SHEET_NAME,
    columnWidths,
    rows,
    // The counts span the table's width, as tall as their lines need; the headers wrap onto two lines.
    merges: [{ row: COUNTS_ROW, fromColumn: 1, toColumn: header.length }],
    rowHeights: { [COUNTS_ROW]: wrappedHeight(counts, columnWidths), [HEADER_ROW]: 30 },
    table: { name: RETENTION_TABLE_NAME, headerRow: HEADER_ROW, columns: header, rowCount: listed.length },
    freezeBelowRow: HEADER_ROW,
    print: { orientation: "landscape", titleRows: { first: HEADER_ROW, last: HEADER_ROW } },
  };
}

function clientRow(c: ListedClient, standing: string, toClear: number | undefined, sheets: readonly string[]): OutRow {
  const date = (day: number | undefined): OutCell => (day === undefined ? cell(null, "text") : cell(dayToExcelSerial(day), "date"));
  const undated = c.undatedRows.map((r) => `${r.sheet} ${r.row}`).join(", ");
  return [
    cell(c.shownId, "text"),
    cell(standing, "text"),
    date(c.latestContact),
    date(c.dueSince),
    cell(toClear ?? null, "integer"),
    cell(undated === "" ? null : undated.slice(0, EXCEL_MAX_CELL_TEXT), "text"),
    ...sheets.map((sheet) => {
      const rows = c.personalRows.find((p) => p.sheet === sheet)?.rows ?? [];
      if (rows.length === 0) return cell(null, "text");
      const first = rows[0];
      return cell(rowList(rows.map((r) => r.row)), "text", { sheet, column: columnLetter(first.filled[0]), row: first.row });
    }),
  ];
}
