import { MemoryWorkbook, createOfficeApi } from "../host/memoryExcel";

/** Installs the in-memory host as the `Excel` and `Office` globals. */
export function installOffice(wb: MemoryWorkbook): void {
  const api = createOfficeApi(wb);
  Object.assign(globalThis, { Excel: api.Excel, Office: api.Office });
}
