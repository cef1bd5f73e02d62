import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { join } from "node:path";
import { Browser, Page } from "playwright-core";
import { XlsxFileSource } from "../../src/adapters/xlsx/fileSource";
import { readTrackingWorkbook } from "../../src/app/readTrackingWorkbook";
import { analyse } from "../../src/core/validate/analyse";
import { todayInGermany } from "../../src/core/dates/calendarDay";
import { FORMULA_COLUMN } from "../../src/core/report/annualReview";
import { buildReport } from "../../src/core/report/buildReport";
import { SummaryJson } from "../../src/core/report/summaryJson";
import { buildAddin } from "../helpers/build";
import { TableColumns, evaluateFormula } from "../helpers/formulaText";
import { OFFICE_JS, axeViolations, launchChromium, openPane, originOf, serve, sheetsOfFile } from "../helpers/paneBrowser";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "samples", "Beispiel-Tracking.xlsx");


/** The columns of a table written into the in-memory host, by header, from its address (e.g. `A3:H10062`). */
function tableColumns(values: unknown[][], address: string): TableColumns {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address.replace(/^.*!/, "").replace(/\$/g, ""))!;
  const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [c1, r1, c2, r2] = [col(m[1]), Number(m[2]) - 1, col(m[3]), Number(m[4]) - 1];
  const columns = new Map<string, unknown[]>();
  for (let c = c1; c <= c2; c++) {
    columns.set(String(values[r1][c]), values.slice(r1 + 1, r2 + 1).map((row) => row[c] ?? ""));
  }
  return columns;
}

