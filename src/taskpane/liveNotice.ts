import { LiveUpdate } from "../app/liveCheck";
import { formatGermanDateTime } from "../core/dates/calendarDay";
import { ReviewStamp, ReviewStanding } from "../core/live/reviewFingerprint";
import { countOf } from "../core/report/wording";
import { SEVERITY_LABELS } from "../core/validate/findings";

/* What the pane says at the top while staff type: the finding of the cell just typed, or that it is fine now. */

export interface LiveNotice {
  readonly intent: "error" | "warning" | "success" | "info";
  readonly text: string;
  /** The cell to select when the notice is clicked. */
  readonly cell?: { readonly sheet: string; readonly address: string };
}

/** The notice for an applied change, or undefined when there is nothing to say (a change of a sheet not checked). */
export function noticeOf(update: LiveUpdate, previous: LiveNotice | undefined): LiveNotice | undefined {
  if (update.read === "none") return undefined;
  const { sheet, firstRow, lastRow, kind } = update.change;
  const where = firstRow === lastRow ? `„${sheet}“, Zeile ${firstRow}` : `„${sheet}“, Zeilen ${firstRow.toLocaleString("de-DE")} bis ${lastRow.toLocaleString("de-DE")}`;
  if (kind === "inserted" || kind === "deleted") {
    return { intent: "info", text: `${kind === "inserted" ? "Zeilen eingefügt" : "Zeilen gelöscht"} in ${where}: neu geprüft.` };
  }
  const findings = update.findingsOfChange;
  if (findings.length === 0) {
    const wasFinding = previous?.cell?.sheet === sheet && (previous.intent === "error" || previous.intent === "warning");
    return { intent: "success", text: `${where}: ${wasFinding ? "jetzt in Ordnung" : "geprüft, in Ordnung"}.` };
  }
  const first = findings[0];
  const address = `${first.column || "A"}${first.row}`;
  const more = findings.length > 1 ? ` (und ${countOf(findings.length - 1, "weiterer Befund", "weitere Befunde")} in ${where})` : "";
  return {
    intent: findings.some((f) => f.severity === "error") ? "error" : "warning",
    text: `${sheet}!${address} – ${SEVERITY_LABELS[first.severity]}: ${first.message}${more}`,
    cell: { sheet, address },
  };
}

/** The review and the sheets it was made from, as the pane tells it. */
export interface ReviewStatus {
  readonly stamp: ReviewStamp;
  readonly standing: ReviewStanding;
}

/** The German notice that the review no longer matches the sheets: what, since when, how many rows. */
export function outOfDateText(status: ReviewStatus): string | undefined {
  if (status.standing.current) return undefined;
  const since = formatGermanDateTime(new Date(status.stamp.writtenAt));
  const n = status.standing.changedRows;
  const changed = n === 1 ? "hat sich 1 Zeile" : `haben sich ${countOf(n, "Zeile", "Zeilen")}`;
  return `Der Jahresrückblick ${status.stamp.year}, „Fälle“ und „Geprüfte Einträge“ passen nicht mehr zu Ihren Blättern: Seit sie am ${since} geschrieben wurden, ${changed} geändert.`;
}
