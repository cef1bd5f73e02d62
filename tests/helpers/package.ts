import { writeFileSync } from "node:fs";
import { join } from "node:path";
import yazl from "yazl";
import { tempDir } from "./xlsx";
import { XlsxFileSource } from "../../src/adapters/xlsx/fileSource";
import type { Cell } from "../../src/core/cells";

/* Hand-made .xlsx packages, part by part, for what the reader must accept and what it must refuse. */

export type Parts = Record<string, string | Buffer>;

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

/** An inline-string cell, a number cell, and the raw XML of any other cell. */
export const str = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
export const num = (ref: string, value: number | string): string => `<c r="${ref}"><v>${value}</v></c>`;

export function sheetXml(rows: string[][], root = `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`, close = "</worksheet>"): string {
  const body = rows.map((cells, i) => `<row r="${i + 1}">${cells.join("")}</row>`).join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${root}<sheetData>${body}</sheetData>${close}`;
}

/** A counselling sheet: header and rows of [date serial, ID, status]. */
export function counsellingRows(rows: [number | string, string, string][]): string[][] {
  return [
    [str("A1", "Datum"), str("B1", "Klient-ID"), str("C1", "Aufenthaltsstatus")],
    ...rows.map(([date, id, status], i) => [typeof date === "number" ? num(`A${i + 2}`, date) : str(`A${i + 2}`, date), str(`B${i + 2}`, id), str(`C${i + 2}`, status)]),
  ];
}

/** The parts of a minimal workbook with the given sheets (name → sheet XML). */
export function workbookParts(sheets: Record<string, string>, extra: Parts = {}): Parts {
  const names = Object.keys(sheets);
  const parts: Parts = {
    "[Content_Types].xml":
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      `</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">` +
      names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
      `</Relationships>`,
  };
  names.forEach((n, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = sheets[n]));
  return { ...parts, ...extra };
}

/** Zips parts (in the given order, duplicates allowed through `entries`) into a file; returns its path. */
export async function zipToFile(parts: Parts | [string, string | Buffer][], options: { comment?: string; store?: boolean } = {}): Promise<string> {
  const zip = new yazl.ZipFile();
  const entries = Array.isArray(parts) ? parts : Object.entries(parts);
  for (const [name, content] of entries) zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8"), name, { compress: !options.store });
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    zip.outputStream.on("data", (c: Buffer) => chunks.push(c));
    zip.outputStream.on("end", () => resolve());
    zip.outputStream.on("error", reject);
  });
  zip.end(options.comment === undefined ? undefined : { comment: options.comment, forceZip64Format: false });
  await done;
  const path = join(tempDir(), "mappe.xlsx");
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

/** Offsets of each local file header ("PK\x03\x04") and central directory header ("PK\x01\x02") in a zip. */
export function headerOffsets(zip: Buffer): { local: number[]; central: number[] } {
  const local: number[] = [];
  const central: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b) {
      if (zip[i + 2] === 3 && zip[i + 3] === 4) local.push(i);
      if (zip[i + 2] === 1 && zip[i + 3] === 2) central.push(i);
    }
  }
  return { local, central };
}

/** Every cell of every sheet of a file, as the product's reader hands it over (sheet → row → cells). */
export async function cellsOf(path: string): Promise<Map<string, Map<number, readonly Cell[]>>> {
  const out = new Map<string, Map<number, readonly Cell[]>>();
  await new XlsxFileSource(path).forEachSheet((name) => {
    const rows = new Map<number, readonly Cell[]>();
    out.set(name, rows);
    return (row, cells) => void rows.set(row, [...cells]);
  });
  return out;
}
