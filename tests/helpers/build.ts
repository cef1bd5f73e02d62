import { join } from "node:path";
import webpack from "webpack";
import { tempDir } from "./xlsx";

/** Builds the add-in with the project's webpack config into a temporary folder; returns the folder. */
export async function buildAddin(mode: "production" | "development" = "production"): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(join(__dirname, "..", "..", "webpack.config.js"));
  const config = await makeConfig({}, { mode });
  const out = tempDir("fallbilanz-build-");
  const compiler = webpack({ ...config, mode, output: { ...config.output, path: out } });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((err, s) => (err || !s ? reject(err ?? new Error("webpack failed")) : resolve(s))));
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
  return out;
}
