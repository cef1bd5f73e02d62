import { spawnSync } from "node:child_process";
import { join } from "node:path";

/**
 * `npm run fuzz -- [runs] [seed]`: the fuzz test of the command's contract
 * with many more cases than CI runs (default 1,000 per kind).
 */
const [runs = "1000", seed] = process.argv.slice(2);
const jest = join(__dirname, "..", "node_modules", "jest", "bin", "jest.js");
const result = spawnSync(process.execPath, [jest, "tests/fuzz", "--verbose"], {
  cwd: join(__dirname, ".."),
  stdio: "inherit",
  env: { ...process.env, FUZZ_RUNS: runs, ...(seed ? { FUZZ_SEED: seed } : {}) },
});
process.exit(result.status ?? 1);
