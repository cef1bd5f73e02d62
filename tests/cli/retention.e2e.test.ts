import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../helpers/cli";
import { d, packageParts, readBack, tempDir, writeXlsx } from "../helpers/xlsx";

const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

/** A workbook whose clients fall on both sides of a three-year period at the reference day 31.12.2025. */
async function trackingFile(dir: string): Promise<string> {
  return writeXlsx(join(dir, "Tracking.xlsx"), {
    Beratungen: [
      ["Datum", "Klient-ID", "Aufenthaltsstatus", "Thema", "Nachname", "Bemerkung"],
      [d(2021, 3, 1), "IK-1", "Geduldet", "Arbeit", "Alpha", "ruft an"],
      [d(2022, 12, 31), "IK-2", "Geduldet", "Arbeit", "Beta", null],
      [d(2021, 5, 1), "IK-3", "Geduldet", "Arbeit", null, "=HYPERLINK(\"x\")"],
      [d(2025, 1, 1), "IK-4", "Geduldet", "Arbeit", "Delta", null],
      ["kein Datum", "IK-5", "Geduldet", "Arbeit", "Epsilon", null],
      [d(2020, 1, 1), "IK-1", "Geduldet", "Arbeit", null, null],
    ],
    Vermittlungen: [
      ["Vermittelt am", "Kl.-Nr.", "Status", "Art"],
      [d(2021, 6, 1), "IK-1", "Geduldet", "Sprachkurs"],
    ],
    Klienten: [
      ["Klient-ID", "Aufenthaltsstatus", "Vorname", "Geburtsjahr", "Geschlecht", "Herkunftsland", "Wohnort"],
      ["IK-1", "Geduldet", "Anna", 1990, "w", "Syrien", "Musterdorf"],
      ["IK-2", "Geduldet", "Bea", 1991, "w", "Irak", "Musterdorf"],
      ["IK-3", "Geduldet", null, 1992, "m", "Irak", null],
    ],
  });
}

describe("npm run report -- … --loeschfrist (end to end, as a process)", () => {
  let dir: string;
  let input: string;

  beforeAll(async () => {
    dir = tempDir();
    input = await trackingFile(dir);
  });

  it("writes the Löschliste with the due clients, their rows linked to the cells, and counts in the JSON", async () => {
    const before = sha(input);
    const list = join(dir, "Liste.xlsx");
    const json = join(dir, "k.json");
    const review = join(dir, "Bericht.xlsx");
    const run = runCli([input, "--jahr", "2021", "--loeschfrist", "3", "--stichtag", "31.12.2025", "--loeschliste", list, "--zusammenfassung", json, "--bericht", review]);
    expect(run.stderr).not.toMatch(/Fehler/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Löschfristen (3 Jahre, Stichtag 31.12.2025): 2 Personen fällig, 1 Person ohne gültiges Datum (bitte von Hand prüfen), 2 Personen noch in der Frist.");
    expect(run.stdout).toContain(`Geschrieben: ${list}`);
    expect(sha(input)).toBe(before);

    const summary = JSON.parse(readFileSync(json, "utf8")) as { retention: unknown };
    expect(summary.retention).toEqual({ due: 2, withoutDate: 1 });

    const wb = await readBack(list);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Löschliste"]);
    const ws = wb.worksheets[0];
    const table = ws.getTable("Loeschliste") as unknown as { table: { tableRef: string } };
    expect(table.table.tableRef).toBe("A5:I8");
    const header = (ws.getRow(5).values as unknown[]).slice(1);
    expect(header).toEqual([
      "Klient-ID", "Stand", "Letzter Kontakt", "Fällig seit", "Zu entfernen (Zellen)", "Ohne lesbares Datum",
      "Zeilen in „Beratungen“", "Zeilen in „Vermittlungen“", "Zeilen in „Klienten“",
    ]);
    const row = (r: number) => Array.from({ length: 9 }, (_, i) => ws.getRow(r).getCell(i + 1).value).map((v) => (v === null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : v && typeof v === "object" && "text" in v ? (v as { text: string }).text : v));
    // IK-1: latest contact the referral of 01.06.2021 (not the earlier counselling rows); name, notes, first name, residence.
    expect(row(6)).toEqual(["IK-1", "fällig", "2021-06-01", "2025-01-01", 4, null, "2", null, "2"]);
    // IK-3: only the notes cell, which holds formula-like text, in counselling; on the clients sheet nothing to clear.
    expect(row(7)).toEqual(["IK-3", "fällig", "2021-05-01", "2025-01-01", 1, null, "4", null, "4"]);
    expect(row(8)).toEqual(["IK-5", "ohne gültiges Datum", null, null, null, "Beratungen 6", "6", null, null]);
    const parts = await packageParts(list);
    expect(parts.get("xl/worksheets/sheet1.xml")).toContain(`<hyperlink ref="G6" r:id="rId2" location="'Beratungen'!E2"/>`);
    expect(parts.get("xl/worksheets/sheet1.xml")).toContain(`location="'Klienten'!C2"`);
    // The list is never part of the review, and names no client there; no name or note leaves its cell.
    const reviewWb = await readBack(review);
    expect(reviewWb.worksheets.map((w) => w.name)).not.toContain("Löschliste");
    const text = [...parts.values()].join("\n");
    for (const secret of ["Alpha", "Anna", "Musterdorf", "ruft an", "HYPERLINK"]) expect(text).not.toContain(secret);
  });

  it("names the list for its reference day when no file is given", () => {
    const run = runCli([input, "--loeschfrist", "5", "--stichtag", "1.1.2026"], { INIT_CWD: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Löschfristen (5 Jahre, Stichtag 01.01.2026): 0 Personen fällig");
    const name = "Löschliste-2026-01-01.xlsx";
    expect(run.stdout).toContain(`Geschrieben: ${name}`);
    // The command runs in the repository's folder (as `npm run report` does); the file goes there.
    const written = join(__dirname, "..", "..", name);
    expect(existsSync(written)).toBe(true);
    rmSync(written);
  });

  it.each([
    [["--loeschfrist", "0"], "„--loeschfrist“ braucht die Frist in ganzen Jahren, von 1 bis 30"],
    [["--loeschfrist", "drei"], "„--loeschfrist“ braucht die Frist in ganzen Jahren"],
    [["--loeschfrist", "3", "--stichtag", "2025-12-31"], "„--stichtag“ braucht einen Tag als TT.MM.JJJJ"],
    [["--stichtag", "31.12.2025"], "„--stichtag“ gilt nur zusammen mit „--loeschfrist <Jahre>“"],
    [["--loeschfrist", "3", "--loeschliste", "liste.csv"], "muss auf .xlsx enden"],
  ])("refuses %j with one German line and writes nothing", (args, message) => {
    const files = readdirSync(dir).length;
    const run = runCli([input, ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(readdirSync(dir).length).toBe(files);
  });
});
