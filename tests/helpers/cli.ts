import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the report command as a separate process, as staff would (`npm run report -- …`). */
export function runCli(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [TSX, join(ROOT, "src", "cli", "bin.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, FORCE_COLOR: "0" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
