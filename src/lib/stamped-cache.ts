import type { Redis } from "@upstash/redis/cloudflare";

/**
 * Cache entries stamped with a version: a string stored as `<version>\n<value>`, fresh only while
 * its version key still holds that version. Values go in and come out as strings (a body is served
 * as the bytes it was stored as, never parsed and re-serialized); what they mean is the caller's
 * business (the catalog's reads: src/catalog/catalog-cache.ts).
 */

export type Pipeline = ReturnType<Redis["pipeline"]>;

/**
 * The largest value the cache stores. Anonymous reads decide what gets cached, so a few large
 * bodies must not be able to fill Redis (and crowd out what else lives there); a larger value is
 * simply served uncached.
 */
export const MAX_STAMPED_VALUE_BYTES = 256 * 1024;

/** UTF-8 size of a string, without encoding it. */
function utf8Bytes(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) bytes += code > 0x7ff && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/**
 * Adds the SET of a stamped value (already carrying its version) to `pipeline`, with a TTL. A value
 * over MAX_STAMPED_VALUE_BYTES is not added (returns false): it is served uncached.
 */
export function addStamped(pipeline: Pipeline, key: string, stamped: string, ttlSeconds: number): boolean {
  if (stamped.length > MAX_STAMPED_VALUE_BYTES || utf8Bytes(stamped) > MAX_STAMPED_VALUE_BYTES) return false;
  pipeline.set(key, stamped, { ex: ttlSeconds });
  return true;
}
