import { SaxesParser, SaxesTagNS } from "saxes";
import { sheetKindByName } from "../../core/vocabulary/sheetKinds";
import { DamagedPackage, SheetEntryWithoutContent } from "./packageProblems";
import { PART_LIMITS, ZipPackage } from "./zipPackage";
import { DepthGuard, feedXml } from "./xmlStream";

/** A worksheet of the package: its name, its position among the workbook's sheets, and the part that holds it. */
export interface SheetEntry {
  readonly name: string;
  readonly position: number;
  /** The part's path inside the package, e.g. `xl/worksheets/sheet1.xml`. */
  readonly part: string;
}

/**
 * A sheet entry of the workbook that names no part (`r:id=""`, as some tools write for a removed sheet) and that
 * nothing in the package can be the content of.
 */
export interface PlaceholderEntry {
  readonly name: string;
  readonly position: number;
}

export interface PackageDirectory {
  readonly sheets: readonly SheetEntry[];
  /** Sheet entries without content: named in the validation report, never silently dropped. */
  readonly placeholders: readonly PlaceholderEntry[];
  readonly sharedStringsPart: string | undefined;
  /** Whether the workbook keeps dates in the 1904 date system (old Mac workbooks). */
  readonly date1904: boolean;
}

/** Relationship types end the same way in transitional and Strict OOXML. */
const TYPE = { officeDocument: "/officeDocument", worksheet: "/worksheet", sharedStrings: "/sharedStrings" };
/** Excel 4.0 macro sheets hold cells in the worksheet's own schema (`sheetData`): read like worksheets. */
const CELL_SHEET_TYPES = ["/worksheet", "/xlMacrosheet", "/xlIntlMacrosheet"];

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** Parses a small part with namespaces; each element goes to `visit` (local name, attributes by local name and URI). */
async function parseSmall(pkg: ZipPackage, part: string, visit: (tag: SaxesTagNS) => void): Promise<boolean> {
  const bytes = await pkg.bytes(part, PART_LIMITS.small);
  if (bytes === undefined) return false;
  const parser = new SaxesParser({ xmlns: true, position: false });
  const depth = new DepthGuard();
  parser.on("opentagstart", () => depth.open(false));
  parser.on("opentag", (tag) => {
    if (tag.isSelfClosing) depth.close(false);
    visit(tag);
  });
  parser.on("closetag", (tag) => depth.close(tag.isSelfClosing));
  await feedXml([bytes], parser, part);
  return true;
}

/** `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`. */
function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * The part a relationship target names, resolved as a URI reference against
 * the source part (RFC 3986): relative or absolute, `./` and `../` segments,
 * percent-encoding decoded.
 */
