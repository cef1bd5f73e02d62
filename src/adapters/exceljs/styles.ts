import type { Alignment, Border, Fill, Font } from "exceljs";
import { CellStyle } from "../../core/report/sheetModel";

interface Look {
  font?: Partial<Font>;
  numFmt?: string;
  alignment?: Partial<Alignment>;
  fill?: Fill;
  border?: Partial<Record<"top" | "bottom", Partial<Border>>>;
}

const HEADER_FILL: Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F1" } };

/** How each style of the sheet model looks in an .xlsx file. */
export const LOOKS: Readonly<Record<CellStyle, Look>> = {
  title: { font: { bold: true, size: 14, color: { argb: "FF1F3864" } } },
  subtitle: { font: { size: 11, color: { argb: "FF404040" } } },
  heading: { font: { bold: true, size: 12, color: { argb: "FF1F3864" } } },
  header: { font: { bold: true }, fill: HEADER_FILL, alignment: { wrapText: true, vertical: "top" }, border: { bottom: { style: "thin" } } },
  label: {},
  text: {},
  wrap: { alignment: { wrapText: true, vertical: "top" } },
  note: { font: { italic: true, color: { argb: "FF595959" } } },
  integer: { numFmt: "#,##0" },
  decimal: { numFmt: "#,##0.0" },
  date: { numFmt: "dd.mm.yyyy" },
  total: { font: { bold: true }, numFmt: "#,##0", border: { top: { style: "thin" } } },
};
