import { join } from "node:path";
import ExcelJS from "exceljs";
import { XlsxFileSource } from "../../../src/adapters/xlsx/fileSource";
import { readTrackingWorkbook } from "../../../src/app/readTrackingWorkbook";
import { analyse } from "../../../src/core/validate/analyse";
import { computeFigures } from "../../../src/core/figures/figures";
import { TODAY, d, packageParts, tempDir } from "../../helpers/xlsx";

/** The same counselling rows, saved in the 1900 or the 1904 date system (old Mac workbooks). */
async function workbook(path: string, date1904: boolean): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet("Beratungen");
  ws.addRow(["Datum", "Klient-ID", "Status"]);
  ws.addRow([d(2019, 1, 31), "IK-1", "Geduldet"]);
  ws.addRow([d(2019, 2, 1), "IK-2", "Geduldet"]);
  ws.addRow(["15.03.2019", "IK-3", "Geduldet"]);
  ws.getColumn(1).numFmt = "dd.mm.yyyy";
  await wb.xlsx.writeFile(path);
  return path;
}

describe("the 1904 date system", () => {
  test("dates of a 1904 workbook count for the same days as in a 1900 one", async () => {
    const dir = tempDir();
    const old = await workbook(join(dir, "mac.xlsx"), true);
    expect((await packageParts(old)).get("xl/workbook.xml")).toMatch(/date1904="1"/);
    const figures = await Promise.all(
      [await workbook(join(dir, "win.xlsx"), false), old].map(async (path) =>
        computeFigures(analyse(await readTrackingWorkbook(new XlsxFileSource(path)), TODAY), 2019),
      ),
    );
    expect(figures[0].counseling.monthlyPersons.slice(0, 3)).toEqual([1, 1, 1]);
    expect(figures[1]).toEqual(figures[0]);
  });
});
