import { readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { dayFromParts } from "../../src/core/dates/calendarDay";
import { SummaryJson } from "../../src/core/report/summaryJson";
import { evaluateCountIfs } from "../helpers/formulaText";
import { tablesOf } from "../helpers/reviewWorkbook";
import { CellInput, d, readBack, tempDir, writeXlsx } from "../helpers/xlsx";

/*
 * Every exact breakdown value can be recomputed by the team with Excel's own ZÄHLENWENNS over the `Fälle` table
 * (its group columns), as the staff guide shows; the review itself publishes only the suppressed values.
 */

const quiet = { write: () => true, isTTY: false };

test("ZÄHLENWENNS over the Fälle table the command wrote gives every breakdown of the JSON", async () => {
  const dir = tempDir();
  const clients: [string, string, CellInput, CellInput, string][] = [
    ["IK-1", "Geduldet", "w", 1990, "Syrien"], ["IK-2", "Geduldet", "Frau", "1985", "syrien "], ["IK-3", "Asyl", "M", 2003, "Afghanistan"],
    ["IK-4", "Asyl", "männlich", 1960, "Syrien"], ["IK-5", "Anerkannt", "x", 2010, "Eritrea"], ["IK-6", "Geduldet", "unbekannt", "neunzehn", ""],
    ["IK-7", "Geduldet", "", 1850, "Irak"], ["IK-8", "Geduldet", "female", 2001, "SYRIEN"], ["IK-9", "Sonstige", "d", 1999, "Türkei"],
  ];
  const input = await writeXlsx(join(dir, "Tracking.xlsx"), {
    Beratungen: [["Datum", "Klient-ID", "Aufenthaltsstatus", "Thema"], ...clients.map(([id, status], i) => [d(2019, (i % 12) + 1, 3), id, status, "Arbeit"])],
    Vermittlungen: [["Datum", "Klient-ID", "Status", "Art"], [d(2019, 4, 1), "IK-1", "Geduldet", "Job"], [d(2019, 4, 2), "IK-3", "Asyl", "Sprachkurs"], [d(2019, 5, 2), "IK-9", "Sonstige", "Lehre"]],
    Klienten: [["Klient-ID", "Aufenthaltsstatus", "Geschlecht", "Geburtsjahr", "Herkunftsland"], ...clients],
  });
  const out = join(dir, "Bericht.xlsx");
  const json = join(dir, "s.json");
  expect(await main([input, "--jahr", "2019", "--bericht", out, "--zusammenfassung", json], { stdout: quiet, stderr: quiet, today: dayFromParts(2026, 11, 25) })).toBe(0);
  const summary = JSON.parse(readFileSync(json, "utf8")) as SummaryJson;
  const tables = tablesOf(await readBack(out));
  const column = { byGender: "Geschlecht (Gruppe)", byAgeGroup: "Altersgruppe 2019", byCountry: "Herkunftsland (Gruppe)", byStatus: "Aufenthaltsstatus" } as const;
  let checked = 0;
  for (const [breakdown, header] of Object.entries(column) as [keyof typeof column, string][]) {
    for (const [group, value] of Object.entries(summary.breakdowns[breakdown])) {
      const formula = `=ZÄHLENWENNS(Faelle_2019[${header}];"${group}")`;
      expect({ formula, value: evaluateCountIfs(formula, tables) }).toEqual({ formula, value });
      checked++;
    }
  }
  for (const [placement, byGender] of Object.entries(summary.breakdowns.placementsByGender)) {
    for (const [group, value] of Object.entries(byGender)) {
      const formula = `=ZÄHLENWENNS(Faelle_2019[${placement}];"Ja";Faelle_2019[Geschlecht (Gruppe)];"${group}")`;
      expect({ formula, value: evaluateCountIfs(formula, tables) }).toEqual({ formula, value });
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(25);
  expect(summary.breakdowns.byCountry.Syrien).toBe(4);
});
