// node scripts/lib/demo-images/generate.ts — draws the demo catalog's pictures (flat shapes on a
// plain background, 320 × 320) and writes them here as PNGs: an encoder of a few lines over
// node:zlib, no image library. Run again after changing a drawing; the PNGs are committed.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { DEMO_PICTURES, type Drawing } from "./index.ts";

const SIZE = 320;
type Rgb = [number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGB PNG of `pixel(x, y)`. */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((1 + width * 3) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 3);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

const hex = (c: string): Rgb => [parseInt(c.slice(1, 3), 16), parseInt(c.slice(3, 5), 16), parseInt(c.slice(5, 7), 16)];
const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
const inRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

/** Each drawing: which colour a pixel gets (shape colour, detail colour, or the background). */
const shapes: Record<Drawing["shape"], (x: number, y: number) => "main" | "detail" | null> = {
  // A coffee bag with a folded top and a label.
  bag: (x, y) => (inRect(x, y, 120, 132, 200, 188) ? "detail" : inRect(x, y, 92, 96, 228, 270) || (inRect(x, y, 100, 70, 220, 96) && (x + y) % 24 < 20) ? "main" : null),
  // A pour-over cone on its base.
  dripper: (x, y) => (inRect(x, y, 110, 236, 210, 252) ? "detail" : y >= 90 && y <= 236 && Math.abs(x - 160) <= 80 - (y - 90) * 0.35 ? "main" : null),
  // A grinder: body, hopper and a crank.
  grinder: (x, y) => (inRect(x, y, 196, 96, 250, 104) || inEllipse(x, y, 250, 100, 9, 9) ? "detail" : inRect(x, y, 115, 150, 205, 270) || inEllipse(x, y, 160, 130, 56, 34) ? "main" : null),
  // A kettle: round body, lid knob and a gooseneck spout.
  kettle: (x, y) => (inEllipse(x, y, 160, 118, 12, 10) ? "detail" : inEllipse(x, y, 160, 200, 80, 70) || (x >= 228 && x <= 280 && Math.abs(y - (230 - (x - 228) * 1.6)) <= 7) ? "main" : null),
  // A tea leaf with its vein.
  leaf: (x, y) => {
    const u = (x - 160) * Math.cos(-0.6) - (y - 170) * Math.sin(-0.6);
    const v = (x - 160) * Math.sin(-0.6) + (y - 170) * Math.cos(-0.6);
    if (Math.abs(v) <= 2 && Math.abs(u) <= 100) return "detail";
    return (u / 110) ** 2 + (v / 55) ** 2 <= 1 ? "main" : null;
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  for (const picture of DEMO_PICTURES) {
    const d = picture.drawing;
    const colours = { main: hex(d.main), detail: hex(d.detail), null: hex(d.background) };
    const png = encodePng(SIZE, SIZE, (x, y) => colours[shapes[d.shape](x, y) ?? "null"]);
    fs.writeFileSync(path.join(dir, picture.file), png);
    console.log(`${picture.file}: ${png.length} bytes`);
  }
}
