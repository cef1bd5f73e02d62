import { ProblemKind, isFallbilanzError } from "../core/errors";

/** Which Excel error each kind of problem shows as: wrong input #VALUE!, impossible number #NUM!, unknown text #N/A. */
const ERROR_CODES: Readonly<Partial<Record<ProblemKind, CustomFunctions.ErrorCode>>> = {
  futureYear: CustomFunctions.ErrorCode.invalidNumber,
  notFound: CustomFunctions.ErrorCode.notAvailable,
};

/**
 * Runs a function body and turns the core's German errors into Excel errors
 * with that message (shown when staff click the cell). Anything unexpected
 * becomes #VALUE! with a neutral message: never a stack trace in a cell.
 */
export function asExcelResult<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    // The custom functions runtime shows a thrown CustomFunctions.Error as that Excel error with its message.
    if (isFallbilanzError(error)) {
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw new CustomFunctions.Error(ERROR_CODES[error.kind] ?? CustomFunctions.ErrorCode.invalidValue, error.message);
    }
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "Interner Fehler bei der Berechnung. Bitte melden.");
  }
}
