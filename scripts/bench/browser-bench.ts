import { readFileSync, readdirSync } from "node:fs";
import { buildAddin } from "../../tests/helpers/build";
import { launchChromium, originOf, serve } from "../../tests/helpers/paneBrowser";

/*
 * The browser page on a benchmark workbook, in Debian's Chromium: the time from choosing the file to the review's
 * download (reading, checking, writing, in the page's worker), and the peak resident memory of the largest renderer
 * process meanwhile (the page and its worker run in one; its resident memory bounds their heaps from above; the
 * other renderers, a spare one and the blank start page, are not the page's).
 */

export interface BrowserSample {
  readonly ms: number;
  readonly peakMB: number;
}

/** Resident memory of Chromium's largest renderer process, in MB. */
function rendererRssMB(): number {
  let largest = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.includes("chromium") || !cmd.includes("--type=renderer")) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (rss) largest = Math.max(largest, Number(rss[1]) / 1024);
    } catch {
      // a process that ended meanwhile
    }
  }
  return largest;
}

/** Median of `runs` fresh pages: choose the file, wait for the check, download the review of `year`. */
export async function measureBrowserPage(file: string, year: number, runs: number): Promise<BrowserSample> {
  const server = await serve(await buildAddin("production"));
  const browser = await launchChromium();
  const samples: BrowserSample[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(`${originOf(server)}/browser.html`);
      await page.getByRole("heading", { name: "Fallbilanz im Browser" }).waitFor();
      let peak = rendererRssMB();
      const poll = setInterval(() => (peak = Math.max(peak, rendererRssMB())), 50);
      const start = performance.now();
      await page.getByLabel("Arbeitsmappe", { exact: true }).setInputFiles(file);
      await page.getByRole("table", { name: "Summen je Blatt" }).waitFor({ timeout: 300_000 });
      await page.getByRole("combobox", { name: "Jahr" }).selectOption(String(year));
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 300_000 }),
        page.getByRole("button", { name: "Jahresrückblick erstellen und herunterladen" }).click(),
      ]);
      await download.path();
      const ms = performance.now() - start;
      clearInterval(poll);
      samples.push({ ms, peakMB: Math.max(peak, rendererRssMB()) });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { ms: median(samples.map((s) => s.ms)), peakMB: median(samples.map((s) => s.peakMB)) };
}
