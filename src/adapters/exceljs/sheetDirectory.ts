import { promises as fs } from "node:fs";
import JSZip from "jszip";

/** A worksheet part of the package: its name and its position among the workbook's sheets. */
export interface SheetEntry {
  readonly name: string;
  readonly position: number;
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

/**
 * Reads `xl/workbook.xml` and its relationships to map each worksheet part
 * number (`sheet3.xml` → "3") to the sheet's name and position. ExcelJS's
 * streaming reader cannot name a worksheet that comes before `workbook.xml`
 * in the zip, so the adapter reads the directory first; only the central
 * directory and these two small parts are inflated.
 */
export async function readSheetDirectory(path: string): Promise<Map<string, SheetEntry>> {
  const zip = await JSZip.loadAsync(await fs.readFile(path));
  const workbook = await zip.file("xl/workbook.xml")?.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (workbook === undefined || rels === undefined) throw new Error("no workbook part");
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(tag, "Id");
    const target = attr(tag, "Target");
    if (id && target) targets.set(id, target);
  }
  const directory = new Map<string, SheetEntry>();
  [...workbook.matchAll(/<sheet\b[^>]*>/g)].forEach(([tag], position) => {
    const target = targets.get(attr(tag, "r:id") ?? "") ?? "";
    const partNumber = /sheet(\d+)\.xml$/.exec(target)?.[1];
    const name = attr(tag, "name");
    if (partNumber && name !== undefined) directory.set(partNumber, { name: unescapeXml(name), position });
  });
  return directory;
}
