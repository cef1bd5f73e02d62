import { ByteSource } from "./platform/bytes";
import { DamagedPackage } from "./packageProblems";

/*
 * The central directory of a zip file (APPNOTE.TXT 4.3.12 to 4.3.16, with ZIP64 4.3.14/4.5.3): which parts the
 * package holds, where each one's data starts, its sizes and CRC-32. Read from the end of the file, so that the
 * order of the parts does not matter.
 */

export interface ZipEntry {
  /** As the directory spells it (backslashes as slashes). */
  readonly fileName: string;
  readonly flags: number;
  readonly compressionMethod: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** Not a zip file at all (no end record, a directory that does not parse): the file is no workbook. */
export class NotAZip extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "NotAZip";
  }
}

const END_RECORD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_RECORD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** A package's directory is small; a larger one is no workbook Excel writes. */
const MAX_DIRECTORY = 64 * 1024 * 1024;

/** IBM code page 437, the zip's name encoding without the UTF-8 flag: its upper half. */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ";

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder("utf-8").decode(bytes);
  let name = "";
  for (const b of bytes) name += b < 0x80 ? String.fromCharCode(b) : CP437_HIGH[b - 0x80];
  return name;
}

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const u64 = (v: DataView, at: number): number => v.getUint32(at, true) + v.getUint32(at + 4, true) * 0x100000000;

/** Where the directory lies and how many entries it has, from the end record (and its ZIP64 form). */
async function directoryBounds(source: ByteSource, size: number): Promise<{ offset: number; length: number; count: number }> {
  if (size < END_SIZE) throw new NotAZip("shorter than a zip's end record");
  const tailLength = Math.min(size, END_SIZE + MAX_COMMENT);
  const tail = await source.read(size - tailLength, tailLength);
  const t = view(tail);
  for (let i = tail.length - END_SIZE; i >= 0; i--) {
    if (t.getUint32(i, true) !== END_RECORD) continue;
    if (t.getUint16(i + 20, true) !== tail.length - i - END_SIZE) throw new NotAZip("the end record's comment length does not match");
    if (t.getUint16(i + 4, true) !== 0) throw new NotAZip("a zip split over several disks");
    let count = t.getUint16(i + 10, true);
    let length = t.getUint32(i + 12, true);
    let offset = t.getUint32(i + 16, true);
    if (count === 0xffff || length === 0xffffffff || offset === 0xffffffff) {
      const locatorAt = size - tailLength + i - 20;
      if (locatorAt < 0) throw new NotAZip("ZIP64 locator missing");
      const locator = view(await source.read(locatorAt, 20));
      if (locator.getUint32(0, true) !== ZIP64_LOCATOR) throw new NotAZip("ZIP64 locator missing");
      const record = view(await source.read(u64(locator, 8), 56));
      if (record.byteLength < 56 || record.getUint32(0, true) !== ZIP64_END_RECORD) throw new NotAZip("ZIP64 end record missing");
      count = u64(record, 32);
      length = u64(record, 40);
      offset = u64(record, 48);
    }
    if (offset + length > size) throw new NotAZip("the directory lies beyond the file's end");
    if (length > MAX_DIRECTORY) throw new NotAZip("a directory larger than any workbook's");
    return { offset, length, count };
  }
  throw new NotAZip("no end record: not a zip file");
}

/** The ZIP64 extended information of an entry (extra field 0x0001): the fields that are 0xFFFFFFFF in the header. */
function zip64Sizes(extra: DataView, header: { uncompressed: number; compressed: number; offset: number }): typeof header {
  const result = { ...header };
  for (let at = 0; at + 4 <= extra.byteLength; ) {
    const id = extra.getUint16(at, true);
    const length = extra.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + length) throw new NotAZip("ZIP64 extra field too short");
        const value = u64(extra, field);
        field += 8;
        return value;
      };
      if (header.uncompressed === 0xffffffff) result.uncompressed = next();
      if (header.compressed === 0xffffffff) result.compressed = next();
      if (header.offset === 0xffffffff) result.offset = next();
      return result;
    }
    at += 4 + length;
  }
  return result;
}

/** The entries of the central directory, in its order; a file that is not a zip is `NotAZip`. */
export async function readZipDirectory(source: ByteSource): Promise<ZipEntry[]> {
  const size = await source.size();
  const { offset, length, count } = await directoryBounds(source, size);
  const directory = await source.read(offset, length);
  const d = view(directory);
  const entries: ZipEntry[] = [];
  let at = 0;
  while (entries.length < count) {
    if (at + 46 > directory.length || d.getUint32(at, true) !== CENTRAL_HEADER) throw new NotAZip("a directory entry is damaged");
    const flags = d.getUint16(at + 8, true);
    const nameLength = d.getUint16(at + 28, true);
    const extraLength = d.getUint16(at + 30, true);
    const commentLength = d.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength + commentLength > directory.length) throw new NotAZip("a directory entry runs past the directory");
    const name = decodeName(directory.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0).replace(/\\/g, "/");
    if (/^[a-zA-Z]:/.test(name) || name.startsWith("/") || name.split("/").includes("..")) throw new NotAZip(`a part name outside the package: ${name}`);
    const sizes = zip64Sizes(new DataView(directory.buffer, directory.byteOffset + at + 46 + nameLength, extraLength), {
      uncompressed: d.getUint32(at + 24, true),
      compressed: d.getUint32(at + 20, true),
      offset: d.getUint32(at + 42, true),
    });
    const method = d.getUint16(at + 10, true);
    if (method === 0 && sizes.compressed !== sizes.uncompressed) throw new DamagedPackage(`stored part ${name} with two sizes`);
    entries.push({
      fileName: name,
      flags,
      compressionMethod: method,
      crc32: d.getUint32(at + 16, true),
      compressedSize: sizes.compressed,
      uncompressedSize: sizes.uncompressed,
      localHeaderOffset: sizes.offset,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
