import { Analysis } from "../analysis";
import { Day } from "../dates/calendarDay";
import { FallbilanzError } from "../errors";
import { IngestedSheet } from "../recognize/sheetIngest";
import { validateWorkbook } from "./validateWorkbook";

/**
 * Validates the ingested sheets of a workbook. Throws a German message when
 * no sheet is recognised as tracking data.
 */
export function analyse(sheets: readonly IngestedSheet[], today: Day): Analysis {
  assertTrackingSheets(sheets);
  return validateWorkbook(sheets, { today });
}

/** A German message when no sheet is recognised as tracking data. */
export function assertTrackingSheets(sheets: readonly { readonly kind: unknown }[]): void {
  if (!sheets.some((s) => s.kind !== undefined)) {
    throw new FallbilanzError(
      "noTrackingSheet",
      "Kein Tabellenblatt erkannt: Die Arbeitsmappe braucht ein Blatt „Beratungen“, „Vermittlungen“ oder " +
        "„Veranstaltungen“ (oder ein Blatt mit Spalten wie Datum und Klient-ID bzw. Teilnehmende).",
    );
  }
}
