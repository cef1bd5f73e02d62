import { SaxesParser } from "saxes";
import { EXCEL_MAX_CELL_TEXT } from "../../core/cells";
import { PART_LIMITS, ZipPackage } from "./zipPackage";
import { decodeCellText } from "./ooxmlText";
import { DepthGuard, feedXml, localName } from "./xmlStream";

/** A shared string too long for an Excel cell: the cells that use it are unreadable. */
export const TOO_LONG = Symbol("too long");

export type SharedString = string | typeof TOO_LONG;

/**
 * The shared strings of the package (`<si>`, plain or rich text; phonetic
 * runs `<rPh>` are reading aids, not text, and are left out), `_xHHHH_` escapes decoded.
 */
export async function readSharedStrings(pkg: ZipPackage, part: string | undefined): Promise<SharedString[]> {
  const strings: SharedString[] = [];
  if (part === undefined) return strings;
  const stream = await pkg.stream(part, PART_LIMITS.sharedStrings);
  if (!stream) return strings;
  const parser = new SaxesParser({ xmlns: false, position: false });
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let text = "";
  const depth = new DepthGuard();
  parser.on("opentag", (tag) => {
    depth.open(tag.isSelfClosing);
    const name = localName(tag.name);
    if (name === "si") {
      inItem = true;
      text = "";
    } else if (name === "rPh") phonetic++;
    else if (name === "t" && inItem && phonetic === 0 && !tag.isSelfClosing) inText = true;
  });
  parser.on("text", (t) => {
    if (inText) text += t;
  });
  parser.on("closetag", (tag) => {
    depth.close(tag.isSelfClosing);
    const name = localName(tag.name);
    if (name === "t") inText = false;
    else if (name === "rPh") phonetic--;
    else if (name === "si") {
      inItem = false;
      const decoded = decodeCellText(text);
      strings.push(decoded.length > EXCEL_MAX_CELL_TEXT ? TOO_LONG : decoded);
    }
  });
  await feedXml(stream, parser, part);
  return strings;
}
