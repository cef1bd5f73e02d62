import { readTrackingWorkbook } from "../../src/app/readTrackingWorkbook";
import { analyse } from "../../src/core/validate/analyse";
import { dayFromParts } from "../../src/core/dates/calendarDay";
import { buildReport } from "../../src/core/report/buildReport";
import { PAYLOAD_BUDGET, columnRuns, planReads } from "../../src/taskpane/excel/chunking";
import { addDropdowns, dropdownTargets } from "../../src/taskpane/excel/inputHelp";
import { OfficeReportWriter } from "../../src/taskpane/excel/officeSink";
import { OfficeWorkbookSource } from "../../src/taskpane/excel/officeSource";
import { documentSettings } from "../../src/taskpane/excel/settings";
import { MemoryWorkbook, createWorkbook, sheetValues } from "../host/memoryExcel";
import { installOffice } from "../helpers/officeGlobals";

const TODAY = dayFromParts(2026, 11, 25);
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

function trackingRows(n: number): unknown[][] {
  const rows: unknown[][] = [["Beratungen 2019"], [], ["Datum", "Klient-ID", "Status", "Thema", "Name"]];
  for (let i = 0; i < n; i++) rows.push([serial(2019, 1 + (i % 12), 1 + (i % 28)), `IK-${i % 500}`, i % 3 ? "Geduldet" : "Anerkannt", i % 2 ? "Arbeit" : "=Bewerbung", `Person ${i}`]);
  return rows;
}

function workbook(rows: number): MemoryWorkbook {
  return createWorkbook({
    Beratungen: trackingRows(rows),
    Vermittlungen: [["Datum", "Klient-ID", "Status", "Art"], [serial(2019, 3, 1), "IK-1", "Geduldet", "Sprachkurs"]],
    Veranstaltungen: [["Datum", "Thema", "TN"], [serial(2019, 3, 1), "@Jobcenter", 12]],
  });
}

async function readAll(wb: MemoryWorkbook) {
  installOffice(wb);
  const source = new OfficeWorkbookSource();
  return readTrackingWorkbook(source);
}

