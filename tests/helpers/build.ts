import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import webpack from "webpack";
import { tempDir } from "./xlsx";

/** The hosting address test builds are made for (a production build needs one). */
export const TEST_BASE_URL = "https://intranet.example/fallbilanz/";

const ROOT = join(__dirname, "..", "..");

/** A hash of everything a build reads from the project: sources, config, manifest, assets, package.json. */
function inputsHash(mode: string, url: string): string {
  const hash = createHash("sha256").update(`${mode}\n${url}\n`);
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(ROOT, path)).update(readFileSync(path));
    }
  };
  for (const dir of ["src", "assets", "scripts/build"]) walk(join(ROOT, dir));
  for (const file of ["webpack.config.js", "manifest.xml", "package.json", "package-lock.json"]) hash.update(file).update(readFileSync(join(ROOT, file)));
  return hash.digest("hex").slice(0, 16);
}

/**
 * Builds the add-in with the project's webpack config (both compilations); returns the folder. Production builds
 * are made for `url` (default TEST_BASE_URL). Test files that need the same build share it: it is kept under the
 * hash of its inputs (built into a folder of its own, then renamed into place, so parallel workers never see half
 * a build), and remade whenever a source changes.
 */
export async function buildAddin(mode: "production" | "development" = "production", url: string = TEST_BASE_URL): Promise<string> {
  const cached = join(tmpdir(), `fallbilanz-build-cache-${inputsHash(mode, url)}`);
  if (existsSync(join(cached, "manifest.xml"))) return cached;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(ROOT, "webpack.config.js"));
  const configs = (await makeConfig({ url, workerOut: tempDir("fallbilanz-worker-build-") }, { mode })) as webpack.Configuration[];
  const out = tempDir("fallbilanz-build-");
  // Every output into the build's folder, but the browser page's worker: it is built into its own folder first and
  // taken into the page as text.
  const compiler = webpack(configs.map((config) => (config.name === "browserWorker" ? config : { ...config, output: { ...config.output, path: out } })));
  const stats = await new Promise<webpack.MultiStats>((resolve, reject) => compiler.run((err, s) => (err || !s ? reject(err ?? new Error("webpack failed")) : resolve(s))));
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  try {
    mkdirSync(join(cached, ".."), { recursive: true });
    renameSync(out, cached);
    return cached;
  } catch {
    // Another worker put the same build in place first: use ours, it is identical.
    if (!existsSync(join(cached, "manifest.xml"))) rmSync(cached, { recursive: true, force: true });
    return out;
  }
}
