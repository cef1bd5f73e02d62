import { columnLetter } from "../cells";
import { SEVERITY_LABELS } from "../validate/findings";
import { Analysis } from "../validate/validateWorkbook";
import { SHEET_KIND_LABELS } from "../vocabulary/sheetKinds";
import { OutRow, OutSheet, cell } from "./sheetModel";

export const VALIDATION_SHEET_NAME = "Prüfbericht";

/** Why a sheet of the workbook was not read as tracking data. */
function ignoredReason(recognisedBy: string): string {
  if (recognisedBy === "output") return "von Fallbilanz erstellt, wird nicht ausgewertet";
  if (recognisedBy === "placeholder") return "leerer Blatteintrag der Datei ohne Inhalt (kein lesbares Tabellenblatt), wird nicht ausgewertet";
  return "nicht als Beratungen, Vermittlungen, Veranstaltungen oder Klienten erkannt, wird nicht ausgewertet";
}

/**
 * The `Prüfbericht` sheet: totals per sheet on top, then one row per finding
 * with a link to its cell in the team's workbook.
 */
export function validationReportSheet(analysis: Analysis): OutSheet {
  const rows: OutRow[] = [
    [cell("Prüfbericht: Was in der Arbeitsmappe zu korrigieren ist", "title")],
    [cell("Zeilen mit Fehlern werden nicht gezählt, Warnungen zählen mit (doppelte Einträge ausgenommen). Ein Klick auf die Zelle öffnet sie.", "note")],
    undefined,
    ["Tabellenblatt", "Art", "Zeilen", "übernommen", "abgelehnt", "Warnungen", "Duplikate"].map((h) => cell(h, "header")),
  ];
  for (const t of analysis.totals) {
    rows.push([
      cell(t.sheet, "text"), cell(SHEET_KIND_LABELS[t.kind], "text"), cell(t.rows, "integer"), cell(t.accepted, "integer"),
      cell(t.rejected, "integer"), cell(t.warnings, "integer"), cell(t.duplicates, "integer"),
    ]);
  }
  const sum = (pick: (t: (typeof analysis.totals)[number]) => number): number => analysis.totals.reduce((a, t) => a + pick(t), 0);
  rows.push([
    cell("Summe", "total"), cell(null, "total"), cell(sum((t) => t.rows), "total"), cell(sum((t) => t.accepted), "total"),
    cell(sum((t) => t.rejected), "total"), cell(sum((t) => t.warnings), "total"), cell(sum((t) => t.duplicates), "total"),
  ]);
  for (const s of analysis.sheets.filter((x) => x.kind === undefined)) {
    rows.push([cell(s.name, "text"), cell(ignoredReason(s.recognisedBy), "note")]);
  }
  rows.push(undefined);
  rows.push([cell(analysis.findings.length === 0 ? "Keine Befunde: alle Zeilen sind in Ordnung." : `Befunde (${analysis.findings.length})`, "heading")]);
  rows.push(["Tabellenblatt", "Zeile", "Spalte", "Zelle", "Code", "Schwere", "Meldung"].map((h) => cell(h, "header")));
  for (const f of analysis.findings) {
    const address = `${f.column || columnLetter(0)}${f.row}`;
    rows.push([
      cell(f.sheet, "text"), cell(f.row, "integer"), cell(f.column || null, "text"),
      cell(`${f.sheet}!${address}`, "text", { sheet: f.sheet, cell: address }),
      cell(f.code, "text"), cell(SEVERITY_LABELS[f.severity], "text"), cell(f.message, "wrap"),
    ]);
  }
  return {
    name: VALIDATION_SHEET_NAME,
    columnWidths: [22, 14, 10, 22, 24, 10, 90],
    rows,
    freezeBelowRow: 1,
    landscape: true,
  };
}
