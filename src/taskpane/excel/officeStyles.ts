import { CellStyle, OutCell } from "../../core/report/sheetModel";

/**
 * Number formats per style; text is "@" so that text that looks like a formula
 * stays text. A link cell is not text: it gets the add-in's own HYPERLINK
 * formula, which Excel would keep as text in a "@" cell.
 */
export function numberFormatOf(c: OutCell | null | undefined): string {
  if (!c || c.value === null || c.link) return "General";
  if (typeof c.value === "string") return "@";
  switch (c.style) {
    case "integer":
    case "total":
      return "#,##0";
    case "decimal":
      return "#,##0.0";
    case "date":
      return "dd.mm.yyyy";
    default:
      return "General";
  }
}

interface Look {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
}

/** How the styles look in Excel; plain styles need no call at all. */
export const OFFICE_LOOKS: Readonly<Partial<Record<CellStyle, Look>>> = {
  title: { bold: true, size: 14, color: "#1F3864" },
  heading: { bold: true, size: 12, color: "#1F3864" },
  header: { bold: true, fill: "#DCE6F1", wrap: true },
  note: { italic: true, color: "#595959" },
  total: { bold: true },
  wrap: { wrap: true },
};
