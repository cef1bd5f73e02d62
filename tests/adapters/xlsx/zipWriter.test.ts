import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { PART_LIMITS, ZipPackage } from "../../../src/adapters/xlsx/zipPackage";
import { ZipWriter } from "../../../src/adapters/xlsx/write/zipWriter";
import { FileByteSink, FileByteSource, nodeCodec } from "../../../src/adapters/xlsx/platform/node";
import { tempDir } from "../../helpers/xlsx";
import { headerOffsets } from "../../helpers/package";

async function textOf(pkg: ZipPackage, name: string): Promise<string> {
  return new TextDecoder().decode(await pkg.bytes(name, PART_LIMITS.worksheet));
}

describe("ZipWriter", () => {
  test("parts in the order added, each read back intact by our reader (CRC checked) and by JSZip", async () => {
    const path = join(tempDir(), "z.zip");
    const zip = new ZipWriter(await FileByteSink.create(path), nodeCodec, new Date(2024, 4, 17, 10, 30, 12));
    // A part larger than a chunk, made of pieces with multi-byte characters across chunk borders.
    const pieces = Array.from({ length: 40_000 }, (_, i) => `<r i="${i}">Müller ä ö ü € 𝄞 ${i}</r>`);
    await zip.add("xl/worksheets/sheet1.xml", pieces, 2);
    await zip.add("[Content_Types].xml", "<Types/>");
    await zip.add("leer.xml", []);
    await zip.close();

    const pkg = await ZipPackage.open(new FileByteSource(path), nodeCodec);
    expect(pkg.names()).toEqual(["xl/worksheets/sheet1.xml", "[Content_Types].xml", "leer.xml"]);
    expect(await textOf(pkg, "xl/worksheets/sheet1.xml")).toBe(pieces.join(""));
    expect(await textOf(pkg, "[Content_Types].xml")).toBe("<Types/>");
    expect(await textOf(pkg, "leer.xml")).toBe("");
    await pkg.close();

    const bytes = readFileSync(path);
    const jszip = await JSZip.loadAsync(bytes);
    expect(await jszip.file("xl/worksheets/sheet1.xml")!.async("string")).toBe(pieces.join(""));
    expect(jszip.file("xl/worksheets/sheet1.xml")!.date.getUTCFullYear()).toBe(2024);
    expect(headerOffsets(bytes).central).toHaveLength(3);
  });

  test("a part whose making fails rejects the add; abort closes the file", async () => {
    const path = join(tempDir(), "kaputt.zip");
    const zip = new ZipWriter(await FileByteSink.create(path), nodeCodec);
    function* failing(): Generator<string> {
      yield "<a>";
      throw new Error("kaputt");
    }
    await expect(zip.add("a.xml", failing())).rejects.toThrow("kaputt");
    zip.abort();
    expect(existsSync(path)).toBe(true); // the caller (OutputFiles) removes its temporary file
  });
});
