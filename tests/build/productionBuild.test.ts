import { gzipSync } from "node:zlib";
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { TEST_BASE_URL, buildAddin } from "../helpers/build";

/* What IT receives from `npm run build`: a manifest for its address, hashed bundles, a policy on every page. */

const ROOT = join(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { IDENTITIES, baseUrl, buildManifest } = require("../../scripts/build/addinManifest.cjs") as {
  IDENTITIES: Record<"development" | "production", { id: string; displayName: string; namespace: string }>;
  baseUrl: (address: string | undefined) => string;
  buildManifest: (template: string, o: { mode: string; base?: string; version: string; functionsScript: string }) => string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { BROWSER_CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY } = require("../../scripts/build/contentSecurityPolicy.cjs") as { BROWSER_CONTENT_SECURITY_POLICY: string; CONTENT_SECURITY_POLICY: string };
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string; allowScripts: Record<string, boolean> };
const template = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function manifestFacts(xml: string) {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const tag = (name: string) => Array.from(doc.getElementsByTagName(name));
  const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]);
  return {
    id: tag("Id")[0].textContent,
    version: tag("Version")[0].textContent,
    name: tag("DisplayName")[0].getAttribute("DefaultValue"),
    namespace: tag("bt:String").find((s) => s.getAttribute("id") === "Functions.Namespace")!.getAttribute("DefaultValue"),
    urls,
    appDomains: tag("AppDomain").map((e) => e.textContent),
  };
}

