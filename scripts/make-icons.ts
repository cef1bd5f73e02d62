import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { deflateSync } from "node:zlib";

/**
 * Draws the add-in's icons (a blue tile with three white bars, a small
 * review chart) and writes them as PNG files to assets/. No image library:
 * a PNG is a signature, an IHDR, a zlib-compressed IDAT and an IEND chunk.
 */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

function icon(size: number): Buffer {
  const r = size * 0.18;
  const bars = [
    { x0: 0.2, x1: 0.36, top: 0.55 },
    { x0: 0.42, x1: 0.58, top: 0.35 },
    { x0: 0.64, x1: 0.8, top: 0.2 },
  ];
  return png(size, (px, py) => {
    const x = px + 0.5;
    const y = py + 0.5;
    const cx = Math.min(Math.max(x, r), size - r);
    const cy = Math.min(Math.max(y, r), size - r);
    if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return [0, 0, 0, 0];
    const u = x / size;
    const v = y / size;
    const inBar = bars.some((b) => u >= b.x0 && u <= b.x1 && v >= b.top && v <= 0.8);
    return inBar ? [255, 255, 255, 255] : [31, 111, 178, 255];
  });
}

for (const size of [16, 32, 64, 80, 128]) writeFileSync(resolve(__dirname, "..", "assets", `icon-${size}.png`), icon(size));
process.stdout.write("assets/icon-{16,32,64,80,128}.png geschrieben\n");
