import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { DOMParser } from "@xmldom/xmldom";
import { REQUIRED_EXCEL_API, REQUIRED_FUNCTIONS_RUNTIME } from "../src/taskpane/startup/support";
import { TEST_BASE_URL, buildAddin } from "./helpers/build";

const ROOT = join(__dirname, "..");
const manifestText = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(manifestText, "text/xml");
const all = (tag: string): Element[] => Array.from(doc.getElementsByTagName(tag));
const one = (tag: string): Element => {
  const found = all(tag);
  expect(found).toHaveLength(1);
  return found[0];
};
const DEV = "https://localhost:3000/";
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };

describe("manifest.xml", () => {
  let dist: string;
  beforeAll(async () => {
    dist = await buildAddin("production");
  }, 120_000);

  test("identity: GUID id, version, German default locale, write access", () => {
    expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one("Version").textContent).toBe(`${pkg.version}.0`);
    expect(one("DefaultLocale").textContent).toBe("de-DE");
    expect(one("Permissions").textContent).toBe("ReadWriteDocument");
    expect(all("Host").map((h) => h.getAttribute("Name") || h.getAttribute("xsi:type"))).toEqual(["Workbook", "Workbook"]);
  });

  test("requirement sets match what the code uses", () => {
    const sets = Object.fromEntries(all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]));
    // The pane checks the same versions on start (src/taskpane/startup/support.ts).
    expect(sets).toEqual({ ExcelApi: REQUIRED_EXCEL_API, CustomFunctionsRuntime: REQUIRED_FUNCTIONS_RUNTIME });
    // Office 2021 has ExcelApi up to 1.14: it must stay supported.
    expect(Number(REQUIRED_EXCEL_API.split(".")[1])).toBeLessThanOrEqual(14);
  });

  test("every resid names a resource, every resource is used, ids are unique", () => {
    const resources = [...all("bt:Image"), ...all("bt:Url"), ...all("bt:String")].filter((e) => e.getAttribute("id"));
    const ids = resources.map((e) => e.getAttribute("id")!);
    expect(new Set(ids).size).toBe(ids.length);
    const used = [...manifestText.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    for (const resid of used) expect([resid, ids.includes(resid)]).toEqual([resid, true]);
    for (const id of ids) expect([id, used.includes(id)]).toEqual([id, true]);
    for (const e of resources) expect(e.getAttribute("id")!.length).toBeLessThanOrEqual(32);
  });

  test("every URL is https on the dev origin and names a file the build produces", () => {
    const urls = [...manifestText.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]);
    urls.push(...all("AppDomain").map((e) => e.textContent));
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url.startsWith(DEV.slice(0, -1))).toBe(true);
      const path = url.slice(DEV.length).replace(/^functions\.js$/, "");
      if (path) expect([path, existsSync(join(dist, path))]).toEqual([path, true]);
    }
    expect(readFileSync(join(dist, "manifest.xml"), "utf8")).not.toContain("localhost");
  });

  test("icons have the size the manifest says", () => {
    for (const img of all("bt:Image").filter((e) => e.getAttribute("id"))) {
      const size = Number(/(\d+)x\1/.exec(img.getAttribute("id")!)![1]);
      const png = readFileSync(join(dist, img.getAttribute("DefaultValue")!.slice(DEV.length)));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  test("custom functions: namespace IK, generated metadata, German override", () => {
    expect(all("bt:String").find((s) => s.getAttribute("id") === "Functions.Namespace")!.getAttribute("DefaultValue")).toBe("IKDEV");
    const metadataUrl = all("bt:Url").find((u) => u.getAttribute("id") === "Functions.Metadata.Url")!;
    expect(metadataUrl.getAttribute("DefaultValue")).toBe(`${DEV}functions.json`);
    const override = metadataUrl.getElementsByTagName("bt:Override")[0];
    expect(override.getAttribute("Locale")).toBe("de-DE");
    const english = JSON.parse(readFileSync(join(dist, "functions.json"), "utf8"));
    expect(english.functions.length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(dist, override.getAttribute("Value")!.slice(DEV.length)), "utf8"))).toHaveProperty("functions");
    const script = /id="Functions.Script.Url" DefaultValue="([^"]+)"/.exec(readFileSync(join(dist, "manifest.xml"), "utf8"))![1];
    const bundle = readFileSync(join(dist, script.slice(TEST_BASE_URL.length)), "utf8");
    for (const f of english.functions as { id: string }[]) expect(bundle).toContain(`CustomFunctions.associate("${f.id}"`);
  });

  test("the initial task pane bundle stays under 250 KB gzipped and has no ExcelJS", () => {
    const html = readFileSync(join(dist, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]+src=["']?([^"'\s>]+)/g)].map((m) => m[1]).filter((src) => !src.startsWith("https:"));
    expect(scripts.length).toBeGreaterThan(0);
    const bytes = scripts.reduce((n, src) => n + gzipSync(readFileSync(join(dist, src))).length, 0);
    expect(bytes).toBeLessThan(250 * 1024);
    for (const src of scripts) expect(readFileSync(join(dist, src), "utf8")).not.toMatch(/exceljs|WorkbookReader/);
  });
});
