import type { CellValue } from "exceljs";
import { Cell } from "../../core/cells";
import { EXCEL_EPOCH_OFFSET } from "../../core/dates/calendarDay";

/**
 * ExcelJS value → core cell. Date cells become Excel serial numbers in UTC
 * arithmetic (ExcelJS builds its Dates in UTC), formulas their result,
 * rich text and hyperlinks their text.
 */
export function fromExcelJs(value: CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.getTime() / 86_400_000 + EXCEL_EPOCH_OFFSET;
  if (typeof value === "object") {
    if ("error" in value && typeof value.error === "string") return { error: value.error };
    if ("result" in value) return fromExcelJs(value.result);
    if ("formula" in value || "sharedFormula" in value) return null;
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return fromExcelJs(value.text);
  }
  return null;
}
