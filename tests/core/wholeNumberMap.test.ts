import fc from "fast-check";
import { WholeNumberMap } from "../../src/core/wholeNumberMap";

describe("a map of whole numbers", () => {
  test("keeps the first value of each key, as a Map would, through growing", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.integer({ min: -5, max: 50 }), fc.maxSafeInteger(), fc.integer({ min: 2 ** 40, max: 2 ** 40 + 20 })), fc.integer({ min: 1, max: 1_048_576 })), { maxLength: 300 }), (entries) => {
        const map = new WholeNumberMap(2);
        const reference = new Map<number, number>();
        for (const [key, value] of entries) {
          expect(map.firstOr(key, value)).toBe(reference.get(key));
          if (!reference.has(key)) reference.set(key, value);
        }
        expect(map.size).toBe(reference.size);
      }),
    );
  });

  test("150,000 distinct keys of a large workbook's rows", () => {
    const map = new WholeNumberMap();
    for (let i = 0; i < 150_000; i++) expect(map.firstOr(i * 1_073_741_824 + (i % 7), i)).toBeUndefined();
    expect(map.firstOr(5 * 1_073_741_824 + 5, 0)).toBe(5);
    expect(map.size).toBe(150_000);
  });
});
