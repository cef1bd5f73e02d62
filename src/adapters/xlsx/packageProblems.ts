import { FallbilanzError } from "../../core/errors";

/* The German messages for a package that cannot be read; each says what to do. */

/** Why a package is refused; the detail stays out of the message and serves tests and debugging. */
export class DamagedPackage extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = "DamagedPackage";
  }
}

/** A sheet entry without a relationship whose content may well be in the package: the file is refused, naming the sheet. */
export class SheetEntryWithoutContent extends DamagedPackage {
  constructor(
    readonly sheetName: string,
    detail: string,
  ) {
    super(detail);
    this.name = "SheetEntryWithoutContent";
  }
}

/** A part or a cell beyond what an Excel workbook can hold. */
export class PackageTooLarge extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = "PackageTooLarge";
  }
}

export function damagedWorkbook(path: string): FallbilanzError {
  return new FallbilanzError(
    "noWorkbook",
    `„${path}“ ist beschädigt und lässt sich nicht vollständig lesen; es wurde nichts ausgewertet. ` +
      "Bitte die Datei in Excel öffnen (Excel bietet dann die Reparatur an) und als „Excel-Arbeitsmappe (*.xlsx)“ neu speichern.",
  );
}

export function sheetEntryDamaged(path: string, sheetName: string): FallbilanzError {
  return new FallbilanzError(
    "noWorkbook",
    `„${path}“ sieht beschädigt aus: Das Tabellenblatt „${sheetName}“ ist in der Mappe eingetragen, aber ohne Verweis auf seinen Inhalt; es wurde nichts ausgewertet. ` +
      "Bitte die Datei in Excel öffnen (Excel bietet dann die Reparatur an) und als „Excel-Arbeitsmappe (*.xlsx)“ neu speichern.",
  );
}

export function workbookTooLarge(path: string): FallbilanzError {
  return new FallbilanzError(
    "noWorkbook",
    `„${path}“ enthält einen Teil oder eine Zelle, die größer ist, als eine Excel-Arbeitsmappe sein kann; es wurde nichts ausgewertet. ` +
      "Bitte die Datei in Excel öffnen, sehr lange Zellinhalte kürzen und als „Excel-Arbeitsmappe (*.xlsx)“ neu speichern.",
  );
}
