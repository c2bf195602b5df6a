import type { Redis } from "@upstash/redis/cloudflare";
import { withCacheTimeout } from "./cache";

/** One Redis key versions every cached catalog read; bumping it invalidates them all at once. */
export const CATALOG_VERSION_KEY = "catalog:ver";

/** Call after the transaction that changed catalog data (products, categories, stock) has committed. */
export async function bumpCatalogVersion(redis: Redis): Promise<void> {
  try {
    await withCacheTimeout(redis.incr(CATALOG_VERSION_KEY));
  } catch (err) {
    console.warn(JSON.stringify({ level: "warn", msg: "catalog version bump failed", error: err instanceof Error ? err.message : String(err) }));
  }
}
