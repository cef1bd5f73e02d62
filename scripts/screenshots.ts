/*
 * The pictures of the staff guide (docs/anleitung.md): the built add-in in Debian's Chromium at 320 × 800 px on
 * the in-memory Excel host with the sample workbook (steps, "Spalten anpassen", the input-help dialog, the
 * retention step), and the review sheet as LibreOffice prints the command line's review (needs Debian's
 * libreoffice-calc-nogui and poppler-utils). Excel's ribbon cannot be pictured here (no Excel runs on Linux); the
 * guide describes it in words.
 *   npx tsx scripts/screenshots.ts
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildAddin } from "../tests/helpers/build";
import { launchChromium, openPane, originOf, serve, sheetsOfFile } from "../tests/helpers/paneBrowser";

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, "docs", "bilder");


/** The first page of the review sheet, as LibreOffice prints the command line's review of the sample. */
function reviewSheet(): void {
  const dir = mkdtempSync(join(tmpdir(), "fallbilanz-bild-"));
  const review = join(dir, "Jahresrueckblick.xlsx");
  execFileSync(process.execPath, [join(ROOT, "bin", "fallbilanz.js"), join(ROOT, "samples", "Beispiel-Tracking.xlsx"), "--jahr", "2019", "--bericht", review], { stdio: "ignore" });
  execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, review], { stdio: "ignore", timeout: 300_000 });
  // The sheets print in order: Fälle and Geprüfte Einträge fill many pages; the review's first page is found by its title.
  const pdf = join(dir, "Jahresrueckblick.pdf");
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  for (let p = 1; p <= pages; p++) {
    const text = execFileSync("pdftotext", ["-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" });
    if (!text.includes("Jahresrückblick 2019: Integrationskoordination")) continue;
    execFileSync("pdftoppm", ["-f", String(p), "-l", String(p), "-png", "-r", "80", pdf, join(dir, "seite")]);
    const png = readdirSync(dir).find((f) => f.startsWith("seite") && f.endsWith(".png"))!;
    renameSync(join(dir, png), join(OUT, "5-rueckblick-blatt.png"));
    return;
  }
  throw new Error("Die erste Seite des Jahresrückblicks wurde im PDF nicht gefunden.");
}

async function main(): Promise<void> {
  const server = await serve(await buildAddin("production"));
  const browser = await launchChromium();
  try {
    const page = await openPane(browser, originOf(server), { workbook: await sheetsOfFile(join(ROOT, "samples", "Beispiel-Tracking.xlsx")), viewport: { width: 320, height: 800 } });
    await page.getByText(", Kopfzeile 4").waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(OUT, "1-erkannt.png") });
    await page.getByText("Spalten anpassen").first().click();
    await page.getByRole("region", { name: "1. Arbeitsmappe erkennen" }).screenshot({ path: join(OUT, "1b-spalten-anpassen.png") });
    await page.getByText("Spalten anpassen").first().click();
    await page.getByRole("button", { name: "Prüfen", exact: true }).click();
    await page.getByRole("table", { name: "Summen je Blatt" }).waitFor();
    await page.getByText(/^Beratungen: \d+ Befunde/).click();
    await page.mouse.move(0, 0);
    await page.getByRole("region", { name: "2. Prüfen" }).screenshot({ path: join(OUT, "2-geprueft.png") });
    await page.getByRole("button", { name: "Jahresrückblick erstellen" }).click();
    await page.getByText("Jahresrückblick 2019 geschrieben").waitFor({ timeout: 60_000 });
    await page.mouse.move(0, 0);
    await page.getByRole("region", { name: "3. Jahresrückblick erstellen" }).screenshot({ path: join(OUT, "3-jahresrueckblick.png") });
    await page.getByRole("button", { name: "Eingabehilfen einrichten …" }).click();
    const dialog = page.getByRole("dialog", { name: "Eingabehilfen hinzufügen?" });
    await dialog.waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUT, "4-eingabehilfen.png") });
    await dialog.getByRole("button", { name: "Abbrechen" }).click();
    await page.getByRole("button", { name: "Löschfristen prüfen" }).click();
    await page.getByText(/Geschrieben: „Löschliste“/).waitFor({ timeout: 60_000 });
    await page.mouse.move(0, 0);
    await page.locator("section[aria-labelledby=step-retention]").screenshot({ path: join(OUT, "6-loeschfristen.png") });
    reviewSheet();
    console.log(`Geschrieben: ${OUT}/1-erkannt.png, 1b-spalten-anpassen.png, 2-geprueft.png, 3-jahresrueckblick.png, 4-eingabehilfen.png, 5-rueckblick-blatt.png, 6-loeschfristen.png`);
  } finally {
    await browser.close();
    server.close();
  }
}

void main();
