import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../helpers/cli";
import { SCHEMA_ORDER, worksheetChildren } from "../helpers/ooxml";
import { d, packageParts, readBack, tempDir, writeXlsx } from "../helpers/xlsx";

const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

async function trackingFile(dir: string): Promise<string> {
  return writeXlsx(join(dir, "Tracking.xlsx"), {
    Beratungen: [
      ["Beratungen 2019", null, null],
      ["Datum", "Klient:innen-ID", "Aufenthaltsstatus", "Thema"],
      [d(2019, 1, 1), "IK-1", "Geduldet", "Arbeit"],
      ["31.12.2019", "IK-2", "Asylbewerber*in", "Arbeit"],
      [d(2019, 12, 31), "IK-3", "Duldung", "Ausbildung"],
      ["01.01.2020", "IK-1", "Geduldet", "Arbeit"],
      [d(2018, 12, 31), "IK-1", "Geduldet", "Arbeit"],
      ["31.02.2019", "IK-4", "Geduldet", "Arbeit"],
    ],
    Vermittlungen: [
      ["Vermittelt am", "Kl.-Nr.", "Status", "Art"],
      [d(2019, 6, 1), "IK-1", "Geduldet", "Sprachkurs"],
      [d(2019, 6, 2), "IK-2", "Geduldet", "Ausbildungsplatz"],
    ],
    Veranstaltungen: [
      ["Datum", "Thema", "Ort", "Teilnehmer*innen"],
      [d(2019, 3, 1), "Arbeitsrecht", "LRA", 40],
      [d(2019, 4, 1), "=SUMME(A1:A9)", "LRA", 12],
      [d(2018, 4, 1), "Arbeitsrecht", "LRA", 30],
    ],
  });
}

