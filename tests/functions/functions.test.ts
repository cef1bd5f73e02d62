import * as fns from "../../src/functions/functions";

/** A column as Excel passes it: one cell per row. */
const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
/** A single value argument, as Excel passes it in a repeating range parameter. */
const one = (v: unknown): unknown[][] => [[v]];
const S = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
const errorOf = (f: () => unknown): { code: string; message: string } => {
  try {
    f();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("no error");
};

// Counselling rows of 2019: dates as serials and texts, IDs in several spellings, blanks as "" and 0.
const dates = col(S(2019, 1, 5), "20.01.2019", "3. Feb. 2019", S(2019, 2, 7), "", 0, "31.02.2019", S(2018, 12, 31), true, { code: "#N/A" }, "2019-03-01 10:00", S(2019, 3, 2));
const ids = col("IK-1", " ik 1 ", "IK-2", "IK-3", "IK-9", "IK-9", "IK-4", "IK-5", "IK-6", "IK-7", "", "IK-8");
const statuses = col("Geduldet", "Duldung", "Asyl", "Anerkannt", "Geduldet", "Geduldet", "Geduldet", "Geduldet", "Geduldet", "Geduldet", "Geduldet", "Sonstige");
const categories = col("Sprachkurs", "Job", "Sport", "Fachberatung", "", "", "", "", "", "", "Lehre", "Praktikum");

describe("IK.MONTHLY / IK.MONTHLYAVG", () => {
  test("distinct clients per month; blanks, invalid dates, other years, booleans and errors do not count", () => {
    expect(fns.monthly(dates, 2019, ids).map((r) => r[0])).toEqual([1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(fns.monthlyAvg(dates, 2019, ids)).toBe(4 / 12);
  });
  test("thousands of clients: each counted once per month, whatever the spelling", () => {
    const many = Array.from({ length: 5000 }, (_, i) => i);
    const manyDates = many.map((i) => [S(2019, (i % 12) + 1, 10)]);
    const manyIds = many.map((i) => [i % 2 === 0 ? `IK-${i % 2400}` : ` ik ${i % 2400} `]);
    const perMonth = fns.monthly(manyDates, 2019, manyIds).map((r) => r[0]);
    // Client c appears in the months of i = c, c + 2400, c + 4800 (< 5000): months c, c and c (2400 and 4800 are multiples of 12).
    expect(perMonth.reduce((a, b) => a + b, 0)).toBe(2400);
    expect(fns.countDistinct(manyIds)).toBe(2400);
  });
  test("without IDs: rows per month", () => {
    expect(fns.monthly(dates, 2019).map((r) => r[0]).slice(0, 3)).toEqual([2, 2, 2]);
  });
  test("criteria: a value, a list, a range, canonical equivalence and the two groups", () => {
    expect(fns.monthly(dates, 2019, ids, [statuses, one("Zielgruppe")]).map((r) => r[0]).slice(0, 3)).toEqual([1, 1, 0]);
    expect(fns.monthly(dates, 2019, ids, [statuses, one("Geduldet;Anerkannt")]).map((r) => r[0]).slice(0, 3)).toEqual([1, 1, 0]);
    expect(fns.monthly(dates, 2019, ids, [statuses, [["Geduldet"], ["Asylbewerbend"]]]).map((r) => r[0]).slice(0, 3)).toEqual([1, 1, 0]);
    expect(fns.monthly(dates, 2019, ids, [statuses, one("duldung|sonstiges")]).map((r) => r[0]).slice(0, 3)).toEqual([1, 0, 1]);
    expect(fns.monthly(dates, 2019, ids, [categories, one("Drittmaßnahme")]).map((r) => r[0]).slice(0, 3)).toEqual([1, 2, 1]);
    expect(
      fns.monthly(dates, 2019, ids, [statuses, one("Zielgruppe"), categories, one("Drittmaßnahme")]).map((r) => r[0]).slice(0, 3),
    ).toEqual([1, 1, 0]);
  });
  test("whole-column references: a million blank rows cost nothing and change nothing", () => {
    const pad = (c: unknown[][], v: unknown) => [...c, ...Array.from({ length: 1_048_576 - c.length }, () => [v])];
    expect(fns.monthlyAvg(pad(dates, ""), 2019, pad(ids, 0), [pad(statuses, ""), one("Zielgruppe")])).toBe(2 / 12);
  });
  test("errors: German message, #VALUE! for wrong input, #NUM! for a future year", () => {
    expect(errorOf(() => fns.monthlyAvg(dates, 2019, col("IK-1")))).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/unterschiedlich lang/) });
    expect(errorOf(() => fns.monthlyAvg(dates, "neunzehn" as never))).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/kein Berichtsjahr/) });
    expect(errorOf(() => fns.monthlyAvg(dates, 2019.5))).toMatchObject({ code: "#VALUE!" });
    expect(errorOf(() => fns.monthlyAvg(dates, 2999))).toMatchObject({ code: "#NUM!", message: expect.stringMatching(/Zukunft/) });
    expect(errorOf(() => fns.monthlyAvg(dates, 2019, ids, [statuses]))).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/Bereich/) });
  });
  test("the current year divides by the months begun, future dates do not count", () => {
    const year = new Date().getUTCFullYear();
    const month = new Date().getUTCMonth() + 1;
    const r = fns.monthlyAvg(col(S(year, 1, 10), S(year + 1, 1, 1)), year, col("A1", "A2"));
    expect([month, 12].map(() => r)).toContain(1 / month);
  });
});

