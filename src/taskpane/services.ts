import { Day, todayInGermany } from "../core/dates/calendarDay";
import { OutSheet } from "../core/report/sheetModel";
import { WorkbookSource } from "../port/workbookPort";
import { DropdownResult, DropdownTarget, addDropdowns, removeDropdowns, selectCell } from "./excel/inputHelp";
import { MarkRule } from "../core/marks/markRules";
import { addMarks, removeMarks } from "./excel/marks";
import { OfficeWorkbookSource } from "./excel/officeSource";
import { OfficeReportWriter, WrittenSheet } from "./excel/officeSink";
import { SettingsStore, documentSettings } from "./excel/settings";
import { RowReader, SheetChange } from "../app/liveCheck";
import { ChangeWatch, readSheetRows, watchChanges } from "./excel/liveChanges";
import { ReviewStore, documentReviewStore } from "./excel/reviewStore";
import { RemovalPlan } from "../core/retention/removalPlan";
import { ClearOutcome, clearPersonalCells } from "./excel/clearCells";

/** Everything the task pane needs from Excel, in one place; components get it through the hook. */
export interface Services {
  readonly source: WorkbookSource;
  readonly settings: SettingsStore;
  write(sheets: readonly OutSheet[], progress?: (text: string) => void): Promise<WrittenSheet[]>;
  addDropdowns(targets: readonly DropdownTarget[]): Promise<DropdownResult>;
  removeDropdowns(targets: readonly DropdownTarget[]): Promise<DropdownTarget[]>;
  /** The marks in the sheets (conditional formats): added, or removed (Fallbilanz's only). */
  addMarks(rules: readonly MarkRule[]): Promise<number>;
  removeMarks(sheets: readonly string[]): Promise<number>;
  selectCell(sheet: string, address: string): Promise<void>;
  today(): Day;
  /** The moment (a review's stamp says when it was written). */
  now(): Date;
  /** The live check: rows of a sheet read again, and the workbook's changes. */
  readonly readRows: RowReader;
  watchChanges(onChange: (change: SheetChange) => void): Promise<ChangeWatch>;
  /** What the written review was made from, kept in the workbook. */
  readonly reviews: ReviewStore;
  /** "Personenbezug entfernen": clears the plan's cells (contents only), after checking each row's ID again. */
  clearCells(plan: RemovalPlan): Promise<ClearOutcome>;
}

export function officeServices(): Services {
  const settings = documentSettings();
  const writer = new OfficeReportWriter(settings);
  return {
    source: new OfficeWorkbookSource(),
    settings,
    write: (sheets, progress) => writer.write(sheets, progress),
    addDropdowns: (targets) => addDropdowns(targets),
    removeDropdowns: (targets) => removeDropdowns(targets),
    addMarks: (rules) => addMarks(rules),
    removeMarks: (sheets) => removeMarks(sheets),
    selectCell: (sheet, address) => selectCell(sheet, address),
    today: () => todayInGermany(),
    now: () => new Date(),
    readRows: (sheet, first, last) => readSheetRows(sheet, first, last),
    watchChanges: (onChange) => watchChanges(onChange),
    reviews: documentReviewStore(),
    clearCells: (plan) => clearPersonalCells(plan),
  };
}