describe("npm run report (end to end, as a process)", () => {
  let dir: string;
  let input: string;
  let before: string;
  let run: ReturnType<typeof runCli>;

  beforeAll(async () => {
    dir = tempDir();
    input = await trackingFile(dir);
    before = sha(input);
    run = runCli([input, "--year", "2019", "--out", join(dir, "Bericht.xlsx"), "--json", join(dir, "summary.json")]);
  });

  test("exits 0, prints the headline figures and the paths, leaves the input as it was", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Jahresrückblick 2019");
    expect(run.stdout).toContain(`Geschrieben: ${join(dir, "Bericht.xlsx")}`);
    expect(sha(input)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["Bericht.xlsx", "Tracking.xlsx", "summary.json"]);
  });

  test("the summary JSON carries the figures of the year", () => {
    const json = JSON.parse(readFileSync(join(dir, "summary.json"), "utf8"));
    expect(json.year).toBe(2019);
    expect(json.months).toBe(12);
    expect(json.counseling).toEqual({ contacts: 3, persons: 3, monthlyPersons: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2], monthlyAvgPersons: 3 / 12 });
    expect(json.infoEvents).toEqual({ events: 2, attendees: 52, byTopic: { Arbeitsrecht: 40, "=SUMME(A1:A9)": 12 } });
    expect(json.referrals.monthlyPersons[5]).toBe(1);
    expect(json.placements).toEqual({ Arbeit: 0, Ausbildung: 1, Deutschkurs: 1 });
    expect(json.cases.active).toBe(3);
    expect(json.validation).toMatchObject({ rows: 11, accepted: 10, rejected: 1, warnings: 0, duplicates: 0 });
    expect(json.validation.findings).toEqual([
      { sheet: "Beratungen", row: 8, column: "A", code: "E_DATE_INVALID", severity: "error", message: expect.any(String) },
    ]);
  });

  test("the workbook has exactly the three sheets, a table, native charts and the paragraph", async () => {
    const out = join(dir, "Bericht.xlsx");
    const wb = await readBack(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Fälle", "Geprüfte Einträge", "Prüfbericht", "Jahresrückblick 2019", "Mehrjahresübersicht"]);
    const parts = await packageParts(out);
    expect(parts.get("xl/tables/table1.xml")).toContain('ref="A3:L6"');
    expect(parts.get("xl/worksheets/_rels/sheet1.xml.rels")).toContain("../tables/table1.xml");
    expect(parts.get("xl/worksheets/sheet1.xml")).toContain("<tableParts");
    expect(parts.get("xl/worksheets/_rels/sheet4.xml.rels")).toContain("../drawings/drawing1.xml");
    expect(parts.get("xl/worksheets/sheet4.xml")).toMatch(/<drawing [^>]*r:id="rId\w+"\/>/);
    // Every worksheet's children come in the order the schema requires (CT_Worksheet).
    for (const [name, xml] of parts) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
      const children = worksheetChildren(xml);
      const positions = children.map((c) => SCHEMA_ORDER.indexOf(c));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    expect(parts.get("xl/drawings/_rels/drawing1.xml.rels")).toContain("../charts/chart2.xml");
    const chart = parts.get("xl/charts/chart1.xml")!;
    expect(chart).toContain("<c:barChart>");
    expect(chart).toContain("'Jahresrückblick 2019'!$B$");
    expect(parts.get("[Content_Types].xml")).toContain("drawingml.chart+xml");

    const cases = wb.getWorksheet("Fälle")!;
    expect(cases.getRow(3).values).toEqual([undefined, "Klient-ID", "Aufenthaltsstatus", "Erster Kontakt", "Letzter Kontakt", "Beratungskontakte 2019", "Vermittlungen 2019", "Arbeit", "Ausbildung", "Deutschkurs", "Geschlecht (Gruppe)", "Altersgruppe 2019", "Herkunftsland (Gruppe)"]);
    expect(cases.getRow(4).getCell(1).value).toBe("IK-1");
    expect(cases.getRow(4).getCell(4).value).toEqual(new Date(Date.UTC(2020, 0, 1)));
    expect(cases.getRow(4).getCell(3).value).toEqual(new Date(Date.UTC(2018, 11, 31)));

    const review = wb.getWorksheet("Jahresrückblick 2019")!;
    const paragraph = review.getRow(5).getCell(1).value as string;
    expect(paragraph).toMatch(/^Im Jahr 2019 hat die Integrationskoordination 2 Informationsveranstaltungen angeboten/);

    const check = wb.getWorksheet("Prüfbericht")!;
    const findingRow = check.getColumn(5).values.indexOf("E_DATE_INVALID");
    const link = check.getRow(findingRow).getCell(4).value as { text: string; hyperlink: string };
    // The link names the input file (relationship target) and the cell inside it (location), as Excel writes it.
    expect(link.hyperlink).toBe("Tracking.xlsx");
    const ref = `D${findingRow}`;
    expect(parts.get("xl/worksheets/sheet3.xml")).toContain(`<hyperlink ref="${ref}" r:id="rId1" location="'Beratungen'!A8"`);
    expect(parts.get("xl/worksheets/_rels/sheet3.xml.rels")).toContain('Target="Tracking.xlsx" TargetMode="External"');
  });

  test("text that looks like a formula is written as text", async () => {
    const parts = await packageParts(join(dir, "Bericht.xlsx"));
    for (const [name, xml] of parts) if (name.startsWith("xl/worksheets/sheet")) expect(xml).not.toContain("<f>");
    const wb = await readBack(join(dir, "Bericht.xlsx"));
    const review = wb.getWorksheet("Jahresrückblick 2019")!;
    const cells: unknown[] = [];
    review.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells).toContain("=SUMME(A1:A9)");
  });

  test.each(["America/Los_Angeles", "Pacific/Kiritimati"])("the same figures under TZ=%s", (tz) => {
    const json = join(tempDir(), "tz.json");
    const again = runCli([input, "--year", "2019", "--json", json], { TZ: tz });
    expect(again.status).toBe(0);
    expect(readFileSync(json, "utf8")).toBe(readFileSync(join(dir, "summary.json"), "utf8"));
  });
});

