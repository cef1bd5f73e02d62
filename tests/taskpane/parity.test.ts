import { join } from "node:path";
import ExcelJS from "exceljs";
import { readTrackingWorkbook } from "../../src/app/readTrackingWorkbook";
import { main } from "../../src/cli/main";
import { analyse } from "../../src/core/validate/analyse";
import { dayFromParts } from "../../src/core/dates/calendarDay";
import { buildReport } from "../../src/core/report/buildReport";
import { germanErrorName } from "../../src/core/vocabulary/errorNames";
import { OfficeReportWriter } from "../../src/taskpane/excel/officeSink";
import { OfficeWorkbookSource } from "../../src/taskpane/excel/officeSource";
import { documentSettings } from "../../src/taskpane/excel/settings";
import { installOffice } from "../helpers/officeGlobals";
import { excelSerial, tempDir } from "../helpers/xlsx";
import { createWorkbook, sheetValues } from "../host/memoryExcel";

/*
 * The pane and the command line give the same sheets, cell for cell, on the same workbook: the sample with
 * error cells added (as Excel stores them in the file, as German Excel hands them to the pane).
 */

const SAMPLE = join(__dirname, "..", "..", "samples", "Beispiel-Tracking.xlsx");
const TODAY = dayFromParts(2026, 11, 25);
const quiet = { write: () => true, isTTY: false };

/** A cell's value for comparing: dates as serial numbers, links by their text, empty as "". */
function plain(value: ExcelJS.CellValue): unknown {
  if (value instanceof Date) return excelSerial(value);
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "text" in value) return value.text;
  if (typeof value === "object" && "error" in value) return germanErrorName(value.error);
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  return value;
}

/** A sheet's rows; a merged block holds its value in its first cell only (ExcelJS repeats it in every cell). */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cell.isMerged && cell.master.address !== cell.address ? "" : plain(cell.value)));
    rows[n - 1] = Array.from(cells, (v) => v ?? "");
  });
  return Array.from(rows, (r) => r ?? []);
}

/** Rows without trailing empty cells and trailing empty rows. */
function trimmed(rows: unknown[][]): unknown[][] {
  const out = rows.map((r) => {
    const row = [...r];
    while (row.length > 0 && row[row.length - 1] === "") row.pop();
    return row;
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

describe("the pane and the command line write the same sheets", () => {
  test("on the sample workbook with error cells, cell for cell", async () => {
    const dir = tempDir();
    const input = join(dir, "Mit-Fehlerwerten.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const beratungen = wb.getWorksheet("Beratungen")!;
    const events = wb.getWorksheet("Infoveranstaltungen")!;
    beratungen.getCell("B10").value = { error: "#N/A" };
    beratungen.getCell("B11").value = { error: "#N/A" };
    beratungen.getCell("C12").value = { error: "#REF!" };
    events.getCell("D3").value = { error: "#DIV/0!" };
    events.getCell("B4").value = { error: "#VALUE!" };
    await wb.xlsx.writeFile(input);

    // The command line.
    const out = join(dir, "Bericht.xlsx");
    expect(await main([input, "--year", "2019", "--out", out], { stdout: quiet, stderr: quiet, today: TODAY })).toBe(0);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);

    // The pane, on the same cells as Excel holds them.
    const sheets: Record<string, unknown[][]> = {};
    for (const ws of wb.worksheets) {
      sheets[ws.name] = rowsOf(ws).map((row, r) => row.map((v, c) => {
        const cell = ws.getRow(r + 1).getCell(c + 1).value;
        return cell !== null && typeof cell === "object" && "error" in cell ? { error: germanErrorName(cell.error) } : v;
      }));
    }
    const host = createWorkbook(sheets);
    installOffice(host);
    const report = buildReport(analyse(await readTrackingWorkbook(new OfficeWorkbookSource()), TODAY), { year: 2019 });
    await new OfficeReportWriter(documentSettings()).write(report.sheets);

    const names = ["Fälle", "Geprüfte Einträge", "Prüfbericht", "Jahresrückblick 2019", "Mehrjahresübersicht"];
    expect(written.worksheets.map((w) => w.name)).toEqual(names);
    for (const name of names) {
      const fromFile = trimmed(rowsOf(written.getWorksheet(name)!));
      const fromPane = trimmed(sheetValues(host.sheets.find((s) => s.name === name)!));
      expect({ name, rows: fromPane.length }).toEqual({ name, rows: fromFile.length });
      fromFile.forEach((row, r) => expect({ name, row: r + 1, cells: fromPane[r] }).toEqual({ name, row: r + 1, cells: row }));
    }
    // The error cells were reported, in German, the same way.
    const check = trimmed(rowsOf(written.getWorksheet("Prüfbericht")!)).flat().join(" ");
    expect(check).toContain("#NV");
    expect(check).toContain("#BEZUG!");
  }, 120_000);
});
