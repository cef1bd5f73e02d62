import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { XlsxFileSource } from "../../src/adapters/xlsx/fileSource";
import { readTrackingWorkbook } from "../../src/app/readTrackingWorkbook";
import { analyse } from "../../src/core/validate/analyse";
import { Day } from "../../src/core/dates/calendarDay";
import { main } from "../../src/cli/main";

/** The names and notes of the fuzz workbook: they must never appear in any output byte. */
export const SECRETS = ["Zaphod Geheimname", "Trillian Verborgen", "NOTIZ-GEHEIM-77", "Beratung zu Familie X streng vertraulich"];

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command in this process, with a fixed day of processing. */
export async function runMain(argv: string[], today: Day): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t), isTTY: false },
    today,
  });
  return { code, stdout, stderr };
}

export const sha = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

function wellFormed(xml: string): void {
  const parser = new SaxesParser();
  parser.write(xml).close();
}

/** Every number in a JSON value is finite. */
function finiteEverywhere(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (value === null) return [path]; // JSON.stringify writes a non-finite number as null
  if (Array.isArray(value)) return value.flatMap((v, i) => finiteEverywhere(v, `${path}[${i}]`));
  if (typeof value === "object") return Object.entries(value).flatMap(([k, v]) => finiteEverywhere(v, `${path}.${k}`));
  return [];
}

export interface Case {
  readonly dir: string;
  readonly input: string;
  readonly argv: string[];
  readonly out?: string;
  readonly json?: string;
  /** Whether the secrets sit only in their name and notes cells (not when the package's bytes were mutated). */
  readonly secretsInPlace: boolean;
}

/**
 * The contract of the command on any input: exit 0 or 2; on 2 one German
 * line and no output; the input unchanged; rows = accepted + rejected per
 * sheet; no secret in any output byte; outputs that parse; figures finite.
 * Returns the broken clauses (empty when all hold) and the exit code.
 */
export async function checkContract(c: Case, today: Day): Promise<{ broken: string[]; code: number }> {
  const broken: string[] = [];
  const before = existsSync(c.input) ? sha(c.input) : "";
  const res = await runMain(c.argv, today);
  if (existsSync(c.input) && sha(c.input) !== before) broken.push("input changed");
  if (res.code !== 0 && res.code !== 2) broken.push(`exit ${res.code}: ${res.stderr.slice(0, 300)}`);
  if (readdirSync(c.dir).some((f) => f.endsWith(".tmp"))) broken.push("temporary file left");
  const texts = [res.stdout, res.stderr];
  if (res.code === 2) {
    const lines = res.stderr.split("\n").filter((l) => l !== "");
    if (lines.length !== 1 || !lines[0].startsWith("Fehler: ")) broken.push(`not one German line: ${JSON.stringify(res.stderr.slice(0, 300))}`);
    for (const p of [c.out, c.json]) if (p && existsSync(p)) broken.push(`output written on failure: ${p}`);
  }
  if (res.code === 0) {
    if (c.json && existsSync(c.json)) {
      const text = readFileSync(c.json, "utf8");
      texts.push(text);
      try {
        const summary = JSON.parse(text) as { validation: { rows: number; accepted: number; rejected: number } };
        const bad = finiteEverywhere(summary);
        if (bad.length > 0) broken.push(`not finite: ${bad.slice(0, 3).join(", ")}`);
        if (summary.validation.rows !== summary.validation.accepted + summary.validation.rejected) broken.push("rows ≠ accepted + rejected (JSON)");
      } catch (error) {
        broken.push(`JSON does not parse: ${String(error)}`);
      }
    }
    if (c.out && existsSync(c.out)) {
      try {
        const zip = await JSZip.loadAsync(readFileSync(c.out));
        for (const file of Object.values(zip.files)) {
          if (file.dir) continue;
          const xml = await file.async("string");
          texts.push(xml);
          wellFormed(xml);
          if (/<v>(?:-?Infinity|NaN)<\/v>/.test(xml)) broken.push(`non-finite number in ${file.name}`);
        }
      } catch (error) {
        broken.push(`report does not parse: ${String(error).slice(0, 200)}`);
      }
    }
    if (!c.argv.includes("--help") && !c.argv.includes("-h")) try {
      const analysis = analyse(await readTrackingWorkbook(new XlsxFileSource(c.input)), today);
      for (const t of analysis.totals) if (t.rows !== t.accepted + t.rejected) broken.push(`rows ≠ accepted + rejected in ${t.sheet}`);
    } catch (error) {
      broken.push(`the core refused what the command accepted: ${String(error).slice(0, 200)}`);
    }
  }
  if (c.secretsInPlace) {
    const escaped = (s: string): string => s.replace(/&/g, "&amp;");
    for (const secret of SECRETS) {
      if (texts.some((t) => t.includes(secret) || t.includes(escaped(secret)) || t.toUpperCase().includes(secret.toUpperCase()))) broken.push(`secret in output: ${secret}`);
    }
  }
  return { broken, code: res.code };
}
