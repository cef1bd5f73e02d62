import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";
import { parse } from "acorn";
import * as fns from "../../src/functions/functions";
import { buildAddin } from "../helpers/build";

/*
 * The custom functions as Excel's older JavaScript-only runtime runs them (Office 2021, Windows builds before
 * 2403): ECMAScript 2016, no time-zone data. The built bundle must parse as ES2016, and each function, called in
 * a realm stripped of every later built-in and of time-zone support, must give what it gives in Node.
 */

const ROOT = join(__dirname, "..", "..");

/** Everything ES2017 and later added to the built-ins (the realm's own copies are removed before the bundle runs). */
const LATER_BUILT_INS = `
  var strip = function (owner, names) { names.forEach(function (n) { delete owner[n]; }); };
  strip(Object, ["entries", "values", "getOwnPropertyDescriptors", "fromEntries", "hasOwn", "groupBy"]);
  strip(String.prototype, ["padStart", "padEnd", "trimStart", "trimEnd", "trimLeft", "trimRight", "matchAll", "replaceAll", "at", "isWellFormed", "toWellFormed"]);
  strip(Array.prototype, ["flat", "flatMap", "at", "findLast", "findLastIndex", "toSorted", "toReversed", "toSpliced", "with"]);
  strip(Array, ["fromAsync"]);
  strip(Promise.prototype, ["finally"]);
  strip(Promise, ["allSettled", "any", "withResolvers", "try"]);
  strip(Map, ["groupBy"]);
  strip(Symbol, ["asyncIterator"]);
  strip(Object.getPrototypeOf(Int8Array.prototype), ["at", "findLast", "findLastIndex", "toSorted", "toReversed", "with"]);
  strip(this, ["SharedArrayBuffer", "Atomics", "BigInt", "BigInt64Array", "BigUint64Array", "WeakRef", "FinalizationRegistry", "AggregateError", "Iterator", "structuredClone"]);
  // No time-zone data: a formatter asked for a zone other than UTC refuses, as in a runtime without it.
  var PlainDateTimeFormat = Intl.DateTimeFormat;
  Intl.DateTimeFormat = function (locales, options) {
    if (options && options.timeZone && options.timeZone !== "UTC") throw new RangeError("Invalid time zone specified: " + options.timeZone);
    return new PlainDateTimeFormat(locales, Object.assign({}, options, { timeZone: "UTC" }));
  };
  var plainToLocale = Date.prototype.toLocaleString;
  Date.prototype.toLocaleString = Date.prototype.toLocaleDateString = function (locales, options) {
    if (options && options.timeZone && options.timeZone !== "UTC") throw new RangeError("Invalid time zone specified: " + options.timeZone);
    return plainToLocale.call(this, locales, options);
  };
  var registered = {};
  var CustomFunctions = {
    associate: function (id, fn) { registered[id] = fn; },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
    Error: function (code, message) { this.code = code; this.message = message; }
  };
  var self = this;
  var window = this;
`;

const S = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
const one = (v: unknown): unknown[][] => [[v]];
const thisYear = new Date().getUTCFullYear();
const dates = col(S(2019, 1, 5), "20.01.2019", "3. Feb. 2019", S(2019, 2, 7), "", 0, "31.02.2019", S(2018, 12, 31), true, "#NV", "2019-03-01 10:00", S(thisYear, 1, 2));
const ids = col("IK-1", " ik 1 ", "IK-2", "IK-3", "IK-9", "IK-9", "IK-4", "IK-5", "IK-6", "IK-7", "", "IK-8");
const statuses = col("Geduldet", "Duldung", "Asyl", "Anerkannt", "Geduldet", "Geduldet", "Geduldet", "Geduldet", "Geduldet", "Geduldet", "Geduldet", "Sonstige");
const categories = col("Sprachkurs", "Job", "Sport", "Fachberatung", "", "", "", "", "", "", "Lehre", "Praktikum");
const attendees = col(25, "30", 2.5, -1, "", 12, 0, 7, 1e9, "x", 3, 4);

