import { Problem, validationProblem } from "../lib/problem";
import { detectImage, type ImageInfo, type ImageType } from "./image-format";
import { MAX_IMAGE_BYTES, MAX_IMAGE_SIDE } from "./images.schemas";

const tooLarge = () => new Problem(413, "body-too-large", "The image is larger than 5 MiB.");
const unsupported = (detail: string) => new Problem(415, "unsupported-media-type", detail);

/**
 * The request body, refused with 413 as soon as it is known to be over `limit`: by its declared
 * Content-Length before reading anything, else by counting while it streams (the rest is never
 * read).
 */
export async function readLimitedBody(request: Request, limit = MAX_IMAGE_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

const NAMES: Record<ImageType, string> = { "image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WebP", "image/avif": "AVIF" };
// Spellings of the JPEG type older clients still send.
const ALIASES: Record<string, ImageType> = { "image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg" };

/** The media type of a Content-Type header without parameters, lowercased; null when absent or only says "bytes". */
function declaredType(header: string | undefined): string | null {
  const essence = header?.split(";")[0]?.trim().toLowerCase();
  if (!essence || essence === "application/octet-stream") return null;
  return ALIASES[essence] ?? essence;
}

/**
 * What the upload is, from its bytes: JPEG, PNG, WebP or AVIF with readable dimensions of at most
 * MAX_IMAGE_SIDE each way. A declared Content-Type must agree with the bytes (absent or
 * application/octet-stream leaves it to them); it never decides the type.
 */
export function inspectUpload(bytes: Uint8Array, contentType: string | undefined): ImageInfo {
  const found = detectImage(bytes);
  const allowed = "JPEG, PNG, WebP or AVIF";
  if (found.kind === "unknown") throw unsupported(`The body is not a ${allowed} image.`);
  const declared = declaredType(contentType);
  if (declared !== null && declared !== found.type) {
    throw unsupported(`The body is a ${NAMES[found.type]} image but Content-Type says ${declared}: send ${found.type} or leave Content-Type out.`);
  }
  if (found.kind === "unreadable") throw unsupported(`The body starts like a ${NAMES[found.type]} image, but its width and height cannot be read from it.`);
  if (found.width > MAX_IMAGE_SIDE || found.height > MAX_IMAGE_SIDE) {
    throw validationProblem(
      [{ path: "body", message: `The image is ${found.width} × ${found.height} px; at most ${MAX_IMAGE_SIDE.toLocaleString("en-US")} px each way.` }],
      "The image is too large.",
    );
  }
  return { type: found.type, width: found.width, height: found.height };
}
