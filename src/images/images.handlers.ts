import type { Context } from "hono";
import { currentUser } from "../auth/guards";
import { bumpCatalogVersion } from "../catalog/catalog-version";
import type { AppEnv } from "../context";
import type { Database } from "../db/client";
import { useDb } from "../db/use";
import { afterResponse } from "../lib/background";
import type { AppRouteHandler } from "../lib/openapi";
import { notFound, Problem } from "../lib/problem";
import { contentKey, isContentKey, storeOnce } from "./image-store";
import type * as routes from "./images.routes";
import type { ImageResponse } from "./images.schemas";
import * as images from "./images.service";
import { inspectUpload, readLimitedBody } from "./upload";

/** Where a stored image is served: on the API's own origin, outside /api. */
export const imageUrl = (origin: string, key: string) => `${origin}/images/${key}`;

function toImageResponse(origin: string, row: images.ImageRow): ImageResponse {
  return { id: row.id, url: imageUrl(origin, row.key), width: row.width, height: row.height, alt: row.alt, position: row.position };
}

const originOf = (c: Context<AppEnv>) => new URL(c.req.url).origin;

/** Image writes change what product reads show: the catalog versions go up once the write committed. */
async function committed<T>(c: Context<AppEnv>, db: Database, written: images.Written<T>): Promise<T> {
  await bumpCatalogVersion(c, db, { id: written.bumpId, counts: false });
  return written.value;
}

/**
 * Every check on the bytes comes before any write. The row is written first and the bytes stored
 * after it, so a refused insert (unknown product, not an admin) leaves nothing in the bucket; if
 * the bucket then fails, the row is taken back and the client gets 503.
 */
export const uploadImage: AppRouteHandler<typeof routes.uploadImageRoute> = async (c) => {
  const { id } = c.req.valid("param");
  const { alt } = c.req.valid("query");
  const bytes = await readLimitedBody(c.req.raw);
  const info = inspectUpload(bytes, c.req.header("content-type"));
  const key = await contentKey(bytes);
  const db = useDb(c);
  const admin = currentUser(c).id;
  const written = await images.addImage(db, admin, id, { ...info, key, byteSize: bytes.byteLength, alt: alt ?? "" });
  try {
    await storeOnce(c.env.IMAGES, key, bytes, info.type);
  } catch (err) {
    console.error(JSON.stringify({ level: "error", requestId: c.get("requestId"), msg: "image storage failed; upload taken back", error: err instanceof Error ? err.message : String(err) }));
    const removed = await images.deleteImage(db, admin, id, written.value.id).catch(() => null);
    await bumpCatalogVersion(c, db, { id: written.bumpId, counts: false });
    if (removed) await bumpCatalogVersion(c, db, { id: removed.bumpId, counts: false });
    throw new Problem(503, "service-unavailable", "Image storage is unavailable; nothing was saved. Retry in a moment.", { headers: { "retry-after": "5" } });
  }
  return c.json(toImageResponse(originOf(c), await committed(c, db, written)), 201);
};

export const updateImage: AppRouteHandler<typeof routes.updateImageRoute> = async (c) => {
  const { id, image_id } = c.req.valid("param");
  const db = useDb(c);
  const row = await committed(c, db, await images.updateImage(db, currentUser(c).id, id, image_id, c.req.valid("json")));
  return c.json(toImageResponse(originOf(c), row), 200);
};

/** The bytes go after the response, and only when no row refers to them any more (asked again just before, as an upload of the same file may have come in). */
export const deleteImage: AppRouteHandler<typeof routes.deleteImageRoute> = async (c) => {
  const { id, image_id } = c.req.valid("param");
  const db = useDb(c);
  const { key, stillReferenced } = await committed(c, db, await images.deleteImage(db, currentUser(c).id, id, image_id));
  if (!stillReferenced) {
    const bucket = c.env.IMAGES;
    afterResponse(c, async () => {
      if (!(await images.isKeyReferenced(db, key))) await bucket.delete(key);
    });
  }
  return c.body(null, 204);
};

const IMMUTABLE = "public, max-age=31536000, immutable";

/** True when an If-None-Match header names this tag (or is `*`); weak tags compare as strong. */
function matchesTag(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  return header.split(",").some((t) => {
    const candidate = t.trim().replace(/^W\//, "");
    return candidate === tag || candidate === "*";
  });
}

/** Keys are content hashes: the tag is the key, and a conditional request asks only for the object's metadata. */
export const getImage: AppRouteHandler<typeof routes.getImageRoute> = async (c) => {
  const { key } = c.req.valid("param");
  if (!isContentKey(key)) throw notFound("Image");
  const tag = `"${key}"`;
  const cacheHeaders = { "cache-control": IMMUTABLE, etag: tag };
  if (matchesTag(c.req.header("if-none-match"), tag)) {
    if (!(await c.env.IMAGES.head(key))) throw notFound("Image");
    return c.body(null, 304, cacheHeaders);
  }
  const object = await c.env.IMAGES.get(key);
  if (!object) throw notFound("Image");
  const type = object.httpMetadata?.contentType ?? "application/octet-stream";
  return c.body(object.body, 200, { ...cacheHeaders, "content-type": type, "content-length": String(object.size) });
};
