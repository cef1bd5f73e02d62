/**
 * The office.js stand-in served to the built task pane in the browser test:
 * installs the in-memory Excel host, loaded with the workbook the test put
 * in `window.__WORKBOOK__`, and exposes it for reading back.
 */
import { HostOptions, MemoryWorkbook, createOfficeApi, createWorkbook, sheetValues, userDeleteRows, userEdit, userInsertRows } from "./memoryExcel";

declare global {
  interface Window {
    __WORKBOOK__: Record<string, unknown[][]>;
    __HOST__?: HostOptions;
    /** What the workbook keeps besides its cells, from an earlier page (the pane opened again). */
    __KEPT__?: Pick<MemoryWorkbook, "settings" | "customXmlParts">;
    /** Staff at work: typing, pasting, inserting and deleting rows. */
    __staff: {
      edit(sheet: string, address: string, values: unknown[][]): void;
      insertRows(sheet: string, row: number, count: number): void;
      deleteRows(sheet: string, row: number, count: number): void;
    };
    /** The whole workbook as kept, to open it again in a new page. */
    __workbookState: () => { workbook: Record<string, unknown[][]>; kept: Pick<MemoryWorkbook, "settings" | "customXmlParts"> };
    __readBack: () => {
      names: string[];
      sheets: Record<string, unknown[][]>;
      writes: { sheet: string; op: string }[];
      charts: number;
      tables: { sheet: string; name: string; address: string }[];
    };
  }
}

const wb = createWorkbook(window.__WORKBOOK__);
if (window.__KEPT__) Object.assign(wb, JSON.parse(JSON.stringify(window.__KEPT__)));
const api = createOfficeApi(wb, window.__HOST__);
Object.assign(window, { Excel: api.Excel, Office: api.Office });
window.__readBack = () => ({
  names: wb.sheets.map((s) => s.name),
  sheets: Object.fromEntries(wb.sheets.map((s) => [s.name, sheetValues(s)])),
  writes: wb.writes,
  charts: wb.sheets.reduce((n, s) => n + s.charts.length, 0),
  tables: wb.sheets.flatMap((s) => s.tables.map((t) => ({ sheet: s.name, name: t.name, address: t.address }))),
});
window.__staff = {
  edit: (sheet, address, values) => userEdit(wb, sheet, address, values),
  insertRows: (sheet, row, count) => userInsertRows(wb, sheet, row, count),
  deleteRows: (sheet, row, count) => userDeleteRows(wb, sheet, row, count),
};
window.__workbookState = () => ({
  workbook: Object.fromEntries(wb.sheets.map((s) => [s.name, sheetValues(s)])),
  kept: { settings: wb.settings, customXmlParts: wb.customXmlParts },
});