describe("IK.COUNTDISTINCT", () => {
  test("distinct clients, optionally only rows dated in the year, with criteria", () => {
    expect(fns.countDistinct(ids)).toBe(9);
    expect(fns.countDistinct(ids, dates)).toBe(5);
    expect(fns.countDistinct(ids, dates, 2019)).toBe(4);
    expect(fns.countDistinct(ids, dates, 2019, [statuses, one("Zielgruppe")])).toBe(2);
  });
  test("a year needs dates", () => {
    expect(errorOf(() => fns.countDistinct(ids, undefined, 2019))).toMatchObject({ code: "#VALUE!" });
  });
});

describe("IK.YEARSUM", () => {
  test("whole numbers on rows dated in the year", () => {
    const attendees = col(10, "12", 2.5, -3, "ca. 20", "", 0, 99, 5, 7, 1, 4);
    expect(fns.yearSum(attendees, dates, 2019)).toBe(10 + 12 + 1 + 4);
  });
});

describe("lookups", () => {
  test.each([["Duldung", "Geduldet"], ["Asylbewerber*in", "Asylbewerbend"], ["Flüchtling", "Anerkannt"], ["andere", "Sonstige"]])("STATUS(%s)", (text, canonical) => {
    expect(fns.status(text)).toBe(canonical);
  });
  test.each([["Sprachkurs", "Deutschkurs"], ["Minijob", "Arbeit"], ["Lehre", "Ausbildung"], ["praktikum", "Sonstige Maßnahme"]])("CATEGORY(%s)", (text, canonical) => {
    expect(fns.category(text)).toBe(canonical);
  });
  test("unknown text is #N/A with a German message", () => {
    expect(errorOf(() => fns.status("unklar"))).toMatchObject({ code: "#N/A", message: expect.stringMatching(/Aufenthaltsstatus/) });
    expect(errorOf(() => fns.category(""))).toMatchObject({ code: "#N/A", message: expect.stringMatching(/Vermittlung/) });
  });
  test.each([["3.2.2019", S(2019, 2, 3)], ["3. Feb. 2019", S(2019, 2, 3)], ["2019-02-03", S(2019, 2, 3)], [S(2019, 2, 3) + 0.5, S(2019, 2, 3)]])("DATE(%p)", (text, serial) => {
    expect(fns.date(text)).toBe(serial);
  });
  test("DATE of text that is no date is #VALUE!", () => {
    expect(errorOf(() => fns.date("31.02.2019"))).toMatchObject({ code: "#VALUE!" });
  });
  test.each([[763, "über 750"], [750, "750"], [42, "42"], [1263, "über 1.250"]])("ABOUT(%d)", (n, text) => {
    expect(fns.about(n)).toBe(text);
  });
  test("ABOUT of a negative or fractional number is #VALUE!", () => {
    expect(errorOf(() => fns.about(-1))).toMatchObject({ code: "#VALUE!" });
  });
});
