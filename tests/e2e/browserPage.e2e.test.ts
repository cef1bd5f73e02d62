import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { Server } from "node:http";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { Browser, Page } from "playwright-core";
import { main } from "../../src/cli/main";
import { buildAddin } from "../helpers/build";
import { axeViolations, launchChromium, originOf, serve } from "../helpers/paneBrowser";
import { tempDir } from "../helpers/xlsx";

/*
 * The browser page (browser.html) in Debian's Chromium, served from a production build: the sample workbook
 * chosen, the review and its summary downloaded and compared with the command line's part by part; the page's
 * policy allows no connection (the page's and a blob worker's fetches are blocked), and the requests it makes are
 * its own files only; bad input gets one German sentence in view and nothing to download.
 */

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "samples", "Beispiel-Tracking.xlsx");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { BROWSER_CONTENT_SECURITY_POLICY } = require("../../scripts/build/contentSecurityPolicy.cjs") as { BROWSER_CONTENT_SECURITY_POLICY: string };

let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  server = await serve(await buildAddin("production"));
  origin = originOf(server);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** The page, with every request it makes recorded. */
async function openPage(): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 900, height: 1000 } });
  const requests: string[] = [];
  page.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));
  await page.goto(`${origin}/browser.html`);
  await page.getByRole("heading", { name: "Fallbilanz im Browser" }).waitFor();
  return { page, requests };
}

const choose = (page: Page, path: string) => page.getByLabel("Arbeitsmappe", { exact: true }).setInputFiles(path);

/** Every part of a package as text, the creation time of docProps/core.xml masked (it is the moment of writing). */
async function partsOf(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).sort()) {
    const text = await zip.file(name)!.async("string");
    parts[name] = name === "docProps/core.xml" ? text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, "…") : text;
  }
  return parts;
}

