import { join } from "node:path";
import { Page } from "playwright-core";
import { openPane, openRecognised, paneSession } from "../helpers/paneBrowser";

/*
 * The live check as staff meet it, in Chromium at 320 × 800 px, on the sample workbook in the in-memory host: a
 * wrong date typed and rows pasted are found at once and shown at the top of the pane, in view however far the pane
 * is scrolled; after the review is written, an edit makes the pane say that the review no longer matches, and so
 * does the pane opened again on the saved workbook.
 */

const SAMPLE = join(__dirname, "..", "..", "samples", "Beispiel-Tracking.xlsx");
const PANE = { width: 320, height: 800 };

/** Whether the element is wholly inside the viewport. */
const inView = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  }, selector);

const LIVE = "[role=status][aria-label='Laufende Prüfung']";
const REVIEW = "[role=status][aria-label='Stand des Jahresrückblicks']";

describe("the live check in Chromium", () => {
  const session = paneSession(SAMPLE);

  test("a typed cell and pasted rows: the finding appears at the top, in view, announced; the totals follow", async () => {
    const page = await openRecognised(session, { viewport: PANE });
    await page.getByRole("button", { name: "Prüfen", exact: true }).click();
    await page.getByRole("table", { name: "Summen je Blatt" }).waitFor();
    const totals = () => page.getByRole("table", { name: "Summen je Blatt" }).locator("tbody").filter({ hasText: "Vermittlungen" }).locator("td").allInnerTexts();
    const before = await totals();
    // Staff scrolled down to the review step, then type into the sheet.
    await page.getByRole("button", { name: "Jahresrückblick erstellen" }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.__staff.edit("Beratungen", "A200", [["31.02.2019"]]));
    await page.locator(LIVE).getByText(/^Beratungen!A200 – Fehler: /).waitFor({ timeout: 10_000 });
    expect(await inView(page, `${LIVE} .fui-MessageBar`)).toBe(true);
    expect(await page.locator(LIVE).getAttribute("aria-live")).toBe("polite");

    // Five rows pasted below the last referral, one with a category the rules do not know.
    const last = session.workbook.Vermittlungen.length;
    const rows = Array.from({ length: 5 }, (_, i) => [43600 + i, `IK-0${100 + i}`, "Geduldet", i === 3 ? "Kochkurs" : "Sprachkurs"]);
    await page.evaluate(([address, values]) => window.__staff.edit("Vermittlungen", address as string, values as unknown[][]), [`A${last + 1}:D${last + 5}`, rows] as const);
    await page.locator(LIVE).getByText(new RegExp(`^Vermittlungen!D${last + 4} – Fehler: `)).waitFor({ timeout: 10_000 });
    expect(await inView(page, `${LIVE} .fui-MessageBar`)).toBe(true);
    const after = await totals();
    const n = (texts: string[], i: number) => Number(texts[i].replace(/\./g, ""));
    expect([n(after, 0) - n(before, 0), n(after, 1) - n(before, 1), n(after, 2) - n(before, 2)]).toEqual([5, 4, 1]);
    await page.close();
  });

  test("after the review: an edit makes it out of date, and the pane opened again on the saved workbook says so too", async () => {
    const page = await openRecognised(session, { viewport: PANE });
    await page.getByRole("button", { name: "Jahresrückblick erstellen" }).click();
    await page.getByText("Jahresrückblick 2019 geschrieben").waitFor({ timeout: 60_000 });
    expect(await page.locator(REVIEW).innerText()).toBe("");
    await page.evaluate(() => window.__staff.edit("Beratungen", "C300", [["Anerkannt"]]));
    await page.locator(REVIEW).getByText(/hat sich 1 Zeile geändert/).waitFor({ timeout: 10_000 });
    expect(await inView(page, `${REVIEW} .fui-MessageBar`)).toBe(true);
    const saved = await page.evaluate(() => window.__workbookState());
    await page.close();

    const again = await openPane(session.browser, session.origin, { workbook: saved.workbook, kept: saved.kept, viewport: PANE });
    await again.locator(REVIEW).getByText(/Der Jahresrückblick 2019, „Fälle“ und „Geprüfte Einträge“ passen nicht mehr zu Ihren Blättern: .*hat sich 1 Zeile geändert/).waitFor({ timeout: 60_000 });
    expect(await inView(again, `${REVIEW} .fui-MessageBar`)).toBe(true);
    expect(await again.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await again.getByRole("button", { name: "Neu schreiben" }).click();
    await again.getByText("Jahresrückblick 2019 geschrieben").waitFor({ timeout: 60_000 });
    await again.waitForFunction((sel) => document.querySelector(sel)?.textContent === "", REVIEW);
    await again.close();
  });
});
