/*
 * Where the add-in runs, said once: the pane checks it on start, the manifest declares it (the manifest test
 * compares), the IT guide (docs/it-betrieb.md) repeats it for people.
 */

/** The Excel JavaScript API version the pane needs (the manifest's `ExcelApi` MinVersion). */
export const REQUIRED_EXCEL_API = "1.9";
/** The custom functions' runtime version (the manifest's `CustomFunctionsRuntime` MinVersion). */
export const REQUIRED_FUNCTIONS_RUNTIME = "1.2";

/** The Excel versions that work, as staff and IT name them. */
export const SUPPORTED_EXCEL = "Microsoft 365 (Windows und Mac), Excel im Web, Excel 2021 und Excel 2024";

export type StartupProblem = "officeMissing" | "notExcel" | "excelTooOld";

/** What the pane says instead of itself when it cannot work here: what is wrong, and whom to ask. */
export const STARTUP_MESSAGES: Readonly<Record<StartupProblem, { title: string; text: string }>> = {
  officeMissing: {
    title: "Office konnte nicht geladen werden",
    text:
      "Fallbilanz braucht die Office-Bibliothek von Microsoft (https://appsforoffice.microsoft.com), und sie ließ sich nicht laden. " +
      "Vermutlich sperrt ein Proxy oder eine Firewall diese Adresse, oder die Seite wurde außerhalb von Excel geöffnet. " +
      "Bitte die IT fragen, ob appsforoffice.microsoft.com erreichbar ist, und Fallbilanz in Excel über Start → Fallbilanz öffnen.",
  },
  notExcel: {
    title: "Bitte in Excel öffnen",
    text: `Fallbilanz ist ein Add-In für Excel und läuft nur dort: ${SUPPORTED_EXCEL}. Bitte die Arbeitsmappe in Excel öffnen und Fallbilanz über Start → Fallbilanz starten.`,
  },
  excelTooOld: {
    title: "Diese Excel-Version ist zu alt",
    text:
      `Fallbilanz läuft in ${SUPPORTED_EXCEL}. Diese Excel-Version kennt die nötigen Funktionen nicht (Excel-API ${REQUIRED_EXCEL_API}). ` +
      "Bitte die IT um ein Update auf eine dieser Versionen; Excel 2016 und 2019 werden seit Oktober 2025 von Microsoft nicht mehr unterstützt.",
  },
};

/** Minimal view of the Office global, so that the check can be tested without it. */
export interface OfficeLike {
  readonly context?: { readonly requirements?: { isSetSupported(name: string, minVersion?: string): boolean } };
}

/** Why the pane cannot work in this host, or undefined when it can. */
export function startupProblem(office: OfficeLike | undefined, host: string | null | undefined): StartupProblem | undefined {
  if (!office) return "officeMissing";
  if (host !== "Excel") return "notExcel";
  const requirements = office.context?.requirements;
  if (!requirements || !requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) return "excelTooOld";
  return undefined;
}
