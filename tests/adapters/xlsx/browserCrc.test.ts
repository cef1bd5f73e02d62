import { crc32 as zcrc } from "node:zlib";
import { crc32 } from "../../../src/adapters/xlsx/platform/browser";
test("browser crc32 equals zlib's", () => {
  for (const n of [0, 1, 7, 8, 9, 63, 1000, 65537]) {
    const b = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
    expect(crc32(b, 0)).toBe(zcrc(b, 0) >>> 0);
    expect(crc32(b.subarray(3), crc32(b.subarray(0, 3), 0))).toBe(zcrc(b, 0) >>> 0);
  }
});
