import type { Context } from "hono";
import type { AppEnv } from "../context";
import { afterResponse } from "../lib/background";
import { edgeResponse } from "../lib/edge-headers";
import type { Count } from "../lib/pagination";
import { cacheCall, useRedis } from "../lib/redis";
import { readStamped, storeStamped, type StampedKey, type StampedRead } from "../lib/stamped-cache";
import { CATALOG_COUNT_VERSION_KEY, CATALOG_VERSION_KEY, owedBump } from "./catalog-version";
import { versionSeed } from "./catalog-version-keys";

/** Cached catalog reads live an hour at most; version bumps invalidate them sooner. */
export const CATALOG_TTL_SECONDS = 3600;

export type CacheStatus = "hit" | "miss" | "bypass";

/**
 * Links in a list body and image URLs are stored without an origin (`"next":"/api/…"`,
 * `"url":"/images/…"`), so a cached body does not depend on its first requester's host; each
 * answer gets the origin it was asked on. Inside JSON strings a quote is always escaped, so the
 * pattern only ever matches those keys themselves, never text inside a name or description.
 */
function withOrigin(body: string, origin: string): string {
  return body.replace(/"(next|previous|url)":"\//g, `"$1":"${origin}/`);
}

function respond(c: Context<AppEnv>, body: string, status: CacheStatus, etag: string | null): Response {
  const headers: [string, string][] = [
    ["content-type", "application/json"],
    ["x-cache", status],
    ["cache-control", "no-cache"],
  ];
  if (etag) headers.push(["etag", etag]);
  return edgeResponse(c, withOrigin(body, new URL(c.req.url).origin), 200, headers);
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/** What a cached read loads on a miss: the body, and the count it computed (cached on its own). */
export interface Loaded<T> {
  body: T;
  count?: Count | null;
}

/**
 * Cache-aside with a version stamp. One Redis round trip decides: the catalog version, the entry,
 * and for lists the count's version and the cached count. A hit costs no SQL and returns the stored
 * bytes; a miss loads from Postgres (one round trip, the cached count passed in so it is not
 * recounted) and stores the body stamped with the version read *before* the load, after the
 * response. The ETag is the version itself: while it stands, every catalog read is unchanged.
 * Redis failing or slow → answer from Postgres (`X-Cache: bypass`), never an error.
 */
export async function cachedRead<T>(c: Context<AppEnv>, key: string, load: (cachedCount: Count | null) => Promise<Loaded<T>>, countKey?: string): Promise<Response> {
  const keys: StampedKey[] = [{ versionKey: CATALOG_VERSION_KEY, key }];
  if (countKey) keys.push({ versionKey: CATALOG_COUNT_VERSION_KEY, key: countKey });
  let reads: StampedRead[];
  const owed = owedBump();
  try {
    reads = await readStamped(useRedis(c), keys, owed?.prepend);
    owed?.paid();
  } catch {
    return respond(c, JSON.stringify((await load(null)).body), "bypass", null);
  }
  const [page, count] = reads as [StampedRead, StampedRead | undefined];
  const etag = page.version === null ? null : `"${page.version}"`;
  if (etag && matches(c.req.header("if-none-match"), etag)) {
    return edgeResponse(c, null, 304, [["etag", etag], ["x-cache", "hit"], ["cache-control", "no-cache"]]);
  }
  if (page.fresh !== null) return respond(c, page.fresh, "hit", etag);

  const cachedCount = count?.fresh ? (JSON.parse(count.fresh) as Count) : null;
  const loaded = await load(cachedCount);
  const body = JSON.stringify(loaded.body);
  afterResponse(c, () => store(c, { key, countKey, page, count, body, newCount: cachedCount ? null : (loaded.count ?? null) }));
  return respond(c, body, "miss", etag);
}

/** After a miss: the body (and a count it computed) stamped with the versions read before loading. */
async function store(c: Context<AppEnv>, opts: { key: string; countKey?: string; page: StampedRead; count?: StampedRead; body: string; newCount: Count | null }) {
  const redis = useRedis(c);
  const { key, countKey, page, count, body, newCount } = opts;
  // A lost version key is seeded (from the clock, so it never matches an old entry); nothing is
  // cached under it this time.
  if (page.version === null) await cacheCall(() => redis.set(CATALOG_VERSION_KEY, versionSeed(), { nx: true }));
  else await storeStamped(redis, key, page.version, body, CATALOG_TTL_SECONDS);
  if (!countKey || !count || !newCount) return;
  if (count.version === null) await cacheCall(() => redis.set(CATALOG_COUNT_VERSION_KEY, versionSeed(), { nx: true }));
  else await storeStamped(redis, countKey, count.version, JSON.stringify(newCount), CATALOG_TTL_SECONDS);
}
