import { CELL_LOOKS, CellLook, LINK_LOOK } from "../../../core/report/cellLooks";
import { CellStyle } from "../../../core/report/sheetModel";

/* How each style of the sheet model looks in an .xlsx file, as the package's style table (xl/styles.xml). */

type Look = CellLook;

const LOOKS = CELL_LOOKS;
const LINK: Look = LINK_LOOK;

export const STYLE_NAMES = Object.keys(LOOKS) as CellStyle[];

/** The cell format index (`s` attribute) of a style; 0 is the default, links come last. */
export function styleIndex(style: CellStyle | undefined, link = false): number {
  if (link) return STYLE_NAMES.length + 1;
  return style === undefined ? 0 : (STYLE_INDEX.get(style) ?? 0);
}

/** Styles that look like the default (plain text) take format 0: their cells need no `s` attribute at all. */
const STYLE_INDEX = new Map(STYLE_NAMES.map((name, i) => [name, Object.keys(LOOKS[name]).length === 0 ? 0 : i + 1]));

function fontXml(font: Look): string {
  return (
    `<font>${font.bold ? "<b/>" : ""}${font.italic ? "<i/>" : ""}${font.underline ? "<u/>" : ""}` +
    `<sz val="${font.size ?? 11}"/>${font.color ? `<color rgb="FF${font.color}"/>` : '<color theme="1"/>'}<name val="Calibri"/><family val="2"/></font>`
  );
}

const hasFont = (l: Look): boolean => Boolean(l.bold || l.italic || l.underline || l.size || l.color);

/** The style table: one font, fill, border and cell format per style, in `styleIndex` order. */
export function stylesXml(): string {
  const looks: Look[] = [{}, ...STYLE_NAMES.map((name) => LOOKS[name]), LINK];
  const numFmts = [...new Set(looks.map((l) => l.numFmt).filter((f): f is string => f !== undefined))];
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  const borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  const xfs = looks.map((look, i) => {
    const numFmtId = look.numFmt ? 164 + numFmts.indexOf(look.numFmt) : 0;
    let fillId = 0;
    if (look.fill) {
      fills.push(`<fill><patternFill patternType="solid"><fgColor rgb="FF${look.fill}"/><bgColor indexed="64"/></patternFill></fill>`);
      fillId = fills.length - 1;
    }
    let borderId = 0;
    if (look.border) {
      const line = '<color auto="1"/>';
      borders.push(
        `<border><left/><right/>${look.border === "top" ? `<top style="thin">${line}</top>` : "<top/>"}` +
          `${look.border === "bottom" ? `<bottom style="thin">${line}</bottom>` : "<bottom/>"}<diagonal/></border>`,
      );
      borderId = borders.length - 1;
    }
    const applied = [
      numFmtId ? ' applyNumberFormat="1"' : "",
      hasFont(look) ? ' applyFont="1"' : "",
      fillId ? ' applyFill="1"' : "",
      borderId ? ' applyBorder="1"' : "",
      look.wrap || look.alignRight ? ' applyAlignment="1"' : "",
    ].join("");
    const alignment = look.wrap || look.alignRight ? `<alignment${look.alignRight ? ' horizontal="right"' : ""} vertical="top"${look.wrap ? ' wrapText="1"' : ""}/>` : "";
    return `<xf numFmtId="${numFmtId}" fontId="${i}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}>${alignment}</xf>`;
  });
  const escape = (s: string): string => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<numFmts count="${numFmts.length}">${numFmts.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escape(f)}"/>`).join("")}</numFmts>` +
    `<fonts count="${looks.length}">${looks.map((l) => fontXml(l)).join("")}</fonts>` +
    `<fills count="${fills.length}">${fills.join("")}</fills>` +
    `<borders count="${borders.length}">${borders.join("")}</borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Standard" xfId="0" builtinId="0"/></cellStyles>` +
    `</styleSheet>`
  );
}
