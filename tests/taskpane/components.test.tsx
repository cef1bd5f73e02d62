/** @jest-environment jsdom */
import { act, configure, fireEvent, screen, waitFor, waitForElementToBeRemoved, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { officeServices } from "../../src/taskpane/services";
import { MemoryWorkbook, createWorkbook } from "../host/memoryExcel";
import { installOffice } from "../helpers/officeGlobals";
import { renderInPane } from "../helpers/renderPane";

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
  renderInPane(<App services={officeServices()} />);
  await screen.findByText(/Kopfzeile 2/);
}

describe("the task pane, in German", () => {
  test("1. recognises sheets and columns; a column chosen by hand is stored in the workbook", async () => {
    const wb = teamWorkbook();
    await renderPane(wb);
    const section = screen.getByRole("region", { name: "1. Arbeitsmappe erkennen" });
    expect(within(section).getAllByText("Beratungen").length).toBeGreaterThan(0);
    expect(section.textContent).toContain(": Beratungen, Kopfzeile 2");
    expect(section.textContent).toContain(": Veranstaltungen, Kopfzeile 1");
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
    // Each sheet's name heads its own row, its numbers follow on the next.
    expect(within(table).getAllByRole("row").slice(1, 3).map((r) => r.textContent)).toEqual(["Beratungen", "32110"]);
    fireEvent.click(within(section).getByText(/Beratungen: 2 Befunde/));
    fireEvent.click(within(section).getByRole("button", { name: "A4" }));
    await waitFor(() => expect(wb.selected).toEqual({ sheet: "Beratungen", address: "A4" }));
    fireEvent.click(within(section).getByRole("button", { name: "Prüfbericht schreiben" }));
    await screen.findByText(/Geschrieben: Prüfbericht/);
    expect(wb.sheets.map((s) => s.name)).toContain("Prüfbericht");
  });

  test("3. input help asks first, says what it changes, adds dropdowns and marks; removing takes exactly those away", async () => {
    const wb = teamWorkbook();
    // Rules of the team's own: a conditional format on the topic column, a dropdown of theirs on the referrals' status.
    wb.sheets[0].conditionalFormats = [{ id: "{team}", address: "'Beratungen'!D3:D100", formula: "=LEN(D3)>40", fill: "#FF0000" }];
    wb.sheets[1].validations.push({ address: "'Vermittlungen'!C2:C1048576", source: "eigene Liste" });
    await renderPane(wb);
    fireEvent.click(screen.getByRole("button", { name: "Eingabehilfen einrichten …" }));
    const dialog = await screen.findByRole("dialog", { name: "Eingabehilfen hinzufügen?", hidden: true });
    expect(dialog.textContent).toContain("„Beratungen“: Auswahlliste in Spalte C (Aufenthaltsstatus); Markierungen (bedingte Formatierung) in Spalte A (Datum), Spalte B (Klient-ID), Spalte C (Aufenthaltsstatus)");
    fireEvent.click(within(dialog).getByRole("button", { name: "Abbrechen", hidden: true }));
    // What the user waits for: the dialog gone from the page (not merely hidden from screen readers while it closes).
    if (dialog.isConnected) await waitForElementToBeRemoved(dialog);
    expect(document.querySelector("[role=dialog]")).toBeNull();
    expect(wb.writes).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Eingabehilfen einrichten …" }));
    // The second dialog, a new one. In jsdom, Fluent's focus trap (tabster) marks an open dialog aria-hidden some
    // 50 to 250 ms after it opens, because jsdom's focus is not a browser's; that the dialog stays accessible is
    // checked in Chromium (tests/e2e), so here its controls are looked up whether aria-hidden or not.
    const again = await screen.findByRole("dialog", { name: "Eingabehilfen hinzufügen?", hidden: true });
    expect(again).not.toBe(dialog);
    fireEvent.click(within(again).getByRole("button", { name: "Hinzufügen", hidden: true }));
    await screen.findByText(/Auswahllisten eingerichtet.*Markierungen eingerichtet: 17 Regeln/);
    // Nothing but rules: no cell of the team's changed.
    expect(wb.writes.every((w) => w.op === "dataValidation" || w.op === "conditionalFormat")).toBe(true);
    expect(wb.sheets.flatMap((s) => s.validations)).toHaveLength(3);
    const marks = wb.sheets.flatMap((s) => s.conditionalFormats ?? []).filter((cf) => cf.formula.includes("Fallbilanz:"));
    expect(marks).toHaveLength(17);
    expect(marks.every((cf) => cf.fill === "#FFEB9C" && /1048576$/.test(cf.address))).toBe(true);
    expect(marks.find((cf) => cf.address === "'Beratungen'!A3:A1048576")!.formula).toMatch(/^=AND\(OR\(.*\+N\("Fallbilanz: Datum fehlt, ist kein gültiges Datum/);

    fireEvent.click(screen.getByRole("button", { name: "Eingabehilfen entfernen …" }));
    const remove = await screen.findByRole("dialog", { name: "Eingabehilfen entfernen?", hidden: true });
    fireEvent.click(within(remove).getByRole("button", { name: "Entfernen", hidden: true }));
    await screen.findByText(/Entfernt: 2 Auswahllisten und 17 Markierungsregeln von Fallbilanz/);
    expect(wb.sheets[0].conditionalFormats).toEqual([{ id: "{team}", address: "'Beratungen'!D3:D100", formula: "=LEN(D3)>40", fill: "#FF0000" }]);
    expect(wb.sheets.flatMap((s) => s.conditionalFormats ?? [])).toHaveLength(1);
    expect(wb.sheets.flatMap((s) => s.validations)).toEqual([{ address: "'Vermittlungen'!C2:C1048576", source: "eigene Liste" }]);
  });

  test("4. writes the year-end review for the default year in one click", async () => {
    const wb = teamWorkbook();
    await renderPane(wb);
    const section = screen.getByRole("region", { name: "3. Jahresrückblick erstellen" });
    expect(within(section).getByLabelText<HTMLSelectElement>("Jahr").value).toBe("2019");
    fireEvent.click(within(section).getByRole("button", { name: "Jahresrückblick erstellen" }));
    await screen.findByText(/Jahresrückblick 2019 geschrieben/);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Beratungen", "Vermittlungen", "Veranstaltungen", "Fälle", "Geprüfte Einträge", "Prüfbericht", "Jahresrückblick 2019", "Mehrjahresübersicht"]);
  });

  test("a column picked by hand can be set back to automatic recognition", async () => {
    const wb = teamWorkbook();
    await renderPane(wb);
    const section = screen.getByRole("region", { name: "1. Arbeitsmappe erkennen" });
    const topic = () => within(section).getAllByLabelText("Thema")[0] as HTMLSelectElement;
    act(() => void fireEvent.change(topic(), { target: { value: "4" } }));
    await waitFor(() => expect(wb.settings.fallbilanz).toMatchObject({ columns: { Beratungen: { topic: 4 } } }));
    act(() => void fireEvent.change(topic(), { target: { value: "auto" } }));
    await waitFor(() => expect((wb.settings.fallbilanz as { columns: Record<string, object> }).columns.Beratungen).toEqual({}));
    await waitFor(() => expect(topic().value).toBe("3"));
  });

  test("'keine Spalte' takes a field's column away; each column choice names its sheet for screen readers", async () => {
    const wb = teamWorkbook();
    await renderPane(wb);
    const section = screen.getByRole("region", { name: "1. Arbeitsmappe erkennen" });
    const topic = within(section).getByRole<HTMLSelectElement>("combobox", { name: "Thema in „Beratungen“", hidden: true });
    expect(within(section).getAllByRole("combobox", { name: /^Datum in „/, hidden: true }).map((e) => e.getAttribute("aria-label"))).toEqual(["Datum in „Beratungen“", "Datum in „Vermittlungen“", "Datum in „Veranstaltungen“"]);
    act(() => void fireEvent.change(topic, { target: { value: "-1" } }));
    await waitFor(() => expect(wb.settings.fallbilanz).toMatchObject({ columns: { Beratungen: { topic: -1 } } }));
    await waitFor(() => expect(within(section).getByRole<HTMLSelectElement>("combobox", { name: "Thema in „Beratungen“", hidden: true }).value).toBe("-1"));
  });

  test("the validation report is written from the workbook as it is now, not from the last check", async () => {
    const wb = teamWorkbook();
    await renderPane(wb);
    const section = screen.getByRole("region", { name: "2. Prüfen" });
    fireEvent.click(within(section).getByRole("button", { name: "Prüfen" }));
    await within(section).findByRole("table", { name: "Summen je Blatt" });
    // The team fixes the invalid date after the check.
    wb.sheets[0].cells.set("3,0", { value: serial(2019, 2, 28) });
    const write = within(section).getByRole<HTMLButtonElement>("button", { name: "Prüfbericht schreiben" });
    await waitFor(() => expect(write.disabled).toBe(false));
    fireEvent.click(write);
    await screen.findByText(/Geschrieben: Prüfbericht/);
    const report = JSON.stringify([...wb.sheets.find((s) => s.name === "Prüfbericht")!.cells.values()].map((c) => c.value));
    expect(report).not.toContain("E_DATE_INVALID");
  });

  test("when Excel refuses, the German message says what to do and Details keep what Excel said", async () => {
    const wb = teamWorkbook();
    await renderPane(wb);
    const log = jest.spyOn(console, "error").mockImplementation(() => undefined);
    wb.failOn = "add";
    const section = screen.getByRole("region", { name: "3. Jahresrückblick erstellen" });
    fireEvent.click(within(section).getByRole("button", { name: "Jahresrückblick erstellen" }));
    await screen.findByText(/Excel hat den Zugriff verweigert/);
    const details = screen.getByText("Details").closest("details")!;
    expect(details.textContent).toContain("Code: AccessDenied");
    expect(details.textContent).toContain("debugInfo");
    expect(log).toHaveBeenCalledWith("Fallbilanz:", expect.objectContaining({ code: "AccessDenied" }));
    log.mockRestore();
  });

  test("announcements reach screen readers: the status is a live region from the start, the pane sits in an announcer", async () => {
    const wb = teamWorkbook();
    installOffice(wb);
    const { AriaLiveAnnouncer } = await import("@fluentui/react-components");
    renderInPane(
      <AriaLiveAnnouncer>
        <App services={officeServices()} />
      </AriaLiveAnnouncer>,
    );
    const status = screen.getAllByRole("status").find((e) => e.getAttribute("aria-live") === "polite")!;
    expect(status).toBeTruthy();
    await screen.findByText(/Kopfzeile 2/);
    // The same element, still there, now empty: its text changed rather than the element appearing.
    expect(screen.getAllByRole("status")).toContain(status);
    const index = await import("node:fs").then((fs) => fs.readFileSync(require.resolve("../../src/taskpane/index.tsx"), "utf8"));
    expect(index).toMatch(/<AriaLiveAnnouncer>[^<]*<StartupMessage[^<]*<App[^<]*<\/AriaLiveAnnouncer>/);
  });

  test("a workbook without tracking sheets gets a German message", async () => {
    installOffice(createWorkbook({ Tabelle1: [["Artikel", "Preis"]] }));
    renderInPane(<App services={officeServices()} />);
    expect((await screen.findByText(/Kein Tabellenblatt erkannt/)).textContent).toMatch(/Beratungen/);
  });
});
