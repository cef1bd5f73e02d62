import { EXCEL_MAX_CELL_TEXT, isBlank } from "../../core/cells";
import { PART_LIMITS, ZipPackage } from "./zipPackage";
import { DamagedPackage } from "./packageProblems";
import { decodeCellText } from "./ooxmlText";
import { ScanHandler, XmlScanner, decodeText } from "./xmlScanner";
import { feedXml, localName } from "./xmlStream";
import { IndexedSharedStrings, SharedString, SharedStrings, TOO_LONG, indexSharedStrings } from "./sharedStringIndex";

export { TOO_LONG };
export type { SharedString, SharedStrings };

/** The state of the shared-strings part while it is scanned: the item being read and whether its text counts. */
class SharedStringReader implements ScanHandler {
  readonly strings: SharedString[] = [];
  private inItem = false;
  private inText = false;
  private phonetic = 0;
  private value = "";

  open(name: string, _s: string, _from: number, _to: number, selfClosing: boolean): void {
    const local = localName(name);
    if (local === "si") {
      this.inItem = true;
      this.value = "";
      if (selfClosing) this.push();
    } else if (local === "rPh") {
      if (!selfClosing) this.phonetic++;
    } else if (local === "t" && this.inItem && this.phonetic === 0 && !selfClosing) this.inText = true;
  }

  close(name: string): void {
    const local = localName(name);
    if (local === "t") this.inText = false;
    else if (local === "rPh") this.phonetic = Math.max(0, this.phonetic - 1);
    else if (local === "si" && this.inItem) this.push();
  }

  text(s: string, from: number, to: number, cdata: boolean): void {
    if (!this.inText) return;
    const raw = s.slice(from, to);
    this.value += cdata ? raw : decodeText(raw);
  }

  wantsText(): boolean {
    return this.inText;
  }

  private push(): void {
    this.inItem = false;
    const decoded = decodeCellText(this.value);
    this.strings.push(decoded.length > EXCEL_MAX_CELL_TEXT ? TOO_LONG : decoded);
  }
}

/** Shared strings read as a whole: every item's text made at once. */
export class ReadSharedStrings implements SharedStrings {
  constructor(private readonly items: readonly SharedString[]) {}

  get length(): number {
    return this.items.length;
  }

  at(i: number): SharedString | undefined {
    return i >= 0 && i < this.items.length ? this.items[i] : undefined;
  }

  isBlank(i: number): boolean {
    const text = this.at(i);
    return typeof text === "string" && isBlank(text);
  }
}

/** Reads a whole part with the worksheet scanner. */
async function readWhole(bytes: Iterable<Uint8Array>, part: string): Promise<SharedString[]> {
  const reader = new SharedStringReader();
  await feedXml(bytes, new XmlScanner(reader), part);
  return reader.strings;
}

/** One item's XML (`<si>…</si>`), read as the whole part is, at once (the scanner is fed one string). */
function readItem(xml: string, part: string): SharedString {
  const reader = new SharedStringReader();
  const scanner = new XmlScanner(reader);
  try {
    scanner.write(xml);
    scanner.close();
  } catch (error) {
    if (error instanceof DamagedPackage) throw error;
    throw new DamagedPackage(`${part}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return reader.strings[0] ?? "";
}

/**
 * The shared strings of the package (`<si>`, plain or rich text; phonetic runs `<rPh>` are reading aids, not text,
 * and are left out), `_xHHHH_` escapes decoded. A part in the usual form is indexed in its bytes and each item
 * decoded when a cell first asks for its text (`sharedStringIndex.ts`): the items only a names or notes column uses
 * never become strings. Any other part is read whole with the worksheet scanner (well-formedness checked, names by
 * their local name): four times faster than a general XML parser on a part of many distinct texts.
 */
export async function readSharedStrings(pkg: ZipPackage, part: string | undefined): Promise<SharedStrings> {
  if (part === undefined) return new ReadSharedStrings([]);
  const bytes = await pkg.bytes(part, PART_LIMITS.sharedStrings);
  if (!bytes) return new ReadSharedStrings([]);
  const index = indexSharedStrings(bytes);
  if (!index) return new ReadSharedStrings(await readWhole([bytes], part));
  return new IndexedSharedStrings(bytes, index, part, (xml) => readItem(xml, part));
}
