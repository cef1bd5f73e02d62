import { FORMULA_COLUMN } from "../../src/core/report/annualReview";
import ExcelJS from "exceljs";
import { TableColumns } from "./formulaText";
import { excelSerial } from "./xlsx";

/** A cell as Excel hands it to a custom function: a date as its serial number, a blank as "". */
function excelValue(value: ExcelJS.CellValue): unknown {
  if (value instanceof Date) return excelSerial(value);
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "text" in value) return value.text;
  return value;
}

/** Every Excel table of a written workbook, read back from its cells by the table's header row and size. */
export function tablesOf(wb: ExcelJS.Workbook): Map<string, TableColumns> {
  const tables = new Map<string, TableColumns>();
  for (const ws of wb.worksheets) {
    for (const table of Object.values((ws as unknown as { tables: Record<string, { table: { name: string; tableRef: string } }> }).tables ?? {})) {
      const [from, to] = table.table.tableRef.split(":");
      const first = ws.getCell(from);
      const last = ws.getCell(to);
      const columns = new Map<string, unknown[]>();
      for (let c = Number(first.col); c <= Number(last.col); c++) {
        const header = ws.getCell(Number(first.row), c).text;
        const cells: unknown[] = [];
        for (let r = Number(first.row) + 1; r <= Number(last.row); r++) cells.push(excelValue(ws.getCell(r, c).value));
        columns.set(header, cells);
      }
      tables.set(table.table.name, columns);
    }
  }
  return tables;
}

/** The review's headline rows that carry a formula: label, the figure beside it (unrounded) and the formula text. */
export function headlineFormulas(ws: ExcelJS.Worksheet): { label: string; figure: number; formula: string }[] {
  const found: { label: string; figure: number; formula: string }[] = [];
  ws.eachRow((row) => {
    const formula = row.getCell(FORMULA_COLUMN + 1).value;
    if (typeof formula === "string" && formula.startsWith("=IK.")) {
      found.push({ label: row.getCell(1).text, figure: row.getCell(2).value as number, formula });
    }
  });
  return found;
}
