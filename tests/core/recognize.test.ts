import { analyseSheets } from "../helpers/sheets";
import { analyseXlsx, d } from "../helpers/xlsx";

describe("recognising the workbook (spec 1)", () => {
  test("header row below title rows, columns in any order, unknown columns ignored", async () => {
    const a = await analyseSheets({
      Beratungen: [
        ["Beratungsprotokoll 2019"],
        ["Stand: Dezember", "intern"],
        [],
        ["Irgendwas", "Thema", "Aufenthaltsstatus", "Klient:innen-ID", "Beratungsdatum"],
        ["x", "Bewerbung", "Geduldet", "IK-1", d(2019, 3, 4)],
      ],
    });
    const sheet = a.sheets[0];
    expect(sheet.kind).toBe("counselling");
    expect(sheet.headerRow).toBe(4);
    expect(sheet.columns).toEqual({ topic: 1, status: 2, clientId: 3, date: 4 });
    expect(a.counselling).toHaveLength(1);
    expect(a.counselling[0]).toMatchObject({ row: 5, clientKey: "IK1", status: "Geduldet", topic: "Bewerbung", year: 2019, month: 3 });
  });

  test("a header row needs two known headers among the first 10 rows", async () => {
    const rows = [...Array.from({ length: 10 }, (_, i) => [`Titel ${i}`]), ["Datum", "Klient-ID", "Status"], [d(2019, 1, 2), "IK-1", "Geduldet"]];
    const a = await analyseSheets({ Beratungen: rows, Vermittlungen: [["Datum", "Klient-ID", "Art", "Status"], [d(2019, 1, 2), "IK-1", "Job", "Geduldet"]] });
    expect(a.sheets[0].headerRow).toBeUndefined();
    expect(a.findings.filter((f) => f.sheet === "Beratungen").map((f) => f.code)).toEqual(["E_HEADER_MISSING"]);
    expect(a.totals.find((t) => t.sheet === "Beratungen")).toMatchObject({ rows: 12, accepted: 0, rejected: 12 });
  });

  test("a sheet with an unknown name is classified by its headers", async () => {
    const a = await analyseSheets({
      "Tabelle 1": [["Datum", "Thema", "TN"], [d(2019, 5, 1), "Gesundheit", 12]],
      "Tabelle 2": [["Vermittlungsdatum", "Fall-Nr.", "Bereich", "Rechtsstatus"], [d(2019, 5, 1), "A-1", "Sport", "Duldung"]],
      "Tabelle 3": [["Kontaktdatum", "Pseudonym", "Status"], [d(2019, 5, 1), "A-1", "Asyl"]],
      "Tabelle 4": [["Kennung", "Status", "Jahrgang"], ["A-1", "Asyl", 1990]],
      Notizen: [["Was noch zu tun ist"], ["Anrufen"]],
    });
    expect(a.sheets.map((s) => [s.name, s.kind, s.recognisedBy])).toEqual([
      ["Tabelle 1", "events", "headers"],
      ["Tabelle 2", "referrals", "headers"],
      ["Tabelle 3", "counselling", "headers"],
      ["Tabelle 4", "clients", "headers"],
      ["Notizen", undefined, "none"],
    ]);
    expect(a.events[0].attendees).toBe(12);
    expect(a.referrals[0].category).toBe("Freizeitangebot");
  });

  test("sheets the product wrote are skipped", async () => {
    const a = await analyseSheets({
      Beratungen: [["Datum", "Klient-ID", "Status"], [d(2019, 1, 2), "IK-1", "Geduldet"]],
      Fälle: [["Klient-ID", "Aufenthaltsstatus"], ["IK-1", "Geduldet"]],
      "Jahresrückblick 2019": [["Datum", "Klient-ID"], [d(2019, 1, 2), "IK-9"]],
    });
    expect(a.sheets.map((s) => s.recognisedBy)).toEqual(["name", "output", "output"]);
    expect(a.totals.map((t) => t.sheet)).toEqual(["Beratungen"]);
  });

  test("a workbook without any tracking sheet is refused in German", async () => {
    await expect(analyseSheets({ Tabelle1: [["a", "b"], [1, 2]] })).rejects.toThrow(/Kein Tabellenblatt erkannt/);
  });

  test("formulas contribute their computed value (through the file adapter)", async () => {
    const a = await analyseXlsx({
      Veranstaltungen: [["Datum", "Thema", "Teilnehmende"], [d(2019, 5, 1), "Gesundheit", { formula: "10+5", result: 15 }]],
    });
    expect(a.events[0].attendees).toBe(15);
  });
});
