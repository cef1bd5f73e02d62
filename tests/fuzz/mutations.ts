import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import { zipToFile } from "../helpers/package";
import { CellInput, SheetRows, d, tempDir, writeXlsx } from "../helpers/xlsx";
import { SECRETS } from "./contract";

/* What the fuzz test does to a tracking workbook: its cell values, its package's bytes and XML, the arguments. */

/** A small tracking workbook with names and notes (the secrets) in their own columns. */
export function baseSheets(): Record<string, SheetRows> {
  return {
    Klienten: [
      ["Klient-ID", "Name", "Aufenthaltsstatus", "Notiz"],
      ["IK-1", SECRETS[0], "Geduldet", SECRETS[2]],
      ["IK-2", SECRETS[1], "Asylbewerbend", SECRETS[3]],
    ],
    Beratungen: [
      ["Beratungen 2019"],
      ["Datum", "Klient-ID", "Name", "Aufenthaltsstatus", "Thema", "Notiz"],
      [d(2019, 1, 5), "IK-1", SECRETS[0], "", "Arbeit", SECRETS[2]],
      ["06.02.2019", "IK-2", SECRETS[1], "Asylbewerber*in", "Ausbildung", SECRETS[3]],
      [d(2019, 3, 7), "ik 3", "", "Duldung", "Wohnen", ""],
      [d(2019, 3, 7), "IK-3", "", "Duldung", "Wohnen", ""],
      ["3. Feb. 2019", "IK-4", "", "Anerkannt", "=SUMME(A1)", ""],
    ],
    Vermittlungen: [
      ["Vermittelt am", "Kl.-Nr.", "Status", "Art"],
      [d(2019, 6, 1), "IK-1", "Geduldet", "Sprachkurs"],
      [d(2019, 6, 2), "IK-2", "", "Ausbildungsplatz"],
      [d(2018, 6, 2), "IK-2", "Geduldet", "Job"],
    ],
    Veranstaltungen: [
      ["Datum", "Thema", "Ort", "Teilnehmer*innen"],
      [d(2019, 3, 1), "Arbeitsrecht", "LRA", 40],
      [d(2019, 4, 1), "+Gesundheit", "LRA", "12"],
    ],
  };
}

/** Columns that may be mutated: never a name or notes column (their contents must stay where they are). */
function mutableCells(sheets: Record<string, SheetRows>): [string, number, number][] {
  const cells: [string, number, number][] = [];
  for (const [name, rows] of Object.entries(sheets)) {
    const header = rows.find((r) => r.includes("Klient-ID") || r.includes("Datum") || r.includes("Kl.-Nr.") || r.includes("Vermittelt am"));
    rows.forEach((row, r) =>
      row.forEach((_, c) => {
        const title = header?.[c];
        if (title !== "Name" && title !== "Notiz") cells.push([name, r, c]);
      }),
    );
  }
  return cells;
}

const cellValue: fc.Arbitrary<CellInput> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("=1+1", "+49 171", "-5", "@Jobcenter", "31.02.2019", "2019-13-01", "1.1.19", "3. Foo 2019", "", "   ", "Geduldet", "Sprachkurs", "IK-9"),
  fc.integer({ min: -1_000_000, max: 3_000_000 }),
  fc.double({ noNaN: false }),
  fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER + 2, 0.5),
  fc.integer({ min: 1, max: 500 }).map((n) => "9".repeat(n)),
  fc.integer({ min: 1, max: 2000 }).map((n) => `${"1.1.2019 ".repeat(n)}`),
  fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2030, 0, 1)), noInvalidDate: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom({ error: "#N/A" }, { error: "#REF!" }, { formula: "1+1", result: 2 }),
);

/** Changes some cells of the base workbook. */
export const cellEdits = fc.array(fc.tuple(fc.nat(), cellValue), { minLength: 1, maxLength: 8 });

export async function workbookWithCellEdits(edits: [number, CellInput][]): Promise<string> {
  const sheets = baseSheets();
  const cells = mutableCells(sheets);
  for (const [at, value] of edits) {
    const [name, r, c] = cells[at % cells.length];
    sheets[name][r][c] = value;
  }
  return writeXlsx(join(tempDir(), "Mappe.xlsx"), sheets);
}

