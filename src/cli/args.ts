import { FallbilanzError } from "../core/errors";
import { parseReportYear } from "../core/figures/reportYear";
import { parseSuppressionThreshold } from "../core/report/suppress";
import { Day } from "../core/dates/calendarDay";
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS, parseReferenceDay, parseRetentionYears } from "../core/retention/retentionRule";

export interface CliArgs {
  readonly version: boolean;
  readonly workbook: string;
  /** Undefined: the last complete year with data. */
  readonly year: number | undefined;
  readonly out: string | undefined;
  readonly json: string | undefined;
  readonly suppress: number | undefined;
  /** The retention period in years (`--loeschfrist`): the retention check runs only when it is given. */
  readonly retentionYears: number | undefined;
  /** The reference day of the retention check; undefined: today. */
  readonly referenceDay: Day | undefined;
  /** Where the `Löschliste` goes; undefined: `Löschliste-<Stichtag>.xlsx` in the current folder. */
  readonly retentionList: string | undefined;
  readonly help: boolean;
}

export const USAGE =
  "Aufruf: npm run report -- <arbeitsmappe.xlsx> [--jahr <Jahr>] [--bericht <bericht.xlsx>] [--zusammenfassung <datei.json>] [--verbergen <n>] " +
  "[--loeschfrist <Jahre> [--stichtag TT.MM.JJJJ] [--loeschliste <datei.xlsx>]] (Hilfe: --hilfe)";

/** The options, each with its German name, the English name kept for scripts, and what it does. */
const OPTIONS = [
  { name: "jahr", alias: "year", value: "<Jahr>", key: "year", text: "Berichtsjahr, z. B. 2019. Ohne Angabe: das letzte vollständige Jahr mit Daten." },
  { name: "bericht", alias: "out", value: "<datei.xlsx>", key: "out", text: "Schreibt den Jahresrückblick als neue Arbeitsmappe mit fünf Blättern (Fälle, Geprüfte Einträge, Prüfbericht, Jahresrückblick, Mehrjahresübersicht). Muss auf .xlsx enden." },
  { name: "zusammenfassung", alias: "json", value: "<datei.json>", key: "json", text: "Schreibt die Kennzahlen als JSON-Datei. Muss auf .json enden." },
  { name: "verbergen", alias: "suppress", value: "<n>", key: "suppress", text: "Kleine Zahlen verbergen: Werte von 1 bis n erscheinen als „< n+1“ (Standard 2, also „< 3“; 0 schaltet es aus)." },
  {
    name: "loeschfrist", alias: "retention", value: "<Jahre>", key: "retention",
    text: "Prüft die Löschfristen: fällig ist, wessen letzter Kontakt in einem Jahr liegt, dessen Ende mehr als <Jahre> Jahre vor dem Stichtag liegt. Schreibt die Löschliste (nie Teil des Jahresrückblicks).",
  },
  { name: "stichtag", alias: "reference-day", value: "TT.MM.JJJJ", key: "referenceDay", text: "Stichtag der Löschfristen (Standard: heute)." },
  { name: "loeschliste", alias: "retention-list", value: "<datei.xlsx>", key: "retentionList", text: "Wohin die Löschliste geschrieben wird (Standard: Löschliste-<Stichtag>.xlsx im aktuellen Ordner). Muss auf .xlsx enden." },
] as const;

type OptionKey = (typeof OPTIONS)[number]["key"];

/** `--hilfe`: what the command does, each option, an example. */
export const HELP = [
  "Fallbilanz: prüft die Tracking-Arbeitsmappe der Integrationskoordination und erstellt den Jahresrückblick.",
  "",
  "Aufruf: npm run report -- <arbeitsmappe.xlsx> [Optionen]",
  "",
  "Die Arbeitsmappe wird nur gelesen, nie verändert. Ohne --bericht, --zusammenfassung und --loeschfrist wird nichts",
  "geschrieben: die Kennzahlen erscheinen nur hier im Fenster.",
  "",
  "Optionen:",
  ...OPTIONS.flatMap((o) => [`  --${o.name} ${o.value}   (auch --${o.alias})`, `      ${o.text}`]),
  "  --hilfe        (auch --help, -h)   Diese Hilfe.",
  "  --version      Die Version von Fallbilanz.",
  "",
  "Beispiel:",
  "  npm run report -- Tracking.xlsx --jahr 2019 --bericht Jahresrückblick-2019.xlsx --zusammenfassung Kennzahlen-2019.json",
  "  npm run report -- Tracking.xlsx --loeschfrist 3 --stichtag 31.12.2026 --loeschliste Löschliste.xlsx",
].join("\n");

