/** @jest-environment jsdom */
import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { officeServices } from "../../src/taskpane/services";
import { REVIEW_NAMESPACE } from "../../src/taskpane/excel/reviewStore";
import { ChangedEvent, MemoryWorkbook, createOfficeApi, createWorkbook, userClear, userDeleteRows, userEdit, userInsertRows } from "../host/memoryExcel";
import { installOffice } from "../helpers/officeGlobals";
import { renderInPane } from "../helpers/renderPane";

/*
 * The live check in the pane, on the in-memory Excel host: what staff type is checked at once and shown at the top
 * of the pane; a review written before says when the sheets no longer match it, also after the pane is opened again.
 */

configure({ asyncUtilTimeout: 10_000 });

const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

function teamWorkbook(): MemoryWorkbook {
  return createWorkbook({
    Beratungen: [
      ["Datum", "Klient-ID", "Aufenthaltsstatus", "Thema", "Name"],
      ...Array.from({ length: 30 }, (_, i) => [serial(2019, 1 + (i % 12), 3 + (i % 20)), `IK-${i % 9}`, "Geduldet", `Thema ${i}`, `Person ${i}`]),
    ],
    Vermittlungen: [["Datum", "Klient-ID", "Status", "Art"], [serial(2019, 2, 1), "IK-1", "Geduldet", "Sprachkurs"]],
    Klienten: [["Klient-ID", "Aufenthaltsstatus"], ["IK-1", "Geduldet"]],
  });
}

async function renderPane(wb: MemoryWorkbook) {
  installOffice(wb);
  const view = renderInPane(<App services={officeServices()} />);
  await screen.findByText(/Beratungen, Kopfzeile 1/);
  // The pane listens once it has read the workbook: one handler a sheet.
  await waitFor(() => expect(wb.handlers.length).toBe(wb.sheets.length));
  return view;
}

/** The pane open on the workbook and checked once; returns how many reads that took (what follows is the edits'). */
async function checkedPane(wb: MemoryWorkbook): Promise<number> {
  await renderPane(wb);
  fireEvent.click(screen.getByRole("button", { name: "Prüfen" }));
  await screen.findByRole("table", { name: "Summen je Blatt" });
  return wb.reads.length;
}

const liveRegion = () => screen.getByRole("status", { name: "Laufende Prüfung" });
const reviewRegion = () => screen.getByRole("status", { name: "Stand des Jahresrückblicks" });
const rowsOf = (sheet: string) => within(screen.getByRole("table", { name: "Summen je Blatt" })).getByRole("rowheader", { name: sheet }).closest("tbody")!.querySelectorAll("td");

describe("the in-memory host raises change events as Excel does", () => {
  test("after the sync that made them, for the add-in's own writes too; details only for one cell; removed at sync", async () => {
    const wb = teamWorkbook();
    const { Excel } = createOfficeApi(wb);
    const seen: ChangedEvent[] = [];
    let during = -1;
    const removal = await Excel.run(async (context) => {
      const handle = context.workbook.worksheets.onChanged.add((e: ChangedEvent) => void seen.push(e));
      await context.sync();
      const ws = context.workbook.worksheets.getItem("Beratungen");
      ws.getRange("B3").values = [["IK-7"]];
      ws.getRange("A4:B5").values = [["x", "y"], ["z", "w"]];
      await context.sync();
      during = seen.length;
      return { handle, context };
    });
    expect(during).toBe(0);
    await new Promise((r) => setTimeout(r, 5));
    expect(seen.map((e) => [e.address, e.changeType, e.source, e.details !== undefined])).toEqual([["B3", "RangeEdited", "Local", true], ["A4:B5", "RangeEdited", "Local", false]]);
    expect(seen[0].details).toMatchObject({ valueBefore: "IK-1", valueAfter: "IK-7", valueTypeAfter: "String" });
    expect(seen[0].worksheetId).toBe(wb.sheets[0].id);
    removal.handle.remove();
    await removal.context.sync();
    userInsertRows(wb, "Beratungen", 3, 2);
    userDeleteRows(wb, "Beratungen", 3, 2);
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toHaveLength(2);
    expect(wb.events.slice(-2).map((e) => [e.changeType, e.address])).toEqual([["RowInserted", "3:4"], ["RowDeleted", "3:4"]]);
  });
});

