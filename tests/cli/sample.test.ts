import { join } from "node:path";
import { SAMPLE_OPTIONS, generateTrackingWorkbook, writeTrackingWorkbook } from "../../scripts/lib/trackingWorkbook";
import { XlsxFileSource } from "../../src/adapters/xlsx/fileSource";
import { readTrackingWorkbook } from "../../src/app/readTrackingWorkbook";
import { analyse } from "../../src/core/validate/analyse";
import { aboutText, roundAverage } from "../../src/core/report/about";
import { buildReport } from "../../src/core/report/buildReport";
import { TODAY, tempDir } from "../helpers/xlsx";

async function summaryOf(path: string) {
  const analysis = analyse(await readTrackingWorkbook(new XlsxFileSource(path)), TODAY);
  return buildReport(analysis, { year: 2019 }).summary;
}

describe("the bundled sample workbook", () => {
  test("is what the generator script makes", async () => {
    const fresh = join(tempDir(), "sample.xlsx");
    await writeTrackingWorkbook(fresh, generateTrackingWorkbook(SAMPLE_OPTIONS));
    expect(await summaryOf(join(__dirname, "..", "..", "samples", "Beispiel-Tracking.xlsx"))).toEqual(await summaryOf(fresh));
  });

  test("has the quirks of a hand-kept workbook and carries figures like the published review", async () => {
    const s = await summaryOf(join(__dirname, "..", "..", "samples", "Beispiel-Tracking.xlsx"));
    const codes = new Set<string>(s.validation.findings.map((f) => f.code));
    for (const code of ["E_DATE_MISSING", "E_DATE_INVALID", "E_DATE_IMPLAUSIBLE", "E_ID_MISSING", "W_ID_LOOKS_LIKE_NAME", "E_STATUS_UNKNOWN",
      "E_CATEGORY_UNKNOWN", "E_CATEGORY_MISSING", "E_ATTENDEES_INVALID", "W_DUPLICATE", "W_PERSONAL_DATA_COLUMN"]) {
      expect([code, codes.has(code)]).toEqual([code, true]);
    }
    // The published review's three headline figures.
    expect(aboutText(s.infoEvents.attendees)).toBe("über 750");
    expect(roundAverage(s.counseling.monthlyAvgPersons)).toBe(160);
    expect(roundAverage(s.referrals.monthlyAvgPersons)).toBe(157);
  });
});