function bad(message: string): FallbilanzError {
  return new FallbilanzError("badArgument", `${message} ${USAGE}`);
}

/** Parses the command line; throws a German message for anything it cannot use. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const positional: string[] = [];
  const options = new Map<OptionKey, string>();
  /** Each option's name as typed, for messages. */
  const typed = new Map<OptionKey, string>();
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h" || arg === "--hilfe") {
      help = true;
      continue;
    }
    if (arg === "--version") {
      version = true;
      continue;
    }
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      const option = OPTIONS.find((o) => o.name === name || o.alias === name);
      if (!option) throw bad(`Unbekannte Option „--${name}“.`);
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") throw bad(`Bei „--${name}“ fehlt der Wert.`);
      options.set(option.key, value);
      typed.set(option.key, `--${name}`);
      continue;
    }
    positional.push(arg);
  }
  if (help || version) {
    return { workbook: "", year: undefined, out: undefined, json: undefined, suppress: undefined, retentionYears: undefined, referenceDay: undefined, retentionList: undefined, help, version };
  }
  if (positional.length === 0) throw bad("Bitte die Arbeitsmappe angeben.");
  if (positional.length > 1) throw bad("Bitte genau eine Arbeitsmappe angeben.");
  const suppressText = options.get("suppress");
  const suppress = suppressText === undefined ? undefined : parseSuppressionThreshold(suppressText);
  if (suppressText !== undefined && suppress === undefined) throw bad(`„${typed.get("suppress")}“ braucht eine ganze Zahl ab 0 (0 schaltet die Unterdrückung aus).`);
  const out = options.get("out");
  if (out !== undefined && !/\.xlsx$/i.test(out)) throw bad(`Der Bericht „${out}“ muss auf .xlsx enden: Fallbilanz schreibt eine Excel-Arbeitsmappe.`);
  const json = options.get("json");
  if (json !== undefined && !/\.json$/i.test(json)) throw bad(`Die Zusammenfassung „${json}“ muss auf .json enden.`);
  const retentionText = options.get("retention");
  const retentionYears = retentionText === undefined ? undefined : parseRetentionYears(retentionText);
  if (retentionText !== undefined && retentionYears === undefined) {
    throw bad(`„${typed.get("retention")}“ braucht die Frist in ganzen Jahren, von ${MIN_RETENTION_YEARS} bis ${MAX_RETENTION_YEARS} (z. B. 3).`);
  }
  const referenceText = options.get("referenceDay");
  const referenceDay = referenceText === undefined ? undefined : parseReferenceDay(referenceText);
  if (referenceText !== undefined && referenceDay === undefined) throw bad(`„${typed.get("referenceDay")}“ braucht einen Tag als TT.MM.JJJJ, z. B. 31.12.2026.`);
  const retentionList = options.get("retentionList");
  if ((referenceText !== undefined || retentionList !== undefined) && retentionYears === undefined) {
    throw bad(`„${typed.get(referenceText !== undefined ? "referenceDay" : "retentionList")}“ gilt nur zusammen mit „--loeschfrist <Jahre>“.`);
  }
  if (retentionList !== undefined && !/\.xlsx$/i.test(retentionList)) throw bad(`Die Löschliste „${retentionList}“ muss auf .xlsx enden.`);
  const yearText = options.get("year");
  return {
    retentionYears,
    referenceDay,
    retentionList,
    workbook: positional[0],
    year: yearText === undefined ? undefined : parseReportYear(yearText),
    out,
    json,
    suppress,
    help,
    version,
  };
}
