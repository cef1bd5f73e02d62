import { ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
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
const { CONTENT_SECURITY_POLICY } = require("../../scripts/build/contentSecurityPolicy.cjs") as { CONTENT_SECURITY_POLICY: string };

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

describe("the example nginx configuration, serving a production build", () => {
  let nginx: ChildProcess | undefined;
  let port: number;
  let dist: string;

  beforeAll(async () => {
    if (!NGINX) throw new Error("nginx fehlt: bitte `npm run test:all` ausführen (installiert Debians nginx).");
    dist = await buildAddin("production");
    const dir = tempDir("fallbilanz-nginx-");
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=intranet.example", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")], { stdio: "ignore" });
    port = await freePort();
    // The site file as IT would install it; only the address, the certificate and the folder differ.
    const site = SITE.replace("listen 443 ssl;", `listen 127.0.0.1:${port} ssl;`)
      .replace("/etc/ssl/certs/fallbilanz.crt", join(dir, "cert.pem"))
      .replace("/etc/ssl/private/fallbilanz.key", join(dir, "key.pem"))
      .replace("root /srv/fallbilanz;", `root ${dist};`);
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
    nginx = spawn(NGINX, ["-p", dir, "-c", join(dir, "nginx.conf")], { stdio: "ignore" });
    for (let i = 0; i < 100; i++) {
      try {
        await get(port, "/taskpane.html");
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`nginx did not start: ${readFileSync(join(dir, "error.log"), "utf8")}`);
  }, 180_000);

  afterAll(() => {
    nginx?.kill("SIGQUIT");
  });

  test("pages over HTTPS: text/html in UTF-8, never cached, with the Content-Security-Policy of their meta tag", async () => {
    for (const page of ["taskpane.html", "functions.html", "commands.html"]) {
      const a = await get(port, `/${page}`);
      expect([page, a.status, a.headers["content-type"], a.headers["cache-control"]]).toEqual([page, 200, "text/html; charset=utf-8", "no-cache"]);
      expect(a.headers["content-security-policy"]).toBe(CONTENT_SECURITY_POLICY);
      expect(readFileSync(join(dist, page), "utf8")).toContain(CONTENT_SECURITY_POLICY);
    }
  });

  test("the manifest: XML, never cached", async () => {
    const a = await get(port, "/manifest.xml");
    expect([a.status, a.headers["content-type"], a.headers["cache-control"]]).toEqual([200, "text/xml; charset=utf-8", "no-cache"]);
  });

  test("the functions' metadata: JSON with CORS for Excel's origin, never cached", async () => {
    for (const file of ["functions.json", "functions.de-DE.json"]) {
      const a = await get(port, `/${file}`, { origin: "https://excel.officeapps.live.com" });
      expect([file, a.status, a.headers["content-type"], a.headers["access-control-allow-origin"], a.headers["cache-control"]]).toEqual([file, 200, "application/json; charset=utf-8", "*", "no-cache"]);
    }
  });

  test("hashed bundles: JavaScript, cached for a year as immutable; icons for a day", async () => {
    const bundles = readdirSync(dist).filter((f) => /\.[0-9a-f]{12}\.js$/.test(f));
    expect(bundles).toHaveLength(3);
    for (const bundle of bundles) {
      const a = await get(port, `/${bundle}`);
      expect([bundle, a.status, a.headers["content-type"], a.headers["cache-control"]]).toEqual([bundle, 200, "application/javascript; charset=utf-8", "public, max-age=31536000, immutable"]);
    }
    const icon = await get(port, "/assets/icon-32.png");
    expect([icon.status, icon.headers["content-type"], icon.headers["cache-control"]]).toEqual([200, "image/png", "public, max-age=86400"]);
  });

  test("nothing else: unknown paths and folders are 404, no listing, every answer nosniff", async () => {
    const statuses: Record<string, number> = {};
    for (const path of ["/nicht-da.js", "/assets/", "/../package.json", "/.git/config"]) statuses[path] = (await get(port, path)).status;
    expect(statuses).toEqual({ "/nicht-da.js": 404, "/assets/": 403, "/../package.json": 400, "/.git/config": 404 });
    expect((await get(port, "/taskpane.html")).headers["x-content-type-options"]).toBe("nosniff");
  });

  test("the built manifest points where this server serves (the test's address)", () => {
    expect(readFileSync(join(dist, "manifest.xml"), "utf8")).toContain(`${TEST_BASE_URL}taskpane.html`);
  });
});

test("the IIS web.config states the same policy and rules", () => {
  const config = readFileSync(join(ROOT, "deploy", "iis", "web.config"), "utf8");
  const policies = [...config.matchAll(/name="Content-Security-Policy" value="([^"]+)"/g)].map((m) => m[1]);
  expect(policies).toEqual([CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY]);
  expect(SITE).toContain(`add_header Content-Security-Policy "${CONTENT_SECURITY_POLICY}" always;`);
  for (const path of ["taskpane.html", "functions.html", "commands.html", "manifest.xml", "functions.json", "functions.de-DE.json"]) {
    expect(config).toMatch(new RegExp(`<location path="${path.replace(/\./g, "\\.")}">.*?no-cache`, "s"));
  }
  expect(config.match(/Access-Control-Allow-Origin" value="\*"/g)).toHaveLength(2);
});
