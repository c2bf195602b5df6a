import type { Redis } from "@upstash/redis/cloudflare";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import type { Env } from "../env";
import { afterResponse } from "./background";
import { useRedis, withCacheTimeout } from "./cache";

/** One Redis key versions every cached catalog read; raising it invalidates them all at once. */
export const CATALOG_VERSION_KEY = "catalog:ver";

/**
 * Versions only grow from a clock-based seed (microseconds since the epoch), so a version key that
 * was lost (evicted, flushed, Redis restarted without its data) comes back with a value no earlier
 * cache entry can carry. A plain INCR would restart at 1 and could match an entry stamped long ago.
 */
function versionSeed(): string {
  return String(Date.now() * 1000);
}

type Pipeline = ReturnType<Redis["pipeline"]>;

/** Seeds the version when it is missing, then raises it; both in the caller's pipeline. */
export function raiseVersion(pipeline: Pipeline): Pipeline {
  return pipeline.set(CATALOG_VERSION_KEY, versionSeed(), { nx: true }).incr(CATALOG_VERSION_KEY);
}

// A write in this isolate committed but could not raise the version (Redis was unreachable).
// Entries stamped with the current version may be stale, so the next cache read here raises it first.
let bumpOwedHere = false;

/**
 * Call after the transaction that changed catalog data (products, categories, stock) has committed.
 * Never throws: when Redis does not answer, the bump is owed, paid by this isolate's next cache read
 * and, for every other isolate, by the keeper's alarm as soon as Redis answers again.
 */
export async function bumpCatalogVersion(c: Context<AppEnv>): Promise<void> {
  try {
    await withCacheTimeout(raiseVersion(useRedis(c).pipeline()).exec());
  } catch (err) {
    bumpOwedHere = true;
    console.warn(JSON.stringify({ level: "warn", msg: "catalog version bump failed; owed", error: err instanceof Error ? err.message : String(err) }));
    afterResponse(c, oweCatalogBump(c.env));
  }
}

async function oweCatalogBump(env: Env): Promise<void> {
  try {
    await env.CATALOG_VERSION_KEEPER.get(env.CATALOG_VERSION_KEEPER.idFromName("catalog")).owe();
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "could not record an owed catalog version bump", error: err instanceof Error ? err.message : String(err) }));
  }
}

/**
 * The current version and the cached entry under `key`, in one round trip (two when the version
 * was lost and has to be re-seeded). Pays this isolate's owed bump first, in the same pipeline.
 */
export async function readVersionAndEntry(redis: Redis, key: string): Promise<{ version: string; raw: string | null }> {
  const paying = bumpOwedHere;
  const pipeline = paying ? raiseVersion(redis.pipeline()) : redis.pipeline();
  const results = await withCacheTimeout(pipeline.get<string>(CATALOG_VERSION_KEY).get<string>(key).exec<unknown[]>());
  if (paying) bumpOwedHere = false;
  const [version, raw] = results.slice(-2) as [string | null, string | null];
  if (version !== null) return { version, raw };
  // NX: of several readers re-seeding at once, the first one's seed is everyone's version.
  const [, seeded] = await withCacheTimeout(redis.pipeline().set(CATALOG_VERSION_KEY, versionSeed(), { nx: true }).get<string>(CATALOG_VERSION_KEY).exec<[unknown, string]>());
  return { version: seeded, raw };
}
