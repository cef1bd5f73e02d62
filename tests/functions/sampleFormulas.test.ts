import { join } from "node:path";
import ExcelJS from "exceljs";
import { XlsxFileSource } from "../../src/adapters/xlsx/fileSource";
import { readTrackingWorkbook } from "../../src/app/readTrackingWorkbook";
import { analyse } from "../../src/core/analyse";
import { todayInGermany } from "../../src/core/dates/calendarDay";
import { buildReport } from "../../src/core/report/buildReport";
import { SummaryJson } from "../../src/core/report/summaryJson";
import * as fns from "../../src/functions/functions";

const SAMPLE = join(__dirname, "..", "..", "samples", "Beispiel-Tracking.xlsx");
const ALL_STATUSES = [["Asylbewerbend;Geduldet;Anerkannt;Sonstige"]];

/** A column as Excel hands it to a custom function: dates as serial numbers, blank cells as "". */
function column(ws: ExcelJS.Worksheet, letter: string): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(`${letter}${r}`).value;
    out.push([v instanceof Date ? v.getTime() / 86_400_000 + 25_569 : v === null || v === undefined ? "" : v]);
  }
  return out;
}

/** The status column with blanks filled in from the clients sheet, as staff would with a lookup. */
function filledStatus(ws: ExcelJS.Worksheet, clients: ExcelJS.Worksheet): unknown[][] {
  const byId = new Map(column(clients, "A").map((r, i) => [r[0], column(clients, "C")[i][0]]));
  const ids = column(ws, "B");
  return column(ws, "C").map((r, i) => [r[0] === "" ? (byId.get(ids[i][0]) ?? "") : r[0]]);
}

describe("formulas on the sample workbook agree with the review to the digit", () => {
  let summary: SummaryJson;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    summary = buildReport(analyse(await readTrackingWorkbook(new XlsxFileSource(SAMPLE)), todayInGermany()), { year: 2019 }).summary;
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
  });
  const sheet = (name: string) => wb.getWorksheet(name)!;

  test("Ø counselled per month (the seed's 160)", () => {
    const b = sheet("Beratungen");
    const status = filledStatus(b, sheet("KlientInnen"));
    expect(fns.monthlyAvg(column(b, "A"), 2019, column(b, "B"), [status, [["Zielgruppe"]]])).toBe(summary.counseling.monthlyAvgPersons);
    expect(fns.monthly(column(b, "A"), 2019, column(b, "B"), [status, [["Zielgruppe"]]]).map((r) => r[0])).toEqual(summary.counseling.monthlyPersons);
  });

  test("Ø referred to third-party measures per month (the seed's 157)", () => {
    const v = sheet("Vermittlungen");
    const status = filledStatus(v, sheet("KlientInnen"));
    const avg = fns.monthlyAvg(column(v, "A"), 2019, column(v, "B"), [status, [["Zielgruppe"]], column(v, "D"), [["Drittmaßnahme"]]]);
    expect(avg).toBe(summary.referrals.monthlyAvgPersons);
  });

  test("attendees of information events (the seed's über 750)", () => {
    const e = sheet("Infoveranstaltungen");
    const attendees = fns.yearSum(column(e, "D"), column(e, "A"), 2019);
    expect(attendees).toBe(summary.infoEvents.attendees);
    expect(fns.about(attendees)).toMatch(/^über \d/);
  });

  test("persons counselled and placements", () => {
    const b = sheet("Beratungen");
    const v = sheet("Vermittlungen");
    const bStatus = filledStatus(b, sheet("KlientInnen"));
    const vStatus = filledStatus(v, sheet("KlientInnen"));
    expect(fns.countDistinct(column(b, "B"), column(b, "A"), 2019, [bStatus, ALL_STATUSES])).toBe(summary.counseling.persons);
    for (const c of ["Arbeit", "Ausbildung", "Deutschkurs"] as const) {
      expect([c, fns.countDistinct(column(v, "B"), column(v, "A"), 2019, [vStatus, ALL_STATUSES, column(v, "D"), [[c]]])]).toEqual([c, summary.placements[c]]);
    }
  });
});
