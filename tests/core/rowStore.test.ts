import { RowStore } from "../../src/core/recognize/rowStore";

describe("RowStore", () => {
  test("rows read back as pushed, across its blocks (the first small, the rest large)", () => {
    const store = new RowStore(["date", "clientId"]);
    const n = 2048 + 16_384 * 2 + 7;
    for (let i = 0; i < n; i++) store.push(i + 2, [i, i % 3 === 0 ? "" : `IK-${i}`], [0, 1]);
    expect(store.length).toBe(n);
    for (const i of [0, 2047, 2048, 2049, 18_431, 18_432, n - 1]) {
      expect(store.at(i)).toEqual({ row: i + 2, values: { date: i, clientId: i % 3 === 0 ? undefined : `IK-${i}` } });
    }
    const rows = [...store];
    expect(rows).toHaveLength(n);
    expect(rows[20_000].values.date).toBe(20_000);
    const shifted = store.mapField("date", (c) => (c as number) + 1);
    expect(shifted.at(n - 1).values).toEqual({ date: n, clientId: `IK-${n - 1}` });
    expect(store.at(n - 1).values.date).toBe(n - 1);
  });
});
