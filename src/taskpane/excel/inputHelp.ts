import { SheetInfo } from "../../core/recognize/sheetIngest";
import { REFERRAL_CATEGORIES } from "../../core/vocabulary/referralCategory";
import { RESIDENCE_STATUSES } from "../../core/vocabulary/residenceStatus";

/** Excel's last row: a dropdown covers the whole column below the header. */
const SHEET_ROWS = 1_048_576;

export interface DropdownTarget {
  readonly sheet: string;
  /** 0-based column, and the 1-based header row. */
  readonly column: number;
  readonly headerRow: number;
  readonly values: readonly string[];
  readonly label: string;
}

/** Where dropdowns with the canonical values go: status and category columns of recognised sheets. */
export function dropdownTargets(sheets: readonly SheetInfo[]): DropdownTarget[] {
  const targets: DropdownTarget[] = [];
  for (const s of sheets) {
    if (s.kind === undefined || s.headerRow === undefined) continue;
    if (s.columns.status !== undefined) {
      targets.push({ sheet: s.name, column: s.columns.status, headerRow: s.headerRow, values: RESIDENCE_STATUSES, label: "Aufenthaltsstatus" });
    }
    if (s.kind === "referrals" && s.columns.category !== undefined) {
      targets.push({ sheet: s.name, column: s.columns.category, headerRow: s.headerRow, values: REFERRAL_CATEGORIES, label: "Art der Vermittlung" });
    }
  }
  return targets;
}

/** Each target's column below its header, with its data validation's properties queued for loading. */
function targetRanges(context: Excel.RequestContext, targets: readonly DropdownTarget[], load: string): { t: DropdownTarget; range: Excel.Range }[] {
  return targets.map((t) => {
    const range = context.workbook.worksheets.getItem(t.sheet).getRangeByIndexes(t.headerRow, t.column, SHEET_ROWS - t.headerRow, 1);
    range.dataValidation.load(load);
    return { t, range };
  });
}

/** What the dropdown step did: the columns that got dropdowns, and those left alone because the team has rules there. */
export interface DropdownResult {
  readonly added: readonly DropdownTarget[];
  readonly kept: readonly DropdownTarget[];
}

/**
 * Adds Excel data-validation dropdowns below the header of each target
 * column. Existing entries stay as they are (a warning, not a stop, for other
 * text); nothing else in the team's sheets is changed. A column that already
 * has data validation (a rule the team made) is left exactly as it is:
 * nothing is cleared. Two syncs.
 */
export async function addDropdowns(targets: readonly DropdownTarget[], run: typeof Excel.run = Excel.run.bind(Excel)): Promise<DropdownResult> {
  return run(async (context) => {
    const ranges = targetRanges(context, targets, "type");
    await context.sync();
    const added: DropdownTarget[] = [];
    const kept: DropdownTarget[] = [];
    for (const { t, range } of ranges) {
      if (range.dataValidation.type !== "None") {
        kept.push(t);
        continue;
      }
      added.push(t);
      range.dataValidation.rule = { list: { inCellDropDown: true, source: t.values.join(",") } };
      range.dataValidation.ignoreBlanks = true;
      range.dataValidation.errorAlert = {
        showAlert: true,
        style: Excel.DataValidationAlertStyle.warning,
        title: DROPDOWN_TITLE,
        message: `Bitte einen dieser Werte wählen (${t.label}): ${t.values.join(", ")}.`,
      };
    }
    await context.sync();
    return { added, kept };
  });
}

/** The title of Fallbilanz's dropdown warning: what tells its dropdowns from the team's own rules. */
export const DROPDOWN_TITLE = "Fallbilanz";

/**
 * Removes the dropdowns Fallbilanz added (those whose warning carries its title) from the target columns; a column
 * with a rule of the team's is left as it is. Returns the columns cleared. Two syncs.
 */
export async function removeDropdowns(targets: readonly DropdownTarget[], run: typeof Excel.run = Excel.run.bind(Excel)): Promise<DropdownTarget[]> {
  return run(async (context) => {
    const ranges = targetRanges(context, targets, "type,errorAlert");
    await context.sync();
    const cleared = ranges.filter(({ range }) => range.dataValidation.type !== "None" && range.dataValidation.errorAlert.title === DROPDOWN_TITLE);
    for (const { range } of cleared) range.dataValidation.clear();
    await context.sync();
    return cleared.map(({ t }) => t);
  });
}

/** Selects a cell of the team's sheet, for a finding the user clicked. */
export async function selectCell(sheet: string, address: string, run: typeof Excel.run = Excel.run.bind(Excel)): Promise<void> {
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await context.sync();
  });
}
