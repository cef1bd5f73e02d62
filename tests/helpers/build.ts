import { join } from "node:path";
import webpack from "webpack";
import { tempDir } from "./xlsx";

/** The hosting address test builds are made for (a production build needs one). */
export const TEST_BASE_URL = "https://intranet.example/fallbilanz/";

/**
 * Builds the add-in with the project's webpack config (both compilations) into a temporary folder; returns the
 * folder. Production builds are made for `url` (default TEST_BASE_URL).
 */
export async function buildAddin(mode: "production" | "development" = "production", url: string = TEST_BASE_URL): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(__dirname, "..", "..", "webpack.config.js"));
  const configs = (await makeConfig({ url }, { mode })) as webpack.Configuration[];
  const out = tempDir("fallbilanz-build-");
  const compiler = webpack(configs.map((config) => ({ ...config, output: { ...config.output, path: out } })));
  const stats = await new Promise<webpack.MultiStats>((resolve, reject) => compiler.run((err, s) => (err || !s ? reject(err ?? new Error("webpack failed")) : resolve(s))));
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return out;
}
