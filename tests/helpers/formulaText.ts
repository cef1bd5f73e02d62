import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as fns from "../../src/functions/functions";

/*
 * Evaluates a formula text of the review (`=IK.MONATSMITTEL(Eintraege[Datum];2019;…)`, as German Excel shows
 * it) with the project's own custom functions, over the columns of a table, the way Excel would call them:
 * each structured reference as a one-column range, a repeating parameter as one array, an omitted optional
 * argument as null.
 */

interface Parameter {
  readonly repeating?: boolean;
}
interface GermanFunction {
  readonly id: string;
  readonly name: string;
  readonly parameters: readonly Parameter[];
}

const GERMAN = (JSON.parse(readFileSync(join(__dirname, "..", "..", "src", "functions", "functions.de-DE.json"), "utf8")) as { functions: GermanFunction[] }).functions;

/** A table as Excel hands its columns to a function: header → cells (dates as serial numbers, blanks as ""). */
export type TableColumns = ReadonlyMap<string, readonly unknown[]>;

type Argument = { kind: "ref"; table: string; column: string } | { kind: "number"; value: number } | { kind: "text"; value: string } | { kind: "empty" };

/** Splits the arguments at top-level `;`, minding quoted texts (with `""` inside). */
function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (quoted && text[i + 1] === '"') {
        current += '""';
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (c === ";" && !quoted) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function parseArgument(text: string): Argument {
  const t = text.trim();
  if (t === "") return { kind: "empty" };
  const ref = /^([A-Za-z_][\w.]*)\[([^\]]+)\]$/.exec(t);
  if (ref) return { kind: "ref", table: ref[1], column: ref[2] };
  if (/^"(?:[^"]|"")*"$/.test(t)) return { kind: "text", value: t.slice(1, -1).replace(/""/g, '"') };
  if (/^-?\d+(?:,\d+)?$/.test(t)) return { kind: "number", value: Number(t.replace(",", ".")) };
  throw new Error(`argument not understood: ${t}`);
}

export interface ParsedFormula {
  readonly german: GermanFunction;
  readonly args: Argument[];
}

export function parseFormula(formula: string): ParsedFormula {
  const m = /^=IK\.([A-ZÄÖÜ]+)\((.*)\)$/.exec(formula);
  if (!m) throw new Error(`not a formula of the add-in: ${formula}`);
  const german = GERMAN.find((f) => f.name === m[1]);
  if (!german) throw new Error(`unknown function IK.${m[1]}`);
  return { german, args: splitArguments(m[2]).map(parseArgument) };
}

/** A column as the range Excel hands over (rows of one cell), made once per column. */
const RANGES = new WeakMap<readonly unknown[], unknown[][]>();
function rangeOf(column: readonly unknown[]): unknown[][] {
  let range = RANGES.get(column);
  if (!range) {
    range = column.map((cell) => [cell]);
    RANGES.set(column, range);
  }
  return range;
}

/** The value of a formula text over the given tables. */
export function evaluateFormula(formula: string, tables: ReadonlyMap<string, TableColumns>): unknown {
  return prepareFormula(formula, tables)();
}

/** The call Excel makes for a formula text, with its arguments built once (for timing the function alone). */
export function prepareFormula(formula: string, tables: ReadonlyMap<string, TableColumns>): () => unknown {
  const { german, args } = parseFormula(formula);
  const exported = Object.entries(fns).find(([name]) => name.toUpperCase() === german.id)?.[1] as ((...a: unknown[]) => unknown) | undefined;
  if (!exported) throw new Error(`no function for ${german.id}`);
  const value = (a: Argument): unknown => {
    switch (a.kind) {
      case "empty":
        return null;
      case "number":
        return a.value;
      case "text":
        return [[a.value]];
      case "ref": {
        const column = tables.get(a.table)?.get(a.column);
        if (!column) throw new Error(`no column ${a.table}[${a.column}]`);
        return rangeOf(column);
      }
    }
  };
  const fixed = german.parameters.filter((p) => !p.repeating).length;
  const repeating = german.parameters.some((p) => p.repeating);
  // A scalar parameter (the year) gets the number itself, not a range.
  const scalar = (a: Argument): unknown => (a.kind === "number" ? a.value : value(a));
  const callArgs: unknown[] = args.slice(0, fixed).map(scalar);
  while (callArgs.length < fixed) callArgs.push(null);
  if (repeating) callArgs.push(args.length > fixed ? args.slice(fixed).map(value) : null);
  return () => exported(...callArgs);
}

/**
 * Excel's own `ZÄHLENWENNS(Bereich1;Kriterium1;…)` (COUNTIFS) over table columns, as German Excel writes it: each
 * criterion a text matched whole and case-insensitively (no wildcards or comparisons: the breakdown groups need none).
 */
export function evaluateCountIfs(formula: string, tables: ReadonlyMap<string, TableColumns>): number {
  const m = /^=ZÄHLENWENNS\((.*)\)$/.exec(formula);
  if (!m) throw new Error(`not a ZÄHLENWENNS formula: ${formula}`);
  const args = splitArguments(m[1]).map(parseArgument);
  if (args.length === 0 || args.length % 2 !== 0) throw new Error("ZÄHLENWENNS needs pairs of range and criterion");
  const pairs: { column: readonly unknown[]; wanted: string }[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const range = args[i];
    const criterion = args[i + 1];
    if (range.kind !== "ref" || (criterion.kind !== "text" && criterion.kind !== "number")) throw new Error("ZÄHLENWENNS: a table column, then a value");
    const column = tables.get(range.table)?.get(range.column);
    if (!column) throw new Error(`no column ${range.table}[${range.column}]`);
    pairs.push({ column, wanted: String(criterion.value).toLowerCase() });
  }
  const rows = pairs[0].column.length;
  let n = 0;
  const text = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : "");
  for (let r = 0; r < rows; r++) if (pairs.every((p) => text(p.column[r]).toLowerCase() === p.wanted)) n++;
  return n;
}
