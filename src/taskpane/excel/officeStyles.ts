import { CELL_LOOKS, CellLook } from "../../core/report/cellLooks";
import { CellStyle, OutCell } from "../../core/report/sheetModel";

/**
 * Number formats per style (the one table in src/core/report/cellLooks.ts); text is "@" so that text that looks
 * like a formula stays text. A link cell is not text: it gets the add-in's own HYPERLINK formula, which Excel
 * would keep as text in a "@" cell.
 */
export function numberFormatOf(c: OutCell | null | undefined): string {
  if (!c || c.value === null || c.link) return "General";
  if (typeof c.value === "string") return "@";
  return (c.style && CELL_LOOKS[c.style].numFmt) || "General";
}

type OfficeLook = CellLook & { readonly formatted: boolean };

/** Each style's look as Office.js sets it (colours with "#"), made once from the shared table; plain styles: none. */
const OFFICE_LOOKS: ReadonlyMap<CellStyle, OfficeLook> = new Map(
  (Object.entries(CELL_LOOKS) as [CellStyle, CellLook][]).flatMap(([style, look]) => {
    const formatted = Boolean(look.bold || look.italic || look.size || look.color || look.fill || look.wrap || look.alignRight || look.border);
    return formatted ? [[style, { ...look, color: look.color && `#${look.color}`, fill: look.fill && `#${look.fill}`, formatted }] as const] : [];
  }),
);

/** A style's look as Office.js sets it; undefined for styles that need no call at all. */
export function officeLookOf(style: CellStyle): OfficeLook | undefined {
  return OFFICE_LOOKS.get(style);
}
