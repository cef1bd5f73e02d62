/*
 * Text as SpreadsheetML stores it in cells (ECMA-376 Part 1, 22.9.2.19 ST_Xstring): a character XML cannot hold
 * (a carriage return, a control character) is written `_xHHHH_`, its UTF-16 code in hex; `_x005F_` escapes an
 * underscore, so `_x005F_x000D_` is the literal text `_x000D_`. Excel writes a line break in a cell as
 * `_x000D_` followed by a line feed.
 */

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** A cell's text with its `_xHHHH_` escapes decoded, left to right (as Excel reads them). */
export function decodeCellText(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
