import { PlainAttributes, plainTag } from "../../../src/adapters/xlsx/plainTag";

/** The attributes `plainTag` found, as [name, value] pairs, and where the tag ends. */
function read(s: string, from: number): { end: number; attributes: [string, string][]; selfClosing: boolean } {
  const into = new PlainAttributes();
  const end = plainTag(s, from, into);
  const attributes: [string, string][] = [];
  for (let k = 0; k < into.count; k++) {
    const [nameFrom, nameTo, valueFrom, valueTo] = into.at.subarray(4 * k, 4 * k + 4);
    attributes.push([s.slice(nameFrom, nameTo), s.slice(valueFrom, valueTo)]);
  }
  return { end, attributes, selfClosing: into.selfClosing };
}

describe("plainTag: the attributes of a tag written plainly", () => {
  test("reads each attribute and finds the tag's end", () => {
    const s = '<row r="9" spans="1:6" x14ac:dyDescent="0.25"><c';
    expect(read(s, 4)).toEqual({ end: s.indexOf(">"), attributes: [["r", "9"], ["spans", "1:6"], ["x14ac:dyDescent", "0.25"]], selfClosing: false });
  });

  test("a self-closing tag, and one without attributes", () => {
    const s = '<c r="A1" s="3"/>';
    expect(read(s, 2)).toEqual({ end: s.length - 1, attributes: [["r", "A1"], ["s", "3"]], selfClosing: true });
    expect(read("<c>", 2)).toEqual({ end: 2, attributes: [], selfClosing: false });
    expect(read('<c r="">', 2).attributes).toEqual([["r", ""]]);
  });

  test.each([
    ["single quotes", "<c r='A1'>"],
    ["two spaces", '<c  r="A1">'],
    ["a tab", '<c\tr="A1">'],
    ["spaces around =", '<c r = "A1">'],
    ["an entity to decode", '<c r="A&amp;1">'],
    ["a < in a value", '<c r="A<1">'],
    ["a name starting with a digit", '<c 1r="A1">'],
    ["a / not before >", '<c r="A1"/ >'],
    ["no space before a name", '<c r="A1"s="2">'],
    ["seventeen attributes", `<c${Array.from({ length: 17 }, (_, i) => ` a${i}="1"`).join("")}>`],
  ])("%s: left to the long way", (_, s) => {
    expect(read(s, 2).end).toBe(-1);
  });

  test("a tag that the chunk cuts off anywhere is left to the long way", () => {
    const s = '<c r="A1" s="3" t="s">';
    for (let cut = 2; cut < s.length; cut++) expect(read(s.slice(0, cut), 2).end).toBe(-1);
    const closing = '<c r="A1"/>';
    for (let cut = 2; cut < closing.length; cut++) expect(read(closing.slice(0, cut), 2).end).toBe(-1);
  });

  test("sixteen attributes are read", () => {
    const s = `<c${Array.from({ length: 16 }, (_, i) => ` a${i}="${i}"`).join("")}>`;
    expect(read(s, 2).attributes).toHaveLength(16);
  });
});
