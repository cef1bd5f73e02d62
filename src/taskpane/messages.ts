import { isFallbilanzError } from "../core/errors";

/** A German message for anything that went wrong in Excel: never a stack trace. */
export function germanMessage(error: unknown): string {
  if (isFallbilanzError(error)) return error.message;
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return "Excel ist gerade im Bearbeitungsmodus. Bitte die Eingabe in der Zelle abschließen (Eingabetaste) und erneut versuchen.";
    case "AccessDenied":
    case "InsertDeleteConflict":
      return "Excel hat den Zugriff verweigert. Ist ein Blatt oder die Arbeitsmappe geschützt? Bitte den Schutz aufheben und erneut versuchen.";
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return "Die Arbeitsmappe ist für Excel im Web zu groß, um sie auf einmal zu lesen oder zu schreiben. Bitte in Excel auf dem Desktop öffnen.";
    default:
      return "Excel konnte den Schritt nicht ausführen; die Arbeitsmappe ist unverändert. Bitte erneut versuchen.";
  }
}

/**
 * What Excel said, for a user to pass on when reporting a problem: the
 * original message, its code and Excel's `debugInfo`. Never the cells' contents
 * (Excel's errors name locations and operations, not values).
 */
export function errorDetails(error: unknown): string | undefined {
  if (isFallbilanzError(error)) return undefined;
  const e = error as { message?: unknown; code?: unknown; debugInfo?: unknown; name?: unknown } | null;
  if (!e || typeof e !== "object") return String(error);
  const lines = [`${typeof e.name === "string" ? e.name : "Fehler"}: ${typeof e.message === "string" ? e.message : ""}`];
  if (typeof e.code === "string") lines.push(`Code: ${e.code}`);
  if (e.debugInfo !== undefined) lines.push(`debugInfo: ${JSON.stringify(e.debugInfo, null, 2)}`);
  return lines.join("\n");
}
