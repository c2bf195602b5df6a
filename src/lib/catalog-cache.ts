import type { Context } from "hono";
import type { AppEnv } from "../context";
import { afterResponse } from "./background";
import { useRedis, withCacheTimeout } from "./cache";
import { readVersionAndEntry } from "./catalog-version";

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
 * Cache-aside with a version stamp (DESIGN.md "Caching"). One Redis round trip decides:
 * a hit costs no SQL; a miss loads from Postgres and stores the body stamped with the version
 * read *before* the load, so a write racing with this read leaves a stale stamp, not stale data.
 * Redis failing or slow → answer from Postgres (`X-Cache: bypass`), never an error.
 */
export async function cachedRead(c: Context<AppEnv>, load: () => Promise<unknown>): Promise<Response> {
  const key = cacheKeyFor(c.req.url);
  const redis = useRedis(c);
  let version: string;
  let entry: Entry | null = null;
  try {
    const read = await readVersionAndEntry(redis, key);
    version = read.version;
    const raw = read.raw;
    if (raw) {
      try {
        entry = JSON.parse(raw) as Entry;
      } catch {
        entry = null;
      }
    }
  } catch {
    return respond(c, JSON.stringify(await load()), "bypass");
  }
  const etag = await etagFor(version, key);
  if (matches(c.req.header("if-none-match"), etag)) {
    return c.body(null, 304, { etag, "x-cache": "hit", "cache-control": "no-cache" });
  }
  if (entry && entry.ver === version) return respond(c, JSON.stringify(entry.body), "hit", etag);
  const body = await load();
  const stored = JSON.stringify({ ver: version, body } satisfies Entry);
  afterResponse(c, withCacheTimeout(redis.set(key, stored, { ex: CATALOG_TTL_SECONDS })).catch(() => undefined));
  return respond(c, JSON.stringify(body), "miss", etag);
}

