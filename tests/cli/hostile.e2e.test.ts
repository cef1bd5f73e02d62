import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../helpers/cli";
import { Parts, counsellingRows, num, sheetXml, str, workbookParts, zipToFile } from "../helpers/package";
import { d, packageParts, tempDir, writeXlsx } from "../helpers/xlsx";

/* What a hostile world does to the command line (issue: never a wrong figure in silence). */

const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

async function tracking(dir: string, name = "Tracking.xlsx"): Promise<string> {
  return writeXlsx(join(dir, name), {
    Beratungen: [
      ["Datum", "Klient-ID", "Aufenthaltsstatus"],
      [d(2019, 1, 1), "IK-1", "Geduldet"],
      ["31.02.2019", "IK-4", "Geduldet"],
    ],
    Veranstaltungen: [
      ["Datum", "Thema", "Teilnehmende"],
      [d(2019, 3, 1), "Arbeitsrecht", 40],
      [d(2019, 3, 2), "Gesundheit", "1" + "0".repeat(400)],
      [d(2019, 3, 3), "Mietrecht", 1e300],
    ],
  });
}

function expectRefusal(res: { status: number | null; stdout: string; stderr: string }, message: RegExp): void {
  expect(res.status).toBe(2);
  const lines = res.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Fehler: /);
  expect(lines[0]).toMatch(message);
}

describe("the team's workbook is never overwritten, whatever path names it", () => {
  test("through a symlinked folder, a hard link, or another spelling", async () => {
    const dir = tempDir();
    const input = await tracking(dir);
    const before = sha(input);
    symlinkSync(dir, join(dir, "verknuepft"));
    linkSync(input, join(dir, "zweiter-name.xlsx"));
    for (const out of [join(dir, "verknuepft", "Tracking.xlsx"), join(dir, "zweiter-name.xlsx"), join(dir, ".", "unter", "..", "Tracking.xlsx")]) {
      mkdirSync(join(dir, "unter"), { recursive: true });
      for (const flag of ["--out", "--json"]) {
        const res = runCli([input, "--year", "2019", flag, out]);
        // A summary must end in .json: an .xlsx path is refused before its identity is even compared.
        expectRefusal(res, flag === "--out" ? /nicht überschreiben/ : /nicht überschreiben|muss auf \.json enden/);
        expect(sha(input)).toBe(before);
      }
    }
  });
});

describe("messages", () => {
  test("a newline inside an argument stays on the one line of the message", async () => {
    const dir = tempDir();
    const input = await tracking(dir);
    expectRefusal(runCli([input, "--year", "2019", "--out", join(dir, "fehlt\nneu", "x.xlsx")]), /Ordner/);
  });

  test("an output name too long for the file system: German, exit 2, and no file of the other output left", async () => {
    const dir = tempDir();
    const input = await tracking(dir);
    const longest = `${"b".repeat(250)}.json`; // 255 bytes: the most a file system takes, and it works
    expect(runCli([input, "--year", "2019", "--json", join(dir, longest)]).status).toBe(0);
    for (const name of [`${"c".repeat(300)}.json`, `${"ü".repeat(128)}.json`]) {
      const res = runCli([input, "--year", "2019", "--out", join(dir, "Bericht.xlsx"), "--json", join(dir, name)]);
      expectRefusal(res, /zu lang/);
      expect(readdirSync(dir).sort()).toEqual([longest, "Tracking.xlsx"].sort());
    }
  });

  test("the command without arguments says how to call it, with exit 2", () => {
    expectRefusal(runCli([]), /Aufruf: npm run report/);
  });
});

describe("links back to the input survive # and ? in its folder and name", () => {
  test("the relationship target is the percent-encoded relative path", async () => {
    const dir = join(tempDir(), "Akten #3 ?neu");
    mkdirSync(dir);
    const input = await tracking(dir, "Tracking #1.xlsx");
    const out = join(dir, "..", "Bericht.xlsx");
    expect(runCli([input, "--year", "2019", "--out", out]).status).toBe(0);
    const parts = await packageParts(out);
    expect(parts.get("xl/worksheets/_rels/sheet3.xml.rels")).toContain('Target="Akten%20%233%20%3Fneu/Tracking%20%231.xlsx" TargetMode="External"');
  });
});