export function resolveTarget(sourcePart: string, target: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(target.replace(/\\/g, "/").split(/[?#]/)[0]);
  } catch {
    throw new DamagedPackage(`relationship target is not a URI: ${target.slice(0, 80)}`);
  }
  const base = decoded.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  const segments = [...base];
  for (const segment of decoded.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

async function relationships(pkg: ZipPackage, sourcePart: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  await parseSmall(pkg, relsPartOf(sourcePart), (tag) => {
    if (tag.local !== "Relationship") return;
    const id = tag.attributes.Id?.value;
    const target = tag.attributes.Target?.value;
    if (id === undefined || target === undefined || tag.attributes.TargetMode?.value === "External") return;
    rels.set(id, { type: tag.attributes.Type?.value ?? "", target: resolveTarget(sourcePart, target) });
  });
  return rels;
}

/** The relationship id of a `<sheet>`: the attribute `id` in a namespace (`r:id`, whatever the prefix). */
function relationshipIdOf(tag: SaxesTagNS): string | undefined {
  for (const attribute of Object.values(tag.attributes)) {
    if (attribute.local === "id" && attribute.uri !== "") return attribute.value;
  }
  return undefined;
}

/** Worksheet parts in the package: by the zip's names (`xl/worksheets/sheet3.xml`), whatever the relationships say. */
const WORKSHEET_PART = /(^|\/)(worksheets|macrosheets)\/[^/]+\.xml$/i;

/**
 * Which sheet entries without a relationship id are placeholders. An entry is one only when nothing in the package
 * can be its content: no worksheet part is left that no sheet entry references (by a relationship of the workbook
 * or by its name in the zip), and its name is not that of a tracking sheet (counselling, referrals, events,
 * clients), whose rows the figures need. Otherwise the entry lost its relationship and the file is damaged: refused,
 * naming the sheet, never read as if the sheet were empty.
 */
function checkPlaceholders(pkg: ZipPackage, placeholders: readonly PlaceholderEntry[], rels: ReadonlyMap<string, Relationship>, usedParts: ReadonlySet<string>): void {
  if (placeholders.length === 0) return;
  const used = new Set([...usedParts].map((p) => p.toLowerCase()));
  const orphans = new Set<string>();
  for (const rel of rels.values()) {
    if (CELL_SHEET_TYPES.some((type) => rel.type.endsWith(type)) && !used.has(rel.target.toLowerCase()) && pkg.has(rel.target)) orphans.add(rel.target.toLowerCase());
  }
  for (const name of pkg.names()) if (WORKSHEET_PART.test(name) && !used.has(name.toLowerCase())) orphans.add(name.toLowerCase());
  for (const entry of placeholders) {
    const kind = sheetKindByName(entry.name);
    if (kind !== undefined || orphans.size > 0) {
      throw new SheetEntryWithoutContent(entry.name, kind !== undefined ? `tracking sheet ${kind} without relationship` : `orphan worksheet parts: ${[...orphans].join(", ")}`);
    }
  }
}

/**
 * The workbook's sheets in their order, read as XML with namespaces from the
 * package's relationships, the workbook part and its relationships. A package
 * without content types or workbook, a sheet whose relationship or part is
 * missing, or two sheets of one name (Excel forbids that) is damaged: nothing may
 * silently go missing. A sheet entry with no relationship id at all is a
 * placeholder some tools write (listed, so that the report can name it) when
 * nothing in the package can be its content (`checkPlaceholders`).
 */
export async function packageDirectory(pkg: ZipPackage): Promise<PackageDirectory> {
  if (!(await parseSmall(pkg, "[Content_Types].xml", () => undefined))) throw new DamagedPackage("no [Content_Types].xml");
  const rootRels = pkg.has("_rels/.rels") ? await relationships(pkg, "") : new Map<string, Relationship>();
  const workbookPart = [...rootRels.values()].find((r) => r.type.endsWith(TYPE.officeDocument))?.target ?? "xl/workbook.xml";
  const rels = await relationships(pkg, workbookPart);
  const sheets: SheetEntry[] = [];
  const placeholders: PlaceholderEntry[] = [];
  const names = new Set<string>();
  /** Every part a sheet entry references, chart and dialog sheets included. */
  const usedParts = new Set<string>();
  let position = 0;
  let date1904 = false;
  const found = await parseSmall(pkg, workbookPart, (tag) => {
    if (tag.local === "workbookPr") {
      const value = tag.attributes.date1904?.value;
      date1904 = value === "1" || value === "true";
    }
    if (tag.local !== "sheet") return;
    const name = tag.attributes.name?.value;
    const id = relationshipIdOf(tag);
    if (name === undefined) throw new DamagedPackage("a sheet without a name");
    const key = name.toLowerCase();
    if (names.has(key)) throw new DamagedPackage("two sheets of one name");
    names.add(key);
    const at = position++;
    if (id === undefined || id.trim() === "") {
      placeholders.push({ name, position: at });
      return;
    }
    const rel = rels.get(id);
    if (rel === undefined) throw new DamagedPackage("a sheet without its relationship");
    usedParts.add(rel.target);
    if (!CELL_SHEET_TYPES.some((type) => rel.type.endsWith(type))) return; // chart and dialog sheets hold no rows
    if (!pkg.has(rel.target)) throw new DamagedPackage("a sheet's part is missing");
    sheets.push({ name, position: at, part: rel.target });
  });
  if (!found) throw new DamagedPackage("no workbook part");
  checkPlaceholders(pkg, placeholders, rels, usedParts);
  const sharedStringsPart = [...rels.values()].find((r) => r.type.endsWith(TYPE.sharedStrings))?.target;
  if (sharedStringsPart !== undefined && !pkg.has(sharedStringsPart)) throw new DamagedPackage("the shared strings part is missing");
  return { sheets, placeholders, sharedStringsPart, date1904 };
}
