import { Day, dayFromParts, dayParts, dayToExcelSerial, formatDayGerman, todayInGermany } from "../../src/core/dates/calendarDay";
import { readDate } from "../../src/core/dates/parseDate";

const day = (y: number, m: number, dd: number) => ({ kind: "day", day: dayFromParts(y, m, dd) });

describe("readDate (spec 2: dates)", () => {
  test.each([
    ["3.2.2019", day(2019, 2, 3)],
    ["03.02.2019", day(2019, 2, 3)],
    ["3.2.19", day(2019, 2, 3)],
    ["2019-02-03", day(2019, 2, 3)],
    ["3. Februar 2019", day(2019, 2, 3)],
    ["3. Feb. 2019", day(2019, 2, 3)],
    ["3. Feb 2019", day(2019, 2, 3)],
    ["14. März 2019", day(2019, 3, 14)],
    ["1. Dez. 2019", day(2019, 12, 1)],
    ["03.02.2019 14:30", day(2019, 2, 3)],
    ["2019-02-03T23:59:59Z", day(2019, 2, 3)],
    ["2019-02-03 10:00:00", day(2019, 2, 3)],
    ["  03.02.2019  ", day(2019, 2, 3)],
    ["29.02.2020", day(2020, 2, 29)],
  ])("%s", (text, expected) => {
    expect(readDate(text)).toEqual(expected);
  });

  test.each(["31.02.2019", "29.02.2019", "32.01.2019", "01.13.2019", "3. Foo 2019", "gestern", "2019/02/03", "2019-2-3", "03.02.", "1e5"])(
    "%s is not a date",
    (text) => {
      expect(readDate(text)).toEqual({ kind: "invalid" });
    },
  );

  test("serial numbers are Excel dates; a time of day is ignored", () => {
    expect(readDate(43499)).toEqual(day(2019, 2, 3));
    expect(readDate(43499.99)).toEqual(day(2019, 2, 3));
    expect(dayToExcelSerial(dayFromParts(2019, 2, 3))).toBe(43499);
  });

  test("blank, booleans and errors", () => {
    expect(readDate(null)).toEqual({ kind: "blank" });
    expect(readDate("   ")).toEqual({ kind: "blank" });
    expect(readDate(true)).toEqual({ kind: "invalid" });
    expect(readDate({ error: "#REF!" })).toEqual({ kind: "invalid" });
    expect(readDate(-5)).toEqual({ kind: "invalid" });
  });

  test("a calendar day has no time zone", () => {
    const dd = dayFromParts(2019, 12, 31);
    expect(dayParts(dd)).toEqual({ year: 2019, month: 12, day: 31 });
    expect(formatDayGerman(dd)).toBe("31.12.2019");
  });

  test("today is the German calendar day", () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Germany.
    expect(dayParts(todayInGermany(new Date(Date.UTC(2019, 11, 31, 23, 30))))).toEqual({ year: 2020, month: 1, day: 1 });
  });

  test("today in Germany by the EU summer-time rule agrees with the time-zone database, hour by hour, 1996-2040", () => {
    const berlin = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", year: "numeric", month: "2-digit", day: "2-digit" });
    const byDatabase = (d: Date): Day => {
      const [y, m, dd] = berlin.format(d).split("-").map(Number);
      return dayFromParts(y, m, dd);
    };
    const mismatches: string[] = [];
    // Every hour around midnight every day (where the day can differ), every 15 minutes around each switch.
    for (let ms = Date.UTC(1996, 0, 1); ms < Date.UTC(2041, 0, 1); ms += 3_600_000) {
      const at = new Date(ms);
      const h = at.getUTCHours();
      if (h < 21 && h > 2) continue;
      if (todayInGermany(at) !== byDatabase(at)) mismatches.push(at.toISOString());
    }
    for (const year of [2019, 2024, 2026, 2037]) {
      for (const [month, from] of [[3, 24], [10, 24]]) {
        for (let ms = Date.UTC(year, month - 1, from); ms < Date.UTC(year, month - 1, from + 8); ms += 900_000) {
          const at = new Date(ms);
          if (todayInGermany(at) !== byDatabase(at)) mismatches.push(at.toISOString());
        }
      }
    }
    expect(mismatches).toEqual([]);
    // 22:30 UTC on a summer evening is already the next day; in winter it is not.
    expect(dayParts(todayInGermany(new Date(Date.UTC(2026, 6, 1, 22, 30))))).toEqual({ year: 2026, month: 7, day: 2 });
    expect(dayParts(todayInGermany(new Date(Date.UTC(2026, 11, 1, 22, 30))))).toEqual({ year: 2026, month: 12, day: 1 });
  });
});
