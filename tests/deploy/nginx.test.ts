import { ChildProcess, execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { request } from "node:https";
import { AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import { TEST_BASE_URL, buildAddin } from "../helpers/build";
import { tempDir } from "../helpers/xlsx";

/*
 * The example nginx configuration (deploy/nginx/fallbilanz.conf), proven: Debian's nginx serves a production
 * build with it over HTTPS on a loopback port, and the answers carry what Office needs. The IIS web.config
 * states the same rules; its policy text is compared here.
 */

const ROOT = join(__dirname, "..", "..");
const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));
const SITE = readFileSync(join(ROOT, "deploy", "nginx", "fallbilanz.conf"), "utf8");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { BROWSER_CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY } = require("../../scripts/build/contentSecurityPolicy.cjs") as { BROWSER_CONTENT_SECURITY_POLICY: string; CONTENT_SECURITY_POLICY: string };

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { host: "intranet.example", ...headers }, rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Debian's nginx with the site file as IT would install it; only the addresses, the certificate and the folder differ. */
async function startNginx(root: string): Promise<{ process: ChildProcess; port: number; httpPort: number }> {
  if (!NGINX) throw new Error("nginx fehlt: bitte `npm run test:all` ausführen (installiert Debians nginx).");
  const dir = tempDir("fallbilanz-nginx-");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=intranet.example", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")], { stdio: "ignore" });
  const port = await freePort();
  const httpPort = await freePort();
  const site = SITE.replace("listen 443 ssl;", `listen 127.0.0.1:${port} ssl;`)
    .replace("listen 80;", `listen 127.0.0.1:${httpPort};`)
    .replace("/etc/ssl/certs/fallbilanz.crt", join(dir, "cert.pem"))
    .replace("/etc/ssl/private/fallbilanz.key", join(dir, "key.pem"))
    .replace("root /srv/fallbilanz;", `root ${root};`);
  writeFileSync(join(dir, "site.conf"), site);
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
  writeFileSync(
    join(dir, "nginx.conf"),
    [
      process.getuid?.() === 0 ? "user root;" : "",
      "daemon off; worker_processes 1;",
      `pid ${join(dir, "nginx.pid")}; error_log ${join(dir, "error.log")};`,
      "events {}",
      // As Debian's /etc/nginx/nginx.conf: mime.types in the http block, the site included.
      `http { include /etc/nginx/mime.types; default_type application/octet-stream; access_log off;`,
      ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join(" "),
      `include ${join(dir, "site.conf")}; }`,
    ].join("\n"),
  );
  execFileSync(NGINX, ["-t", "-p", dir, "-c", join(dir, "nginx.conf")], { stdio: "pipe" });
  const child = spawn(NGINX, ["-p", dir, "-c", join(dir, "nginx.conf")], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    try {
      await get(port, "/");
      return { process: child, port, httpPort };
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  child.kill("SIGQUIT");
  throw new Error(`nginx did not start: ${readFileSync(join(dir, "error.log"), "utf8")}`);
}

function getHttp(port: number, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, headers: { host: "intranet.example" } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

const HSTS = "max-age=31536000";

// The build's files at the site's root (https://intranet.example/), or in a folder under it
// (https://intranet.example/fallbilanz/), as the guide's own example has it.
describe.each([
  ["at the site's root", ""],
  ["in a subfolder", "/fallbilanz"],
])("the example nginx configuration, serving a production build %s", (_layout, prefix) => {
  let nginx: ChildProcess | undefined;
  let port: number;
  let httpPort: number;
  let dist: string;

  beforeAll(async () => {
    dist = await buildAddin("production");
    let root = dist;
    if (prefix) {
      root = tempDir("fallbilanz-www-");
      cpSync(dist, join(root, prefix), { recursive: true });
      writeFileSync(join(root, "index.html"), "<p>Intranet</p>");
    }
    ({ process: nginx, port, httpPort } = await startNginx(root));
  }, 180_000);

  afterAll(() => {
    nginx?.kill("SIGQUIT");
  });

  const at = (path: string) => `${prefix}/${path}`;

  test("pages over HTTPS: text/html in UTF-8, never cached, with the Content-Security-Policy of their meta tag", async () => {
    for (const page of ["taskpane.html", "functions.html", "commands.html"]) {
      const a = await get(port, at(page));
      expect([page, a.status, a.headers["content-type"], a.headers["cache-control"], a.headers["x-content-type-options"], a.headers["strict-transport-security"]]).toEqual([
        page, 200, "text/html; charset=utf-8", "no-cache", "nosniff", HSTS,
      ]);
      expect(a.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
      expect(readFileSync(join(dist, page), "utf8")).toContain(CONTENT_SECURITY_POLICY);
    }
  });

  test("the browser page: its own policy (no connection at all), the same as its meta tag, never cached", async () => {
    const a = await get(port, at("browser.html"));
    expect([a.status, a.headers["content-type"], a.headers["cache-control"], a.headers["x-content-type-options"]]).toEqual([200, "text/html; charset=utf-8", "no-cache", "nosniff"]);
    expect(a.headers["content-security-policy"]).toBe(BROWSER_CONTENT_SECURITY_POLICY);
    expect(readFileSync(join(dist, "browser.html"), "utf8")).toContain(BROWSER_CONTENT_SECURITY_POLICY);
  });

  test("the manifest: XML, never cached", async () => {
    const a = await get(port, at("manifest.xml"));
    expect([a.status, a.headers["content-type"], a.headers["cache-control"], a.headers["x-content-type-options"], a.headers["strict-transport-security"]]).toEqual([
      200, "text/xml; charset=utf-8", "no-cache", "nosniff", HSTS,
    ]);
  });

  test("the functions' metadata: JSON with CORS for Excel's origin, never cached", async () => {
    for (const file of ["functions.json", "functions.de-DE.json"]) {
      const a = await get(port, at(file), { origin: "https://excel.officeapps.live.com" });
      expect([file, a.status, a.headers["content-type"], a.headers["access-control-allow-origin"], a.headers["cache-control"], a.headers["x-content-type-options"]]).toEqual([
        file, 200, "application/json; charset=utf-8", "*", "no-cache", "nosniff",
      ]);
    }
  });

  test("the metadata the manifest names (hashed): JSON with CORS, cached for a year", async () => {
    const named = [...readFileSync(join(dist, "manifest.xml"), "utf8").matchAll(/functions(?:\.de-DE)?\.[0-9a-f]{12}\.json/g)].map((m) => m[0]);
    expect(named).toHaveLength(2);
    for (const file of named) {
      const a = await get(port, at(file), { origin: "https://excel.officeapps.live.com" });
      expect([file, a.status, a.headers["content-type"], a.headers["access-control-allow-origin"], a.headers["cache-control"]]).toEqual([
        file, 200, "application/json; charset=utf-8", "*", "public, max-age=31536000, immutable",
      ]);
    }
  });

  test("hashed bundles: JavaScript, cached for a year as immutable", async () => {
    const bundles = readdirSync(dist).filter((f) => /\.[0-9a-f]{12}\.js$/.test(f));
    // The pane, the ribbon's commands, the functions; the browser page and its on-demand engine.
    expect(bundles).toHaveLength(5);
    for (const bundle of bundles) {
      const a = await get(port, at(bundle));
      expect([bundle, a.status, a.headers["content-type"], a.headers["cache-control"], a.headers["x-content-type-options"]]).toEqual([
        bundle, 200, "application/javascript; charset=utf-8", "public, max-age=31536000, immutable", "nosniff",
      ]);
    }
  });

  test("icons: PNG without any Cache-Control (else Office shows a default icon), nosniff", async () => {
    const icons = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".png"));
    expect(icons.length).toBeGreaterThanOrEqual(3);
    for (const icon of icons) {
      const a = await get(port, at(`assets/${icon}`));
      expect([icon, a.status, a.headers["content-type"], a.headers["cache-control"], a.headers.expires, a.headers["x-content-type-options"]]).toEqual([
        icon, 200, "image/png", undefined, undefined, "nosniff",
      ]);
    }
  });

  test("nothing else: unknown paths and folders are 404, no listing; every answer, 404 included, nosniff and HSTS", async () => {
    const answers: Record<string, [number, unknown, unknown]> = {};
    for (const path of [at("nicht-da.js"), at("assets/"), at(""), at("assets/nicht-da.png"), at("nicht-da/functions.json"), "/.git/config"]) {
      const a = await get(port, path);
      answers[path] = [a.status, a.headers["x-content-type-options"], a.headers["strict-transport-security"]];
    }
    expect(Object.values(answers).every(([status, nosniff, hsts]) => status === 404 && nosniff === "nosniff" && hsts === HSTS)).toBe(true);
    expect((await get(port, "/../package.json")).status).toBe(400);
  });

  test("plain http answers only with a redirect to https", async () => {
    const a = await getHttp(httpPort, at("taskpane.html"));
    expect([a.status, a.headers.location]).toEqual([301, `https://intranet.example${at("taskpane.html")}`]);
  });

  test("the built manifest points where this server serves (the test's address)", () => {
    expect(readFileSync(join(dist, "manifest.xml"), "utf8")).toContain(`${TEST_BASE_URL}taskpane.html`);
  });
});

test("the IIS web.config states the same policy and rules", () => {
  const config = readFileSync(join(ROOT, "deploy", "iis", "web.config"), "utf8");
  const policies = [...config.matchAll(/name="Content-Security-Policy" value="([^"]+)"/g)].map((m) => m[1]);
  expect(policies).toEqual([CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY, BROWSER_CONTENT_SECURITY_POLICY]);
  expect(config).toMatch(/<location path="browser\.html">.*?Content-Security-Policy/s);
  expect(SITE).toContain(`add_header Content-Security-Policy "${BROWSER_CONTENT_SECURITY_POLICY}" always;`);
  expect(SITE).toContain(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}" always;`);
  for (const path of ["taskpane.html", "functions.html", "commands.html"]) expect(config).toMatch(new RegExp(`<location path="${path.replace(/\./g, "\\.")}">.*?Content-Security-Policy`, "s"));
  // CORS once, for every answer (the hashed metadata's names cannot be listed); twice would break it.
  expect(config.match(/Access-Control-Allow-Origin/g)).toHaveLength(1);
  expect(config).toMatch(/<customHeaders>\s*<add name="X-Content-Type-Options"[\s\S]*?<add name="Access-Control-Allow-Origin" value="\*" \/>\s*<\/customHeaders>/);
  // Nothing cached for long by default (a file a rule misses is asked for again); icons without Cache-Control.
  expect(config).toMatch(/<system\.webServer>\s*<directoryBrowse enabled="false" \/>\s*<staticContent>[\s\S]*?<clientCache cacheControlMode="DisableCache" \/>/);
  expect(config).not.toMatch(/immutable|UseMaxAge/);
  expect(config).toMatch(/<location path="assets">.*?cacheControlMode="NoControl"/);
  expect(config).toContain('<mimeMap fileExtension=".html" mimeType="text/html; charset=utf-8" />');
  expect(config).toContain('<add name="X-Content-Type-Options" value="nosniff" />');
  expect(config).toContain('<add name="Strict-Transport-Security" value="max-age=31536000" />');
});
