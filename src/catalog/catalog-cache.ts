import type { Context } from "hono";
import type { AppEnv } from "../context";
import { afterResponse } from "../lib/background";
import { useRedis, withCacheTimeout } from "../lib/redis";
import { CATALOG_COUNT_VERSION_KEY, CATALOG_VERSION_KEY, readVersionAndEntry } from "./catalog-version";

/** Cached catalog reads live an hour at most; version bumps invalidate them sooner. */
export const CATALOG_TTL_SECONDS = 3600;

interface Entry {
  ver: string;
  body: unknown;
}

/** The normalised request: path plus sorted query, so `?a=1&b=2` and `?b=2&a=1` share an entry. */
export function cacheKeyFor(url: string): string {
  const parsed = new URL(url);
  const params = [...parsed.searchParams.entries()].sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  return `catalog:v1:${parsed.pathname}?${new URLSearchParams(params).toString()}`;
}

async function etagFor(version: string, key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${version}\n${key}`));
  const hex = [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `"${hex}"`;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

function respond(c: Context<AppEnv>, body: string, status: "hit" | "miss" | "bypass", etag?: string): Response {
  const headers: Record<string, string> = { "content-type": "application/json", "x-cache": status, "cache-control": "no-cache" };
  if (etag) headers.etag = etag;
  return c.body(body, 200, headers);
}

/**
 * Reads an entry stamped with the version that was current *before* its value was loaded: fresh
 * only while that version is unchanged. Throws when Redis fails; the request then stops asking it.
 */
async function readStamped(c: Context<AppEnv>, versionKey: string, key: string): Promise<{ version: string; fresh: Entry | null }> {
  if (c.get("cacheFailed")) throw new Error("cache unavailable for this request");
  try {
    const { version, raw } = await readVersionAndEntry(useRedis(c), versionKey, key);
    let entry: Entry | null = null;
    try {
      entry = raw ? (JSON.parse(raw) as Entry) : null;
    } catch {
      entry = null;
    }
    return { version, fresh: entry && entry.ver === version ? entry : null };
  } catch (err) {
    c.set("cacheFailed", true);
    throw err;
  }
}

function storeStamped(c: Context<AppEnv>, key: string, version: string, body: unknown): void {
  const stored = JSON.stringify({ ver: version, body } satisfies Entry);
  afterResponse(c, withCacheTimeout(useRedis(c).set(key, stored, { ex: CATALOG_TTL_SECONDS })).catch(() => undefined));
}

/**
 * Cache-aside with a version stamp (DESIGN.md "Caching"). One Redis round trip decides:
 * a hit costs no SQL; a miss loads from Postgres and stores the body stamped with the version
 * read *before* the load, so a write racing with this read leaves a stale stamp, not stale data.
 * Redis failing or slow → answer from Postgres (`X-Cache: bypass`), never an error.
 */
export async function cachedRead(c: Context<AppEnv>, load: () => Promise<unknown>): Promise<Response> {
  const key = cacheKeyFor(c.req.url);
  let read: { version: string; fresh: Entry | null };
  try {
    read = await readStamped(c, CATALOG_VERSION_KEY, key);
  } catch {
    return respond(c, JSON.stringify(await load()), "bypass");
  }
  const etag = await etagFor(read.version, key);
  if (matches(c.req.header("if-none-match"), etag)) {
    return c.body(null, 304, { etag, "x-cache": "hit", "cache-control": "no-cache" });
  }
  if (read.fresh) return respond(c, JSON.stringify(read.fresh.body), "hit", etag);
  const body = await load();
  storeStamped(c, key, read.version, body);
  return respond(c, JSON.stringify(body), "miss", etag);
}

/**
 * How many products a filter set matches. An exact count at a million rows is a scan of the
 * table, so it is cached per filter set under the count version, which only writes that change
 * membership raise: the scan is paid once per filter set and such write, not once per page or order.
 */
export async function cachedCount(c: Context<AppEnv>, filterKey: string, count: () => Promise<number>): Promise<number> {
  const key = `catalog:count:v1:${filterKey}`;
  let read: { version: string; fresh: Entry | null };
  try {
    read = await readStamped(c, CATALOG_COUNT_VERSION_KEY, key);
  } catch {
    return count();
  }
  if (read.fresh && typeof read.fresh.body === "number") return read.fresh.body;
  const n = await count();
  storeStamped(c, key, read.version, n);
  return n;
}
