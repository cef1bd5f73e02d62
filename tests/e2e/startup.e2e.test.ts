import { Server } from "node:http";
import { Browser, Page } from "playwright-core";
import { REQUIRED_EXCEL_API, STARTUP_MESSAGES } from "../../src/taskpane/startup/support";
import { buildAddin } from "../helpers/build";
import { axeViolations, launchChromium, openPane, originOf, serve } from "../helpers/paneBrowser";

/*
 * The pane where it cannot work (no office.js, a plain browser, an older Excel), and in Office's dark theme and
 * Windows' high-contrast mode, in Chromium on the in-memory host.
 */

const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
const WORKBOOK = {
  Beratungen: [["Datum", "Klient-ID", "Aufenthaltsstatus", "Thema"], [serial(2019, 1, 5), "IK-1", "Geduldet", "Arbeit"], ["31.02.2019", "IK-2", "Duldung", "Arbeit"]],
  Vermittlungen: [["Datum", "Klient-ID", "Status", "Art"], [serial(2019, 2, 1), "IK-1", "Geduldet", "Sprachkurs"]],
};
const DARK = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#404040", controlForegroundColor: "#ffffff" };

/** Relative luminance of a CSS `rgb()`/`rgba()` colour. */
const luminanceScript = `(color) => {
  const [r, g, b] = color.match(/[\\d.]+/g).slice(0, 3).map((v) => { const c = Number(v) / 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}`;

