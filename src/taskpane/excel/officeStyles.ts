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

/** A style's look as Office.js sets it: colours with "#"; plain styles need no call at all. */
export function officeLookOf(style: CellStyle): (CellLook & { readonly formatted: boolean }) | undefined {
  const look = CELL_LOOKS[style];
  const formatted = Boolean(look.bold || look.italic || look.size || look.color || look.fill || look.wrap || look.alignRight || look.border);
  if (!formatted) return undefined;
  return { ...look, color: look.color && `#${look.color}`, fill: look.fill && `#${look.fill}`, formatted };
}
