import { checkRetention } from "../../src/app/retention";
import { dayFromParts, formatDayGerman } from "../../src/core/dates/calendarDay";
import { dueSince, isDue, keptUntil, parseReferenceDay, parseRetentionYears } from "../../src/core/retention/retentionRule";
import { markableColumns } from "../../src/core/retention/personalColumns";
import { rowsSource } from "../helpers/rowsSource";
import { TODAY, d } from "../helpers/xlsx";

const day = dayFromParts;

describe("the retention rule: end of the latest contact's year plus N years", () => {
  it("keeps the data up to 31 December of year + N and makes it due from 1 January after", () => {
    expect(formatDayGerman(keptUntil(day(2021, 1, 1), 3))).toBe("31.12.2024");
    expect(formatDayGerman(keptUntil(day(2021, 12, 31), 3))).toBe("31.12.2024");
    expect(formatDayGerman(dueSince(day(2021, 12, 31), 3))).toBe("01.01.2025");
    expect(isDue(day(2021, 12, 31), 3, day(2024, 12, 31))).toBe(false);
    expect(isDue(day(2021, 12, 31), 3, day(2025, 1, 1))).toBe(true);
    expect(isDue(day(2022, 1, 1), 3, day(2025, 1, 1))).toBe(false);
    expect(isDue(day(2022, 1, 1), 3, day(2025, 12, 31))).toBe(false);
    expect(isDue(day(2022, 1, 1), 3, day(2026, 1, 1))).toBe(true);
  });

  it("counts a leap day like any other day of its year, and a reference day of 29 February", () => {
    expect(formatDayGerman(keptUntil(day(2020, 2, 29), 3))).toBe("31.12.2023");
    expect(isDue(day(2020, 2, 29), 3, day(2023, 12, 31))).toBe(false);
    expect(isDue(day(2020, 2, 29), 3, day(2024, 1, 1))).toBe(true);
    expect(isDue(day(2020, 12, 31), 3, day(2024, 2, 29))).toBe(true);
    expect(isDue(day(2021, 2, 28), 3, day(2024, 2, 29))).toBe(false);
    expect(isDue(day(2020, 2, 29), 4, day(2024, 12, 31))).toBe(false);
    expect(isDue(day(2020, 2, 29), 4, day(2025, 1, 1))).toBe(true);
  });

  it("reads the period and the reference day as staff type them, and nothing else", () => {
    expect(parseRetentionYears("3")).toBe(3);
    expect(parseRetentionYears(" 10 ")).toBe(10);
    for (const bad of ["0", "31", "-1", "3.5", "drei", "", "3 Jahre"]) expect(parseRetentionYears(bad)).toBeUndefined();
    expect(parseReferenceDay("29.02.2024")).toBe(day(2024, 2, 29));
    expect(parseReferenceDay("1.1.2025")).toBe(day(2025, 1, 1));
    for (const bad of ["29.02.2023", "2024-02-29", "31.04.2025", "01.13.2025", "heute"]) expect(parseReferenceDay(bad)).toBeUndefined();
  });
});

