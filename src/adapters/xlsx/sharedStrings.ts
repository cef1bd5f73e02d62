import { EXCEL_MAX_CELL_TEXT } from "../../core/cells";
import { PART_LIMITS, ZipPackage } from "./zipPackage";
import { decodeCellText } from "./ooxmlText";
import { ScanHandler, XmlScanner, decodeText } from "./xmlScanner";
import { feedXml, localName } from "./xmlStream";

/** A shared string too long for an Excel cell: the cells that use it are unreadable. */
export const TOO_LONG = Symbol("too long");

export type SharedString = string | typeof TOO_LONG;

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

/**
 * The shared strings of the package (`<si>`, plain or rich text; phonetic runs `<rPh>` are reading aids, not text,
 * and are left out), `_xHHHH_` escapes decoded. Read with the worksheet scanner (well-formedness checked, names by
 * their local name): four times faster than a general XML parser on a part of many distinct texts.
 */
export async function readSharedStrings(pkg: ZipPackage, part: string | undefined): Promise<SharedString[]> {
  if (part === undefined) return [];
  const stream = await pkg.stream(part, PART_LIMITS.sharedStrings);
  if (!stream) return [];
  const reader = new SharedStringReader();
  await feedXml(stream, new XmlScanner(reader), part);
  return reader.strings;
}