describe("the live check in the pane", () => {
  test("a wrong date typed: its finding at the top of the pane and in the totals, gone once fixed; only that row is read", async () => {
    const wb = teamWorkbook();
    const readsBefore = await checkedPane(wb);
    // The name column's warning stays the one warning of the sheet.
    expect(Array.from(rowsOf("Beratungen")).map((td) => td.textContent)).toEqual(["30", "30", "0", "1", "0"]);
    act(() => {
      userEdit(wb, "Beratungen", "A12", [["31.02.2019"]]);
    });
    await waitFor(() => expect(liveRegion().textContent).toMatch(/^Beratungen!A12 – Fehler: .*Datum/));
    expect(Array.from(rowsOf("Beratungen")).map((td) => td.textContent)).toEqual(["30", "29", "1", "1", "0"]);
    // One read, of row 12 and the recognised columns only (never the name column E).
    expect(wb.reads.slice(readsBefore)).toEqual([{ sheet: "Beratungen", address: "A12:D12" }]);
    act(() => {
      userEdit(wb, "Beratungen", "A12", [["12.03.2019"]]);
    });
    await waitFor(() => expect(liveRegion().textContent).toBe("„Beratungen“, Zeile 12: jetzt in Ordnung."));
    expect(Array.from(rowsOf("Beratungen")).map((td) => td.textContent)).toEqual(["30", "30", "0", "1", "0"]);
  });

  test("a pasted block, a duplicate row, inserted and deleted rows: the totals follow, the sheet is not read again", async () => {
    const wb = teamWorkbook();
    const readsBefore = await checkedPane(wb);
    act(() => {
      userEdit(wb, "Beratungen", "A40:D42", [[serial(2019, 5, 5), "IK-20", "Asyl", "Neu"], [serial(2019, 5, 5), "IK-20", "Asyl", "Neu"], ["", "IK-21", "", ""]]);
    });
    await waitFor(() => expect(liveRegion().textContent).toMatch(/^Beratungen!A41 – Warnung: Doppelter Eintrag.*und 2 weitere Befunde/));
    expect(Array.from(rowsOf("Beratungen")).map((td) => td.textContent)).toEqual(["33", "32", "1", "2", "1"]);
    act(() => {
      userInsertRows(wb, "Beratungen", 5, 3);
    });
    await waitFor(() => expect(liveRegion().textContent).toMatch(/Zeilen eingefügt/));
    act(() => {
      userDeleteRows(wb, "Beratungen", 2, 1);
    });
    await waitFor(() => expect(liveRegion().textContent).toMatch(/Zeilen gelöscht/));
    expect(Array.from(rowsOf("Beratungen")).map((td) => td.textContent)).toEqual(["32", "31", "1", "2", "1"]);
    // The findings moved with their rows: the duplicate was row 41, three rows inserted above and one deleted.
    fireEvent.click(screen.getByText(/Beratungen: 4 Befunde/));
    expect(screen.getByRole("button", { name: "A43" })).toBeTruthy();
    expect(wb.reads.slice(readsBefore)).toEqual([{ sheet: "Beratungen", address: "A40:D42" }]);
  });

  test("a column emptied down to the sheet's end: only the used rows are read, in one read", async () => {
    const wb = teamWorkbook();
    const readsBefore = await checkedPane(wb);
    act(() => {
      userClear(wb, "Beratungen", "B2:B1048576");
    });
    await waitFor(() => expect(Array.from(rowsOf("Beratungen")).map((td) => td.textContent)).toEqual(["30", "0", "30", "1", "0"]));
    expect(wb.reads.slice(readsBefore)).toEqual([{ sheet: "Beratungen", address: "A2:D31" }]);
  });

  test("the add-in's own writes never start a check", async () => {
    const wb = teamWorkbook();
    await renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "Jahresrückblick erstellen" }));
    await screen.findByText(/Jahresrückblick 2019 geschrieben/);
    const reads = wb.reads.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(wb.events.length).toBeGreaterThan(0);
    expect(wb.reads.length).toBe(reads);
    expect(liveRegion().textContent).toBe("");
  });

  test("the review says when it no longer matches the sheets: after an edit, after opening the pane again; written again, it matches", async () => {
    const wb = teamWorkbook();
    const first = await renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "Jahresrückblick erstellen" }));
    await screen.findByText(/Jahresrückblick 2019 geschrieben/);
    expect(wb.settings.fallbilanzReview).toMatchObject({ version: 1, year: 2019, records: 32 });
    expect(wb.customXmlParts.map((p) => p.namespaceUri)).toEqual([REVIEW_NAMESPACE]);
    // The stamp on the review sheet names the data state it keeps.
    const stamp = wb.sheets.find((s) => s.name === "Jahresrückblick 2019")!.cells.get("1,0")!.value as string;
    expect(stamp).toContain(`Datenstand ${(wb.settings.fallbilanzReview as { digest: string }).digest}`);
    expect(reviewRegion().textContent).toBe("");
    act(() => {
      userEdit(wb, "Beratungen", "C5", [["Anerkannt"]]);
    });
    await waitFor(() => expect(reviewRegion().textContent).toMatch(/Nicht mehr aktuell.*Der Jahresrückblick 2019, „Fälle“ und „Geprüfte Einträge“ passen nicht mehr zu Ihren Blättern: Seit sie am \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr geschrieben wurden, hat sich 1 Zeile geändert\./));
    first.unmount();
    // Opened again (the notice comes from what the workbook keeps), with two more rows changed meanwhile.
    userEdit(wb, "Beratungen", "A6:A7", [["31.02.2019"], [serial(2019, 8, 8)]]);
    await renderPane(wb);
    await waitFor(() => expect(reviewRegion().textContent).toMatch(/haben sich 3 Zeilen geändert/));
    fireEvent.click(within(reviewRegion()).getByRole("button", { name: "Neu schreiben" }));
    await screen.findByText(/Jahresrückblick 2019 geschrieben/);
    await waitFor(() => expect(reviewRegion().textContent).toBe(""));
  });
});
