import { readFileSync, readdirSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";

/*
 * Dependencies honest: every package imported is declared, what the command
 * line needs at run time is a production dependency, and no import reaches
 * into a package's private files (only its main entry or a subpath its
 * package.json exports).
 */

const ROOT = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : files(path);
    return /\.(ts|tsx|js|cjs|mjs)$/.test(name) ? [path] : [];
  });
}

const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

function importsOf(path: string): string[] {
  return [...readFileSync(path, "utf8").matchAll(SPECIFIER)].map((m) => m[1]);
}

function packageOf(specifier: string): { name: string; subpath: string } {
  const parts = specifier.split("/");
  const n = specifier.startsWith("@") ? 2 : 1;
  return { name: parts.slice(0, n).join("/"), subpath: parts.slice(n).join("/") };
}

const isBuiltin = (s: string): boolean => s.startsWith("node:") || builtinModules.includes(s.split("/")[0]);

function exportedSubpaths(name: string): Set<string> {
  const manifest = JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as { exports?: unknown };
  const exports = manifest.exports;
  if (!exports || typeof exports === "string") return new Set();
  return new Set(Object.keys(exports).filter((k) => k.startsWith("./")).map((k) => k.slice(2)));
}

/** Code that runs from node_modules at run time (the built command keeps packages external). */
const RUNTIME = ["src/core", "src/adapters", "src/app", "src/port", "src/cli", "bin"];

const sources = ["src", "tests", "scripts", "bin"].flatMap((d) => files(join(ROOT, d))).map((p) => relative(ROOT, p).split("\\").join("/"));

describe("dependencies", () => {
  test.each(sources)("%s", (file) => {
    for (const specifier of importsOf(join(ROOT, file))) {
      if (specifier.startsWith(".") || specifier.startsWith("/") || isBuiltin(specifier)) continue;
      const { name, subpath } = packageOf(specifier);
      const runtime = RUNTIME.some((dir) => file.startsWith(`${dir}/`));
      const declared = runtime ? pkg.dependencies[name] : (pkg.dependencies[name] ?? pkg.devDependencies[name]);
      expect({ file, specifier, declared: declared !== undefined }).toEqual({ file, specifier, declared: true });
      if (subpath !== "") expect({ file, specifier, exported: exportedSubpaths(name).has(subpath) }).toEqual({ file, specifier, exported: true });
    }
  });

  test("no version is pinned exactly for the sake of internals", () => {
    for (const [name, range] of Object.entries({ ...pkg.dependencies })) expect({ name, pinned: /^\d/.test(range) }).toEqual({ name, pinned: false });
  });
});
