import { FallbilanzError } from "../core/errors";
import { parseReportYear } from "../core/figures/reportYear";
import { parseSuppressionThreshold } from "../core/report/suppress";

export interface CliArgs {
  readonly workbook: string;
  /** Undefined: the last complete year with data. */
  readonly year: number | undefined;
  readonly out: string | undefined;
  readonly json: string | undefined;
  readonly suppress: number | undefined;
  readonly help: boolean;
}

export const USAGE =
  "Aufruf: npm run report -- <arbeitsmappe.xlsx> --year <Jahr> [--out <bericht.xlsx>] [--json <zusammenfassung.json>] [--suppress <n>]";

function bad(message: string): FallbilanzError {
  return new FallbilanzError("badArgument", `${message} ${USAGE}`);
}

/** Parses the command line; throws a German message for anything it cannot use. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (!["year", "out", "json", "suppress"].includes(name)) throw bad(`Unbekannte Option „--${name}“.`);
      const value = inline ?? argv[++i];
      if (value === undefined || value === "") throw bad(`Bei „--${name}“ fehlt der Wert.`);
      options.set(name, value);
      continue;
    }
    positional.push(arg);
  }
  if (help) return { workbook: "", year: undefined, out: undefined, json: undefined, suppress: undefined, help };
  if (positional.length === 0) throw bad("Bitte die Arbeitsmappe angeben.");
  if (positional.length > 1) throw bad("Bitte genau eine Arbeitsmappe angeben.");
  const suppressText = options.get("suppress");
  const suppress = suppressText === undefined ? undefined : parseSuppressionThreshold(suppressText);
  if (suppressText !== undefined && suppress === undefined) throw bad("„--suppress“ braucht eine ganze Zahl ab 0 (0 schaltet die Unterdrückung aus).");
  const yearText = options.get("year");
  return {
    workbook: positional[0],
    year: yearText === undefined ? undefined : parseReportYear(yearText),
    out: options.get("out"),
    json: options.get("json"),
    suppress,
    help,
  };
}
