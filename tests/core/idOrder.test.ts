import fc from "fast-check";
import { ID_ORDER, USUAL, sortByIds, usualDigitsFrom } from "../../src/core/report/idOrder";

/** IDs as teams write them: mostly the usual `IK-0042`, with prefixes that share letters, leading zeros, and other spellings. */
const anId = fc.oneof(
  fc.tuple(fc.constantFrom("IK", "I", "IKA", "AB", "Z", "IKB"), fc.constantFrom("", "0", "00"), fc.integer({ min: 0, max: 100_000 })).map(([p, z, n]) => `${p}-${z}${n}`),
  fc.constantFrom("IK0042", "IK-42A", "ik-7", "IK_12", "Ä-3", "IK-1234567890123456", "Müller", "12", "IK- 5", "IK-"),
);

describe("client IDs in natural order", () => {
  test("sortByIds sorts exactly as the collator does, ties in their order", () => {
    fc.assert(
      fc.property(fc.array(anId, { maxLength: 60 }), (ids) => {
        const tagged = ids.map((id, i) => ({ id, i }));
        expect(sortByIds(tagged, (t) => t.id)).toEqual([...tagged].sort((a, b) => ID_ORDER.compare(a.id, b.id)));
      }),
      { numRuns: 500 },
    );
  });

  test("large lists of usual IDs with a few other spellings among them: as the collator sorts them", () => {
    fc.assert(
      fc.property(fc.array(anId, { minLength: 200, maxLength: 600 }), (ids) => {
        const tagged = ids.map((id, i) => ({ id, i }));
        expect(sortByIds(tagged, (t) => t.id)).toEqual([...tagged].sort((a, b) => ID_ORDER.compare(a.id, b.id)));
      }),
      { numRuns: 100 },
    );
  });

  test("the usual spelling is read by hand exactly as its pattern reads it", () => {
    const chars = fc.constantFrom("I", "K", "A", "Z", "-", "0", "1", "9", "a", " ", "Ä", "_");
    const spelling = fc.oneof(anId, fc.array(chars, { maxLength: 22 }).map((c) => c.join("")), fc.integer({ min: 0, max: 25 }).map((z) => `IK-${"0".repeat(z)}${"7".repeat(16 - Math.min(z, 15))}`));
    fc.assert(
      fc.property(spelling, (id) => {
        const usual = USUAL.exec(id);
        expect(usualDigitsFrom(id)).toBe(usual ? usual[1].length : -1);
      }),
      { numRuns: 2000 },
    );
  });

  test.each([
    { name: "by value", ids: ["IK-10", "IK-2", "IK-0003"], sorted: ["IK-2", "IK-0003", "IK-10"] },
    { name: "shorter prefix first", ids: ["IKA-1", "IK-9"], sorted: ["IK-9", "IKA-1"] },
    { name: "other spellings among usual ones", ids: ["IK-5", "ik-4", "IK0006"], sorted: [...["IK-5", "ik-4", "IK0006"]].sort(ID_ORDER.compare) },
    { name: "equal values: the collator, then the input order", ids: ["IK-1", "IK-01", "IK-001", "IK-1"], sorted: [...["IK-1", "IK-01", "IK-001", "IK-1"]].sort(ID_ORDER.compare) },
    { name: "digits beyond a key's range", ids: ["IK-999999999999999", "IK-2", "IK-137438953472"], sorted: ["IK-2", "IK-137438953472", "IK-999999999999999"] },
  ])("$name", ({ ids, sorted }) => {
    expect(sortByIds(ids, (id) => id)).toEqual(sorted);
  });

  test("does not change its input", () => {
    const ids = ["IK-2", "IK-1"];
    sortByIds(ids, (id) => id);
    expect(ids).toEqual(["IK-2", "IK-1"]);
  });
});
