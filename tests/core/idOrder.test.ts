import fc from "fast-check";
import { ID_ORDER, sortByIds } from "../../src/core/report/idOrder";

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

  test.each([
    { name: "by value", ids: ["IK-10", "IK-2", "IK-0003"], sorted: ["IK-2", "IK-0003", "IK-10"] },
    { name: "shorter prefix first", ids: ["IKA-1", "IK-9"], sorted: ["IK-9", "IKA-1"] },
    { name: "other spellings among usual ones", ids: ["IK-5", "ik-4", "IK0006"], sorted: [...["IK-5", "ik-4", "IK0006"]].sort(ID_ORDER.compare) },
  ])("$name", ({ ids, sorted }) => {
    expect(sortByIds(ids, (id) => id)).toEqual(sorted);
  });

  test("does not change its input", () => {
    const ids = ["IK-2", "IK-1"];
    sortByIds(ids, (id) => id);
    expect(ids).toEqual(["IK-2", "IK-1"]);
  });
});
