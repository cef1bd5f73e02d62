import { XlsxFileSource } from "../../../src/adapters/xlsx/fileSource";
import { Cell } from "../../../src/core/cells";
import { ColumnNeeds, PRESENT } from "../../../src/port/workbookPort";
import { num, sheetXml, str, workbookParts, zipToFile } from "../../helpers/package";

/*
 * Once a sheet's sink has said what it needs of each column, the file reader hands over only that: the values of
 * the columns it reads, `PRESENT` for a column read for its blankness (names, notes: their text never leaves the
 * reader), nothing of the others. Rows before that come whole.
 */

const SST = (texts: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${texts.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join("")}</sst>`;

test("values, presence, nothing: as the sink asks, for inline and shared strings alike", async () => {
  const shared = (ref: string, i: number): string => `<c r="${ref}" t="s"><v>${i}</v></c>`;
  const parts = workbookParts(
    {
      Beratungen: sheetXml([
        [str("A1", "Datum"), str("B1", "Klient-ID"), str("C1", "Notiz"), str("D1", "Telefon")],
        [num("A2", 43500), str("B2", "IK-1"), str("C2", "Vertraulich: Familie X"), str("D2", "0171 123")],
        [num("A3", 43501), shared("B3", 0), shared("C3", 1), shared("D3", 2)],
        [num("A4", 43502), str("B4", "IK-3"), str("C4", "   "), num("D4", 5)],
        [str("C5", "nur eine Notiz")],
        [str("D6", "nur Telefon")],
      ]),
    },
    {},
  );
  parts["xl/sharedStrings.xml"] = SST(["IK-2", "Vermerk geteilt", "Durchwahl"]);
  parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string).replace(
    "</Relationships>",
    '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  const rows = new Map<number, Cell[]>();
  const needs: ColumnNeeds = { values: [0, 1], presence: [2] };
  await new XlsxFileSource(await zipToFile(parts)).forEachSheet(() =>
    Object.assign((row: number, cells: readonly Cell[]) => void rows.set(row, [...cells]), { needs: () => (rows.size >= 1 ? needs : undefined) }),
  );
  expect(rows.get(1)).toEqual(["Datum", "Klient-ID", "Notiz", "Telefon"]);
  expect(rows.get(2)).toEqual([43500, "IK-1", PRESENT]);
  expect(rows.get(3)).toEqual([43501, "IK-2", PRESENT]);
  expect(rows.get(4)).toEqual([43502, "IK-3"]);
  expect(rows.get(5)).toEqual([undefined, undefined, PRESENT]);
  // A row with content only in a column nobody reads is no row at all for the sink.
  expect(rows.has(6)).toBe(false);
});
