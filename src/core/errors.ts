/** What went wrong, for callers that map errors (exit codes, #VALUE!/#NUM!, task pane messages). */
export type ProblemKind =
  | "noWorkbook" | "noTrackingSheet" | "badYear" | "futureYear" | "noDataForYear" | "badArgument" | "rangeMismatch" | "notFound" | "cannotWrite"
  | "workbookChanged";

/**
 * An error the user can fix, with a German message that says how. The core
 * throws only these for bad input; anything else is a bug.
 */
export class FallbilanzError extends Error {
  constructor(
    readonly kind: ProblemKind,
    message: string,
  ) {
    super(message);
    this.name = "FallbilanzError";
  }
}

export function isFallbilanzError(error: unknown): error is FallbilanzError {
  return error instanceof FallbilanzError;
}
