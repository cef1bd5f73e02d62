import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { FallbilanzError } from "../../core/errors";

/* What can be wrong with the file given as a workbook, each with a German message that says what to do. */

/** Checks that a path names a readable .xlsx file before it is opened; German message otherwise. */
export function assertWorkbookFile(path: string): void {
  if (!existsSync(path)) throw new FallbilanzError("noWorkbook", `Die Datei „${path}“ gibt es nicht. Bitte den Pfad prüfen.`);
  if (!statSync(path).isFile()) throw new FallbilanzError("noWorkbook", `„${path}“ ist ein Ordner, keine Arbeitsmappe. Bitte eine .xlsx-Datei angeben.`);
}

/** The signature of an OLE compound file: an old .xls workbook, or an .xlsx encrypted with a password. */
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function startsWithCompoundFile(path: string): boolean {
  try {
    const head = Buffer.alloc(COMPOUND_FILE.length);
    const fd = openSync(path, "r");
    try {
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    return head.equals(COMPOUND_FILE);
  } catch {
    return false;
  }
}

export function notAWorkbook(path: string): FallbilanzError {
  if (startsWithCompoundFile(path)) {
    return new FallbilanzError(
      "noWorkbook",
      `„${path}“ ist mit einem Kennwort geschützt oder eine alte Excel-Datei (.xls). Bitte in Excel öffnen und ohne Kennwort als „Excel-Arbeitsmappe (*.xlsx)“ speichern.`,
    );
  }
  return new FallbilanzError(
    "noWorkbook",
    `„${path}“ ist keine lesbare Excel-Arbeitsmappe (.xlsx). Bitte die Datei in Excel öffnen und als „Excel-Arbeitsmappe (*.xlsx)“ speichern.`,
  );
}
