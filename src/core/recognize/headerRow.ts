import { Cell, cellText } from "../cells";
import { Field, fieldBelongsTo, fieldOfHeader } from "../vocabulary/columns";
import { SheetKind } from "../vocabulary/sheetKinds";

/** The header row is searched among the first rows of a sheet (spec: 10). */
export const HEADER_SEARCH_ROWS = 10;

/** Which column (0-based) holds which field. */
export type ColumnMap = Partial<Record<Field, number>>;

/** A column override meaning "this field has no column in this sheet" (chosen by hand as "keine Spalte"). */
export const NO_COLUMN = -1;

/** The fields the cells of a row name, with their columns (the first of two columns naming one field wins). */
export function headerFields(cells: readonly Cell[]): Map<Field, number> {
  const found = new Map<Field, number>();
  cells.forEach((cell, column) => {
    if (typeof cell !== "string") return;
    const field = fieldOfHeader(cellText(cell));
    if (field !== undefined && !found.has(field)) found.set(field, column);
  });
  return found;
}

/** The column map a row gives for a sheet of `kind`: only that kind's fields. */
export function columnMapFor(kind: SheetKind, fields: Map<Field, number>): ColumnMap {
  const map: ColumnMap = {};
  for (const [field, column] of fields) if (fieldBelongsTo(field, kind)) map[field] = column;
  return map;
}

export function matchCount(map: ColumnMap): number {
  return Object.keys(map).length;
}

/**
 * The kind a sheet with an unknown name has, judged by its header cells:
 * an attendees column makes an events sheet, a category column a referrals
 * sheet, a date with a client ID a counselling sheet, a client ID without a
 * date a clients sheet.
 */
export function kindByHeaders(fields: Map<Field, number>): SheetKind | undefined {
  const candidates: SheetKind[] = [];
  if (fields.has("attendees")) candidates.push("events");
  if (fields.has("category")) candidates.push("referrals");
  if (fields.has("date") && fields.has("clientId")) candidates.push("counselling");
  if (!fields.has("date") && fields.has("clientId")) candidates.push("clients");
  return candidates.find((kind) => matchCount(columnMapFor(kind, fields)) >= 2);
}
