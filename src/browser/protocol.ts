import type { SheetTotals } from "../core/analysis";
import type { SheetInfo } from "../core/recognize/sheetIngest";
import type { Finding } from "../core/validate/findings";

/*
 * The messages between the browser page and its worker. The workbook's rows stay in the worker; the page gets what
 * it shows (sheets, totals, findings, years) and, on request, the review's bytes to offer for download.
 */

/** What the page shows of a checked workbook. */
export interface CheckView {
  readonly fileName: string;
  readonly sheets: readonly SheetInfo[];
  readonly totals: readonly SheetTotals[];
  readonly findings: readonly Finding[];
  readonly years: readonly number[];
  readonly defaultYear: number | undefined;
}

export type ToWorker =
  | { readonly type: "read"; readonly file: File }
  | { readonly type: "review"; readonly year: number; readonly suppressionThreshold: number };

export type FromWorker =
  | { readonly type: "progress"; readonly text: string }
  | { readonly type: "checked"; readonly view: CheckView }
  | { readonly type: "review"; readonly year: number; readonly workbook: ArrayBuffer; readonly summary: string; readonly paragraph: string }
  | { readonly type: "error"; readonly message: string };
