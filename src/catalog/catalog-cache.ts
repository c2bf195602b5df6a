import type { Context } from "hono";
import type { AppEnv } from "../context";
import { afterResponse } from "../lib/background";
import { edgeResponse } from "../lib/edge-headers";
import { withOrigin } from "../lib/list-read";
import type { Count } from "../lib/pagination";
import { cacheCall, useRedis } from "../lib/redis";
import { addStamped } from "../lib/stamped-cache";
import { CATALOG_COUNT_VERSION_KEY, CATALOG_VERSION_KEY, owedBump } from "./catalog-version";
import { versionSeed } from "./catalog-version-keys";
import { addFill, addRead, decodeRead, entryValue, fillStock, stockTag, type CatalogEntryRead, type StockCell, type StockMarks } from "./stock-cache";

/** Cached catalog reads live an hour at most; version bumps invalidate them sooner. */
export const CATALOG_TTL_SECONDS = 3600;

export type CacheStatus = "hit" | "miss" | "bypass";

function respond(c: Context<AppEnv>, body: string, status: CacheStatus, etag: string | null): Response {
  const headers: [string, string][] = [
    ["content-type", "application/json"],
    ["x-cache", status],
    ["cache-control", "no-cache"],
  ];
  if (etag) headers.push(["etag", etag]);
  // Cached bodies are stored origin-free: the origin is added last, on the way out.
  return edgeResponse(c, withOrigin(body, new URL(c.req.url).origin), 200, headers);
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/** What a cached read loads on a miss: the body (a template when it shows stock), and the count it computed (cached on its own). */
export interface Loaded<T> {
  body: T;
  count?: Count | null;
  /** The cells the body's stock marks name (see stock-cache.ts); absent when it shows no stock. */
  marks?: StockMarks;
}

/** A loaded body as JSON, its stock written in, and what the cache stores of it. */
function serialize<T>(loaded: Loaded<T>): { template: string; fields: string[]; stock: Map<string, number>; cells: StockCell[] } {
  const template = JSON.stringify(loaded.body);
  const cells = loaded.marks ? [...loaded.marks.cells.values()] : [];
  return { template, fields: cells.map((cell) => cell[0]), stock: new Map(cells.map(([field, , stock]) => [field, stock])), cells };
}

function etagOf(version: string | null, fields: string[], stock: Map<string, number>): string | null {
  if (version === null) return null;
  return fields.length === 0 ? `"${version}"` : `"${version}.${stockTag(fields, stock)}"`;
}

function notModified(c: Context<AppEnv>, etag: string): Response {
  return edgeResponse(c, null, 304, [["etag", etag], ["x-cache", "hit"], ["cache-control", "no-cache"]]);
}

/**
 * Cache-aside with a version stamp, stock kept apart (stock-cache.ts). One Redis round trip (a
 * script) decides: the catalog version, the entry, its stock cells, and for lists the count's
 * version and the cached count. A hit costs no SQL: the stored template with the cells' stock
 * written in. A miss (no entry for this version, or a cell missing or from another version) loads
 * from Postgres (one round trip, the cached count passed in so it is not recounted) and, after the
 * response, stores the template and fills the cells, stamped with the version read *before* the
 * load. The ETag is the version and, for bodies that show stock, a hash of that stock.
 * Redis failing or slow → answer from Postgres (`X-Cache: bypass`), never an error.
 */
export async function cachedRead<T>(c: Context<AppEnv>, key: string, load: (cachedCount: Count | null) => Promise<Loaded<T>>, countKey?: string): Promise<Response> {
  let read: CatalogEntryRead;
  const owed = owedBump();
  try {
    const pipeline = owed ? owed.prepend(useRedis(c).pipeline()) : useRedis(c).pipeline();
    const skip = pipeline.length();
    addRead(pipeline, key, countKey ? { versionKey: CATALOG_COUNT_VERSION_KEY, key: countKey } : undefined);
    read = decodeRead((await cacheCall(() => pipeline.exec<unknown[]>()))[skip]);
    owed?.paid();
  } catch {
    const { template, stock } = serialize(await load(null));
    return respond(c, fillStock(template, stock), "bypass", null);
  }
  const ifNoneMatch = c.req.header("if-none-match");
  const { version, entry } = read;
  if (entry?.stock) {
    const etag = etagOf(version, entry.fields, entry.stock);
    if (etag && matches(ifNoneMatch, etag)) return notModified(c, etag);
    return respond(c, fillStock(entry.template, entry.stock), "hit", etag);
  }

  const cachedCount = read.count?.fresh ? (JSON.parse(read.count.fresh) as Count) : null;
  const loaded = await load(cachedCount);
  const body = serialize(loaded);
  const newCount = cachedCount ? null : (loaded.count ?? null);
  afterResponse(c, () => store(c, { key, version, body, count: countKey && newCount ? { key: countKey, version: read.count?.version ?? null, value: newCount } : null }));
  const etag = etagOf(version, body.fields, body.stock);
  if (etag && matches(ifNoneMatch, etag)) return notModified(c, etag);
  return respond(c, fillStock(body.template, body.stock), "miss", etag);
}

/** After a miss, in one round trip: the template and its cells (and a count it computed), stamped with the versions read before loading. */
async function store(c: Context<AppEnv>, opts: { key: string; version: string | null; body: ReturnType<typeof serialize>; count: { key: string; version: string | null; value: Count } | null }) {
  const pipeline = useRedis(c).pipeline();
  const { key, version, body, count } = opts;
  // A lost version key is seeded (from the clock, so it never matches an old entry); nothing is
  // cached under it this time.
  if (version === null) pipeline.set(CATALOG_VERSION_KEY, versionSeed(), { nx: true });
  else if (addStamped(pipeline, key, entryValue(version, body.fields, body.template), CATALOG_TTL_SECONDS) && body.cells.length > 0) addFill(pipeline, version, body.cells);
  if (count) {
    if (count.version === null) pipeline.set(CATALOG_COUNT_VERSION_KEY, versionSeed(), { nx: true });
    else addStamped(pipeline, count.key, `${count.version}\n${JSON.stringify(count.value)}`, CATALOG_TTL_SECONDS);
  }
  if (pipeline.length() > 0) await cacheCall(() => pipeline.exec());
}
