import { Random } from "../../scripts/lib/random";
import { computeFigures } from "../../src/core/figures/figures";
import { CellInput, analyseXlsx, d } from "../helpers/xlsx";

/** A cell that may be valid, blank, malformed or of the wrong type. */
function messyCell(rng: Random, good: () => CellInput): CellInput {
  const roll = rng.next();
  if (roll < 0.7) return good();
  if (roll < 0.8) return null;
  if (roll < 0.85) return "   ";
  if (roll < 0.9) return rng.pick(["???", "=1+1", "-", "@x", "31.02.2019", "k.A."]);
  if (roll < 0.95) return rng.pick([true, -3, 2.5, 0]);
  return { error: "#N/A" };
}

function randomWorkbook(seed: number) {
  const rng = new Random(seed);
  const date = () => (rng.chance(0.5) ? d(rng.int(2017, 2020), rng.int(1, 12), rng.int(1, 28)) : `${rng.int(1, 28)}.${rng.int(1, 12)}.${rng.int(2017, 2020)}`);
  const id = () => `K ${rng.int(1, 40)}`;
  const status = () => rng.pick(["Geduldet", "Asyl", "Anerkannt", "Sonstige", "Duldung"]);
  const rows = (n: number, make: () => CellInput[]) => Array.from({ length: n }, make);
  const counselling = rows(rng.int(0, 80), () => [messyCell(rng, date), messyCell(rng, id), messyCell(rng, status), messyCell(rng, () => rng.pick(["A", "B"]))]);
  const referrals = rows(rng.int(0, 80), () => [messyCell(rng, date), messyCell(rng, id), messyCell(rng, status), messyCell(rng, () => rng.pick(["Job", "Sport", "Sprachkurs", "Lehre", "Praktikum"]))]);
  const events = rows(rng.int(0, 30), () => [messyCell(rng, date), messyCell(rng, () => rng.pick(["Recht", "Gesundheit"])), messyCell(rng, () => rng.int(0, 50))]);
  const nonBlank = (r: CellInput[]) => r.some((c) => c !== null && !(typeof c === "string" && c.trim() === ""));
  return {
    sheets: {
      Beratungen: [["Datum", "Klient-ID", "Status", "Thema"], ...counselling],
      Vermittlungen: [["Datum", "Klient-ID", "Status", "Art"], ...referrals],
      Veranstaltungen: [["Datum", "Thema", "Teilnehmende"], ...events],
    },
    dataRows: { Beratungen: counselling.filter(nonBlank).length, Vermittlungen: referrals.filter(nonBlank).length, Veranstaltungen: events.filter(nonBlank).length },
  };
}

describe("nothing is lost: rows = accepted + rejected on random workbooks", () => {
  test.each(Array.from({ length: 25 }, (_, i) => [i + 1]))("seed %d", async (seed) => {
    const { sheets, dataRows } = randomWorkbook(seed);
    const a = await analyseXlsx(sheets);
    for (const t of a.totals) {
      expect([t.sheet, t.rows]).toEqual([t.sheet, dataRows[t.sheet as keyof typeof dataRows]]);
      expect(t.rows).toBe(t.accepted + t.rejected);
      const rejectedRows = new Set(a.findings.filter((f) => f.sheet === t.sheet && f.severity === "error").map((f) => f.row));
      expect(rejectedRows.size).toBe(t.rejected);
    }
    const accepted = { Beratungen: a.counselling.length, Vermittlungen: a.referrals.length, Veranstaltungen: a.events.length };
    for (const t of a.totals) expect(accepted[t.sheet as keyof typeof accepted]).toBe(t.accepted);
    // Each year's figures count exactly the accepted, non-duplicate rows dated in it.
    for (const year of [2017, 2018, 2019, 2020]) {
      const f = computeFigures(a, year);
      expect(f.counseling.contacts).toBe(a.counselling.filter((r) => r.year === year && !r.duplicate).length);
      expect(f.referrals.count).toBe(a.referrals.filter((r) => r.year === year && !r.duplicate).length);
      expect(f.infoEvents.events).toBe(a.events.filter((r) => r.year === year && !r.duplicate).length);
    }
  });
});