/** Calls by function id, with arguments as Excel passes them (optional ones as null, repeating ones as one array). */
const CALLS: [string, unknown[]][] = [
  ["MONTHLYAVG", [dates, 2019, ids, null]],
  ["MONTHLYAVG", [dates, 2019, null, null]],
  ["MONTHLYAVG", [dates, 2019, ids, [statuses, one("Zielgruppe"), categories, one("Drittmaßnahme")]]],
  ["MONTHLYAVG", [dates, thisYear, ids, null]],
  ["MONTHLYAVG", [dates, 2999, ids, null]],
  ["MONTHLYAVG", [dates, 2019, col("IK-1"), null]],
  ["MONTHLY", [dates, 2019, ids, [statuses, one("Geduldet;Anerkannt")]]],
  ["MONTHLY", [dates, thisYear, null, null]],
  ["COUNTDISTINCT", [ids, null, null, null]],
  ["COUNTDISTINCT", [ids, dates, 2019, [categories, one("Sprachkurs|Job")]]],
  ["YEARSUM", [attendees, dates, 2019, null]],
  ["YEARSUM", [attendees, dates, 2019, [statuses, one("Zielgruppe")]]],
  ["YEARCOUNT", [dates, 2019, null]],
  ["YEARCOUNT", [dates, 2019, [categories, [["Sprachkurs"], ["Lehre"]]]]],
  ["MONTHS", [2019]],
  ["MONTHS", [thisYear]],
  ["MONTHS", [2999]],
  ["STATUS", [" duldung "]],
  ["STATUS", ["Asyl"]],
  ["STATUS", ["unbekannt"]],
  ["CATEGORY", ["Job"]],
  ["CATEGORY", ["Ausbildung"]],
  ["CATEGORY", [""]],
  ["DATE", ["3. März 2019"]],
  ["DATE", ["2019-03-01 10:00"]],
  ["DATE", ["31.02.2019"]],
  ["DATE", [43_500]],
  ["ABOUT", [763]],
  ["ABOUT", [158]],
  ["ABOUT", [3]],
  ["ABOUT", [-1]],
];

type Outcome = { value: unknown } | { error: string; message: string };

function outcome(call: () => unknown): Outcome {
  try {
    return { value: JSON.parse(JSON.stringify(call())) };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { error: String(err.code), message: String(err.message) };
  }
}

/** Exported function name by its Excel id, from the @customfunction tags of the source. */
function namesById(): Map<string, string> {
  const source = readFileSync(join(ROOT, "src", "functions", "functions.ts"), "utf8");
  return new Map<string, string>([...source.matchAll(/@customfunction (\w+)[\s\S]*?export function (\w+)/g)].map((m) => [m[1], m[2]]));
}

describe("the custom functions in Excel's ES2016 runtime", () => {
  let bundle: string;
  beforeAll(async () => {
    const dist = await buildAddin("production");
    bundle = readFileSync(join(dist, readdirSync(dist).find((f) => /^functions\..*\.js$/.test(f))!), "utf8");
  }, 180_000);

  test("the built bundle parses as ECMAScript 2016 (regular expressions included)", () => {
    expect(() => parse(bundle, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
  });

  test("every function, in a realm without later built-ins and without time-zone data, gives what it gives in Node", () => {
    const realm = createContext({ console });
    runInContext(LATER_BUILT_INS, realm);
    expect(runInContext("typeof Object.entries + typeof Array.prototype.flatMap + typeof String.prototype.padStart", realm)).toBe("undefinedundefinedundefined");
    expect(() => void runInContext('new Intl.DateTimeFormat("de", { timeZone: "Europe/Berlin" })', realm)).toThrow();
    runInContext(bundle, realm);
    const registered = runInContext("registered", realm) as Record<string, (...args: unknown[]) => unknown>;
    const byId = namesById();
    expect(Object.keys(registered).sort()).toEqual([...byId.keys()].sort());
    expect(new Set(CALLS.map(([id]) => id))).toEqual(new Set(byId.keys()));

    const differences: string[] = [];
    for (const [id, args] of CALLS) {
      // Arguments made inside the realm, so that the bundle meets only the realm's built-ins.
      const realmArgs = runInContext(`(${JSON.stringify(args)})`, realm) as unknown[];
      const inRealm = outcome(() => registered[id](...realmArgs));
      const inNode = outcome(() => (fns as unknown as Record<string, (...a: unknown[]) => unknown>)[byId.get(id)!](...args));
      if (JSON.stringify(inRealm) !== JSON.stringify(inNode)) differences.push(`${id}(${JSON.stringify(args).slice(0, 60)}): ${JSON.stringify(inRealm)} ≠ ${JSON.stringify(inNode)}`);
      if ("error" in inRealm) expect(inRealm.message).not.toMatch(/Interner Fehler/);
    }
    expect(differences).toEqual([]);
  });
});
