import { computeFigures } from "../../src/core/figures/figures";
import { monthsCounted, parseReportYear } from "../../src/core/figures/reportYear";
import { dayFromParts } from "../../src/core/dates/calendarDay";
import { analyseSheets } from "../helpers/sheets";
import { d } from "../helpers/xlsx";

/**
 * A small workbook whose figures are worked out by hand in the comments.
 * Target group: IK-1 (Geduldet), IK-2 (Asylbewerbend); IK-3 is Anerkannt.
 */
async function handWorkbook() {
  return analyseSheets({
    Beratungen: [
      ["Datum", "Klient-ID", "Status", "Thema"],
      [d(2019, 1, 5), "IK-1", "Geduldet", "Arbeit"], // Jan: IK-1
      [d(2019, 1, 20), "ik 1", "Geduldet", "Bewerbung"], // Jan: IK-1 again (same person in the month)
      [d(2019, 1, 21), "IK-2", "Asyl", "Arbeit"], // Jan: IK-2
      [d(2019, 1, 22), "IK-3", "Anerkannt", "Arbeit"], // not target group
      [d(2019, 2, 1), "IK-2", "Gestattung", "Arbeit"], // Feb: IK-2
      [d(2019, 2, 1), "IK-2", "Gestattung", "arbeit"], // duplicate of the row above: never counted
      ["31.02.2019", "IK-1", "Geduldet", "Arbeit"], // rejected
      [d(2018, 12, 31), "IK-9", "Geduldet", "Arbeit"], // previous year
    ],
    Vermittlungen: [
      ["Datum", "Klient-ID", "Status", "Art"],
      [d(2019, 3, 1), "IK-1", "Geduldet", "Sprachkurs"], // third-party, Mar: IK-1; Deutschkurs placement
      [d(2019, 3, 2), "IK-1", "Geduldet", "Sport"], // third-party, Mar: IK-1 again
      [d(2019, 3, 3), "IK-2", "Geduldet", "Job"], // placement Arbeit, not third-party
      [d(2019, 4, 3), "IK-3", "Anerkannt", "Fachberatung"], // third-party but not target group
      [d(2019, 4, 4), "IK-3", "Anerkannt", "Ausbildung"], // placement Ausbildung
      [d(2019, 4, 5), "IK-4", "Duldung", "Praktikum"], // third-party, Apr: IK-4
    ],
    Veranstaltungen: [
      ["Datum", "Thema", "Ort", "Teilnehmende"],
      [d(2019, 5, 1), "Arbeitsrecht", "LRA", 30],
      [d(2019, 6, 1), " Arbeitsrecht ", "VHS", 20],
      [d(2019, 7, 1), "Gesundheit", "LRA", 15],
      [d(2019, 7, 1), "Gesundheit", "LRA", 15], // duplicate
      [d(2018, 7, 1), "Gesundheit", "LRA", 99], // previous year
    ],
  });
}

describe("figures of report year Y (spec 3)", () => {
  test("every figure, counted by hand", async () => {
    const f = computeFigures(await handWorkbook(), 2019);
    expect(f.year).toBe(2019);
    expect(f.months).toBe(12);
    expect(f.infoEvents).toEqual({ events: 3, attendees: 65, byTopic: { Arbeitsrecht: 50, Gesundheit: 15 } });
    expect(f.counseling.contacts).toBe(5);
    expect(f.counseling.persons).toBe(3);
    expect(f.counseling.monthlyPersons).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(f.counseling.monthlyAvgPersons).toBeCloseTo(3 / 12, 12);
    expect(f.referrals.count).toBe(6);
    expect(f.referrals.byCategory).toEqual({ Arbeit: 1, Ausbildung: 1, Deutschkurs: 1, Freizeitangebot: 1, Beratungsangebot: 1, "Sonstige Maßnahme": 1 });
    expect(f.referrals.monthlyPersons).toEqual([0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(f.referrals.monthlyAvgPersons).toBeCloseTo(2 / 12, 12);
    expect(f.placements).toEqual({ Arbeit: 1, Ausbildung: 1, Deutschkurs: 1 });
    expect(f.cases.active).toBe(4);
  });

  test("a row dated in another year counts for its own year", async () => {
    const f = computeFigures(await handWorkbook(), 2018);
    expect(f.counseling.contacts).toBe(1);
    expect(f.counseling.monthlyPersons[11]).toBe(1);
    expect(f.infoEvents.attendees).toBe(99);
  });

  test("M is 12 for a past year and the months begun so far for the current one", () => {
    expect(monthsCounted(2019, dayFromParts(2026, 11, 25))).toBe(12);
    expect(monthsCounted(2026, dayFromParts(2026, 11, 25))).toBe(11);
    expect(monthsCounted(2026, dayFromParts(2026, 1, 1))).toBe(1);
    expect(() => monthsCounted(2027, dayFromParts(2026, 11, 25))).toThrow(/Zukunft/);
  });

  test("the current year divides by the months begun", async () => {
    const a = await analyseSheets(
      { Beratungen: [["Datum", "Klient-ID", "Status"], [d(2026, 1, 5), "IK-1", "Geduldet"], [d(2026, 3, 5), "IK-2", "Geduldet"]] },
      dayFromParts(2026, 4, 10),
    );
    const f = computeFigures(a, 2026);
    expect(f.months).toBe(4);
    expect(f.counseling.monthlyAvgPersons).toBe(2 / 4);
  });

  test.each([["2019", 2019], [2019, 2019], [" 2020 ", 2020]])("year %p", (input, year) => {
    expect(parseReportYear(input)).toBe(year);
  });
  test.each(["neunzehn", "19", "20199", "1999", "", null])("%p is no year", (input) => {
    expect(() => parseReportYear(input)).toThrow(/kein Berichtsjahr/);
  });
});
