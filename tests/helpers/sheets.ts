import { Cell } from "../../src/core/cells";
import { Analysis } from "../../src/core/analysis";
import { Day } from "../../src/core/dates/calendarDay";
import { IngestedSheet, SheetIngest } from "../../src/core/recognize/sheetIngest";
import { analyse } from "../../src/core/validate/analyse";
import { CellInput, SheetRows, TODAY, excelSerial } from "./xlsx";

/*
 * The domain rules tested as what they are, pure functions of cells: sheets given as rows of cells go straight
 * into recognition and validation, as a workbook adapter hands them over (a date as its Excel serial number, a
 * formula as its cached value, blank rows skipped). The file adapters have tests of their own (tests/adapters).
 */

/** A cell as the adapters hand it to the core. */
export function cellOf(input: CellInput): Cell {
  if (input === null) return null;
  if (input instanceof Date) return excelSerial(input);
  if (typeof input === "object") return "error" in input ? { error: input.error } : ((input.result ?? null) as Cell);
  return input;
}

/** The sheets, in order, through the core's recognition. */
export function ingestSheets(sheets: Record<string, SheetRows>): IngestedSheet[] {
  return Object.entries(sheets).map(([name, rows]) => {
    const ingest = new SheetIngest(name);
    rows.forEach((row, i) => {
      const cells = row.map(cellOf);
      if (cells.some((c) => c !== null) && ingest.wantsRows) ingest.push(i + 1, cells);
    });
    return ingest.finish();
  });
}

/** The sheets recognised and validated, without any file in between (a promise, like the adapters' reading). */
export function analyseSheets(sheets: Record<string, SheetRows>, today: Day = TODAY): Promise<Analysis> {
  return new Promise((resolve) => resolve(analyse(ingestSheets(sheets), today)));
}
