import { columnLetter } from "../core/cells";
import { workbookMarks } from "../core/marks/markRules";
import { SheetInfo } from "../core/recognize/sheetIngest";
import { FIELD_LABELS } from "../core/vocabulary/columns";
import { dropdownTargets } from "./excel/inputHelp";

/** What "Eingabehilfen einrichten" will change, sheet by sheet, as the confirmation dialog says it. */
export interface InputHelpChange {
  readonly sheet: string;
  /** "Spalte C (Aufenthaltsstatus)" per dropdown. */
  readonly dropdowns: readonly string[];
  /** "Spalte A (Datum)" per column that gets marks. */
  readonly marks: readonly string[];
}

export function inputHelpPlan(sheets: readonly SheetInfo[]): InputHelpChange[] {
  const targets = dropdownTargets(sheets);
  const marks = workbookMarks(sheets);
  const column = (c: number, label: string): string => `Spalte ${columnLetter(c)} (${label})`;
  return sheets
    .filter((s) => s.kind !== undefined && s.headerRow !== undefined)
    .map((s) => ({
      sheet: s.name,
      dropdowns: targets.filter((t) => t.sheet === s.name).map((t) => column(t.column, t.label)),
      marks: [...new Map(marks.filter((m) => m.sheet === s.name).map((m) => [m.column, column(m.column, FIELD_LABELS[m.field])])).values()],
    }))
    .filter((c) => c.dropdowns.length > 0 || c.marks.length > 0);
}