describe("Office.js adapter: reading", () => {
  test("few context.sync calls: names, used ranges, the first rows, then a block per 10,000 rows", async () => {
    const counts: number[] = [];
    for (const n of [100, 20_000]) {
      const wb = workbook(n);
      const sheets = await readAll(wb);
      expect(sheets[0].rows).toHaveLength(n);
      counts.push(wb.syncPayloads.length);
    }
    expect(counts).toEqual([4, 5]);
  });

  test("large sheets are read in requests that each stay under the payload budget in bytes; names are never read", async () => {
    const wb = workbook(200_000);
    const sheets = await readAll(wb);
    expect(sheets[0].rows).toHaveLength(200_000);
    expect(wb.syncPayloads.length).toBeGreaterThan(4);
    for (const bytes of wb.syncPayloads) expect(bytes).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    // Column E holds names: its values are read only in the first rows (to find the header), never below.
    const nameReads = wb.reads.filter((r) => r.sheet === "Beratungen" && /^[A-E]\d+:E(\d+)$/.test(r.address) && Number(/:E(\d+)$/.exec(r.address)![1]) > 10);
    expect(nameReads).toEqual([]);
  });

  test("a column of long texts further down shrinks the blocks instead of overrunning the limit", async () => {
    const rows = trackingRows(60_000);
    for (let i = 30_000; i < 60_000; i++) rows[i + 3][3] = `Thema ${"x".repeat(200)} ${i}`;
    const wb = createWorkbook({ Beratungen: rows });
    await readAll(wb);
    for (const bytes of wb.syncPayloads) expect(bytes).toBeLessThanOrEqual(PAYLOAD_BUDGET * 1.25);
  });

  test("a sheet whose used range starts at C3 reads the same as from A1", async () => {
    const shifted = (rows: unknown[][]) => [[], [], ...rows.map((r) => ["", "", ...r])];
    const plainRows = [["Datum", "Klient-ID", "Status", "Thema", "Name"], ...Array.from({ length: 30 }, (_, i) => [serial(2019, 1 + (i % 12), 3), `IK-${i}`, "Geduldet", "Arbeit", `Person ${i}`])];
    const a = analyse(await readAll(createWorkbook({ Beratungen: plainRows })), TODAY);
    const b = analyse(await readAll(createWorkbook({ Beratungen: shifted(plainRows) })), TODAY);
    expect(b.counselling.map((r) => [r.clientId, r.day])).toEqual(a.counselling.map((r) => [r.clientId, r.day]));
    expect(b.totals[0]).toMatchObject({ rows: 30, accepted: 30 });
    expect(b.counselling[0].row).toBe(a.counselling[0].row + 2);
  });

  test("a named sheet whose cells start below row 10 has no header: its rows are counted as unreadable, no value is read", async () => {
    const rows: unknown[][] = [...Array.from({ length: 14 }, () => []), ["Datum", "Klient-ID", "Status", "Name"], [serial(2019, 1, 3), "IK-1", "Geduldet", "Amal Q."]];
    const wb = createWorkbook({ Beratungen: rows });
    const analysis = analyse(await readAll(wb), TODAY);
    expect(analysis.totals[0]).toMatchObject({ rows: 2, rejected: 2 });
    expect(analysis.findings.map((f) => f.code)).toEqual(["E_HEADER_MISSING"]);
    expect(wb.reads).toEqual([]);
  });

  test("error cells read as errors, as from a file: #NV is no client ID, an error is no attendee count", async () => {
    const wb = createWorkbook({
      Beratungen: [["Datum", "Klient-ID", "Status"], [serial(2019, 3, 1), { error: "#NV" }, "Geduldet"], [serial(2019, 3, 2), "IK-1", "Geduldet"]],
      Veranstaltungen: [["Datum", "Thema", "TN"], [serial(2019, 3, 1), "Recht", { error: "#BEZUG!" }], [serial(2019, 3, 1), { error: "#DIV/0!" }, 12]],
    });
    const analysis = analyse(await readAll(wb), TODAY);
    expect(analysis.findings.map((f) => [f.sheet, f.row, f.code])).toEqual([
      ["Beratungen", 2, "E_ID_MISSING"],
      ["Veranstaltungen", 2, "E_ATTENDEES_INVALID"],
      ["Veranstaltungen", 3, "E_TOPIC_MISSING"],
    ]);
    expect(analysis.findings[0].message).toContain("#NV");
    expect(analysis.counselling.map((r) => r.clientId)).toEqual(["IK-1"]);
  });

  test("the read plan covers every row once and keeps each sync under the budget", () => {
    const plan = planReads([{ sheet: "A", firstRow: 2, rowCount: 1000, bytesPerRow: 70 }, { sheet: "B", firstRow: 0, rowCount: 10, bytesPerRow: 30 }], 1000);
    const rowsOf = (s: string) => plan.flat().filter((b) => b.sheet === s).reduce((a, b) => a + b.rowCount, 0);
    expect(rowsOf("A")).toBe(1000);
    expect(rowsOf("B")).toBe(10);
    for (const sync of plan) expect(sync.reduce((a, b) => a + b.rowCount * (b.sheet === "A" ? 70 : 30), 0)).toBeLessThanOrEqual(1000);
    expect(columnRuns([4, 1, 2, 7, 3])).toEqual([[1, 4], [7, 1]]);
  });

  test("the same figures as from a file", async () => {
    const sheets = await readAll(workbook(300));
    const analysis = analyse(sheets, TODAY);
    expect(analysis.totals.map((t) => [t.sheet, t.rows, t.accepted])).toEqual([["Beratungen", 300, 300], ["Vermittlungen", 1, 1], ["Veranstaltungen", 1, 1]]);
    expect(JSON.stringify(analysis)).not.toMatch(/Person \d/);
  });
});