describe("unusable input: exit 2, one German line, no file", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await trackingFile(dir);
    writeFileSync(join(dir, "kaputt.xlsx"), "das ist keine Arbeitsmappe");
    mkdirSync(join(dir, "ordner.xlsx"));
    // An .xlsx saved with a password is an OLE compound file, as an old .xls is.
    writeFileSync(join(dir, "kennwort.xlsx"), Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]));
    await writeXlsx(join(dir, "fremd.xlsx"), { Tabelle1: [["Artikel", "Preis"], ["Stift", 2]] });
  });

  test.each([
    [["fehlt.xlsx", "--year", "2019"], /gibt es nicht/],
    [["kaputt.xlsx", "--year", "2019"], /keine lesbare Excel-Arbeitsmappe/],
    [["kennwort.xlsx", "--year", "2019"], /mit einem Kennwort geschützt oder eine alte Excel-Datei/],
    [["fremd.xlsx", "--year", "2019"], /Kein Tabellenblatt erkannt/],
    [["Tracking.xlsx", "--year", "neunzehn"], /kein Berichtsjahr/],
    [["Tracking.xlsx", "--year", "2015"], /Für das Jahr 2015 enthält die Arbeitsmappe keine Einträge/],
    [["Tracking.xlsx", "--year", "2099"], /Zukunft/],
    [["Tracking.xlsx", "--monat", "3"], /Unbekannte Option „--monat“/],
    [["Tracking.xlsx", "--verbergen", "viele"], /„--verbergen“ braucht eine ganze Zahl/],
    [["Tracking.xlsx", "--out", "bericht.pdf"], /„.*bericht\.pdf“ muss auf \.xlsx enden/],
    [["Tracking.xlsx", "--suppress", "viele"], /--suppress/],
    [["Tracking.xlsx", "--year", "2019", "--out", "Tracking.xlsx"], /nicht überschreiben/],
    [["Tracking.xlsx", "--year", "2019", "--out", "fehlender-ordner/out.xlsx"], /Den Ordner „.*fehlender-ordner“ gibt es nicht/],
    [["Tracking.xlsx", "--year", "2019", "--out", "ordner.xlsx"], /ist ein Ordner/],
    [["Tracking.xlsx", "--year", "2019", "--json", "fehlender-ordner/s.json"], /Den Ordner „.*fehlender-ordner“ gibt es nicht/],
    [["Tracking.xlsx", "--year", "2019", "--out", "out.xlsx", "--json", "out.xlsx"], /muss auf \.json enden/],
  ])("%j", (args, message) => {
    const withPaths = args.map((a) => (/\.(xlsx|json)$/.test(a) ? join(dir, a) : a));
    const out = join(dir, "out.xlsx");
    const res = runCli([...withPaths, ...(withPaths.includes("--out") ? [] : ["--out", out])]);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe("");
    const lines = res.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Fehler: /);
    expect(lines[0]).toMatch(message);
    expect(res.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)|Error:/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("help, version and German options", () => {
  test("--hilfe explains each option in German, with an example, and says that nothing is written without an output", () => {
    const res = runCli(["--hilfe"]);
    expect(res.status).toBe(0);
    for (const option of ["--jahr", "--bericht", "--zusammenfassung", "--verbergen", "--version"]) expect(res.stdout).toContain(option);
    expect(res.stdout).toMatch(/Ohne Angabe: das letzte vollständige Jahr mit Daten/);
    expect(res.stdout).toMatch(/Ohne --bericht, --zusammenfassung und --loeschfrist wird nichts\s+geschrieben/);
    expect(res.stdout).toMatch(/Beispiel:\n {2}npm run report -- Tracking\.xlsx --jahr 2019 --bericht/);
    expect(res.stdout).toMatch(/„< 3“/);
    expect(runCli(["--help"]).stdout).toBe(res.stdout);
  });

  test("--version prints package.json's version", () => {
    const res = runCli(["--version"]);
    expect(res.status).toBe(0);
    expect(res.stdout).toBe(`Fallbilanz ${(JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version}\n`);
  });

  test("the German option names work like the English ones; without an output the command says nothing was written", async () => {
    const dir = tempDir();
    const input = await trackingFile(dir);
    const german = runCli([input, "--jahr", "2019", "--bericht", join(dir, "b.xlsx"), "--zusammenfassung", join(dir, "z.json"), "--verbergen", "3"]);
    expect(german.status).toBe(0);
    expect(existsSync(join(dir, "b.xlsx")) && existsSync(join(dir, "z.json"))).toBe(true);
    const nothing = runCli([input, "--jahr", "2019"]);
    expect(nothing.status).toBe(0);
    expect(nothing.stdout).toMatch(/Keine Datei geschrieben/);
  });
});
