/** @jest-environment jsdom */
import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { officeServices } from "../../src/taskpane/services";
import { MemoryWorkbook, createWorkbook, sheetValues } from "../host/memoryExcel";
import { installOffice } from "../helpers/officeGlobals";
import { renderInPane } from "../helpers/renderPane";

/*
 * The pane's retention step on the in-memory Excel: "Löschfristen prüfen" writes the Löschliste as a table and keeps
 * the period in the workbook; "Personenbezug entfernen" asks first, says what it clears, and clears exactly that.
 */

configure({ asyncUtilTimeout: 10_000 });

const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
const thisYear = new Date().getFullYear();

function teamWorkbook(): MemoryWorkbook {
  return createWorkbook({
    Beratungen: [
      ["Datum", "Klient-ID", "Aufenthaltsstatus", "Thema", "Name", "Bemerkung"],
      [serial(2019, 1, 5), "IK-1", "Geduldet", "Arbeit", "Amal Quastorf", "=kommt wieder"],
      [serial(2019, 3, 5), "IK-2", "Duldung", "Arbeit", "Omid Harlacher", ""],
      [serial(thisYear, 1, 7), "IK-2", "Duldung", "Ausbildung", "Omid Harlacher", "aktuell"],
      ["31.02.2019", "IK-3", "Asyl", "Arbeit", "Nur Ungültig", ""],
    ],
    Vermittlungen: [
      ["Datum", "Klient-ID", "Status", "Art", "Telefon", "Unterkunft"],
      [serial(2019, 2, 1), "IK-1", "Geduldet", "Sprachkurs", "0170 123", "GU Nord"],
    ],
  });
}

async function openRetention(wb: MemoryWorkbook) {
  installOffice(wb);
  renderInPane(<App services={officeServices()} />);
  await screen.findByText(/Beratungen, Kopfzeile 1/);
  return screen.getByRole("region", { name: "Löschfristen (Datenschutz)" });
}

describe("the pane's retention step", () => {
  test("Löschfristen prüfen writes the Löschliste as a table; removal asks, says what changes and clears exactly that", async () => {
    const wb = teamWorkbook();
    const section = await openRetention(wb);
    fireEvent.click(screen.getByRole("button", { name: "Prüfen" }));
    const totals = await screen.findByRole("table", { name: "Summen je Blatt" });
    const totalsBefore = totals.textContent;

    // A column the recogniser does not know as personal, marked by the team in "Spalten anpassen".
    fireEvent.click(screen.getByText("Spalten anpassen"));
    fireEvent.click(screen.getByRole("checkbox", { name: "F (Unterkunft)", hidden: true }));
    await waitFor(() => expect(wb.settings.fallbilanz).toMatchObject({ personalColumns: { Vermittlungen: [5] } }));
    // Contact data is known by its header: not offered, cleared anyway.
    expect(screen.queryByRole("checkbox", { name: "E (Telefon)", hidden: true })).toBeNull();
    fireEvent.change(within(section).getByLabelText("Frist in Jahren nach Ende des Kontaktjahres"), { target: { value: "3" } });
    const checkButton = within(section).getByRole<HTMLButtonElement>("button", { name: "Löschfristen prüfen" });
    // The check's outcome first: the pane takes one step at a time.
    await waitFor(() => expect(checkButton.disabled).toBe(false));
    fireEvent.click(checkButton);
    await within(section).findByText(/Geschrieben: „Löschliste“/);
    expect(wb.settings.fallbilanz).toMatchObject({ retentionYears: 3 });

    const list = wb.sheets.find((s) => s.name === "Löschliste")!;
    expect(list.tables.map((t) => t.name)).toEqual(["Loeschliste"]);
    const rows = sheetValues(list);
    const header = rows.findIndex((r) => r[0] === "Klient-ID");
    expect(rows[header].slice(0, 5)).toEqual(["Klient-ID", "Stand", "Letzter Kontakt", "Fällig seit", "Zu entfernen (Zellen)"]);
    const body = rows.slice(header + 1).filter((r) => r[0] !== "" && r[0] !== undefined);
    // IK-1 is due (last contact 2019); IK-2 came again this year; IK-3 has no valid date and is listed, never due.
    expect(body.map((r) => [r[0], r[1]])).toEqual([
      ["IK-1", "fällig"],
      ["IK-3", "ohne gültiges Datum"],
    ]);
    // The list is no text of the clients: names and notes never leave their cells.
    expect(JSON.stringify(rows)).not.toMatch(/Quastorf|Harlacher|kommt wieder|0170|GU Nord/);

    fireEvent.click(within(section).getByRole("button", { name: "Personenbezug entfernen …" }));
    const dialog = await screen.findByRole("dialog", { name: "Personenbezug endgültig entfernen?", hidden: true });
    expect(dialog.textContent).toContain("Fallbilanz leert 4 Zellen von 1 Person");
    expect(dialog.textContent).toContain("„Beratungen“: E (Name), F (Bemerkung) (2 Zellen in 1 Zeile)");
    expect(dialog.textContent).toContain("„Vermittlungen“: E (Telefon), F (Unterkunft) (2 Zellen in 1 Zeile)");
    expect(dialog.textContent).toContain("Excel kann das nicht rückgängig machen");
    expect(wb.sheets[0].cells.size).toBeGreaterThan(0);
    const beratungenBefore = sheetValues(wb.sheets[0]);
    fireEvent.click(within(dialog).getByRole("button", { name: "Endgültig leeren", hidden: true }));
    await within(section).findByText(/Entfernt: 4 Zellen von 1 Person .*noch zu entfernen: 0 Zellen/);

    const beratungen = sheetValues(wb.sheets[0]);
    expect(beratungen[1].slice(0, 6)).toEqual([serial(2019, 1, 5), "IK-1", "Geduldet", "Arbeit", "", ""]);
    // Nothing else of the team's sheets changed.
    expect(beratungen.slice(2)).toEqual(beratungenBefore.slice(2));
    expect(sheetValues(wb.sheets[1])[1]).toEqual([serial(2019, 2, 1), "IK-1", "Geduldet", "Sprachkurs", "", ""]);

    // Every figure as before.
    fireEvent.click(screen.getByRole("button", { name: "Prüfen" }));
    await waitFor(() => expect(screen.getByRole("table", { name: "Summen je Blatt" }).textContent).toBe(totalsBefore));
  });

  test("a period outside 1 to 30 years is refused in German before anything is read", async () => {
    const wb = teamWorkbook();
    const section = await openRetention(wb);
    fireEvent.change(within(section).getByLabelText("Frist in Jahren nach Ende des Kontaktjahres"), { target: { value: "0" } });
    expect(within(section).getByText("Bitte eine ganze Zahl von 1 bis 30 eingeben.")).toBeTruthy();
    expect(within(section).getByRole("button", { name: "Löschfristen prüfen" })).toHaveProperty("disabled", true);
    expect(wb.sheets.some((s) => s.name === "Löschliste")).toBe(false);
  });
});
