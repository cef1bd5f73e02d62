import { FallbilanzError } from "../../core/errors";

/* What can be wrong with the file given as a workbook, each with a German message that says what to do. */

/** The signature of an OLE compound file: an old .xls workbook, or an .xlsx encrypted with a password. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The bytes a file must start with for `notAWorkbook` to tell an .xls or encrypted file. */
export const SIGNATURE_LENGTH = COMPOUND_FILE.length;

function isCompoundFile(head: Uint8Array): boolean {
  return head.length >= COMPOUND_FILE.length && COMPOUND_FILE.every((b, i) => head[i] === b);
}

/** Why a file that is no zip is no workbook: a password or an .xls (by its first bytes), or something else. */
export function notAWorkbook(name: string, head: Uint8Array): FallbilanzError {
  if (isCompoundFile(head)) {
    return new FallbilanzError(
      "noWorkbook",
      `„${name}“ ist mit einem Kennwort geschützt oder eine alte Excel-Datei (.xls). Bitte in Excel öffnen und ohne Kennwort als „Excel-Arbeitsmappe (*.xlsx)“ speichern.`,
    );
  }
  return new FallbilanzError(
    "noWorkbook",
    `„${name}“ ist keine lesbare Excel-Arbeitsmappe (.xlsx). Bitte die Datei in Excel öffnen und als „Excel-Arbeitsmappe (*.xlsx)“ speichern.`,
  );
}
