import { z } from "@hono/zod-openapi";
import { INT32 } from "../lib/openapi-bounds";
import { MAX_ID } from "../lib/ids";
import { positiveIntParam } from "../lib/pagination";
import { IMAGE_TYPES } from "./image-format";

/** The largest upload: 5 MiB. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** The widest and tallest image accepted, in pixels. */
export const MAX_IMAGE_SIDE = 12_000;
/** The most characters of alt text. */
export const MAX_ALT_LENGTH = 500;

export const ImageSchema = z
  .object({
    id: z.number().int(),
    url: z.string().openapi({ format: "uri", description: "Absolute URL of the bytes (`/images/{key}`, the key being their SHA-256)." }),
    width: z.number().int(),
    height: z.number().int(),
    alt: z.string(),
    position: z.number().int().openapi({ description: "0 for the first picture of the product, then 1, 2, … with no gaps." }),
  })
  .openapi("ProductImage");

export type ImageResponse = z.infer<typeof ImageSchema>;

const alt = z.string().trim().max(MAX_ALT_LENGTH, `Must be at most ${MAX_ALT_LENGTH} characters.`);

export const UploadImageQuery = z.strictObject({
  alt: alt.optional().openapi({ description: "Text that describes the picture for people who cannot see it." }),
});

export const ImageParams = z.object({
  id: positiveIntParam().openapi({ param: { name: "id", in: "path" }, example: "1" }),
  image_id: positiveIntParam().openapi({ param: { name: "image_id", in: "path" }, example: "1" }),
});

export const UpdateImageSchema = z
  .strictObject({
    alt: alt.optional(),
    position: z
      .number()
      .int("Must be a whole number.")
      .min(0, "Must not be negative.")
      .max(MAX_ID, "Must be at most 2147483647.")
      .openapi(INT32)
      .optional()
      .openapi({ description: "The new place among the product's pictures (0 = first); past the end means last." }),
  })
  .refine((v) => Object.keys(v).length > 0, "Send at least one field.")
  .openapi("UpdateProductImageRequest");

export const ImageKeyParam = z.object({
  key: z.string().max(200).openapi({ param: { name: "key", in: "path" }, example: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" }),
});

const binary = z.string().openapi({ format: "binary", maxLength: MAX_IMAGE_BYTES });

/** The request body of an upload, for the OpenAPI document: raw bytes of one of the four types. */
export const imageUploadBody = {
  required: true,
  description: "The image file itself as the body (not JSON, not multipart).",
  content: {
    "image/jpeg": { schema: binary },
    "image/png": { schema: binary },
    "image/webp": { schema: binary },
    "image/avif": { schema: binary },
  } satisfies Record<(typeof IMAGE_TYPES)[number], unknown>,
};