describe("huge numbers never break an output", () => {
  test("an attendee count of 400 digits or 1e300 is rejected, the JSON and the workbook hold finite numbers", async () => {
    const dir = tempDir();
    const input = await tracking(dir);
    const out = join(dir, "Bericht.xlsx");
    const json = join(dir, "s.json");
    const res = runCli([input, "--year", "2019", "--out", out, "--json", json]);
    expect(res.status).toBe(0);
    const summary = JSON.parse(readFileSync(json, "utf8"));
    expect(summary.infoEvents).toMatchObject({ events: 1, attendees: 40 });
    expect(summary.validation.findings.filter((f: { code: string }) => f.code === "E_ATTENDEES_INVALID").map((f: { row: number }) => f.row)).toEqual([3, 4]);
    const parts = await packageParts(out);
    for (const [name, xml] of parts) expect({ name, infinite: /Infinity|NaN/.test(xml) }).toEqual({ name, infinite: false });
  });
});

describe("time and memory stay bounded", () => {
  const S = 43_466; // 2019-01-01
  const run = (path: string, ...args: string[]) => runCli([path, "--year", "2019", ...args], { NODE_OPTIONS: "--max-old-space-size=160" });

  test("fifteen date cells of 100,000 characters", async () => {
    const rows = counsellingRows([[S, "IK-1", "Geduldet"]]);
    for (let i = 0; i < 15; i++) rows.push([str(`A${i + 3}`, `1.1.2019 ${" 1".repeat(50_000)}`), str(`B${i + 3}`, "IK-2"), str(`C${i + 3}`, "Geduldet")]);
    const started = Date.now();
    const res = run(await zipToFile(workbookParts({ Beratungen: sheetXml(rows) })));
    expect(res.status).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  test.each<[string, (p: Parts) => Parts]>([
    ["200,000 unclosed tags in workbook.xml", (p) => ({ ...p, "xl/workbook.xml": (p["xl/workbook.xml"] as string).replace("<sheets>", "<x>".repeat(200_000) + "<sheets>") })],
    ["100,000 unclosed tags in the relationships", (p) => ({ ...p, "xl/_rels/workbook.xml.rels": (p["xl/_rels/workbook.xml.rels"] as string).replace("</Relationships>", "<r>".repeat(100_000)) })],
    ["a 200 MB text cell", (p) => ({ ...p, "xl/worksheets/sheet1.xml": sheetXml([...counsellingRows([[S, "IK-1", "Geduldet"]]), [num("A3", S), str("B3", "x".repeat(200_000_000))]]) })],
    ["a 300 MB workbook.xml", (p) => ({ ...p, "xl/workbook.xml": (p["xl/workbook.xml"] as string).replace("<sheets>", `<!--${" ".repeat(300_000_000)}--><sheets>`) })],
  ])("%s: refused in seconds, in bounded memory", async (_, mutate) => {
    const path = await zipToFile(mutate(workbookParts({ Beratungen: sheetXml(counsellingRows([[S, "IK-1", "Geduldet"]])) })));
    const started = Date.now();
    const res = run(path);
    expectRefusal(res, /beschädigt|größer/);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(existsSync(join(path, "..", "out.xlsx"))).toBe(false);
  });
});

describe("on a terminal", () => {
  test("the error replaces the progress line instead of being appended to it", async () => {
    const { main } = await import("../../src/cli/main");
    let stderr = "";
    const tty = { write: (t: string) => (stderr += t), isTTY: true };
    const code = await main([join(tempDir(), "fehlt.xlsx"), "--year", "2019"], { stdout: { write: () => true }, stderr: tty });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^\r\u001b\[KFehler: Die Datei .* gibt es nicht/);
  });
});
