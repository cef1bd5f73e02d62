import { CellStyle } from "./sheetModel";

/*
 * How each cell style of the sheet model looks, once for both writers (the .xlsx file's style table and the
 * Office.js formats in the pane). Colours are RGB hex without "#".
 */

export interface CellLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly alignRight?: boolean;
  readonly border?: "top" | "bottom";
  /** Excel number format of a number in this style (text is always written with "@"). */
  readonly numFmt?: string;
}

export const CELL_LOOKS: Readonly<Record<CellStyle, CellLook>> = {
  title: { bold: true, size: 14, color: "1F3864" },
  subtitle: { color: "404040" },
  heading: { bold: true, size: 12, color: "1F3864" },
  header: { bold: true, fill: "DCE6F1", wrap: true, border: "bottom" },
  /** A header over a column of numbers: right-aligned like them. */
  headerNumber: { bold: true, fill: "DCE6F1", wrap: true, border: "bottom", alignRight: true },
  label: { wrap: true },
  text: {},
  wrap: { wrap: true },
  note: { italic: true, color: "595959" },
  integer: { numFmt: "#,##0" },
  decimal: { numFmt: "#,##0.0" },
  /** A monthly average shown as whole persons, as the paragraph states it; the cell keeps the exact value. */
  average: { numFmt: "#,##0" },
  date: { numFmt: "dd.mm.yyyy" },
  total: { bold: true, numFmt: "#,##0", border: "top" },
};

/** A link to a cell: the usual blue, underlined. */
export const LINK_LOOK: CellLook = { underline: true, color: "0563C1" };

/** A column's width in characters for a wrapped header: at least `minimum`, and its longest word whole (bold). */
export function columnWidthFor(label: string, minimum: number): number {
  return Math.max(minimum, ...label.split(" ").map((word) => word.length + 2));
}

/** Points per line of text at the default font size. */
const LINE_HEIGHT = 15;

/**
 * The height a row needs for `text` wrapped in a column `width` characters wide (words kept whole), in points;
 * undefined when it fits on one line. Excel and LibreOffice do not grow a row for wrapped text written by a file,
 * so a wrapped label or header needs its height set, or its second line covers the next row when printed.
 */
export function wrappedRowHeight(text: string, width: number): number | undefined {
  let lines = 1;
  let used = 0;
  for (const word of text.split(" ")) {
    if (used > 0 && used + 1 + word.length > width) {
      lines++;
      used = word.length;
    } else used += (used > 0 ? 1 : 0) + word.length;
  }
  return lines > 1 ? lines * LINE_HEIGHT : undefined;
}
