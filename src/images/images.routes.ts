import { createRoute } from "@hono/zod-openapi";
import { adminOnly } from "../auth/guards";
import { jsonBody, jsonContent, problemResponses } from "../lib/openapi";
import { IdParam, NoQuery } from "../lib/pagination";
import { ImageKeyParam, ImageParams, ImageSchema, imageUploadBody, MAX_IMAGE_BYTES, UpdateImageSchema, UploadImageQuery } from "./images.schemas";

const adminErrors = problemResponses(400, 401, 403, 404);

export const uploadImageRoute = createRoute({
  operationId: "uploadImage",
  method: "post",
  path: "/api/products/{id}/images",
  tags: ["Images"],
  summary: "Add a picture to a product (admin)",
  description: [
    "The body is the image file itself (not JSON, not multipart), at most 5 MiB; `?alt=` gives its alt text (at most 500 characters).",
    "The type is read from the bytes: JPEG, PNG, WebP or AVIF. Anything else is 415, and so is a `Content-Type` that names another type than the bytes are",
    "(leave it out or send `application/octet-stream` to let the bytes speak), and an image whose width and height cannot be read.",
    "Over 12,000 px wide or high is 400. A body over 5 MiB is 413, refused from its `Content-Length` before it is read (or as soon as 5 MiB have streamed in).",
    "The bytes are stored once under their SHA-256 (the same file uploaded twice, to any product, is one stored object) and served at the returned `url`.",
    "The picture goes last (`position` = the number of pictures before it); cached product reads show it at once.",
  ].join(" "),
  ...adminOnly,
  request: { params: IdParam, query: UploadImageQuery, body: imageUploadBody },
  responses: {
    201: jsonContent(ImageSchema, "Stored"),
    ...adminErrors,
    413: { ...problemResponses(413)["413"]!, description: "The image is larger than 5 MiB" },
    415: { ...problemResponses(415)["415"]!, description: "Not a JPEG, PNG, WebP or AVIF image, unreadable dimensions, or a Content-Type that contradicts the bytes" },
    ...problemResponses(503),
  },
});

export const updateImageRoute = createRoute({
  operationId: "updateImage",
  method: "patch",
  path: "/api/products/{id}/images/{image_id}",
  tags: ["Images"],
  summary: "Change a picture's alt text or place (admin)",
  description:
    "`position` moves the picture among the product's pictures (0 = first); the others shift so positions stay 0 … n-1 in order, and a position past the end means last. An image of another product is 404.",
  ...adminOnly,
  request: { params: ImageParams, query: NoQuery, body: jsonBody(UpdateImageSchema) },
  responses: { 200: jsonContent(ImageSchema, "The picture as it is now"), ...adminErrors, ...problemResponses(413) },
});

export const deleteImageRoute = createRoute({
  operationId: "deleteImage",
  method: "delete",
  path: "/api/products/{id}/images/{image_id}",
  tags: ["Images"],
  summary: "Remove a picture from a product (admin)",
  description:
    "The pictures after it move up one place. The stored bytes are deleted after the response once no picture of any product refers to them (identical files share them). Variants that showed this picture show none. An image of another product is 404.",
  ...adminOnly,
  request: { params: ImageParams, query: NoQuery },
  responses: { 204: { description: "Removed" }, ...adminErrors },
});

export const getImageRoute = createRoute({
  operationId: "getImage",
  method: "get",
  path: "/images/{key}",
  tags: ["Images"],
  summary: "The bytes of a stored picture",
  description:
    'Keys are the SHA-256 of the bytes, so a URL never changes meaning: answered with `Cache-Control: public, max-age=31536000, immutable` and `ETag: "<key>"`, and `If-None-Match` with that tag is 304 without sending the bytes. An unknown key is 404.',
  security: [],
  request: { params: ImageKeyParam, query: NoQuery },
  responses: {
    200: { description: "The image", content: Object.fromEntries(["image/jpeg", "image/png", "image/webp", "image/avif"].map((t) => [t, { schema: { type: "string", format: "binary", maxLength: MAX_IMAGE_BYTES } }])) },
    304: { description: "Not modified" },
    ...problemResponses(400, 404),
  },
});