describe("the task pane in Chromium, on an in-memory Excel host", () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let summary: SummaryJson;
  const requests: string[] = [];

  beforeAll(async () => {
    const dist = await buildAddin("production");
    server = await serve(dist);
    origin = originOf(server);
    summary = buildReport(analyse(await readTrackingWorkbook(new XlsxFileSource(SAMPLE)), todayInGermany()), { year: 2019 }).summary;
    browser = await launchChromium();
    // About the width of a task pane in Excel.
    page = await openPane(browser, origin, { workbook: await sheetsOfFile(SAMPLE), beforeLoad: (p) => p.on("request", (r) => requests.push(r.url())) });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  test("recognises the sample workbook's sheets", async () => {
    await page.getByText(", Kopfzeile 4").waitFor({ timeout: 60_000 });
    const text = await page.locator("main").innerText();
    expect(text).toContain("Beratungen: Beratungen, Kopfzeile 4");
    expect(text).toContain("Vermittlungen: Vermittlungen, Kopfzeile 3");
    expect(text).toContain("Infoveranstaltungen: Veranstaltungen, Kopfzeile 1");
    expect(text).toContain("KlientInnen: Klienten, Kopfzeile 1");
  });

  test("checks every row", async () => {
    await page.getByRole("button", { name: "Prüfen", exact: true }).click();
    const table = page.getByRole("table", { name: "Summen je Blatt" });
    await table.waitFor();
    // Per sheet: its name on one row, its numbers (rows first) on the next.
    const rows = await table.locator("tbody tr:nth-child(2)").allInnerTexts();
    const total = rows.map((r) => Number(r.split("\t")[0].replace(/\./g, ""))).reduce((a, b) => a + b, 0);
    expect(total).toBe(summary.validation.rows);
  });

  test("the input-help dialog, cancelled and opened again, is open and accessible each time (real focus handling)", async () => {
    const open = page.getByRole("button", { name: "Eingabehilfen einrichten …" });
    for (let round = 0; round < 2; round++) {
      await open.click();
      // getByRole leaves out what is aria-hidden: a dialog still closing, or hidden by Fluent's focus trap, is not found.
      const dialog = page.getByRole("dialog", { name: "Eingabehilfen hinzufügen?" });
      await dialog.getByRole("button", { name: "Hinzufügen" }).waitFor();
      await page.waitForTimeout(400); // Fluent's focus trap updates aria-hidden 250 ms after a change
      expect(await dialog.getByRole("button", { name: "Hinzufügen" }).isVisible()).toBe(true);
      await dialog.getByRole("button", { name: "Abbrechen" }).click();
      await page.locator("[role=dialog]").waitFor({ state: "detached" });
      await expect(open.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    }
    const back = await page.evaluate(() => window.__readBack());
    expect(back.writes).toEqual([]);
  });

  test("writes the year-end review and the written sheets carry the review's figures", async () => {
    await page.getByRole("button", { name: "Jahresrückblick erstellen" }).click();
    await page.getByText("Jahresrückblick 2019 geschrieben").waitFor({ timeout: 60_000 });
    const back = await page.evaluate(() => window.__readBack());
    expect(back.names).toEqual(["Beratungen", "Vermittlungen", "Infoveranstaltungen", "KlientInnen", "Fälle", "Geprüfte Einträge", "Prüfbericht", "Jahresrückblick 2019", "Mehrjahresübersicht"]);
    expect(back.writes.filter((w) => ["Beratungen", "Vermittlungen", "Infoveranstaltungen", "KlientInnen"].includes(w.sheet))).toEqual([]);
    const review = back.sheets["Jahresrückblick 2019"];
    const row = (label: string) => review.find((r) => r[0] === label)!;
    expect(row("Teilnehmende an Informationsveranstaltungen")[1]).toBe(summary.infoEvents.attendees);
    expect(row("Ø beratene Asylbewerbende und Geduldete pro Monat")[1]).toBe(summary.counseling.monthlyAvgPersons);
    expect(row("Ø in Maßnahmen von Drittanbietern vermittelte Asylbewerbende und Geduldete pro Monat")[1]).toBe(summary.referrals.monthlyAvgPersons);
    expect(row("Aktive Fälle (Personen mit Beratung oder Vermittlung)")[1]).toBe(summary.cases.active);
    expect(back.sheets["Fälle"].length - 3).toBe(summary.cases.active);
    expect(back.charts).toBe(3); // two in the review, one in the multi-year overview
    expect(JSON.stringify(back.sheets["Jahresrückblick 2019"])).toContain("über 750 Teilnehmende");

    // Every formula text of the review, evaluated over the table as the pane wrote it, gives the figure beside it.
    const tables = new Map(back.tables.map((t) => [t.name, tableColumns(back.sheets[t.sheet], t.address)]));
    const formulas = review.filter((r) => typeof r[FORMULA_COLUMN] === "string" && (r[FORMULA_COLUMN]).startsWith("=IK."));
    expect(formulas).toHaveLength(12);
    for (const r of formulas) expect({ label: r[0], value: evaluateFormula(r[FORMULA_COLUMN] as string, tables) }).toEqual({ label: r[0], value: r[1] });
    // For looking at the pane as staff see it: FALLBILANZ_SCREENSHOT=pane.png npx jest tests/e2e
    if (process.env.FALLBILANZ_SCREENSHOT) await page.screenshot({ path: process.env.FALLBILANZ_SCREENSHOT, fullPage: true });
  });

  test("no serious or critical accessibility violations (axe-core)", async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  test("the Content-Security-Policy itself blocks a request to any other origin (not only the test's routing)", async () => {
    let reached = 0;
    const other = createServer((_req, res) => {
      reached++;
      res.writeHead(200, { "access-control-allow-origin": "*", "content-type": "text/plain" }).end("x");
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", () => resolve()));
    const elsewhere = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    try {
      const outcome = await page.evaluate(async (url) => {
        const violations: string[] = [];
        document.addEventListener("securitypolicyviolation", (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
        const fetched = await fetch(`${url}/daten`).then(() => "loaded", () => "blocked");
        const image = await new Promise((resolve) => {
          const img = new Image();
          img.onload = () => resolve("loaded");
          img.onerror = () => resolve("blocked");
          img.src = `${url}/bild.png`;
        });
        const script = await new Promise((resolve) => {
          const tag = document.createElement("script");
          tag.onload = () => resolve("loaded");
          tag.onerror = () => resolve("blocked");
          tag.src = `${url}/skript.js`;
          document.head.appendChild(tag);
        });
        await new Promise((r) => setTimeout(r, 200));
        return { fetched, image, script, violations };
      }, elsewhere);
      expect(outcome).toMatchObject({ fetched: "blocked", image: "blocked", script: "blocked" });
      expect(outcome.violations.sort()).toEqual([`connect-src ${elsewhere}/daten`, `img-src ${elsewhere}/bild.png`, `script-src-elem ${elsewhere}/skript.js`]);
      expect(reached).toBe(0);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  test("the pane makes no network request except to its own origin (office.js is routed to the stand-in)", () => {
    expect(requests.length).toBeGreaterThan(2);
    expect(requests.filter((u) => !u.startsWith(`${origin}/`) && u !== OFFICE_JS && !/^http:\/\/127\.0\.0\.1:\d+\/(daten|bild\.png|skript\.js)$/.test(u))).toEqual([]);
  });
});
