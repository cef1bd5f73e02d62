import { createReadStream, existsSync, readFileSync } from "node:fs";
import { Server, createServer } from "node:http";
import { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { buildSync } from "esbuild";
import ExcelJS from "exceljs";
import { Browser, Page, chromium } from "playwright-core";
import type { HostOptions } from "../host/memoryExcel";
import { excelSerial } from "./xlsx";
import { buildAddin } from "./build";

const buildAddinForBrowser = (): Promise<string> => buildAddin("production");

/* The built task pane in Debian's Chromium, with office.js routed to the in-memory Excel host. */

const ROOT = join(__dirname, "..", "..");
export const CHROMIUM = "/usr/bin/chromium";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "application/javascript", ".json": "application/json", ".png": "image/png", ".xml": "application/xml" };

/** Serves a built dist/ on a loopback port. */
export function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!path.startsWith(dir) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export const originOf = (server: Server): string => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error("Chromium fehlt: bitte `npm run test:all` ausführen (installiert Debians chromium).");
  return chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"] });
}

let hostScript: string | undefined;
/** The in-memory host bundled for the browser (tests/host/browserHost.ts). */
function browserHost(): string {
  hostScript ??= buildSync({ entryPoints: [join(ROOT, "tests", "host", "browserHost.ts")], bundle: true, write: false, format: "iife", platform: "browser", target: "es2020" }).outputFiles[0].text;
  return hostScript;
}

export interface PaneOptions {
  readonly workbook: Record<string, unknown[][]>;
  /** Settings and custom XML parts the workbook keeps (from `window.__workbookState()` of an earlier page). */
  readonly kept?: unknown;
  /** What kind of Office the host pretends to be; `officeJs: false` leaves office.js unreachable. */
  readonly host?: HostOptions;
  readonly officeJs?: boolean;
  readonly viewport?: { width: number; height: number };
  /** Called with the new page before it loads (to listen for requests or errors from the start). */
  readonly beforeLoad?: (page: Page) => void;
}

/** Opens the task pane page on a new page; office.js answered by the in-memory host (or refused). */
export async function openPane(browser: Browser, origin: string, options: PaneOptions): Promise<Page> {
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 380, height: 900 } });
  await page.route(OFFICE_JS, (route) =>
    options.officeJs === false
      ? route.abort("connectionrefused")
      : route.fulfill({
          contentType: "application/javascript",
          body:
            `window.__WORKBOOK__ = ${JSON.stringify(options.workbook)};\nwindow.__HOST__ = ${JSON.stringify(options.host ?? {})};\n` +
            `window.__KEPT__ = ${JSON.stringify(options.kept ?? null)} || undefined;\n${browserHost()}`,
        }),
  );
  options.beforeLoad?.(page);
  await page.goto(`${origin}/taskpane.html`);
  return page;
}

/** A workbook file as the in-memory host holds it: values by sheet, dates as serial numbers. */
export async function sheetsOfFile(path: string): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? excelSerial(v) : (v ?? "")));
    });
    out[ws.name] = Array.from(rows, (r) => r ?? []);
  });
  return out;
}

/** What a browser test of the pane works with: the built add-in served on loopback, Chromium, a workbook. */
export interface PaneSession {
  readonly origin: string;
  readonly browser: Browser;
  readonly workbook: Record<string, unknown[][]>;
}

/**
 * Builds and serves the production add-in, starts Chromium and reads the workbook once for the test file (in
 * `beforeAll`), and stops them after it; the session's fields are there once the tests run.
 */
export function paneSession(workbookPath: string): PaneSession {
  const session = {} as { origin: string; browser: Browser; workbook: Record<string, unknown[][]>; server: Server };
  beforeAll(async () => {
    session.server = await serve(await buildAddinForBrowser());
    session.origin = originOf(session.server);
    session.browser = await launchChromium();
    session.workbook = await sheetsOfFile(workbookPath);
  }, 180_000);
  afterAll(async () => {
    await session.browser?.close();
    await new Promise((resolve) => session.server?.close(resolve));
  });
  return session;
}

/** Opens the pane on the session's workbook (options may give another) and waits until it is recognised. */
export async function openRecognised(session: PaneSession, options: Partial<PaneOptions> = {}): Promise<Page> {
  const page = await openPane(session.browser, session.origin, { workbook: session.workbook, ...options });
  await page.getByText(/, Kopfzeile \d+$/).first().waitFor({ timeout: 60_000 });
  return page;
}

/**
 * The serious and critical accessibility findings of axe-core on the page as it is now. Evaluated through the
 * debugging protocol: the pages' policies admit no inline script tag, rightly.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run();
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact})`);
  });
}
