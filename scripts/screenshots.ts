/*
 * The pane's screenshots for the staff guide (docs/anleitung.md): the built add-in in Debian's Chromium at
 * 320 × 800 px on the in-memory Excel host with the sample workbook.
 *   npx tsx scripts/screenshots.ts
 */
import { join } from "node:path";
import { buildAddin } from "../tests/helpers/build";
import { launchChromium, openPane, originOf, serve, sheetsOfFile } from "../tests/helpers/paneBrowser";

const ROOT = join(__dirname, "..");
const OUT = join(ROOT, "docs", "bilder");


async function main(): Promise<void> {
  const server = await serve(await buildAddin("production"));
  const browser = await launchChromium();
  try {
    const page = await openPane(browser, originOf(server), { workbook: await sheetsOfFile(join(ROOT, "samples", "Beispiel-Tracking.xlsx")), viewport: { width: 320, height: 800 } });
    await page.getByText(", Kopfzeile 4").waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(OUT, "1-erkannt.png") });
    await page.getByRole("button", { name: "Prüfen", exact: true }).click();
    await page.getByRole("table", { name: "Summen je Blatt" }).waitFor();
    await page.getByText(/^Beratungen: \d+ Befunde/).click();
    await page.mouse.move(0, 0);
    await page.getByRole("region", { name: "2. Prüfen" }).screenshot({ path: join(OUT, "2-geprueft.png") });
    await page.getByRole("button", { name: "Jahresrückblick erstellen" }).click();
    await page.getByText("Jahresrückblick 2019 geschrieben").waitFor({ timeout: 60_000 });
    await page.mouse.move(0, 0);
    await page.getByRole("region", { name: "3. Jahresrückblick erstellen" }).screenshot({ path: join(OUT, "3-jahresrueckblick.png") });
    console.log(`Geschrieben: ${OUT}/1-erkannt.png, 2-geprueft.png, 3-jahresrueckblick.png`);
  } finally {
    await browser.close();
    server.close();
  }
}

void main();
