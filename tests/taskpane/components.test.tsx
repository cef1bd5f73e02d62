/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { officeServices } from "../../src/taskpane/services";
import { MemoryWorkbook, createWorkbook } from "../host/memoryExcel";
import { installOffice } from "../helpers/officeGlobals";

// CI runs two test workers on two cores: give the pane time to read and render.
configure({ asyncUtilTimeout: 10_000 });

const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;

function teamWorkbook(): MemoryWorkbook {
  return createWorkbook({
    Beratungen: [
      ["Beratungsprotokoll"],
      ["Datum", "Klient:innen-ID", "Aufenthaltsstatus", "Anliegen", "Name"],
      [serial(2019, 1, 5), "IK-1", "Geduldet", "Arbeit", "Amal Quastorf"],
      ["31.02.2019", "IK-2", "Duldung", "Arbeit", "Omid Harlacher"],
      [serial(2018, 5, 5), "IK-3", "Asyl", "Arbeit", ""],
    ],
    Vermittlungen: [["Vermittelt am", "Kl.-Nr.", "Status", "Art"], [serial(2019, 2, 1), "IK-1", "Geduldet", "Sprachkurs"]],
    Veranstaltungen: [["Termin", "Titel", "Teilnehmer*innen", "Kommentar"], [serial(2019, 3, 1), "Arbeitsrecht", 30, ""]],
  });
}

async function renderPane(wb: MemoryWorkbook) {
  installOffice(wb);
  render(
    <FluentProvider theme={webLightTheme}>
      <App services={officeServices()} />
    </FluentProvider>,
  );
  await screen.findByText(/Kopfzeile in Zeile 2/);
}

describe("the task pane, in German", () => {
  test("1. recognises sheets and columns; a column chosen by hand is stored in the workbook", async () => {
    const wb = teamWorkbook();
    await renderPane(wb);
    const section = screen.getByRole("region", { name: "1. Arbeitsmappe erkennen" });
    expect(within(section).getByText("Beratungen")).toBeTruthy();
    expect(section.textContent).toContain(": Beratungen (Kopfzeile in Zeile 2)");
    expect(section.textContent).toContain(": Veranstaltungen (Kopfzeile in Zeile 1)");
    const topic = within(section).getAllByLabelText("Thema")[0] as HTMLSelectElement;
    expect(topic.value).toBe("3");
    act(() => {
      fireEvent.change(topic, { target: { value: "4" } });
    });
    await waitFor(() => expect(wb.settings.fallbilanz).toMatchObject({ columns: { Beratungen: { topic: 4 } } }));
    expect(section.textContent).not.toContain("Quastorf");
  });

  test("2. checks every row, shows totals and findings; a finding selects its cell; the report is written on request", async () => {
    const wb = teamWorkbook();
    await renderPane(wb);
    const section = screen.getByRole("region", { name: "2. Prüfen" });
    fireEvent.click(within(section).getByRole("button", { name: "Prüfen" }));
    const table = await within(section).findByRole("table", { name: "Summen je Blatt" });
    expect(within(table).getAllByRole("row")[1].textContent).toBe("Beratungen3211");
    fireEvent.click(within(section).getByText(/Beratungen: 2 Befunde/));
    fireEvent.click(within(section).getByRole("button", { name: "A4" }));
    await waitFor(() => expect(wb.selected).toEqual({ sheet: "Beratungen", address: "A4" }));
    fireEvent.click(within(section).getByRole("button", { name: "Prüfbericht schreiben" }));
    await screen.findByText(/Geschrieben: Prüfbericht/);
    expect(wb.sheets.map((s) => s.name)).toContain("Prüfbericht");
  });

  test("3. input help asks first and only then adds the dropdowns", async () => {
    const wb = teamWorkbook();
    await renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "Eingabehilfen einrichten …" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toContain("Auswahllisten hinzufügen?");
    fireEvent.click(within(dialog).getByRole("button", { name: "Abbrechen" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(wb.writes).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Eingabehilfen einrichten …" }));
    fireEvent.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Hinzufügen" }));
    await screen.findByText(/Auswahllisten eingerichtet/);
    expect(wb.writes.every((w) => w.op === "dataValidation")).toBe(true);
    expect(wb.sheets.flatMap((s) => s.validations)).toHaveLength(3);
  });

  test("4. writes the year-end review for the default year in one click", async () => {
    const wb = teamWorkbook();
    await renderPane(wb);
    const section = screen.getByRole("region", { name: "4. Jahresrückblick erstellen" });
    expect(within(section).getByLabelText<HTMLSelectElement>("Jahr").value).toBe("2019");
    fireEvent.click(within(section).getByRole("button", { name: "Jahresrückblick erstellen" }));
    await screen.findByText(/Jahresrückblick 2019 geschrieben/);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Beratungen", "Vermittlungen", "Veranstaltungen", "Fälle", "Geprüfte Einträge", "Prüfbericht", "Jahresrückblick 2019"]);
  });

  test("a workbook without tracking sheets gets a German message", async () => {
    installOffice(createWorkbook({ Tabelle1: [["Artikel", "Preis"]] }));
    render(
      <FluentProvider theme={webLightTheme}>
        <App services={officeServices()} />
      </FluentProvider>,
    );
    expect((await screen.findByText(/Kein Tabellenblatt erkannt/)).textContent).toMatch(/Beratungen/);
  });
});
