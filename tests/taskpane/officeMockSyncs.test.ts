import { OfficeMockObject } from "office-addin-mock";
import { addDropdowns, selectCell } from "../../src/taskpane/excel/inputHelp";

/** An Excel mock (office-addin-mock) whose sheets record what is done to them. */
function excelMock() {
  const log: string[] = [];
  const range = (sheet: string, at: string) => ({
    select: () => log.push(`select ${sheet}!${at}`),
    dataValidation: {
      // The team has its own rule on Vermittlungen column D.
      // Objects made by calls are plain here (load-before-read is the in-memory host's to check).
      load: () => undefined,
      type: sheet === "Vermittlungen" && at.startsWith("3,3") ? "List" : "None",
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
    run: async function <T>(callback: (context: unknown) => Promise<T>): Promise<T> {
      return callback(this.context);
    },
  };
  const excel = new OfficeMockObject(data) as unknown as typeof Excel & { context: { sync: () => Promise<void> } };
  // office-addin-mock wraps functions without passing their result on: keep the real run.
  (excel as unknown as { run: typeof data.run }).run = data.run.bind(excel as unknown as typeof data);
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

  test("dropdowns: two syncs however many columns; nothing is cleared, a column with the team's rule is kept", async () => {
    const { excel, log } = excelMock();
    const sync = jest.spyOn(excel.context, "sync");
    const target = (sheet: string, column: number) => ({ sheet, column, headerRow: 3, values: ["Geduldet"], label: "Aufenthaltsstatus" });
    Object.assign(globalThis, { Excel: { DataValidationAlertStyle: { warning: "Warning" } } });
    const result = await addDropdowns([target("Beratungen", 2), target("Vermittlungen", 2), target("Vermittlungen", 3)], excel.run.bind(excel));
    expect(sync).toHaveBeenCalledTimes(2);
    expect(log).toEqual([]);
    expect(result.kept.map((t) => [t.sheet, t.column])).toEqual([["Vermittlungen", 3]]);
  });
});
