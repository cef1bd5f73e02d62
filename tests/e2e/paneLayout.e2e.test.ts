import { join } from "node:path";
import { Page } from "playwright-core";
import { openRecognised, paneSession } from "../helpers/paneBrowser";

/*
 * The pane as staff meet it: 320 × 800 px (Excel's usual task pane), the sample workbook. Nothing scrolls
 * sideways, the review button is near the top and few tab stops away, and every action's outcome (success, and
 * Excel's refusal with its Details) appears in view, next to the button.
 */

const SAMPLE = join(__dirname, "..", "..", "samples", "Beispiel-Tracking.xlsx");
const PANE = { width: 320, height: 800 };


/** Whether an element is inside the viewport (fully, vertically). */
const inView = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
  }, selector);

describe("the pane at 320 × 800 px", () => {
  const session = paneSession(SAMPLE);

  test("nothing scrolls sideways, before and after the check, with every column adjuster open", async () => {
    const page = await openRecognised(session, { viewport: PANE });
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "Prüfen", exact: true }).click();
    await page.getByRole("table", { name: "Summen je Blatt" }).waitFor();
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    expect(await sideways()).toBeLessThanOrEqual(0);
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll("main *"))
        .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map((e) => `${e.tagName}.${String(e.getAttribute("class")).slice(0, 20)}`)
        .slice(0, 5),
    );
    expect(wide).toEqual([]);
    await page.close();
  });

  test("the totals table at 320 px: long sheet names stay whole (never broken inside a word), numbers on one line", async () => {
    const names = ["Informationsveranstaltungen", "Beratungsprotokoll", "Weitervermittlungen"];
    const renamed: Record<string, unknown[][]> = {};
    for (const [name, rows] of Object.entries(session.workbook)) {
      const kind = /beratung/i.test(name) ? names[1] : /vermittl/i.test(name) ? names[2] : /veranstalt/i.test(name) ? names[0] : name;
      renamed[kind] = rows;
    }
    expect(Object.keys(renamed)).toEqual(expect.arrayContaining(names));
    const page = await openRecognised(session, { workbook: renamed, viewport: PANE });
    await page.getByRole("button", { name: "Prüfen", exact: true }).click();
    const table = page.getByRole("table", { name: "Summen je Blatt" });
    await table.waitFor();
    // A word broken across lines has characters at two heights: each name's text must lie on one line.
    const lines = await table.evaluate((t) =>
      Array.from(t.querySelectorAll("tbody th")).map((th) => {
        const range = document.createRange();
        range.selectNodeContents(th);
        const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
        return [th.textContent, tops.size];
      }),
    );
    for (const name of names) expect(lines).toContainEqual([name, 1]);
    const numberLines = await table.evaluate((t) =>
      Array.from(t.querySelectorAll("td")).every((td) => td.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(td).lineHeight)),
    );
    expect(numberLines).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.close();
  });

  test("the review button: within one and a half screens of the top, at most 15 tab stops away", async () => {
    const page = await openRecognised(session, { viewport: PANE });
    const button = page.getByRole("button", { name: "Jahresrückblick erstellen" });
    const box = (await button.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(1.5 * PANE.height);
    await page.locator("body").click({ position: { x: 1, y: 1 } });
    let stops = 0;
    for (; stops < 40; stops++) {
      await page.keyboard.press("Tab");
      if (await button.evaluate((b) => b === document.activeElement)) break;
    }
    expect(stops + 1).toBeLessThanOrEqual(15);
    await page.close();
  });

  test("after writing the review, its outcome is in view, next to the button", async () => {
    const page = await openRecognised(session, { viewport: PANE });
    await page.getByRole("button", { name: "Jahresrückblick erstellen" }).click();
    await page.getByText("Jahresrückblick 2019 geschrieben").waitFor({ timeout: 60_000 });
    const region = page.getByRole("region", { name: "3. Jahresrückblick erstellen" });
    expect(await region.getByText("Jahresrückblick 2019 geschrieben").isVisible()).toBe(true);
    await page.waitForTimeout(200);
    expect(await inView(page, "#step-review ~ [role=status] .fui-MessageBar, section[aria-labelledby=step-review] [role=status] .fui-MessageBar")).toBe(true);
    await page.close();
  });

  test("when Excel refuses (a protected workbook), its German explanation and Details are in view", async () => {
    const page = await openRecognised(session, { viewport: PANE, host: { failOn: "add" } });
    await page.getByRole("button", { name: "Jahresrückblick erstellen" }).click();
    await page.getByText(/Excel hat den Zugriff verweigert/).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(200);
    expect(await inView(page, "section[aria-labelledby=step-review] [role=status] .fui-MessageBar")).toBe(true);
    const status = page.locator("section[aria-labelledby=step-review] [role=status]");
    expect(await status.getAttribute("aria-live")).toBe("polite");
    expect(await status.innerText()).toMatch(/Details/);
    await page.close();
  });

  test("the retention step: the Löschliste written, the dialog and its outcome in view, nothing sideways", async () => {
    const page = await openRecognised(session, { viewport: PANE });
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const region = page.getByRole("region", { name: "Löschfristen (Datenschutz)" });
    await region.getByRole("button", { name: "Löschfristen prüfen" }).click();
    await region.getByText(/Geschrieben: „Löschliste“/).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(200);
    expect(await inView(page, "section[aria-labelledby=step-retention] [role=status] .fui-MessageBar")).toBe(true);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await region.getByRole("button", { name: "Personenbezug entfernen …" }).click();
    const dialog = page.getByRole("dialog", { name: "Personenbezug endgültig entfernen?" });
    await dialog.waitFor();
    const box = await dialog.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PANE.width).toBe(true);
    expect(await sideways()).toBeLessThanOrEqual(0);
    await dialog.getByRole("button", { name: "Endgültig leeren" }).click();
    await region.getByText(/Entfernt: .* noch zu entfernen: 0 Zellen/).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(200);
    expect(await inView(page, "section[aria-labelledby=step-retention] [role=status] .fui-MessageBar")).toBe(true);
    await page.close();
  });
});