describe("the browser page", () => {
  test("the sample chosen: the check in view, the review and summary downloaded equal the command line's, part by part", async () => {
    const dir = tempDir("fallbilanz-page-");
    copyFileSync(SAMPLE, join(dir, "Beispiel-Tracking.xlsx"));
    const { page, requests } = await openPage();
    await choose(page, join(dir, "Beispiel-Tracking.xlsx"));
    const totals = page.getByRole("table", { name: "Summen je Blatt" });
    await totals.waitFor({ timeout: 60_000 });
    expect(await page.getByText("Beratungen: 14 Befunde").isVisible()).toBe(true);
    expect(await page.getByRole("combobox", { name: "Jahr" }).inputValue()).toBe("2019");

    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByRole("button", { name: "Jahresrückblick erstellen und herunterladen" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("Jahresrückblick-2019.xlsx");
    const pageReview = join(dir, "Seite.xlsx");
    await download.saveAs(pageReview);
    await page.getByText(/^Jahresrückblick 2019 erstellt\. Der Text für den Rückblick: Im Jahr 2019 hat/).waitFor();
    const [summaryDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Zusammenfassung-2019.json herunterladen" }).click()]);
    const pageSummary = join(dir, "Seite.json");
    await summaryDownload.saveAs(pageSummary);

    // The command line on the same file, its outputs beside it (as the page's review is meant to be saved).
    const out = { write: () => true };
    const code = await main([join(dir, "Beispiel-Tracking.xlsx"), "--jahr", "2019", "--bericht", join(dir, "Kommandozeile.xlsx"), "--zusammenfassung", join(dir, "Kommandozeile.json")], { stdout: out, stderr: out });
    expect(code).toBe(0);
    const cli = await partsOf(readFileSync(join(dir, "Kommandozeile.xlsx")));
    const fromPage = await partsOf(readFileSync(pageReview));
    expect(Object.keys(fromPage)).toEqual(Object.keys(cli));
    for (const name of Object.keys(cli)) expect([name, fromPage[name]]).toEqual([name, cli[name]]);
    expect(readFileSync(pageSummary, "utf8")).toBe(readFileSync(join(dir, "Kommandozeile.json"), "utf8"));

    // And cell for cell as Excel reads them (ExcelJS), the five sheets.
    const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await a.xlsx.readFile(pageReview);
    await b.xlsx.readFile(join(dir, "Kommandozeile.xlsx"));
    expect(a.worksheets.map((w) => w.name)).toEqual(["Fälle", "Geprüfte Einträge", "Prüfbericht", "Jahresrückblick 2019", "Mehrjahresübersicht"]);
    for (const ws of a.worksheets) {
      const other = b.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: true }, (row, r) => expect([ws.name, r, row.values]).toEqual([ws.name, r, other.getRow(r).values]));
    }

    // Nothing but the page's own files (and the worker's blob) was asked for; nothing was sent.
    const own = requests.filter((r) => r.startsWith(`GET ${origin}/`)).map((r) => r.replace(`GET ${origin}/`, "").replace(/\.[0-9a-f]{12}\.js$/, ".js"));
    expect(own).toEqual(["browser.html", "browser.js", "engine.js"]);
    expect(requests.filter((r) => !r.startsWith(`GET ${origin}/`) && !r.startsWith("GET blob:"))).toEqual([]);
    await page.close();
  }, 180_000);

  test("the policy: no connection at all, from the page or from a worker made from a blob", async () => {
    const { page } = await openPage();
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toBe(BROWSER_CONTENT_SECURITY_POLICY);
    const fromPage = await page.evaluate(async () => {
      const tries = [`${location.origin}/browser.html`, "https://example.org/"];
      return Promise.all(tries.map((url) => fetch(url).then(() => "geladen", () => "blockiert")));
    });
    expect(fromPage).toEqual(["blockiert", "blockiert"]);
    const fromWorker = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const code = `fetch(${JSON.stringify(location.origin + "/browser.html")}).then(() => postMessage("geladen"), () => postMessage("blockiert"))`;
          const worker = new Worker(URL.createObjectURL(new Blob([code], { type: "text/javascript" })));
          worker.onmessage = (e) => resolve(String(e.data));
        }),
    );
    expect(fromWorker).toBe("blockiert");
    await page.close();
  });

  test("bad input: one German sentence in view, nothing to download", async () => {
    const dir = tempDir("fallbilanz-page-bad-");
    const text = join(dir, "Notizen.xlsx");
    writeFileSync(text, "Das ist keine Arbeitsmappe.\n");
    const xls = join(dir, "Alt.xls");
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const damaged = join(dir, "Kaputt.xlsx");
    const sample = readFileSync(SAMPLE);
    // The sample with its middle overwritten: the directory is intact, a part's data is not.
    const broken = Buffer.from(sample);
    broken.fill(0x55, Math.floor(sample.length / 3), Math.floor(sample.length / 3) + 4096);
    writeFileSync(damaged, broken);
    const other = join(dir, "Urlaubsplan.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Urlaub").addRows([["Name", "von", "bis"], ["A", "1.7.", "14.7."]]);
    await wb.xlsx.writeFile(other);

    const { page } = await openPage();
    const cases: [string, RegExp][] = [
      [text, /^„Notizen\.xlsx“ ist keine lesbare Excel-Arbeitsmappe \(\.xlsx\)\. Bitte die Datei in Excel öffnen/],
      [xls, /^„Alt\.xls“ ist mit einem Kennwort geschützt oder eine alte Excel-Datei \(\.xls\)\./],
      [damaged, /^„Kaputt\.xlsx“ ist beschädigt und lässt sich nicht vollständig lesen; es wurde nichts ausgewertet\./],
      [other, /^Kein Tabellenblatt erkannt: Die Arbeitsmappe braucht ein Blatt „Beratungen“/],
    ];
    for (const [file, expected] of cases) {
      await choose(page, file);
      const alert = page.locator(".fui-MessageBar");
      await alert.waitFor({ timeout: 60_000 });
      const message = (await alert.innerText()).trim();
      expect([file, message]).toEqual([file, expect.stringMatching(expected)]);
      expect(message.split("\n")).toHaveLength(1);
      const box = await alert.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 1000).toBe(true);
      expect(await page.getByRole("button", { name: "Jahresrückblick erstellen und herunterladen" }).count()).toBe(0);
      expect(await page.getByRole("table", { name: "Summen je Blatt" }).count()).toBe(0);
    }
    await page.close();
  }, 120_000);

  test("accessible: no serious or critical axe finding, before and after the check", async () => {
    const { page } = await openPage();
    const violations = () => axeViolations(page);
    // Fluent's buttons fade between their disabled and enabled colours: checked once they have settled.
    const settled = () => page.waitForTimeout(500);
    expect(await violations()).toEqual([]);
    await choose(page, SAMPLE);
    await page.getByRole("table", { name: "Summen je Blatt" }).waitFor({ timeout: 60_000 });
    await settled();
    expect(await violations()).toEqual([]);
    await page.close();
  }, 120_000);

  test("at 320 px nothing scrolls sideways, before and after the check", async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
    await page.goto(`${origin}/browser.html`);
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await choose(page, SAMPLE);
    await page.getByRole("table", { name: "Summen je Blatt" }).waitFor({ timeout: 60_000 });
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    expect(await sideways()).toBeLessThanOrEqual(0);
    await page.close();
  }, 120_000);
});
