/**
 * The office.js stand-in served to the built task pane in the browser test:
 * installs the in-memory Excel host, loaded with the workbook the test put
 * in `window.__WORKBOOK__`, and exposes it for reading back.
 */
import { HostOptions, createOfficeApi, createWorkbook, sheetValues } from "./memoryExcel";

declare global {
  interface Window {
    __WORKBOOK__: Record<string, unknown[][]>;
    __HOST__?: HostOptions;
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
const api = createOfficeApi(wb, window.__HOST__);
Object.assign(window, { Excel: api.Excel, Office: api.Office });
window.__readBack = () => ({
  names: wb.sheets.map((s) => s.name),
  sheets: Object.fromEntries(wb.sheets.map((s) => [s.name, sheetValues(s)])),
  writes: wb.writes,
  charts: wb.sheets.reduce((n, s) => n + s.charts.length, 0),
  tables: wb.sheets.flatMap((s) => s.tables.map((t) => ({ sheet: s.name, name: t.name, address: t.address }))),
});
