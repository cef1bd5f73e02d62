import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import { XlsxFileSource } from "../../src/adapters/xlsx/fileSource";
import { readTrackingWorkbook } from "../../src/app/readTrackingWorkbook";
import { analyse } from "../../src/core/validate/analyse";
import { Day, dayFromParts } from "../../src/core/dates/calendarDay";
import { Analysis } from "../../src/core/analysis";

export type CellInput = string | number | boolean | Date | null | { formula: string; result?: unknown } | { error: string };
export type SheetRows = CellInput[][];

/** A fixed day of processing for tests: 25 Nov 2026. */
export const TODAY: Day = dayFromParts(2026, 11, 25);

/** A calendar day as a UTC Date, as ExcelJS writes date cells. */
export const d = (year: number, month: number, day: number): Date => new Date(Date.UTC(year, month - 1, day));

/** A Date as ExcelJS reads or writes it (UTC), as its Excel serial number (1900 system, time as the fraction). */
export const excelSerial = (date: Date): number => date.getTime() / 86_400_000 + 25_569;

export function tempDir(prefix = "fallbilanz-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a real .xlsx file with ExcelJS: one sheet per entry, rows from row 1. */
export async function writeXlsx(path: string, sheets: Record<string, SheetRows>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = value as ExcelJS.CellValue;
        if (value instanceof Date) cell.numFmt = "dd.mm.yyyy";
      }),
    );
  }
  await wb.xlsx.writeFile(path);
  return path;
}

/** Writes the sheets to a temporary .xlsx file and validates it through the product's file adapter. */
export async function analyseXlsx(sheets: Record<string, SheetRows>, today: Day = TODAY): Promise<Analysis> {
  const path = await writeXlsx(join(tempDir(), "mappe.xlsx"), sheets);
  return analyse(await readTrackingWorkbook(new XlsxFileSource(path)), today);
}

/** Every part of an .xlsx package as text. */
export async function packageParts(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await fs.readFile(path));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir) parts.set(name, await zip.files[name].async("string"));
  }
  return parts;
}

/** Reads a written workbook back with ExcelJS. */
export async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Codes of the findings of a sheet row. */
export function codesAt(analysis: Analysis, sheet: string, row: number): string[] {
  return analysis.findings.filter((f) => f.sheet === sheet && f.row === row).map((f) => f.code);
}
