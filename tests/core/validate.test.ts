import { analyseSheets } from "../helpers/sheets";
import { codesAt, d } from "../helpers/xlsx";

const COUNSELLING_HEADER = ["Datum", "Klient-ID", "Aufenthaltsstatus", "Thema", "Notiz"];

describe("validation rules and codes (spec 2)", () => {
  test("each date rule", async () => {
    const a = await analyseSheets({
      Beratungen: [
        COUNSELLING_HEADER,
        [null, "IK-1", "Geduldet"],
        ["31.02.2019", "IK-1", "Geduldet"],
        ["kein Datum", "IK-1", "Geduldet"],
        [d(1999, 12, 31), "IK-1", "Geduldet"],
        ["26.11.2026", "IK-1", "Geduldet"],
        ["25.11.2026", "IK-1", "Geduldet"],
        [{ error: "#REF!" }, "IK-1", "Geduldet"],
      ],
    });
    expect(codesAt(a, "Beratungen", 2)).toEqual(["E_DATE_MISSING"]);
    expect(codesAt(a, "Beratungen", 3)).toEqual(["E_DATE_INVALID"]);
    expect(codesAt(a, "Beratungen", 4)).toEqual(["E_DATE_INVALID"]);
    expect(codesAt(a, "Beratungen", 5)).toEqual(["E_DATE_IMPLAUSIBLE"]);
    expect(codesAt(a, "Beratungen", 6)).toEqual(["E_DATE_IMPLAUSIBLE"]);
    expect(codesAt(a, "Beratungen", 7)).toEqual([]);
    expect(codesAt(a, "Beratungen", 8)).toEqual(["E_DATE_INVALID"]);
    const formulaFinding = a.findings.find((f) => f.row === 8)!;
    expect(formulaFinding.message).toContain("#BEZUG!");
    expect(a.findings.find((f) => f.row === 5)!.message).toContain("25.11.2026");
  });

  test("IDs: missing is an error, name-like a warning (row still accepted)", async () => {
    const a = await analyseSheets({
      Beratungen: [COUNSELLING_HEADER, [d(2019, 1, 2), null, "Geduldet"], [d(2019, 1, 2), "Zellbrunner", "Geduldet"], [d(2019, 1, 2), "  ", "Geduldet"]],
    });
    expect(codesAt(a, "Beratungen", 2)).toEqual(["E_ID_MISSING"]);
    expect(codesAt(a, "Beratungen", 3)).toEqual(["W_ID_LOOKS_LIKE_NAME"]);
    expect(codesAt(a, "Beratungen", 4)).toEqual(["E_ID_MISSING"]);
    expect(a.counselling.map((r) => r.row)).toEqual([3]);
    expect(a.findings.every((f) => !f.message.toUpperCase().includes("ZELLBRUNNER"))).toBe(true);
  });

  test("status: from the clients sheet when blank, else missing; unknown text is an error", async () => {
    const a = await analyseSheets({
      Beratungen: [
        COUNSELLING_HEADER,
        [d(2019, 1, 2), "IK-1", null],
        [d(2019, 1, 2), "IK-2", null],
        [d(2019, 1, 2), "IK-3", "unklar"],
        [d(2019, 1, 2), "ik 1", "Anerkannt"],
      ],
      Klienten: [["Klient-ID", "Aufenthaltsstatus"], ["IK-1", "Duldung"]],
    });
    expect(codesAt(a, "Beratungen", 2)).toEqual([]);
    expect(a.counselling.find((r) => r.row === 2)!.status).toBe("Geduldet");
    expect(codesAt(a, "Beratungen", 3)).toEqual(["E_STATUS_MISSING"]);
    expect(codesAt(a, "Beratungen", 4)).toEqual(["E_STATUS_UNKNOWN"]);
    expect(a.counselling.find((r) => r.row === 5)!.status).toBe("Anerkannt");
  });

  test("status column may be left out where the clients sheet has it", async () => {
    const a = await analyseSheets({
      Beratungen: [["Datum", "Klient-ID"], [d(2019, 1, 2), "IK-1"], [d(2019, 1, 3), "IK-2"]],
      Klienten: [["Klient-ID", "Status"], ["IK-1", "Gestattung"]],
    });
    expect(a.findings.map((f) => [f.row, f.code])).toEqual([[3, "E_STATUS_MISSING"]]);
    expect(a.counselling[0].status).toBe("Asylbewerbend");
  });

  test("a missing required column is named, and its rows are rejected", async () => {
    const a = await analyseSheets({ Vermittlungen: [["Datum", "Klient-ID", "Status"], [d(2019, 1, 2), "IK-1", "Geduldet"]] });
    expect(a.findings.map((f) => f.code)).toEqual(["E_COLUMN_MISSING", "E_CATEGORY_MISSING"]);
    expect(a.findings[0].message).toContain("Kategorie");
    expect(a.totals[0]).toMatchObject({ rows: 1, accepted: 0, rejected: 1 });
  });

  test("category and event rules", async () => {
    const a = await analyseSheets({
      Vermittlungen: [
        ["Datum", "Klient-ID", "Status", "Art"],
        [d(2019, 1, 2), "IK-1", "Geduldet", null],
        [d(2019, 1, 2), "IK-1", "Geduldet", "Kochkurs"],
        [d(2019, 1, 2), "IK-1", "Geduldet", "Sprachkurs"],
      ],
      Veranstaltungen: [
        ["Datum", "Thema", "Teilnehmende"],
        [d(2019, 1, 2), null, 5],
        [d(2019, 1, 3), "Gesundheit", -1],
        [d(2019, 1, 4), "Gesundheit", 2.5],
        [d(2019, 1, 5), "Gesundheit", "ca. 20"],
        [d(2019, 1, 6), "Gesundheit", null],
        [d(2019, 1, 7), "Gesundheit", " 17 "],
        [d(2019, 1, 8), "Gesundheit", 0],
      ],
    });
    expect(codesAt(a, "Vermittlungen", 2)).toEqual(["E_CATEGORY_MISSING"]);
    expect(codesAt(a, "Vermittlungen", 3)).toEqual(["E_CATEGORY_UNKNOWN"]);
    expect(codesAt(a, "Veranstaltungen", 2)).toEqual(["E_TOPIC_MISSING"]);
    for (const row of [3, 4, 5, 6]) expect(codesAt(a, "Veranstaltungen", row)).toEqual(["E_ATTENDEES_INVALID"]);
    expect(a.events.map((e) => e.attendees)).toEqual([17, 0]);
  });

  test("every finding names sheet, row, column, code, severity and a German message", async () => {
    const a = await analyseSheets({ Beratungen: [["Thema", "Klient-ID", "Datum", "Status"], ["x", "IK-1", "31.02.2019", "Geduldet"]] });
    expect(a.findings).toEqual([
      { sheet: "Beratungen", row: 2, column: "C", code: "E_DATE_INVALID", severity: "error", message: expect.stringMatching(/^Kein gültiges Datum\. Bitte/) },
    ]);
  });

  test("a personal-name column gets one warning for its header cell; its contents are never kept", async () => {
    const a = await analyseSheets({
      Klienten: [["Klient-ID", "Vorname", "Nachname", "Status", "Bemerkung"], ["IK-1", "Amal", "Quastorf", "Geduldet", "vertraulich"]],
    });
    expect(a.findings.map((f) => [f.row, f.column, f.code, f.severity])).toEqual([
      [1, "B", "W_PERSONAL_DATA_COLUMN", "warning"],
      [1, "C", "W_PERSONAL_DATA_COLUMN", "warning"],
    ]);
    expect(JSON.stringify(a)).not.toMatch(/Amal|Quastorf|vertraulich/);
  });

  test("blank rows are skipped; a row with only a note is a data row", async () => {
    const a = await analyseSheets({
      Beratungen: [COUNSELLING_HEADER, [d(2019, 1, 2), "IK-1", "Geduldet"], [], [null, "   ", null, null, null], [null, null, null, null, "nur eine Notiz"]],
    });
    expect(a.totals[0]).toMatchObject({ rows: 2, accepted: 1, rejected: 1 });
    expect(codesAt(a, "Beratungen", 5)).toEqual(["E_DATE_MISSING", "E_ID_MISSING", "E_STATUS_MISSING"]);
  });
});