describe("Office.js adapter: writing", () => {
  async function writeReview(wb: MemoryWorkbook) {
    const analysis = analyse(await readAll(wb), TODAY);
    const report = buildReport(analysis, { year: 2019 });
    const writer = new OfficeReportWriter(documentSettings());
    return { report, written: await writer.write(report.sheets) };
  }
  const TEAM = ["Beratungen", "Vermittlungen", "Veranstaltungen"];

  test("writes the three sheets in blocks; the team's sheets receive no write", async () => {
    const wb = workbook(2_000);
    const before = TEAM.map((n) => JSON.stringify(sheetValues(wb.sheets.find((s) => s.name === n)!)));
    const { written } = await writeReview(wb);
    expect(written.map((w) => w.actual)).toEqual(["Fälle", "Geprüfte Einträge", "Prüfbericht", "Jahresrückblick 2019", "Mehrjahresübersicht"]);
    expect(wb.sheets.map((s) => s.name)).toEqual([...TEAM, "Fälle", "Geprüfte Einträge", "Prüfbericht", "Jahresrückblick 2019", "Mehrjahresübersicht"]);
    expect(wb.writes.filter((w) => TEAM.includes(w.sheet))).toEqual([]);
    expect(TEAM.map((n) => JSON.stringify(sheetValues(wb.sheets.find((s) => s.name === n)!)))).toEqual(before);
    const cases = wb.sheets.find((s) => s.name === "Fälle")!;
    expect(cases.tables).toEqual([{ name: "Faelle_2019", address: "A3:L503" }]);
    const review = wb.sheets.find((s) => s.name === "Jahresrückblick 2019")!;
    expect(review.charts.map((c) => c.title)).toHaveLength(2);
    // Values went in blocks: a handful of value writes per sheet, not one per cell.
    expect(wb.writes.filter((w) => w.op === "values").length).toBeLessThanOrEqual(8);
    for (const bytes of wb.syncPayloads) expect(bytes).toBeLessThanOrEqual(PAYLOAD_BUDGET);
  });

  test("a workbook of 150,000 rows: the validated records go in blocks, every sync under the payload budget", async () => {
    const rows: unknown[][] = [["Datum", "Klient-ID", "Status", "Thema"]];
    for (let i = 0; i < 150_000; i++) rows.push([serial(2019, 1 + (i % 12), 1 + (i % 28)), `IK-${i}`, "Geduldet", "Arbeit"]);
    const wb = createWorkbook({ Beratungen: rows });
    await writeReview(wb);
    const records = wb.sheets.find((s) => s.name === "Geprüfte Einträge")!;
    expect(records.tables).toEqual([{ name: "Eintraege", address: "A3:H150003" }]);
    expect(wb.syncPayloads.length).toBeGreaterThan(4);
    for (const bytes of wb.syncPayloads) expect(bytes).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    const links = [...records.cells.values()].filter((c) => c.formula?.startsWith("=HYPERLINK("));
    expect(links).toHaveLength(150_000);
  }, 120_000);

  test("text that looks like a formula is written as text", async () => {
    const wb = workbook(50);
    await writeReview(wb);
    const review = wb.sheets.find((s) => s.name === "Jahresrückblick 2019")!;
    const cells = [...review.cells.values()];
    const topic = cells.find((c) => c.value === "@Jobcenter");
    expect(topic).toMatchObject({ numberFormat: "@", formula: undefined });
    expect(cells.filter((c) => c.formula !== undefined)).toEqual([]);
    const check = wb.sheets.find((s) => s.name === "Prüfbericht")!;
    const formulas = [...check.cells.values()].filter((c) => c.formula !== undefined);
    // The links are the add-in's own formulas: formulas, not text (a "@" cell would have kept them as text).
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.every((c) => /^=HYPERLINK\("#'[^']+'![A-Z]+\d+",".*"\)$/.test(c.formula!))).toBe(true);
  });

  test("running it again replaces only the sheets it wrote; a foreign sheet of the same name is never overwritten", async () => {
    const wb = workbook(50);
    await writeReview(wb);
    const firstIds = wb.sheets.map((s) => s.id);
    wb.sheets.push({ id: "{own}", name: "Prüfbericht (alt)", cells: new Map([["0,0", { value: "eigene Notizen" }]]), tables: [], charts: [], validations: [], frozenRows: 0 });
    await writeReview(wb);
    expect(wb.sheets.map((s) => s.name)).toEqual([...TEAM, "Prüfbericht (alt)", "Fälle", "Geprüfte Einträge", "Prüfbericht", "Jahresrückblick 2019", "Mehrjahresübersicht"]);
    expect(wb.sheets.slice(4).every((s) => !firstIds.includes(s.id))).toBe(true);

    const foreign = createWorkbook({ ...Object.fromEntries(TEAM.map((n) => [n, sheetValues(workbook(50).sheets.find((s) => s.name === n)!)])), Fälle: [["unsere eigene Liste"]] });
    const { written } = await writeReview(foreign);
    expect(written[0]).toEqual({ wanted: "Fälle", actual: "Fälle (2)" });
    expect(sheetValues(foreign.sheets.find((s) => s.name === "Fälle")!)).toEqual([["unsere eigene Liste"]]);
  });

  test("when writing fails, the workbook is left as it was", async () => {
    const wb = workbook(50);
    const names = wb.sheets.map((s) => s.name);
    wb.failOn = "chart";
    await expect(writeReview(wb)).rejects.toThrow();
    expect(wb.sheets.map((s) => s.name)).toEqual(names);
  });

  const snapshot = (wb: MemoryWorkbook) =>
    JSON.stringify(wb.sheets.map((s) => ({ name: s.name, values: sheetValues(s), tables: s.tables.map((t) => t.name), charts: s.charts.length })));

  test("the review made twice, and a third time after the team edits a row: one set of own sheets, tables under their names", async () => {
    const wb = workbook(50);
    await writeReview(wb);
    await writeReview(wb);
    const beratungen = wb.sheets.find((s) => s.name === "Beratungen")!;
    beratungen.cells.set("3,1", { value: "IK-999" });
    const { report } = await writeReview(wb);
    expect(wb.sheets.map((s) => s.name)).toEqual([...TEAM, "Fälle", "Geprüfte Einträge", "Prüfbericht", "Jahresrückblick 2019", "Mehrjahresübersicht"]);
    expect(wb.sheets.flatMap((s) => s.tables.map((t) => t.name))).toEqual(["Faelle_2019", "Eintraege"]);
    expect(wb.sheets.some((s) => s.name.startsWith("~"))).toBe(false);
    expect(JSON.stringify(sheetValues(wb.sheets.find((s) => s.name === "Geprüfte Einträge")!))).toContain("IK-999");
    expect(report.summary.counseling.persons).toBeGreaterThan(0);
  });

  test.each(["add", "table", "chart", "rename", "delete"])("a run failing at %s leaves the previous review in place and no temporary sheet", async (op) => {
    const wb = workbook(50);
    await writeReview(wb);
    const before = snapshot(wb);
    wb.failOn = op;
    // A failure while deleting the previous review is retried once; every other failure is passed on.
    if (op === "delete") await writeReview(wb);
    else await expect(writeReview(wb)).rejects.toThrow();
    if (op !== "delete") expect(snapshot(wb)).toBe(before);
    expect(wb.sheets.some((s) => s.name.startsWith("~"))).toBe(false);
    expect(wb.sheets.flatMap((s) => s.tables.map((t) => t.name)).sort()).toEqual(["Eintraege", "Faelle_2019"]);
  });

  test("a table of the team's that holds a name the review needs: refused in German before anything is written", async () => {
    const wb = workbook(50);
    wb.sheets[0].tables.push({ name: "EINTRAEGE", address: "A3:E53" });
    const before = snapshot(wb);
    await expect(writeReview(wb)).rejects.toThrow(/Tabelle „Eintraege“ \(Blatt „Beratungen“\).*umbenennen/);
    expect(snapshot(wb)).toBe(before);
  });
});

