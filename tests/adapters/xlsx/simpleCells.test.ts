import { Readable } from "node:stream";
import { Cell } from "../../../src/core/cells";
import { readSheetRows } from "../../../src/adapters/xlsx/sheetRows";
import { ReadSharedStrings } from "../../../src/adapters/xlsx/sharedStrings";

/*
 * The scanner hands the commonest shapes of cell (`<c …><v>…</v></c>`, `<c …><is><t>…</t></is></c>`, `<c …/>`) and
 * rows with plain attributes to the row reader at once; every other shape goes the long way. Both ways must read
 * alike, wherever a chunk ends.
 */

const SHARED = ["Beratung", "Geduldet"];

async function rowsOf(xml: string, chunk: number): Promise<[number, Cell[]][]> {
  const bytes = new TextEncoder().encode(xml);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += chunk) chunks.push(bytes.subarray(at, at + chunk));
  const rows: [number, Cell[]][] = [];
  await readSheetRows(Readable.from(chunks), "xl/worksheets/sheet1.xml", { shared: new ReadSharedStrings(SHARED), date1904: false }, (row, cells) => rows.push([row, [...cells]]));
  return rows;
}

const sheet = (rows: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

describe("simple cells and the long way read alike", () => {
  const simple = sheet(
    '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>43466</v></c><c r="C1" t="inlineStr"><is><t>IK-1 &amp; Co</t></is></c>' +
      '<c r="D1" t="inlineStr"><is><t xml:space="preserve"> vorn</t></is></c><c r="E1" t="b"><v>1</v></c><c r="F1"><v></v></c><c r="G1" t="e"><v>#NV</v></c></row>',
  );
  // The same cells, each in a shape only the long way reads: a comment, CDATA, a formula, rich text, a prefix.
  const long = sheet(
    '<row r="1"><c r="A1" t="s"><v>1<!-- x --></v></c><c r="B1"><f>1+1</f><v>43466</v></c><c r="C1" t="inlineStr"><is><r><t>IK-1 </t></r><r><t>&amp; Co</t></r></is></c>' +
      '<c r="D1" t="inlineStr"><is><t><![CDATA[ vorn]]></t></is></c><c r="E1" t="b"><v>1</v> </c><c r="F1"><v/></c><c r="G1" t="e" ><v>#NV</v></c></row>',
  );

  // Plain rows and empty cells (`<c …/>`) read in one go, beside the same written so that only the long way reads
  // them: single quotes, two spaces, a tab, spaces around `=`.
  const plain = sheet(
    '<row r="1" spans="1:3" x14ac:dyDescent="0.25"><c r="A1" s="2"/><c r="B1" s="3" t="s"><v>0</v></c></row><row r="2"/>' +
      '<row r="03" ht="20" customHeight="1"><c r="C3" s="1"><v>5</v></c><c s="1"><v>6</v></c></row>',
  );
  const plainTheLongWay = sheet(
    "<row r='1'  spans=\"1:3\"><c r='A1' s='2' /><c  r=\"B1\" s=\"3\" t=\"s\"><v>0</v></c></row><row r='2' />" +
      '<row r = "03"><c r="C3"\ts="1"><v>5</v></c><c\ts="1"><v>6</v></c></row>',
  );

  const cases: [string, string, string, [number, Cell[]][]][] = [
    ["values and texts", simple, long, [[1, ["Geduldet", 43466, "IK-1 & Co", " vorn", true, undefined, { error: "#NV" }]]]],
    ["plain rows and empty cells", plain, plainTheLongWay, [[1, [undefined, "Beratung"]], [3, [undefined, undefined, 5, 6]]]],
  ];
  test.each(cases.flatMap(([name, fast, slow, expected]) => [5, 7, 64, 100_000].map((chunk) => [name, chunk, fast, slow, expected] as const)))(
    "%s, in chunks of %p bytes",
    async (_, chunk, fast, slow, expected) => {
      const rows = await rowsOf(fast, chunk);
      expect(rows).toEqual(await rowsOf(slow, chunk));
      expect(JSON.stringify(rows)).toBe(JSON.stringify(expected));
    },
  );

  test("a line end cut between its two characters, wherever the chunks end, is one line end", async () => {
    const xml = sheet('<row r="1"><c r="A1" t="str"><v>a\r\nb</v></c><c r="B1" t="inlineStr"><is><t>c\r</t></is></c><c r="C1" t="str"><v>\nd</v></c></row>');
    for (let chunk = 1; chunk <= 60; chunk++) expect(await rowsOf(xml, chunk)).toEqual([[1, ["a\nb", "c\n", "\nd"]]]);
  });

  test("a simple cell that is not well-formed is still damage", async () => {
    await expect(rowsOf(sheet('<row r="1"><c r="A<1"><v>1</v></c></row>'), 1000)).rejects.toThrow();
    await expect(rowsOf(sheet('<row r="1" x="<"><c r="A1"><v>1</v></c></row>'), 1000)).rejects.toThrow();
    await expect(rowsOf(sheet('<row r="2"/><row r="1"/>'), 1000)).rejects.toThrow(/out of order/);
    await expect(rowsOf(sheet('<row r="1"><c r="A1" t="s"><v>1</v></c></c></row>'), 1000)).rejects.toThrow();
    await expect(rowsOf(sheet('<row r="1"><c r="A1" t="s"><v>1</v></c>'), 1000)).rejects.toThrow();
  });
});