describe("the production build", () => {
  let dist: string;
  beforeAll(async () => {
    dist = await buildAddin("production", "https://intranet/fallbilanz");
  }, 180_000);

  test("the address is joined right with or without a trailing slash", () => {
    expect(baseUrl("https://intranet/fallbilanz")).toBe("https://intranet/fallbilanz/");
    expect(baseUrl("https://intranet/fallbilanz/")).toBe("https://intranet/fallbilanz/");
    expect(baseUrl(" https://intranet.example ")).toBe("https://intranet.example/");
    const built = manifestFacts(readFileSync(join(dist, "manifest.xml"), "utf8"));
    expect(built.urls.length).toBeGreaterThan(10);
    for (const url of built.urls) {
      expect(url.startsWith("https://intranet/fallbilanz/")).toBe(true);
      const file = url.slice("https://intranet/fallbilanz/".length);
      expect(file).not.toMatch(/^\/|fallbilanz[a-z]/);
      if (file) expect([file, readdirSync(dist, { recursive: true }).map(String).includes(file)]).toEqual([file, true]);
    }
    expect(built.appDomains).toEqual(["https://intranet"]);
  });

  test("a production build without an address, or with an unusable one, is refused with a German message", () => {
    expect(() => baseUrl(undefined)).toThrow(/fehlt die Adresse.*FALLBILANZ_URL=https:/);
    expect(() => baseUrl("http://intranet/fallbilanz")).toThrow(/nur über https/);
    expect(() => baseUrl("intranet/fallbilanz")).toThrow(/keine gültige Adresse/);
    const env = { ...process.env, FALLBILANZ_URL: "" };
    for (const address of ["", "http://intranet/fallbilanz"]) {
      const run = spawnSync(process.execPath, [join(ROOT, "scripts", "build", "build.cjs"), "-o", join(dist, "..", "never")], { cwd: ROOT, env: { ...env, FALLBILANZ_URL: address }, encoding: "utf8" });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/^(Für den Produktions-Build fehlt die Adresse|FALLBILANZ_URL „http)/);
    }
  });

  test("production and development have their own Id, name and function namespace; the version is package.json's", () => {
    const prod = manifestFacts(readFileSync(join(dist, "manifest.xml"), "utf8"));
    const dev = manifestFacts(template);
    expect(prod).toMatchObject({ id: IDENTITIES.production.id, name: "Fallbilanz", namespace: "IK", version: `${pkg.version}.0` });
    expect(dev).toMatchObject({ id: IDENTITIES.development.id, name: "Fallbilanz (Entwicklung)", namespace: "IKDEV" });
    expect(prod.id).not.toBe(dev.id);
    expect(dev.urls.every((u) => u.startsWith("https://localhost:3000/"))).toBe(true);
    const devBuilt = manifestFacts(buildManifest(template, { mode: "development", version: "2.3.4", functionsScript: "functions.js" }));
    expect(devBuilt).toMatchObject({ id: IDENTITIES.development.id, namespace: "IKDEV", version: "2.3.4.0" });
    expect(readFileSync(join(dist, "manifest.xml"), "utf8")).not.toMatch(/localhost|<!--/);
  });

  test("bundles carry a content hash, the pages and the manifest point to them", () => {
    const files = readdirSync(dist);
    const scripts = files.filter((f) => f.endsWith(".js"));
    expect(scripts.sort().map((f) => f.replace(/\.[0-9a-f]{12}\.js$/, ".#.js"))).toEqual(["browser.#.js", "commands.#.js", "engine.#.js", "functions.#.js", "taskpane.#.js"]);
    for (const [page, chunk] of [["taskpane.html", "taskpane"], ["functions.html", "functions"], ["commands.html", "commands"], ["browser.html", "browser"]]) {
      const html = readFileSync(join(dist, page), "utf8");
      const own = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((s) => !s.startsWith("https:"));
      expect(own).toEqual([scripts.find((s) => s.startsWith(`${chunk}.`))]);
    }
    expect(readFileSync(join(dist, "manifest.xml"), "utf8")).toContain(`https://intranet/fallbilanz/${scripts.find((s) => s.startsWith("functions."))}"`);
  });

  test("the manifest names the functions' metadata by content hash, a copy of the unhashed file", () => {
    const xml = readFileSync(join(dist, "manifest.xml"), "utf8");
    const english = /id="Functions\.Metadata\.Url" DefaultValue="https:\/\/intranet\/fallbilanz\/(functions\.[0-9a-f]{12}\.json)"/.exec(xml)?.[1];
    const german = /<bt:Override Locale="de-DE" Value="https:\/\/intranet\/fallbilanz\/(functions\.de-DE\.[0-9a-f]{12}\.json)"/.exec(xml)?.[1];
    expect(english && german).toBeTruthy();
    expect(readFileSync(join(dist, english!), "utf8")).toBe(readFileSync(join(dist, "functions.json"), "utf8"));
    expect(readFileSync(join(dist, german!), "utf8")).toBe(readFileSync(join(dist, "functions.de-DE.json"), "utf8"));
  });

  test("the browser page: its initial script under 200 KB gzipped, the engine on demand, no Office code, no Node built-in", () => {
    const files = readdirSync(dist);
    const initial = files.find((f) => /^browser\.[0-9a-f]{12}\.js$/.test(f))!;
    const engine = files.find((f) => /^engine\.[0-9a-f]{12}\.js$/.test(f))!;
    const html = readFileSync(join(dist, "browser.html"), "utf8");
    expect([...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1])).toEqual([initial]);
    const gzipped = gzipSync(readFileSync(join(dist, initial)), { level: 9 }).length;
    expect(gzipped).toBeLessThan(200 * 1024);
    const code = readFileSync(join(dist, initial), "utf8") + readFileSync(join(dist, engine), "utf8");
    expect(code).not.toMatch(/Excel\.run|Office\.onReady|appsforoffice/);
    expect(code).not.toMatch(/require\(["'](node:)?(fs|zlib|stream|events|path)["']\)/);
  });

  test("every page carries the Content-Security-Policy as a meta tag", () => {
    for (const page of readdirSync(dist).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(join(dist, page), "utf8");
      const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html);
      expect([page, meta?.[1]]).toEqual([page, page === "browser.html" ? BROWSER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY]);
    }
    expect(CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(BROWSER_CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; .*connect-src 'none';/);
  });

  test("install scripts: each package that has one is declared in allowScripts (so npm ci is complete and quiet)", () => {
    const run = spawnSync("npm", ["install-scripts", "ls"], { cwd: ROOT, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout + run.stderr).toMatch(/No packages with unreviewed install scripts/);
    // None is allowed: the build needs none (esbuild's and swc's binaries arrive as optional dependencies).
    expect(Object.values(pkg.allowScripts).every((allowed) => allowed === false)).toBe(true);
  });
});

test("the test builds' address", () => expect(baseUrl(TEST_BASE_URL)).toBe(TEST_BASE_URL));
