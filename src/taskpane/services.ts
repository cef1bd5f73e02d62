import { Day, todayInGermany } from "../core/dates/calendarDay";
import { OutSheet } from "../core/report/sheetModel";
import { WorkbookSource } from "../port/workbookPort";
import { DropdownResult, DropdownTarget, addDropdowns, selectCell } from "./excel/inputHelp";
import { OfficeWorkbookSource } from "./excel/officeSource";
import { OfficeReportWriter, WrittenSheet } from "./excel/officeSink";
import { SettingsStore, documentSettings } from "./excel/settings";
import { RowReader, SheetChange } from "../app/liveCheck";
import { ChangeWatch, readSheetRows, watchChanges } from "./excel/liveChanges";
import { ReviewStore, documentReviewStore } from "./excel/reviewStore";

/** Everything the task pane needs from Excel, in one place; components get it through the hook. */
export interface Services {
  readonly source: WorkbookSource;
  readonly settings: SettingsStore;
  write(sheets: readonly OutSheet[], progress?: (text: string) => void): Promise<WrittenSheet[]>;
  addDropdowns(targets: readonly DropdownTarget[]): Promise<DropdownResult>;
  selectCell(sheet: string, address: string): Promise<void>;
  today(): Day;
  /** The moment (a review's stamp says when it was written). */
  now(): Date;
  /** The live check: rows of a sheet read again, and the workbook's changes. */
  readonly readRows: RowReader;
  watchChanges(onChange: (change: SheetChange) => void): Promise<ChangeWatch>;
  /** What the written review was made from, kept in the workbook. */
  readonly reviews: ReviewStore;
}

export function officeServices(): Services {
  const settings = documentSettings();
  const writer = new OfficeReportWriter(settings);
  return {
    source: new OfficeWorkbookSource(),
    settings,
    write: (sheets, progress) => writer.write(sheets, progress),
    addDropdowns: (targets) => addDropdowns(targets),
    selectCell: (sheet, address) => selectCell(sheet, address),
    today: () => todayInGermany(),
    now: () => new Date(),
    readRows: (sheet, first, last) => readSheetRows(sheet, first, last),
    watchChanges: (onChange) => watchChanges(onChange),
    reviews: documentReviewStore(),
  };
}
