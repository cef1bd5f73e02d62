import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { dayFromParts } from "../../src/core/dates/calendarDay";
import { tempDir } from "../helpers/xlsx";
import { Case, checkContract } from "./contract";
import { argTokens, baseWorkbook, byteEdits, cellEdits, workbookWithByteEdits, workbookWithCellEdits, workbookWithXmlEdits, xmlEdits } from "./mutations";

/*
 * The command's contract under mutation, seeded and deterministic: cell
 * values, the package's bytes and XML, and the arguments. CI runs a modest
 * number of cases; `npm run fuzz -- <runs>` runs many more.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const TODAY = dayFromParts(2026, 11, 25);

/** A case with the mutated workbook as input and both outputs beside it. */
function reportCase(input: string, secretsInPlace: boolean): Case {
  const dir = dirname(input);
  const out = join(dir, "Bericht.xlsx");
  const json = join(dir, "Zusammenfassung.json");
  return { dir, input, out, json, secretsInPlace, argv: [input, "--year", "2019", "--out", out, "--json", json] };
}

/** Exit codes seen per kind of mutation: the test also checks that each kind reached both outcomes. */
const outcomes = new Map<string, Map<number, number>>();

async function holds(kind: string, c: Case): Promise<boolean> {
  const { broken, code } = await checkContract(c, TODAY);
  const seen = outcomes.get(kind) ?? new Map<number, number>();
  seen.set(code, (seen.get(code) ?? 0) + 1);
  outcomes.set(kind, seen);
  if (broken.length > 0) throw new Error(`${c.argv.join(" ")}\n${broken.join("\n")}`);
  return true;
}

const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };

describe("fuzz: the command's contract holds under mutation", () => {
  jest.setTimeout(Math.max(120_000, RUNS * 4_000));

  test("cell values", async () => {
    await fc.assert(fc.asyncProperty(cellEdits, async (edits) => holds("cells", reportCase(await workbookWithCellEdits(edits), true))), params);
  });

  test("the package's bytes", async () => {
    await fc.assert(fc.asyncProperty(byteEdits, async (edits) => holds("bytes", reportCase(await workbookWithByteEdits(edits), false))), params);
  });

  test("the package's XML", async () => {
    await fc.assert(fc.asyncProperty(xmlEdits, async (m) => holds("xml", reportCase(await workbookWithXmlEdits(m), false))), params);
  });

  test("the arguments", async () => {
    const input = await baseWorkbook();
    await fc.assert(
      fc.asyncProperty(argTokens, async (tokens) => {
        const dir = tempDir();
        mkdirSync(join(dir, "folder"));
        const out = join(dir, "Bericht.xlsx");
        const json = join(dir, "s.json");
        const paths: Record<string, string> = { INPUT: input, OUT: out, JSON: json, "missing.xlsx": join(dir, "missing.xlsx"), folder: join(dir, "folder") };
        const argv = tokens.map((t) => paths[t] ?? t);
        // A random token may be taken as an output path (`--out =`): relative paths land in the case's folder.
        const cwd = process.cwd();
        process.chdir(dir);
        try {
          return await holds("args", { dir, input, out, json, secretsInPlace: true, argv });
        } finally {
          process.chdir(cwd);
        }
      }),
      params,
    );
  });

  afterAll(() => {
    const table = [...outcomes].map(([kind, seen]) => `${kind}: ${[...seen].map(([code, n]) => `exit ${code} ×${n}`).join(", ")}`);
    process.stdout.write(`Fuzz (${RUNS} Fälle je Art, Seed ${SEED}): ${table.join("; ")}\n`);
    // Each kind reaches the outcomes it should: mutations that keep the workbook usable, and damage refused.
    for (const kind of ["cells", "xml", "args"]) expect([kind, outcomes.get(kind)?.get(0) ?? 0]).not.toEqual([kind, 0]);
    for (const kind of ["bytes", "xml", "args"]) expect([kind, outcomes.get(kind)?.get(2) ?? 0]).not.toEqual([kind, 0]);
  });
});
