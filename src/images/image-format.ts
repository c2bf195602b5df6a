// What an uploaded image is, read from its bytes alone: a client's Content-Type is a claim, the
// magic bytes are the fact. Only the headers are parsed (no decoding), so a 5 MiB upload costs
// microseconds; each reader below is bounds-checked and answers null when it cannot tell.

export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/avif"] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export interface ImageInfo {
  type: ImageType;
  width: number;
  height: number;
}

/** What the bytes are: not one of the four formats, one of them with unreadable dimensions, or a readable image. */
export type Detected = { kind: "unknown" } | { kind: "unreadable"; type: ImageType } | ({ kind: "image" } & ImageInfo);

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
const u32le = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const ascii = (b: Uint8Array, at: number, length: number) => (at + length <= b.length ? String.fromCharCode(...b.subarray(at, at + length)) : "");

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((byte, i) => bytes[at + i] === byte);
}

type Size = { width: number; height: number };
const size = (width: number, height: number): Size | null => (width > 0 && height > 0 ? { width, height } : null);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG: the first chunk must be IHDR (13 bytes: width, height as big-endian u32). */
export function pngSize(b: Uint8Array): Size | null {
  if (b.length < 24 || u32be(b, 8) !== 13 || ascii(b, 12, 4) !== "IHDR") return null;
  return size(u32be(b, 16), u32be(b, 20));
}

// Start-of-frame markers carry the dimensions; C4 (DHT), C8 (JPG extension) and CC (DAC) share the range but are not frames.
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** JPEG: walks the marker segments up to the first SOFn (precision, height, width); stops at SOS or EOI. */
export function jpegSize(b: Uint8Array): Size | null {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte before a marker
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return null; // image data or the end, and no frame header yet
    const length = u16be(b, at + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (length < 7 || at + 9 > b.length) return null;
      // A height of 0 means "given later by a DNL marker": not readable from the header.
      return size(u16be(b, at + 7), u16be(b, at + 5));
    }
    at += 2 + length;
  }
  return null;
}

/** WebP: RIFF....WEBP, then a VP8 (lossy), VP8L (lossless) or VP8X (extended) chunk at byte 12. */
export function webpSize(b: Uint8Array): Size | null {
  const chunk = ascii(b, 12, 4);
  const data = 20;
  if (chunk === "VP8 ") {
    // Frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height (2 bits of scale above each).
    if (b.length < data + 10 || !startsWith(b, [0x9d, 0x01, 0x2a], data + 3)) return null;
    return size(u16le(b, data + 6) & 0x3fff, u16le(b, data + 8) & 0x3fff);
  }
  if (chunk === "VP8L") {
    // Signature 0x2f, then width-1 and height-1 as 14-bit fields of a little-endian word.
    if (b.length < data + 5 || b[data] !== 0x2f) return null;
    const bits = u32le(b, data + 1);
    return size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === "VP8X") {
    // Flags (1 byte), reserved (3), then canvas width-1 and height-1 as 24-bit little-endian.
    if (b.length < data + 10) return null;
    return size(u24le(b, data + 4) + 1, u24le(b, data + 7) + 1);
  }
  return null;
}

interface Box {
  type: string;
  /** Where the box's payload starts and ends. */
  start: number;
  end: number;
}

/** The ISO-BMFF boxes between `from` and `to`; stops at the first malformed box header. */
function boxes(b: Uint8Array, from: number, to: number): Box[] {
  const out: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    let length = u32be(b, at);
    let header = 8;
    if (length === 1) {
      if (at + 16 > to) break;
      const high = u32be(b, at + 8);
      if (high !== 0) break; // over 4 GiB: not in a 5 MiB upload
      length = u32be(b, at + 12);
      header = 16;
    } else if (length === 0) {
      length = to - at; // to the end of the enclosing box
    }
    if (length < header || at + length > to) break;
    out.push({ type: ascii(b, at + 4, 4), start: at + header, end: at + length });
    at += length;
  }
  return out;
}

const child = (b: Uint8Array, parent: Box, type: string, skip = 0) => boxes(b, parent.start + skip, parent.end).find((box) => box.type === type);

