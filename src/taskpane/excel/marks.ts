import { MARK_FILL, MARK_TAG, MarkRule } from "../../core/marks/markRules";

/*
 * The marks in the team's sheets (ExcelApi 1.6 conditional formats with custom formulas): added below each
 * recognised header, down to Excel's last row, so that rows typed later are marked too; removed by the tag their
 * formulas carry, so that the team's own rules are never touched.
 */

/** Excel's last row. */
const SHEET_ROWS = 1_048_576;

/** Every conditional format of Fallbilanz on the given sheets is deleted; returns how many. The team's own stay. */
export async function removeMarks(sheets: readonly string[], run: typeof Excel.run = Excel.run.bind(Excel)): Promise<number> {
  return run(async (context) => {
    const collections = sheets.map((name) => {
      const formats = context.workbook.worksheets.getItem(name).getRange().conditionalFormats;
      formats.load("items/type");
      return formats;
    });
    await context.sync();
    const custom = collections.flatMap((formats) =>
      formats.items.filter((f) => f.type === Excel.ConditionalFormatType.custom).map((format) => {
        const rule = format.customOrNullObject.rule;
        rule.load("formula");
        return { format, rule };
      }),
    );
    await context.sync();
    const ours = custom.filter(({ rule }) => rule.formula.includes(MARK_TAG));
    for (const { format } of ours) format.delete();
    await context.sync();
    return ours.length;
  });
}

/**
 * Adds the marks (after removing the ones Fallbilanz added before, so that running it twice adds nothing twice);
 * returns how many were added.
 */
export async function addMarks(rules: readonly MarkRule[], run: typeof Excel.run = Excel.run.bind(Excel)): Promise<number> {
  await removeMarks([...new Set(rules.map((r) => r.sheet))], run);
  return run(async (context) => {
    for (const rule of rules) {
      const range = context.workbook.worksheets.getItem(rule.sheet).getRangeByIndexes(rule.firstRow - 1, rule.column, SHEET_ROWS - rule.firstRow + 1, 1);
      const format = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      format.custom.rule.formula = rule.formula;
      format.custom.format.fill.color = MARK_FILL;
    }
    await context.sync();
    return rules.length;
  });
}
