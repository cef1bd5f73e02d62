/*
 * Reads every .xlsx/.xlsm in a folder of other projects' public test files (kept outside
 * this repository, never copied into it) and prints, per file, whether the reader took it and a few of its cells:
 *   npx tsx scripts/check-corpus.ts <folder>
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { XlsxFileSource } from "../src/adapters/xlsx/fileSource";
import { Cell } from "../src/core/cells";
import { isFallbilanzError } from "../src/core/errors";

if (process.argv[2] === undefined) {
  console.error("Bitte den Ordner mit den Testdateien angeben: npx tsx scripts/check-corpus.ts <ordner>");
  process.exit(2);
}
const folder = resolve(process.argv[2]);
const show = (c: Cell): string => JSON.stringify(c);

async function main(): Promise<void> {
  for (const file of readdirSync(folder).filter((f) => /\.xls[xm]$/i.test(f)).sort()) {
    const source = new XlsxFileSource(join(folder, file));
    const lines: string[] = [];
    let unreadable = 0;
    try {
      await source.forEachSheet((name) => {
        let shown = 0;
        return (row, cells) => {
          for (const c of cells) if (c && typeof c === "object" && "unreadable" in c) unreadable++;
          if (shown++ < 3) lines.push(`  ${name}!${row}: ${cells.map(show).join(" | ").slice(0, 160)}`);
        };
      });
      const placeholders = source.placeholderSheets().map((p) => p.name);
      console.log(`${file}: gelesen, ${unreadable} unlesbare Zellen${placeholders.length ? `, Platzhalter: ${placeholders.join(", ")}` : ""}`);
      for (const l of lines) console.log(l);
    } catch (error) {
      console.log(`${file}: ${isFallbilanzError(error) ? `abgelehnt: ${error.message}` : `FEHLER ${String(error)}`}`);
    }
  }
}

void main();
