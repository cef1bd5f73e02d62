import { reviewFingerprint, reviewStanding } from "../../src/core/live/reviewFingerprint";
import { analyseSheets } from "../helpers/sheets";
import { SheetRows } from "../helpers/xlsx";

/*
 * The fingerprint a review keeps of the data it was made from: unchanged sheets are current (sorting them, or a
 * name changed, changes no figure), and each kind of change counts as the rows it touched.
 */

const HEADER = ["Datum", "Klient-ID", "Aufenthaltsstatus", "Thema", "Name"];
const base = (): SheetRows => [HEADER, ...Array.from({ length: 40 }, (_, i) => [`${1 + (i % 28)}.${1 + (i % 12)}.2019`, `IK-${i}`, "Geduldet", "Arbeit", `Person ${i}`])];
const WRITTEN = new Date("2026-12-01T09:30:00Z");

async function standing(change: (rows: SheetRows) => void) {
  const before = await analyseSheets({ Beratungen: base() });
  const print = reviewFingerprint(before, 2019, WRITTEN);
  const rows = base();
  change(rows);
  return { standing: reviewStanding(print.stamp, print.hashes, await analyseSheets({ Beratungen: rows })), print };
}

describe("the review's fingerprint", () => {
  test("keeps no cell's text and says when and of what it was made", async () => {
    const { print } = await standing(() => undefined);
    expect(print.stamp).toMatchObject({ version: 1, writtenAt: "2026-12-01T09:30:00.000Z", year: 2019, records: 40, notCounted: { Beratungen: 0 } });
    expect(print.stamp.digest).toMatch(/^[0-9A-F]{8}$/);
    const kept = JSON.stringify(print);
    for (const text of ["IK-1", "Person", "Geduldet", "Arbeit"]) expect(kept).not.toContain(text);
    expect(print.hashes.length).toBe(Math.ceil((40 * 4) / 3) * 4);
  });

  test.each([
    ["nothing changed", () => undefined, { current: true }],
    ["rows sorted the other way round", (r: SheetRows) => r.splice(1, r.length - 1, ...r.slice(1).reverse()), { current: true }],
    ["a name changed (never counted)", (r: SheetRows) => void (r[3][4] = "Jemand anderes"), { current: true }],
    ["a date typed anew", (r: SheetRows) => void (r[3][0] = "5.5.2019"), { current: false, changedRows: 1 }],
    ["a row added", (r: SheetRows) => void r.push(["1.2.2019", "IK-99", "Asyl", "Arbeit", null]), { current: false, changedRows: 1 }],
    ["two rows deleted", (r: SheetRows) => void r.splice(5, 2), { current: false, changedRows: 2 }],
    ["a row broken (an invalid date)", (r: SheetRows) => void (r[7][0] = "31.02.2019"), { current: false, changedRows: 1 }],
    ["a row made a duplicate of another", (r: SheetRows) => void (r[9] = [...r[2]]), { current: false, changedRows: 1 }],
  ])("%s", async (_, change, expected) => {
    expect((await standing(change)).standing).toEqual(expected);
  });

  test("a rejected row fixed counts once", async () => {
    const broken = base();
    broken[4][0] = "31.02.2019";
    const print = reviewFingerprint(await analyseSheets({ Beratungen: broken }), 2019, WRITTEN);
    expect(reviewStanding(print.stamp, print.hashes, await analyseSheets({ Beratungen: base() }))).toEqual({ current: false, changedRows: 1 });
  });
});