describe("the pane where it cannot work, and in Office's themes", () => {
  let server: Server;
  let browser: Browser;
  let origin: string;
  const errors: string[] = [];
  const watch = (page: Page) => page.on("pageerror", (e) => errors.push(e.message));

  beforeAll(async () => {
    server = await serve(await buildAddin("production"));
    origin = originOf(server);
    browser = await launchChromium();
  }, 180_000);
  beforeEach(() => void (errors.length = 0));
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  test("without office.js (a proxy blocks Microsoft's CDN): a German message saying what to ask IT, no uncaught error", async () => {
    const page = await openPane(browser, origin, { workbook: WORKBOOK, officeJs: false, beforeLoad: watch });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toContain(STARTUP_MESSAGES.officeMissing.title);
    expect(await alert.innerText()).toMatch(/IT fragen, ob appsforoffice\.microsoft\.com erreichbar ist/);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("office.js in a plain browser (no Excel): asks to open it in Excel", async () => {
    const page = await openPane(browser, origin, { workbook: WORKBOOK, host: { host: null }, beforeLoad: watch });
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("Bitte in Excel öffnen");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("an Excel older than the pane needs: says which versions work, before any step can fail", async () => {
    const older = `1.${Number(REQUIRED_EXCEL_API.split(".")[1]) - 1}`;
    const page = await openPane(browser, origin, { workbook: WORKBOOK, host: { excelApi: older }, beforeLoad: watch });
    await page.getByRole("alert").waitFor();
    const text = await page.getByRole("alert").innerText();
    expect(text).toContain("Diese Excel-Version ist zu alt");
    expect(text).toContain("Microsoft 365 (Windows und Mac), Excel im Web, Excel 2021 und Excel 2024");
    expect(await page.getByRole("button").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("Office 2021 (ExcelApi 1.14) runs the pane", async () => {
    const page = await openPane(browser, origin, { workbook: WORKBOOK, host: { excelApi: "1.14" }, beforeLoad: watch });
    await page.getByText(", Kopfzeile 1").first().waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    await page.close();
  });

  test("in a dark Office theme the pane is dark, and its text keeps its contrast (axe-core)", async () => {
    const page = await openPane(browser, origin, { workbook: WORKBOOK, host: { officeTheme: DARK }, beforeLoad: watch });
    await page.getByText(", Kopfzeile 1").first().waitFor();
    await page.getByRole("button", { name: "Prüfen", exact: true }).click();
    await page.getByRole("table", { name: "Summen je Blatt" }).waitFor();
    const shades = await page.evaluate((lum) => {
      const luminance = eval(lum) as (c: string) => number;
      const provider = document.querySelector(".fui-FluentProvider")!;
      return {
        body: luminance(getComputedStyle(document.body).backgroundColor),
        pane: luminance(getComputedStyle(provider).backgroundColor),
        text: luminance(getComputedStyle(document.querySelector("h1")!).color),
      };
    }, luminanceScript);
    expect(shades.body).toBeLessThan(0.05);
    expect(shades.pane).toBeLessThan(0.05);
    expect(shades.text).toBeGreaterThan(0.7);
    expect(await axeViolations(page)).toEqual([]);
    // The light theme, where Office gives none (Excel on the web).
    const light = await openPane(browser, origin, { workbook: WORKBOOK });
    await light.getByText(", Kopfzeile 1").first().waitFor();
    expect(await light.evaluate((lum) => (eval(lum) as (c: string) => number)(getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor), luminanceScript)).toBeGreaterThan(0.9);
    await light.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  test("in high contrast (forced colors) every control and message stays visible", async () => {
    const page = await openPane(browser, origin, { workbook: WORKBOOK, beforeLoad: watch });
    // Reduced motion, as Fluent documents it: its buttons then change colour at once instead of in a transition.
    await page.emulateMedia({ forcedColors: "active", colorScheme: "dark", reducedMotion: "reduce" });
    await page.getByText(", Kopfzeile 1").first().waitFor();
    await page.getByRole("button", { name: "Prüfen", exact: true }).click();
    await page.getByRole("table", { name: "Summen je Blatt" }).waitFor();
    // Measured at rest: a hovered button takes the system's highlight colours, which are the system's to choose.
    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Measured when the page is at rest: two readings a frame apart that agree (no transition under way).
    const measure = () => page.evaluate((lum) => {
      const luminance = eval(lum) as (c: string) => number;
      const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      const background = (e: Element | null): string => {
        for (let el = e; el; el = el.parentElement) {
          const bg = getComputedStyle(el).backgroundColor;
          if (!/rgba\(.*, 0\)$/.test(bg) && bg !== "transparent") return bg;
        }
        return "rgb(255, 255, 255)";
      };
      const problems: string[] = [];
      const visible = (e: Element) => (e as HTMLElement).offsetParent !== null || getComputedStyle(e).position === "fixed";
      for (const e of Array.from(document.querySelectorAll("button, select, input, label, h1, h2, p, td, th, summary, [role=status], [role=alert]"))) {
        if (!visible(e) || !(e.textContent ?? "").trim()) continue;
        const style = getComputedStyle(e);
        const ratio = contrast(luminance(style.color), luminance(background(e)));
        // In forced colours the system's palette decides (a primary button is Highlight on HighlightText, 4.4:1 in
        // Chromium's dark palette): visible means at least 3:1, WCAG's contrast for controls and large text.
        if (ratio < 3) problems.push(`${e.tagName} "${(e.textContent ?? "").trim().slice(0, 30)}": contrast ${ratio.toFixed(1)}`);
      }
      // Controls keep an edge (a border on them or on Fluent's wrapper around an input); links are underlined.
      const edged = (el: Element | null) => {
        if (!el) return false;
        const style = getComputedStyle(el);
        return ["top", "right", "bottom", "left"].some((side) => parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0 && style.getPropertyValue(`border-${side}-style`) !== "none");
      };
      for (const e of Array.from(document.querySelectorAll("button, select, input"))) {
        if (!visible(e)) continue;
        if (e.classList.contains("fui-Link")) {
          if (!getComputedStyle(e).textDecorationLine.includes("underline")) problems.push(`link "${(e.textContent ?? "").trim()}": not underlined`);
          continue;
        }
        const edge = edged(e) || (e.tagName !== "BUTTON" && edged(e.parentElement));
        if (!edge) problems.push(`${e.tagName} "${(e.textContent ?? (e as HTMLInputElement).value).trim().slice(0, 30)}": no border`);
      }
      return problems;
    }, luminanceScript);
    let invisible = await measure();
    for (let i = 0; i < 50; i++) {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const again = await measure();
      if (JSON.stringify(again) === JSON.stringify(invisible)) break;
      invisible = again;
    }
    expect(invisible).toEqual([]);
    expect(await page.evaluate(() => matchMedia("(forced-colors: active)").matches)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