describe("input help", () => {
  test("the team's own rules survive: a column with data validation is left alone, nothing is cleared", async () => {
    const wb = workbook(20);
    const vermittlungen = wb.sheets.find((s) => s.name === "Vermittlungen")!;
    vermittlungen.validations.push({ address: "'Vermittlungen'!C2:C500", source: "eigene Liste" });
    const sheets = await readAll(wb);
    const result = await addDropdowns(dropdownTargets(sheets));
    expect(result.kept.map((t) => [t.sheet, t.label])).toEqual([["Vermittlungen", "Aufenthaltsstatus"]]);
    expect(vermittlungen.validations).toContainEqual({ address: "'Vermittlungen'!C2:C500", source: "eigene Liste" });
    expect(vermittlungen.validations.filter((v) => v.address.includes("!C"))).toHaveLength(1);
  });

  test("dropdowns on the status and category columns only; nothing else in the team's sheets changes", async () => {
    const wb = workbook(20);
    const sheets = await readAll(wb);
    await addDropdowns(dropdownTargets(sheets));
    expect(wb.writes.every((w) => w.op === "dataValidation")).toBe(true);
    const validations = wb.sheets.flatMap((s) => s.validations.map((v) => [s.name, v.address.replace(/^'.*'!/, ""), v.source]));
    expect(validations).toEqual([
      ["Beratungen", "C4:C1048576", "Asylbewerbend,Geduldet,Anerkannt,Sonstige"],
      ["Vermittlungen", "C2:C1048576", "Asylbewerbend,Geduldet,Anerkannt,Sonstige"],
      ["Vermittlungen", "D2:D1048576", "Arbeit,Ausbildung,Deutschkurs,Freizeitangebot,Beratungsangebot,Sonstige Maßnahme"],
    ]);
  });
});
