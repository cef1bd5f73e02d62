/** A worksheet part of the package: its name and its position among the workbook's sheets. */
export interface SheetEntry {
  readonly name: string;
  readonly position: number;
  /** The part's path inside the package, e.g. `xl/worksheets/sheet1.xml`. */
  readonly part: string;
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");
}

/** The part a relationship target names, relative to `xl/` (or absolute from the package root). */
function partPath(target: string): string {
  return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
}

/**
 * The workbook's sheets in their order, from `xl/workbook.xml` and its
 * relationships: each sheet's name and the part that holds it.
 */
export function sheetDirectory(workbookXml: string, relsXml: string): SheetEntry[] {
  const targets = new Map<string, string>();
  for (const [tag] of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(tag, "Id");
    const target = attr(tag, "Target");
    if (id && target) targets.set(id, target);
  }
  const sheets: SheetEntry[] = [];
  for (const [tag] of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const target = targets.get(attr(tag, "r:id") ?? "");
    const name = attr(tag, "name");
    if (target && name !== undefined) sheets.push({ name: unescapeXml(name), position: sheets.length, part: partPath(target) });
  }
  return sheets;
}

/** Whether `xl/workbook.xml` sets the 1904 date system (`<workbookPr date1904="1"/>`). */
export function uses1904DateSystem(workbookXml: string): boolean {
  const tag = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbookXml)?.[0];
  const value = tag ? attr(tag, "date1904") : undefined;
  return value === "1" || value === "true";
}
