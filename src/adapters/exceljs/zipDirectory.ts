/** One part of a zip package, read on demand. */
export interface ZipEntry {
  stream(): NodeJS.ReadableStream;
  buffer(): Promise<Buffer>;
}

interface UnzipperDirectory {
  files: { path: string; type: string; stream(): NodeJS.ReadableStream; buffer(): Promise<Buffer> }[];
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const unzipper = require("unzipper") as { Open: { file(path: string): Promise<UnzipperDirectory> } };

/**
 * Opens a zip file by its central directory (unzipper, the zip library
 * ExcelJS itself uses): every part can then be streamed on its own, in any
 * order, with Node's zlib.
 */
export async function openZip(path: string): Promise<Map<string, ZipEntry>> {
  const directory = await unzipper.Open.file(path);
  return new Map(directory.files.filter((f) => f.type === "File").map((f) => [f.path.replace(/^\//, ""), f]));
}
