import { OfficeMockObject } from "office-addin-mock";
import { addDropdowns, selectCell } from "../../src/taskpane/excel/inputHelp";

/** An Excel mock (office-addin-mock) whose sheets record what is done to them. */
function excelMock() {
  const log: string[] = [];
  const range = (sheet: string, at: string) => ({
    select: () => log.push(`select ${sheet}!${at}`),
    dataValidation: {
      clear: () => log.push(`clear ${sheet}!${at}`),
    },
  });
  const data = {
    context: {
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            activate: () => log.push(`activate ${name}`),
            getRange: (address: string) => range(name, address),
            getRangeByIndexes: (r: number, c: number, rows: number) => range(name, `${r},${c}+${rows}`),
          }),
        },
      },
      sync: () => Promise.resolve(),
    },
    run: async function (callback: (context: unknown) => Promise<void>) {
      await callback(this.context);
    },
  };
  const excel = new OfficeMockObject(data) as unknown as typeof Excel & { context: { sync: () => Promise<void> } };
  return { excel, log };
}

describe("Excel calls counted with office-addin-mock", () => {
  test("selecting a finding's cell: one sync, the team's sheet is only activated and selected", async () => {
    const { excel, log } = excelMock();
    const sync = jest.spyOn(excel.context, "sync");
    await selectCell("Beratungen", "C12", excel.run.bind(excel));
    expect(sync).toHaveBeenCalledTimes(1);
    expect(log).toEqual(["activate Beratungen", "select Beratungen!C12"]);
  });

  test("dropdowns: one sync however many columns", async () => {
    const { excel, log } = excelMock();
    const sync = jest.spyOn(excel.context, "sync");
    const target = (sheet: string, column: number) => ({ sheet, column, headerRow: 3, values: ["Geduldet"], label: "Aufenthaltsstatus" });
    Object.assign(globalThis, { Excel: { DataValidationAlertStyle: { warning: "Warning" } } });
    await addDropdowns([target("Beratungen", 2), target("Vermittlungen", 2), target("Vermittlungen", 3)], excel.run.bind(excel));
    expect(sync).toHaveBeenCalledTimes(1);
    expect(log).toEqual(["clear Beratungen!3,2+1048573", "clear Vermittlungen!3,2+1048573", "clear Vermittlungen!3,3+1048573"]);
  });
});