describe("duplicates (spec 2)", () => {
  test("counselling: same client, date and normalised topic; the top-most row is kept", async () => {
    const a = await analyseSheets({
      Beratungen: [
        COUNSELLING_HEADER,
        [d(2019, 1, 2), "IK-1", "Geduldet", "Bewerbung"],
        ["02.01.2019", "ik 1", "Duldung", " bewerbung "],
        [d(2019, 1, 2), "IK-1", "Geduldet", "Arbeitssuche"],
        [d(2019, 1, 3), "IK-1", "Geduldet", "Bewerbung"],
      ],
    });
    expect(a.findings.map((f) => [f.row, f.code, f.column])).toEqual([[3, "W_DUPLICATE", "A"]]);
    expect(a.findings[0].message).toContain("Zeile 2");
    expect(a.counselling.filter((r) => r.duplicate).map((r) => r.row)).toEqual([3]);
    expect(a.totals[0]).toMatchObject({ rows: 4, accepted: 4, rejected: 0, warnings: 1, duplicates: 1 });
  });

  test("referrals: same client, date and category; events: same date, topic, location and attendees", async () => {
    const a = await analyseSheets({
      Vermittlungen: [
        ["Datum", "Klient-ID", "Status", "Art"],
        [d(2019, 1, 2), "IK-1", "Geduldet", "Sprachkurs"],
        [d(2019, 1, 2), "IK-1", "Geduldet", "Deutschkurs"],
        [d(2019, 1, 2), "IK-1", "Geduldet", "Sport"],
      ],
      Veranstaltungen: [
        ["Datum", "Thema", "Ort", "TN"],
        [d(2019, 1, 2), "Gesundheit", "LRA", 10],
        [d(2019, 1, 2), "gesundheit", "lra", "10"],
        [d(2019, 1, 2), "Gesundheit", "LRA", 11],
        [d(2019, 1, 2), "Gesundheit", "VHS", 10],
      ],
    });
    expect(a.findings.map((f) => [f.sheet, f.row, f.code])).toEqual([
      ["Vermittlungen", 3, "W_DUPLICATE"],
      ["Veranstaltungen", 3, "W_DUPLICATE"],
    ]);
  });

  test("a rejected row is no duplicate's original", async () => {
    const a = await analyseSheets({
      Beratungen: [COUNSELLING_HEADER, [d(2019, 1, 2), "IK-1", "unklar", "x"], [d(2019, 1, 2), "IK-1", "Geduldet", "x"]],
    });
    expect(a.findings.map((f) => [f.row, f.code])).toEqual([[2, "E_STATUS_UNKNOWN"]]);
  });
});
