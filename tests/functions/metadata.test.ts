import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as fns from "../../src/functions/functions";

const ROOT = join(__dirname, "..", "..");
const GERMAN_NAMES: Record<string, string> = {
  monthlyAvg: "MONATSMITTEL", monthly: "MONATSWERTE", countDistinct: "ANZAHLPERSONEN", yearSum: "JAHRESSUMME",
  yearCount: "JAHRESANZAHL", months: "MONATE", status: "AUFENTHALTSSTATUS", category: "KATEGORIE", date: "DATUM", about: "UEBER",
};

interface Metadata {
  functions: { id: string; name: string; description: string; parameters: Record<string, unknown>[]; result: Record<string, unknown> }[];
}

describe("custom functions metadata", () => {
  let english: Metadata;
  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(join(ROOT, "src", "functions", "functions.ts"), false);
    // The generator exits 0 even when it reports errors: read them.
    expect(result.errors).toEqual([]);
    english = JSON.parse(result.metadataJson) as Metadata;
  });

  test("every exported function is in the metadata, with English descriptions for it and every parameter", () => {
    const ids = english.functions.map((f) => f.id).sort();
    expect(ids).toEqual(Object.keys(fns).map((name) => name.toUpperCase()).sort());
    for (const f of english.functions) {
      expect([f.id, f.description.length > 20]).toEqual([f.id, true]);
      for (const p of f.parameters) expect([f.id, p.name, ((p.description as string | undefined) ?? "").length > 5]).toEqual([f.id, p.name, true]);
    }
  });

  test("the German localisation has every function under its German name, with the same parameters", () => {
    const german = JSON.parse(readFileSync(join(ROOT, "src", "functions", "functions.de-DE.json"), "utf8")) as Metadata;
    for (const [exported, name] of Object.entries(GERMAN_NAMES)) {
      const en = english.functions.find((f) => f.id === exported.toUpperCase())!;
      const de = german.functions.find((f) => f.id === en.id);
      expect(de?.name).toBe(name);
      expect(de!.description).not.toBe(en.description);
      const shape = (p: Record<string, unknown>) => ({ type: p.type, dimensionality: p.dimensionality, optional: p.optional, repeating: p.repeating });
      expect(de!.parameters.map(shape)).toEqual(en.parameters.map(shape));
      expect(de!.result).toEqual(en.result);
      for (const [i, p] of de!.parameters.entries()) expect(p.description).not.toBe(en.parameters[i].description);
    }
    expect(german.functions).toHaveLength(english.functions.length);
  });
});