let baseFile: string | undefined;
/** The base workbook as a file (written once). */
export async function baseWorkbook(): Promise<string> {
  baseFile ??= await writeXlsx(join(tempDir(), "Basis.xlsx"), baseSheets());
  return baseFile;
}

/** Byte-level damage: flipped bytes, a cut, inserted bytes. */
export const byteEdits = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
    fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  ),
  { minLength: 1, maxLength: 4 },
);

export async function workbookWithByteEdits(edits: { kind: string; at: number; bits?: number; bytes?: Uint8Array }[]): Promise<string> {
  let bytes = Buffer.from(readFileSync(await baseWorkbook()));
  for (const e of edits) {
    const at = e.at % Math.max(1, bytes.length);
    if (e.kind === "flip") bytes[at] ^= e.bits ?? 1;
    else if (e.kind === "cut") bytes = bytes.subarray(0, at);
    else bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(e.bytes ?? []), bytes.subarray(at)]);
  }
  const path = join(tempDir(), "Mappe.xlsx");
  writeFileSync(path, bytes);
  return path;
}

const XML_TOKENS = ["<", ">", "&", "&amp;", "&#0;", "&#x110000;", "&bogus;", "</c>", "<row>", "</row>", "<c r=\"A1\">", "<v>1e400</v>", "]]>", "<![CDATA[x]]>", '"', "'", "\u0000", "\uFFFF", "<!DOCTYPE x>", "<?x?>", " t=\"d\"", " t=\"s\"", " r=\"XFE1\"", "<is><t>x</t></is>", "ä", "\uD800"];

/** XML edits on one part: a range deleted, a range repeated, a token inserted; then zipped again. */
export const xmlEdits = fc.record({
  part: fc.nat(),
  edits: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), times: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), token: fc.constantFrom(...XML_TOKENS) }),
    ),
    { minLength: 1, maxLength: 3 },
  ),
  store: fc.boolean(),
  dropPart: fc.boolean(),
});

let baseParts: [string, Buffer][] | undefined;
async function partsOfBase(): Promise<[string, Buffer][]> {
  if (!baseParts) {
    const zip = await JSZip.loadAsync(readFileSync(await baseWorkbook()));
    baseParts = [];
    for (const f of Object.values(zip.files)) if (!f.dir) baseParts.push([f.name, await f.async("nodebuffer")]);
  }
  return baseParts;
}

export async function workbookWithXmlEdits(m: { part: number; edits: { kind: string; at: number; length?: number; times?: number; token?: string }[]; store: boolean; dropPart: boolean }): Promise<string> {
  const parts = (await partsOfBase()).map(([n, b]): [string, Buffer] => [n, b]);
  const target = m.part % parts.length;
  if (m.dropPart && m.edits.length === 1) {
    parts.splice(target, 1);
  } else {
    let text = parts[target][1].toString("utf8");
    for (const e of m.edits) {
      const at = e.at % Math.max(1, text.length);
      if (e.kind === "delete") text = text.slice(0, at) + text.slice(at + (e.length ?? 1));
      else if (e.kind === "repeat") text = text.slice(0, at) + text.slice(at, at + (e.length ?? 1)).repeat((e.times ?? 1) + 1) + text.slice(at + (e.length ?? 1));
      else text = text.slice(0, at) + (e.token ?? "") + text.slice(at);
    }
    parts[target] = [parts[target][0], Buffer.from(text, "utf8")];
  }
  return zipToFile(parts, { store: m.store });
}

/** Argument lists built from the tokens the command knows and some it does not. */
export const argTokens = fc.array(
  fc.constantFrom("--year", "2019", "2018", "2099", "1999", "neunzehn", "--out", "--json", "--suppress", "0", "-1", "3", "--jahr", "--help", "", "=", "--year=2019", "--out=", "\n", "INPUT", "OUT", "JSON", "INPUT", "missing.xlsx", "folder"),
  { maxLength: 8 },
);