/** AVIF/HEIF `ftyp` brands: the major brand and every compatible one. */
function ftypBrands(b: Uint8Array): string[] | null {
  const ftyp = boxes(b, 0, Math.min(b.length, 4096))[0];
  if (!ftyp || ftyp.type !== "ftyp" || ftyp.end - ftyp.start < 8) return null;
  const brands = [ascii(b, ftyp.start, 4)];
  for (let at = ftyp.start + 8; at + 4 <= ftyp.end; at += 4) brands.push(ascii(b, at, 4));
  return brands;
}

export function isAvif(b: Uint8Array): boolean {
  const brands = ftypBrands(b);
  return brands !== null && (brands.includes("avif") || brands.includes("avis"));
}

/** The primary item's id from `pitm` (version 0: 16 bits, 1: 32 bits). */
function primaryItem(b: Uint8Array, meta: Box): number | null {
  const pitm = child(b, meta, "pitm", 4);
  if (!pitm || pitm.end - pitm.start < 6) return null;
  return b[pitm.start] === 0 ? u16be(b, pitm.start + 4) : pitm.end - pitm.start >= 8 ? u32be(b, pitm.start + 4) : null;
}

/** The 1-based `ipco` property indexes `ipma` associates with `item`. */
function propertiesOf(b: Uint8Array, ipma: Box, item: number): number[] | null {
  const version = b[ipma.start]!;
  const wideIndex = (b[ipma.start + 3]! & 1) === 1;
  let at = ipma.start + 4;
  if (at + 4 > ipma.end) return null;
  const entries = u32be(b, at);
  at += 4;
  for (let e = 0; e < entries; e++) {
    const idSize = version < 1 ? 2 : 4;
    if (at + idSize + 1 > ipma.end) return null;
    const id = idSize === 2 ? u16be(b, at) : u32be(b, at);
    at += idSize;
    const count = b[at]!;
    at += 1;
    const indexes: number[] = [];
    for (let i = 0; i < count; i++) {
      if (at + (wideIndex ? 2 : 1) > ipma.end) return null;
      indexes.push(wideIndex ? u16be(b, at) & 0x7fff : b[at]! & 0x7f);
      at += wideIndex ? 2 : 1;
    }
    if (id === item) return indexes;
  }
  return null;
}

/**
 * AVIF: the `ispe` (image spatial extents) property of the primary item, found through
 * meta → pitm / iprp → ipco + ipma; without those associations, the first `ispe` in `ipco`.
 */
export function avifSize(b: Uint8Array): Size | null {
  const meta = boxes(b, 0, b.length).find((box) => box.type === "meta");
  if (!meta) return null;
  const iprp = child(b, meta, "iprp", 4); // meta is a full box: version and flags first
  const ipco = iprp && child(b, iprp, "ipco");
  if (!iprp || !ipco) return null;
  const properties = boxes(b, ipco.start, ipco.end);
  const readIspe = (box: Box | undefined) => (box && box.type === "ispe" && box.end - box.start >= 12 ? size(u32be(b, box.start + 4), u32be(b, box.start + 8)) : null);
  const item = primaryItem(b, meta);
  const ipma = child(b, iprp, "ipma");
  const associated = item !== null && ipma ? propertiesOf(b, ipma, item) : null;
  const ispe = associated?.map((index) => properties[index - 1]).find((box) => box?.type === "ispe");
  return readIspe(ispe ?? properties.find((box) => box.type === "ispe"));
}

/** The format from the magic bytes, then its dimensions from its header. */
export function detectImage(bytes: Uint8Array): Detected {
  let type: ImageType;
  let read: (b: Uint8Array) => Size | null;
  if (startsWith(bytes, PNG_SIGNATURE)) [type, read] = ["image/png", pngSize];
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) [type, read] = ["image/jpeg", jpegSize];
  else if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") [type, read] = ["image/webp", webpSize];
  else if (ascii(bytes, 4, 4) === "ftyp" && isAvif(bytes)) [type, read] = ["image/avif", avifSize];
  else return { kind: "unknown" };
  const found = read(bytes);
  return found ? { kind: "image", type, ...found } : { kind: "unreadable", type };
}
