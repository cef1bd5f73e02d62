import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { SAMPLE_OPTIONS, generateTrackingWorkbook, writeTrackingWorkbook } from "../../scripts/lib/trackingWorkbook";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/xlsx";

/** Every byte the product writes, as text: each part of the .xlsx (inflated), the JSON, stdout and stderr. */
async function everyOutputText(xlsx: string, others: string[]): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(xlsx));
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async("string")));
  return [...parts, readFileSync(xlsx, "latin1"), ...others];
}

const xmlEscaped = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

describe("names and notes of clients never leave their cells", () => {
  test("on the sample workbook: not in the report, the JSON, stdout or stderr", async () => {
    const dir = tempDir();
    const generated = generateTrackingWorkbook(SAMPLE_OPTIONS);
    const input = join(dir, "Beispiel.xlsx");
    await writeTrackingWorkbook(input, generated);
    const out = join(dir, "Bericht.xlsx");
    const json = join(dir, "summary.json");
    const run = runCli([input, "--year", "2019", "--out", out, "--json", json]);
    expect(run.status).toBe(0);

    const texts = await everyOutputText(out, [readFileSync(json, "utf8"), run.stdout, run.stderr]);
    const secrets = [...new Set([...generated.names, ...generated.names.map((n) => n.split(" ")[1]), ...generated.notes])];
    expect(secrets.length).toBeGreaterThan(20);
    const leaks = secrets.filter((secret) =>
      texts.some((t) => t.includes(secret) || t.includes(xmlEscaped(secret)) || t.toUpperCase().includes(secret.toUpperCase())),
    );
    expect(leaks).toEqual([]);
  });
});
