import { promises as fs } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { XlsxFileSource } from "../../../src/adapters/xlsx/fileSource";
import { readTrackingWorkbook } from "../../../src/app/readTrackingWorkbook";
import { analyse } from "../../../src/core/validate/analyse";
import { summaryJson } from "../../../src/core/report/summaryJson";
import { computeFigures } from "../../../src/core/figures/figures";
import { TODAY, d, tempDir, writeXlsx } from "../../helpers/xlsx";

/** The same package with its parts in another order inside the zip. */
async function repack(source: string, target: string, order: (names: string[]) => string[]): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(source));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const out = new JSZip();
  for (const name of order(names)) out.file(name, await zip.files[name].async("uint8array"), { createFolders: false });
  await fs.writeFile(target, await out.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

async function summaryOf(path: string) {
  const analysis = analyse(await readTrackingWorkbook(new XlsxFileSource(path)), TODAY);
  return summaryJson(computeFigures(analysis, 2019), analysis);
}

describe("reading does not depend on the order of the parts in the zip", () => {
  test.each([
    ["as written", (n: string[]) => n],
    ["reversed", (n: string[]) => [...n].reverse()],
    ["sheets first, shared strings and workbook last", (n: string[]) => [...n.filter((x) => x.includes("worksheets")), ...n.filter((x) => !x.includes("worksheets"))]],
    ["as Excel writes it", (n: string[]) => [...n].sort((a, b) => rank(a) - rank(b))],
  ])("%s", async (_, order) => {
    const dir = tempDir();
    const original = await writeXlsx(join(dir, "a.xlsx"), {
      Beratungen: [["Datum", "Klient-ID", "Status", "Thema"], [d(2019, 1, 5), "IK-1", "Geduldet", "Arbeit"], [d(2019, 2, 5), "IK-2", "Asyl", "Bewerbung"]],
      Vermittlungen: [["Datum", "Klient-ID", "Status", "Art"], [d(2019, 3, 1), "IK-1", "Geduldet", "Sprachkurs"]],
      Veranstaltungen: [["Datum", "Thema", "TN"], [d(2019, 4, 1), "Gesundheit", 17]],
    });
    const repacked = join(dir, "b.xlsx");
    await repack(original, repacked, order);
    const summary = await summaryOf(repacked);
    expect(summary.counseling.persons).toBe(2);
    expect(summary.referrals.count).toBe(1);
    expect(summary.infoEvents.attendees).toBe(17);
    expect(summary).toEqual(await summaryOf(original));
  });
});

function rank(name: string): number {
  const order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets", "xl/theme", "xl/styles.xml", "xl/sharedStrings.xml"];
  const i = order.findIndex((o) => name.startsWith(o));
  return i < 0 ? order.length : i;
}
