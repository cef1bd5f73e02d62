/*
 * `npm run build`: the production build for the address in FALLBILANZ_URL. A missing or unusable address is
 * refused in one German line (exit 2) before webpack starts.
 */
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const { BuildInputError, baseUrl } = require("./addinManifest.cjs");
const { refuseOldToolchain } = require("./toolchain.cjs");

refuseOldToolchain();

try {
  baseUrl(process.env.FALLBILANZ_URL);
} catch (error) {
  if (!(error instanceof BuildInputError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
const webpack = path.join(path.dirname(require.resolve("webpack-cli/package.json")), "bin", "cli.js");
const run = spawnSync(process.execPath, [webpack, "--mode", "production", ...process.argv.slice(2)], { stdio: "inherit", cwd: path.join(__dirname, "..", "..") });
process.exit(run.status ?? 1);
