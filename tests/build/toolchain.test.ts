import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/*
 * The build refuses an npm that ignores `allowScripts` (before 11.16) and a Node.js older than 20, in one German
 * line; `npm ci` itself refuses them through `engines` and `engine-strict`.
 */

const ROOT = join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toolchainProblem } = require("../../scripts/build/toolchain.cjs") as { toolchainProblem: (node: string, agent: string | undefined) => string | undefined };

describe("the toolchain check", () => {
  test("npm 11.16 and later, Node.js 20 and later pass; older ones are named, with what to do", () => {
    expect(toolchainProblem("v20.20.2", "npm/11.19.1 node/v20.20.2 linux x64 workspaces/false")).toBeUndefined();
    expect(toolchainProblem("v24.1.0", "npm/11.16.0 node/v24.1.0 linux x64")).toBeUndefined();
    expect(toolchainProblem("v20.20.2", "npm/10.8.2 node/v20.20.2 linux x64")).toMatch(/^Fallbilanz braucht npm 11\.16\.0 oder neuer \(gefunden: 10\.8\.2\).*npm install -g npm@11/);
    expect(toolchainProblem("v20.20.2", "npm/11.15.9 node/v20.20.2 linux x64")).toMatch(/gefunden: 11\.15\.9/);
    expect(toolchainProblem("v18.20.4", "npm/11.19.1 node/v18.20.4")).toMatch(/^Fallbilanz braucht Node\.js 20 oder neuer \(gefunden: v18\.20\.4\)/);
  });

  test("npm run build stops with the German line and exit 2 under an old npm, before webpack starts", () => {
    const run = spawnSync(process.execPath, [join(ROOT, "scripts", "build", "build.cjs")], {
      env: { ...process.env, FALLBILANZ_URL: "https://intranet.example/fallbilanz/", npm_config_user_agent: "npm/10.9.2 node/v20.20.2 linux x64" },
      encoding: "utf8",
    });
    expect([run.status, run.stdout, run.stderr.trim().split("\n")]).toEqual([2, "", [expect.stringMatching(/^Fallbilanz braucht npm 11\.16\.0/)]]);
  });

  test("npm ci refuses an npm older than package.json's engines (engine-strict in .npmrc)", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { engines: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.engines).toEqual({ node: ">=20", npm: ">=11.16.0" });
    expect(pkg.scripts.prebuild).toBe("node scripts/build/toolchain.cjs");
    expect(readFileSync(join(ROOT, ".npmrc"), "utf8")).toMatch(/^engine-strict=true$/m);
    // The same mechanism on a project of its own, with this machine's npm playing the old one.
    const dir = mkdtempSync(join(tmpdir(), "fallbilanz-engines-"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "probe", version: "1.0.0", engines: { npm: ">=999.0.0" } }));
    writeFileSync(join(dir, ".npmrc"), "engine-strict=true\n");
    let output = "";
    try {
      execFileSync("npm", ["install", "--no-audit", "--no-fund", "--offline"], { cwd: dir, encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      output = String((error as { stderr?: string }).stderr);
    }
    expect(output).toMatch(/notsup/);
  });
});
