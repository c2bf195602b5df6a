import type { Redis } from "@upstash/redis/cloudflare";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import type { Env } from "../env";
import { afterResponse } from "../lib/background";
import { useRedis, withCacheTimeout } from "../lib/redis";
import { ALL_CATALOG_VERSION_KEYS, CATALOG_VERSION_KEY, versionSeed } from "./catalog-version-keys";

export { CATALOG_COUNT_VERSION_KEY, CATALOG_VERSION_KEY } from "./catalog-version-keys";

type Pipeline = ReturnType<Redis["pipeline"]>;

/** Seeds each version when it is missing, then raises it; all in the caller's pipeline. */
export function raiseVersions(pipeline: Pipeline, keys: string[] = ALL_CATALOG_VERSION_KEYS): Pipeline {
  for (const key of keys) pipeline.set(key, versionSeed(), { nx: true }).incr(key);
  return pipeline;
}

// A write in this isolate committed but could not raise the versions (Redis was unreachable).
// Entries stamped with the current versions may be stale, so the next cache read here raises them first.
let bumpOwedHere = false;

/**
 * Call after the transaction that changed catalog data (products, categories, stock) has committed;
 * `counts` when the write may change which products a filter matches. Never throws: when Redis does
 * not answer, the bump is owed, paid by this isolate's next cache read and, for every other
 * isolate, by the keeper's alarm as soon as Redis answers again.
 */
export async function bumpCatalogVersion(c: Context<AppEnv>, { counts }: { counts: boolean }): Promise<void> {
  try {
    await withCacheTimeout(raiseVersions(useRedis(c).pipeline(), counts ? undefined : [CATALOG_VERSION_KEY]).exec());
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
 * The current version under `versionKey` and the cached entry under `key`, in one round trip (two
 * when the version was lost and has to be re-seeded). Pays this isolate's owed bump first, in the
 * same pipeline.
 */
export async function readVersionAndEntry(redis: Redis, versionKey: string, key: string): Promise<{ version: string; raw: string | null }> {
  const paying = bumpOwedHere;
  const pipeline = paying ? raiseVersions(redis.pipeline()) : redis.pipeline();
  const results = await withCacheTimeout(pipeline.get<string>(versionKey).get<string>(key).exec<unknown[]>());
  if (paying) bumpOwedHere = false;
  const [version, raw] = results.slice(-2) as [string | null, string | null];
  if (version !== null) return { version, raw };
  // NX: of several readers re-seeding at once, the first one's seed is everyone's version.
  const [, seeded] = await withCacheTimeout(redis.pipeline().set(versionKey, versionSeed(), { nx: true }).get<string>(versionKey).exec<[unknown, string]>());
  return { version: seeded, raw };
}
