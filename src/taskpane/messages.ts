import { isFallbilanzError } from "../core/errors";

/** A German message for anything that went wrong in Excel: never a stack trace. */
export function germanMessage(error: unknown): string {
  if (isFallbilanzError(error)) return error.message;
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return "Excel ist gerade im Bearbeitungsmodus. Bitte die Eingabe in der Zelle abschließen (Enter) und erneut versuchen.";
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
