import { existsSync, readdirSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { OutputFiles } from "../../src/cli/outputFiles";
import { tempDir } from "../helpers/xlsx";

describe("the command line's output files", () => {
  test("all are renamed at the end, or none when one fails", async () => {
    const dir = tempDir();
    const outputs = new OutputFiles();
    await outputs.write(join(dir, "a.xlsx"), (tmp) => writeFile(tmp, "a"));
    await expect(outputs.write(join(dir, "b.json"), () => Promise.reject(Object.assign(new Error("disk full"), { code: "ENOSPC" })))).rejects.toThrow(/kein Platz mehr/);
    await outputs.discard();
    expect(readdirSync(dir)).toEqual([]);
  });

  test("a file held open elsewhere gets a German hint, not an errno", async () => {
    const outputs = new OutputFiles();
    await expect(outputs.write(join(tempDir(), "c.xlsx"), () => Promise.reject(Object.assign(new Error("EBUSY: resource busy or locked"), { code: "EBUSY" })))).rejects.toThrow(/noch in Excel geöffnet/);
  });

  test("written files appear under their names only after commit", async () => {
    const dir = tempDir();
    const outputs = new OutputFiles();
    await outputs.write(join(dir, "a.xlsx"), (tmp) => writeFile(tmp, "a"));
    expect(existsSync(join(dir, "a.xlsx"))).toBe(false);
    await outputs.commit();
    await outputs.discard();
    expect(readdirSync(dir)).toEqual(["a.xlsx"]);
  });
});
