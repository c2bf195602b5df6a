import { describe, expect, it } from "vitest";
import { avifSize, detectImage, jpegSize, pngSize, webpSize } from "../../src/images/image-format";
import { AVIF_3x2, AVIF_ALPHA_10x7, hex, JPEG_3x2, JPEG_PROGRESSIVE_5x4, PNG_3x2, solidPng, WEBP_ALPHA_9x6, WEBP_LOSSLESS_7x5, WEBP_LOSSY_3x2 } from "./fixtures";

const text = (s: string) => new TextEncoder().encode(s);

describe("detectImage on real files", () => {
  it.each([
    ["PNG", PNG_3x2, "image/png", 3, 2],
    ["baseline JPEG", JPEG_3x2, "image/jpeg", 3, 2],
    ["progressive JPEG", JPEG_PROGRESSIVE_5x4, "image/jpeg", 5, 4],
    ["lossy WebP", WEBP_LOSSY_3x2, "image/webp", 3, 2],
    ["lossless WebP", WEBP_LOSSLESS_7x5, "image/webp", 7, 5],
    ["extended WebP with alpha", WEBP_ALPHA_9x6, "image/webp", 9, 6],
    ["AVIF", AVIF_3x2, "image/avif", 3, 2],
    ["AVIF with an alpha plane", AVIF_ALPHA_10x7, "image/avif", 10, 7],
  ] as const)("reads the type and size of a %s", (_name, bytes, type, width, height) => {
    expect(detectImage(bytes)).toEqual({ kind: "image", type, width, height });
  });

  it("reads a large PNG's size from its header", async () => {
    expect(detectImage(await solidPng(12_001, 2))).toEqual({ kind: "image", type: "image/png", width: 12_001, height: 2 });
  });
});

describe("detectImage on what is not an allowed image", () => {
  it.each([
    ["text", text("hello, I am a text file")],
    ["nothing", new Uint8Array(0)],
    ["a GIF", text("GIF89a\x01\x00\x01\x00")],
    ["an SVG", text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')],
    ["a HEIC (ISO-BMFF without an AVIF brand)", hex("000000186674797068656963000000006d69663168656963")],
    ["a RIFF that is not WebP", text("RIFF\x10\x00\x00\x00WAVEfmt ")],
  ])("calls %s unknown", (_name, bytes) => {
    expect(detectImage(bytes)).toEqual({ kind: "unknown" });
  });

  it("calls a PNG signature on garbage unreadable", () => {
    const garbage = new Uint8Array(64).fill(0x41);
    garbage.set(PNG_3x2.subarray(0, 8));
    expect(detectImage(garbage)).toEqual({ kind: "unreadable", type: "image/png" });
  });

  it.each([
    ["PNG", PNG_3x2, 20],
    ["JPEG", JPEG_3x2, 40],
    ["lossy WebP", WEBP_LOSSY_3x2, 25],
    ["lossless WebP", WEBP_LOSSLESS_7x5, 22],
    ["extended WebP", WEBP_ALPHA_9x6, 26],
    ["AVIF", AVIF_3x2, 100],
  ] as const)("calls a %s cut short before its size unreadable, without reading past the end", (_name, bytes, keep) => {
    const found = detectImage(bytes.subarray(0, keep));
    expect(found.kind).toBe("unreadable");
  });
});

describe("the header readers", () => {
  it("PNG: needs IHDR as the first chunk and sides above zero", () => {
    const zeroWidth = PNG_3x2.slice();
    zeroWidth.set([0, 0, 0, 0], 16);
    expect(pngSize(zeroWidth)).toBeNull();
    const otherChunk = PNG_3x2.slice();
    otherChunk.set(text("tEXt"), 12);
    expect(pngSize(otherChunk)).toBeNull();
  });

  it("JPEG: skips segments and fill bytes up to the frame header, and gives up at the scan", () => {
    // SOI, APP0 (length 4), a fill byte, SOF0 (length 11: precision 8, height 0x0102, width 0x0304, one component).
    const sof = (height: string, width: string) => `ffc0000b08${height}${width}01011100`;
    expect(jpegSize(hex("ffd8" + "ffe000040000" + "ff" + sof("0102", "0304") + "ffd9"))).toEqual({ width: 0x0304, height: 0x0102 });
    // DHT (c4) and DAC (cc) sit in the SOF range but are not frames: skipped by their length.
    expect(jpegSize(hex("ffd8" + "ffc40009" + sof("0102", "0304").slice(8, 22) + "ffcc0006" + "00000000" + sof("0005", "0006")))).toEqual({ width: 6, height: 5 });
    expect(jpegSize(hex("ffd8" + "ffda000400" + "00" + sof("0005", "0006")))).toBeNull();
    expect(jpegSize(hex("ffd8" + sof("0000", "0006")))).toBeNull();
  });

  it("WebP: reads the 14-bit VP8 sizes without their scale bits", () => {
    const scaled = WEBP_LOSSY_3x2.slice();
    scaled[27] = scaled[27]! | 0xc0; // top two bits of the width: horizontal scale
    expect(webpSize(scaled)).toEqual({ width: 3, height: 2 });
  });

  it("AVIF: without a primary item association, takes the first ispe", () => {
    // ftyp avif, then meta { hdlr-less: iprp { ipco { ispe 640 × 480 } } }
    const ispe = "00000014" + "69737065" + "00000000" + "00000280" + "000001e0";
    const ipco = (8 + ispe.length / 2).toString(16).padStart(8, "0") + "6970636f" + ispe;
    const iprp = (8 + ipco.length / 2).toString(16).padStart(8, "0") + "69707270" + ipco;
    const meta = (12 + iprp.length / 2).toString(16).padStart(8, "0") + "6d657461" + "00000000" + iprp;
    const file = hex("000000146674797061766966000000006d696631" + meta);
    expect(avifSize(file)).toEqual({ width: 640, height: 480 });
    expect(detectImage(file)).toEqual({ kind: "image", type: "image/avif", width: 640, height: 480 });
  });
});