describe("who is due, from every row of a client", () => {
  const workbook = {
    Beratungen: [
      ["Datum", "Klient-ID", "Aufenthaltsstatus", "Thema", "Name", "Notiz"],
      [d(2020, 3, 1), "IK-1", "Geduldet", "Arbeit", "Alma A.", "ruft an"],
      [d(2021, 12, 31), "IK-2", "Geduldet", "Arbeit", "Berk B.", null],
      [d(2022, 1, 1), "IK-3", "Geduldet", "Arbeit", null, null],
      // A rejected row (unknown status) is a contact all the same: IK-4's latest is 2024.
      [d(2020, 5, 5), "IK-4", "Geduldet", "Arbeit", "Cem C.", null],
      [d(2024, 5, 5), "ik 4", "unbekannt", "Arbeit", null, "Notiz"],
      // IK-5: due by its valid date, but one row's date cannot be read.
      [d(2019, 5, 5), "IK-5", "Geduldet", "Arbeit", "Dana D.", null],
      ["31.02.2023", "IK-5", "Geduldet", "Arbeit", null, null],
      [d(2019, 6, 6), null, "Geduldet", "Arbeit", "ohne ID", null],
    ],
    Vermittlungen: [
      ["Datum", "Klient-ID", "Status", "Art", "Träger"],
      [d(2021, 6, 1), "IK-1", "Geduldet", "Sprachkurs", "VHS"],
    ],
    Klienten: [
      ["Klient-ID", "Status", "Geburtsjahr", "Geschlecht", "Herkunftsland", "Wohnort", "Telefon", "Letzter Kontakt"],
      ["IK-1", "Geduldet", 1990, "w", "Syrien", "Musterdorf", "0170", null],
      ["IK-2", "Geduldet", 1985, "m", "Irak", null, null, d(2023, 2, 2)],
      ["IK-6", "Geduldet", 1999, "m", "Irak", "Musterstadt", null, null],
    ],
  };

  it("lists the due clients with latest contact, due date and rows; the undecidable ones apart", async () => {
    const { retention, plan, analysis, sheet } = await checkRetention(rowsSource(workbook), {
      today: TODAY,
      years: 3,
      reference: day(2025, 6, 30),
    });
    // IK-5 is due by its latest valid date; its unreadable row is listed (it could be a later contact).
    expect(retention.due.map((c) => [c.shownId, formatDayGerman(c.latestContact!), formatDayGerman(c.dueSince!), c.undatedRows])).toEqual([
      ["IK-1", "01.06.2021", "01.01.2025", []],
      ["IK-5", "05.05.2019", "01.01.2023", [{ sheet: "Beratungen", row: 8 }]],
    ]);
    expect(retention.withoutDate.map((c) => [c.shownId, c.latestContact === undefined, c.undatedRows])).toEqual([["IK-6", true, []]]);
    // IK-2 (clients sheet 2023), IK-3 (2022), IK-4 (2024) are within the period.
    expect(retention.kept).toBe(3);
    expect(retention.rowsWithoutId).toEqual([{ sheet: "Beratungen", rows: 1 }]);
    const ik1 = retention.due[0];
    expect(ik1.personalRows.map((p) => [p.sheet, p.rows.map((r) => r.row)])).toEqual([
      ["Beratungen", [2]],
      ["Klienten", [2]],
    ]);
    // Names, notes, residence and the phone column (contact data, by its header) are cleared; birth year, gender, country stay.
    // IK-5 waits until its unreadable date is fixed.
    expect(plan.clients).toBe(1);
    expect(plan.held).toBe(1);
    const listRows = sheet.rows.slice(5).map((r) => (r ?? []).slice(0, 5).map((c) => c?.value ?? null));
    expect(listRows.map((r) => [r[0], r[1], r[4]])).toEqual([
      ["IK-1", "fällig", 4],
      ["IK-5", "fällig, Datum prüfen", null],
      ["IK-6", "ohne gültiges Datum", null],
    ]);
    // Printed, the counts span the table (not clipped in column A), the wrapped headers get two lines.
    const width = sheet.rows[4]!.length;
    expect(sheet.merges).toEqual([{ row: 3, fromColumn: 1, toColumn: width }]);
    expect(sheet.rowHeights?.[5]).toBe(30);
    expect(plan.sheets.map((s) => [s.sheet, s.columns.map((c) => c.label), s.rows])).toEqual([
      ["Beratungen", ["E (Name)", "F (Notiz)"], [{ row: 2, key: "IK1", columns: [4, 5] }]],
      ["Klienten", ["F (Wohnort)", "G (Telefon)"], [{ row: 2, key: "IK1", columns: [5, 6] }]],
    ]);
    expect(plan.cells).toBe(4);
    // The provider column of referrals is markable; the counted columns never are.
    const referrals = analysis.sheets.find((s) => s.name === "Vermittlungen")!;
    expect(markableColumns(referrals)).toEqual([4]);
  });

  it("clears a column the team marked; a counted column cannot be marked", async () => {
    const withShelter = {
      ...workbook,
      Vermittlungen: [
        ["Datum", "Klient-ID", "Status", "Art", "Träger", "Unterkunft"],
        [d(2021, 6, 1), "IK-1", "Geduldet", "Sprachkurs", "VHS", "GU Nord"],
      ],
    };
    const { plan } = await checkRetention(rowsSource(withShelter), {
      today: TODAY,
      years: 3,
      reference: day(2025, 6, 30),
      marked: (sheet) => (sheet === "Vermittlungen" ? [5, 3, 1] : []),
    });
    expect(plan.sheets.find((s) => s.sheet === "Vermittlungen")!.columns.map((c) => [c.label, c.kind])).toEqual([["F (Unterkunft)", "marked"]]);
    expect(plan.cells).toBe(5);
  });

  it("makes no one due on the last day of the period", async () => {
    const { retention } = await checkRetention(rowsSource(workbook), { today: TODAY, years: 3, reference: day(2024, 12, 31) });
    // IK-1's period (contact in 2021) ends that day: kept. Only IK-5 (2019) is due.
    expect(retention.due.map((c) => c.shownId)).toEqual(["IK-5"]);
  });
});
