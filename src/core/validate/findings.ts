/** Every code the validation can report (spec section 2, plus the two sheet-level codes of docs/decisions.md). */
export type FindingCode =
  | "E_DATE_MISSING" | "E_DATE_INVALID" | "E_DATE_IMPLAUSIBLE"
  | "E_ID_MISSING" | "W_ID_LOOKS_LIKE_NAME"
  | "E_STATUS_MISSING" | "E_STATUS_UNKNOWN"
  | "E_CATEGORY_MISSING" | "E_CATEGORY_UNKNOWN"
  | "E_TOPIC_MISSING" | "E_ATTENDEES_INVALID"
  | "W_DUPLICATE" | "W_PERSONAL_DATA_COLUMN"
  | "W_GENDER_UNKNOWN" | "W_BIRTH_YEAR_INVALID"
  | "E_HEADER_MISSING" | "E_COLUMN_MISSING";

export type Severity = "error" | "warning";

export interface Finding {
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** Column letter; empty for a finding about a column that is missing. */
  readonly column: string;
  readonly code: FindingCode;
  readonly severity: Severity;
  /** German, says what to fix; never quotes a cell's contents. */
  readonly message: string;
}

export function severityOf(code: FindingCode): Severity {
  return code.startsWith("W_") ? "warning" : "error";
}

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: "Fehler", warning: "Warnung" };
