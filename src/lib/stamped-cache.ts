import type { Redis } from "@upstash/redis/cloudflare";
import { cacheCall } from "./redis";

/**
 * Cache-aside with version stamps, for any domain: an entry is a string stored as
 * `<version>\n<value>`, fresh only while its version key still holds that version. Values go in and
 * come out as strings (a body is served as the bytes it was stored as, never parsed and
 * re-serialized); what they mean is the caller's business.
 */

export type Pipeline = ReturnType<Redis["pipeline"]>;

export interface StampedKey {
  /** The key whose value versions this entry. */
  versionKey: string;
  key: string;
}

export interface StampedRead {
  /** The version now, or null when the version key is missing (then nothing is fresh). */
  version: string | null;
  /** The entry's value when it carries that version. */
  fresh: string | null;
}

/**
 * Reads the versions and entries of several keys in one round trip. `prepend` may add commands in
 * front of the same pipeline (their results are skipped). Throws when Redis fails.
 */
export async function readStamped(redis: Redis, keys: StampedKey[], prepend?: (pipeline: Pipeline) => Pipeline): Promise<StampedRead[]> {
  const pipeline = prepend ? prepend(redis.pipeline()) : redis.pipeline();
  const skip = pipeline.length();
  for (const { versionKey, key } of keys) pipeline.get<string>(versionKey).get<string>(key);
  const results = (await cacheCall(() => pipeline.exec<(string | null)[]>())).slice(skip);
  return keys.map((_, i) => {
    const version = results[2 * i] ?? null;
    const raw = results[2 * i + 1] ?? null;
    if (version === null || raw === null) return { version, fresh: null };
    const cut = raw.indexOf("\n");
    return { version, fresh: cut > 0 && raw.slice(0, cut) === version ? raw.slice(cut + 1) : null };
  });
}

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
 * Stores a value stamped with the version read *before* it was loaded (a racing write leaves it
 * stale). A value over MAX_STAMPED_VALUE_BYTES is not stored (resolves to false, no round trip).
 */
export function storeStamped(redis: Redis, key: string, version: string, value: string, ttlSeconds: number): Promise<unknown> {
  if (value.length > MAX_STAMPED_VALUE_BYTES || utf8Bytes(value) > MAX_STAMPED_VALUE_BYTES) return Promise.resolve(false);
  return cacheCall(() => redis.set(key, `${version}\n${value}`, { ex: ttlSeconds }));
}
