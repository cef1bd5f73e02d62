import { columnLetter } from "../cells";
import { SEVERITY_LABELS } from "../validate/findings";
import { Analysis } from "../analysis";
import { SHEET_KIND_LABELS } from "../vocabulary/sheetKinds";
import { notEvaluatedSheets } from "./notEvaluated";
import { OutRow, OutSheet, cell } from "./sheetModel";

export const VALIDATION_SHEET_NAME = "Prüfbericht";

/**
 * The `Prüfbericht` sheet: totals per sheet on top, then one row per finding
 * with a link to its cell in the team's workbook.
 */
export function validationReportSheet(analysis: Analysis): OutSheet {
  const rows: OutRow[] = [
    [cell("Prüfbericht: Was in der Arbeitsmappe zu korrigieren ist", "title")],
    [cell("Zeilen mit Fehlern werden nicht gezählt, Warnungen zählen mit (doppelte Einträge ausgenommen). Ein Klick auf die Zelle öffnet sie.", "note")],
    undefined,
    // Totals and findings share the page's columns: numbers under right-aligned headers in B to F, text in A and G.
    [cell("Tabellenblatt", "header"), ...["Zeilen", "übernommen", "abgelehnt", "Warnungen", "Duplikate"].map((h) => cell(h, "headerNumber")), cell("erkannt als", "header")],
  ];
  for (const t of analysis.totals) {
    rows.push([
      cell(t.sheet, "text"), cell(t.rows, "integer"), cell(t.accepted, "integer"), cell(t.rejected, "integer"),
      cell(t.warnings, "integer"), cell(t.duplicates, "integer"), cell(SHEET_KIND_LABELS[t.kind], "text"),
    ]);
  }
  const sum = (pick: (t: (typeof analysis.totals)[number]) => number): number => analysis.totals.reduce((a, t) => a + pick(t), 0);
  rows.push([
    cell("Summe", "total"), cell(sum((t) => t.rows), "total"), cell(sum((t) => t.accepted), "total"), cell(sum((t) => t.rejected), "total"),
    cell(sum((t) => t.warnings), "total"), cell(sum((t) => t.duplicates), "total"), cell(null, "total"),
  ]);
  for (const s of notEvaluatedSheets(analysis.sheets)) {
    rows.push([cell(s.sheet, "text"), null, null, null, null, null, cell(`${s.reason}, wird nicht ausgewertet`, "note")]);
  }
  rows.push(undefined);
  rows.push([cell(analysis.findings.length === 0 ? "Keine Befunde: alle Zeilen sind in Ordnung." : `Befunde (${analysis.findings.length})`, "heading")]);
  const findingsHeader = rows.push([
    cell("Tabellenblatt", "header"), cell("Zeile", "headerNumber"), cell("Spalte", "header"), cell("Zelle", "header"),
    cell("Code", "header"), cell("Schwere", "header"), cell("Meldung", "header"),
  ]);
  for (const f of analysis.findings) {
    const column = f.column || columnLetter(0);
    rows.push([
      cell(f.sheet, "text"), cell(f.row, "integer"), cell(f.column || null, "text"),
      cell(`${f.sheet}!${column}${f.row}`, "text", { sheet: f.sheet, column, row: f.row }),
      cell(f.code, "text"), cell(SEVERITY_LABELS[f.severity], "text"), cell(f.message, "wrap"),
    ]);
  }
  return {
    name: VALIDATION_SHEET_NAME,
    // Each header fits its column without breaking inside a word ("übernommen" needs 13).
    columnWidths: [24, 11, 13, 12, 24, 12, 70],
    rows,
    freezeBelowRow: 1,
    print: { orientation: "landscape", titleRows: { first: findingsHeader, last: findingsHeader } },
  };
}
