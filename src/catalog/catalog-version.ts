import type { Redis } from "@upstash/redis/cloudflare";
import { inArray, sql } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import type { Database } from "../db/client";
import { catalogBumps } from "../db/schema";
import type { Env } from "../env";
import { afterResponse } from "../lib/background";
import { cacheCall, useRedis } from "../lib/redis";
import type { SweepProgress } from "../lib/sweep";
import type { Pipeline } from "../lib/stamped-cache";
import { ALL_CATALOG_VERSION_KEYS, CATALOG_VERSION_KEY, versionSeed } from "./catalog-version-keys";
import { addAdvance, type StockCell } from "./stock-cache";

export { CATALOG_COUNT_VERSION_KEY, CATALOG_VERSION_KEY } from "./catalog-version-keys";

/** Seeds each version when it is missing, then raises it; all in the caller's pipeline. */
export function raiseVersions(pipeline: Pipeline, keys: readonly string[] = ALL_CATALOG_VERSION_KEYS): Pipeline {
  for (const key of keys) pipeline.set(key, versionSeed(), { nx: true }).incr(key);
  return pipeline;
}

// Writes in this isolate that committed but could not raise the versions (Redis was unreachable),
// and how many of them a later cache read has paid. Entries stamped with the current versions may
// be stale while any is unpaid, so the next cache read here raises them first. Counted rather than
// flagged: a read that carries the bump and then fails (Redis still down) must leave it owed.
let failedBumps = 0;
let paidBumps = 0;

/** This isolate's unpaid bump, if any: `prepend` adds it to a cache read's pipeline, `paid` confirms it once that read succeeded. */
export interface OwedBump {
  prepend(pipeline: Pipeline): Pipeline;
  paid(): void;
}

export function owedBump(): OwedBump | null {
  if (paidBumps >= failedBumps) return null;
  const upTo = failedBumps;
  return {
    prepend: (pipeline) => raiseVersions(pipeline),
    paid: () => void (paidBumps = Math.max(paidBumps, upTo)),
  };
}

/** A catalog write's bump, recorded in the write's own transaction (the catalog_bumps outbox). */
export interface Bump {
  id: number;
  /** The write may change which products a filter matches: cached counts go too. */
  counts: boolean;
  /**
   * A write that moved only stock (an order, a cancellation, a restocking refund) and no product
   * across 0: the cells it changed. Then only those cells change in the cache (stock-cache.ts) and
   * every cached body stays; without them the versions are raised.
   */
  stock?: StockCell[] | null;
}

/** What a bump does to the cache, added to `pipeline`: advance its stock cells, or raise the versions. */
function addBump(pipeline: Pipeline, bump: Bump): Pipeline {
  if (!bump.counts && bump.stock && bump.stock.length > 0) return addAdvance(pipeline, bump.stock);
  return raiseVersions(pipeline, bump.counts ? ALL_CATALOG_VERSION_KEYS : [CATALOG_VERSION_KEY]);
}

/**
 * Applies `bump` (addBump) after the write that recorded it has committed (one Redis round trip),
 * then deletes the outbox row after the response. Never throws. When Redis does not answer the
 * bump is owed: this isolate pays it before its next cache read, the keeper's alarm retries it
 * every second for every other isolate, and the outbox row stays for the scheduled sweep. If this
 * invocation dies before the bump, the sweep pays it from the row.
 */
export async function bumpCatalogVersion(c: Context<AppEnv>, db: Database, bump: Bump): Promise<void> {
  try {
    await cacheCall(() => addBump(useRedis(c).pipeline(), bump).exec());
  } catch (err) {
    failedBumps++;
    console.warn(JSON.stringify({ level: "warn", msg: "catalog version bump failed; owed", error: err instanceof Error ? err.message : String(err) }));
    afterResponse(c, () => oweCatalogBump(c.env));
    return;
  }
  afterResponse(c, () => db.delete(catalogBumps).where(inArray(catalogBumps.id, [bump.id])));
}

async function oweCatalogBump(env: Env): Promise<void> {
  try {
    await env.CATALOG_VERSION_KEEPER.get(env.CATALOG_VERSION_KEEPER.idFromName("catalog")).owe();
  } catch (err) {
    console.error(JSON.stringify({ level: "error", msg: "could not record an owed catalog version bump", error: err instanceof Error ? err.message : String(err) }));
  }
}

/** Outbox rows younger than this belong to requests that are probably still raising them. */
const SWEEP_GRACE_SECONDS = 5;

/** Rows one sweep pays at most (one aggregate read of them, bounded even after a long outage). */
const SWEEP_MAX_ROWS = 500_000;
/** Rows one delete statement removes: each stays far below the sessions' statement_timeout. */
const SWEEP_DELETE_BATCH = 10_000;
/** The sweep starts no delete after this long; rows left are paid again (harmlessly) by the next run. */
const SWEEP_BUDGET_MS = 10_000;

/** `complete` is false also when more than SWEEP_MAX_ROWS were owed. */
export interface BumpSweep extends SweepProgress {
  /** Owed rows paid and deleted. */
  paid: number;
}

/**
 * The scheduled sweep (every minute): bumps that no request confirmed (it died between its commit
 * and its bump, or Redis refused) are paid here, then their rows deleted. After a long Redis outage
 * the outbox holds one row per write since: one bounded read finds the newest owed row (and whether
 * any changes counts), one raise pays them all, and the rows go in batches of ids under a time
 * budget. Only rows older than the grace, and at most the newest seen, are deleted: their
 * transactions ended before the read (a Worker's transaction lasts well under the grace), so the
 * raise came after their commits.
 */
export async function sweepCatalogBumps(db: Database, redis: Redis, opts: { budgetMs?: number } = {}): Promise<BumpSweep> {
  const started = Date.now();
  const { rows } = await db.execute<{ up_to: string | null; counts: boolean | null; owed: number; cutoff: string }>(sql`
    select max(id)::text as up_to, bool_or(counts) as counts, count(*)::int as owed, (select now() - make_interval(secs => ${SWEEP_GRACE_SECONDS}))::text as cutoff
    from (select id, counts from catalog_bumps where created_at < now() - make_interval(secs => ${SWEEP_GRACE_SECONDS}) order by id limit ${SWEEP_MAX_ROWS}) owed`);
  const owed = rows[0]!;
  if (owed.up_to === null) return { paid: 0, batches: 0, complete: true };
  await cacheCall(() => raiseVersions(redis.pipeline(), owed.counts ? ALL_CATALOG_VERSION_KEYS : [CATALOG_VERSION_KEY]).exec());
  const result: BumpSweep = { paid: 0, batches: 0, complete: false };
  while (Date.now() - started < (opts.budgetMs ?? SWEEP_BUDGET_MS)) {
    const { rows: deleted } = await db.execute<{ n: number }>(sql`
      with gone as (
        delete from catalog_bumps where id in (
          select id from catalog_bumps where id <= ${owed.up_to}::bigint and created_at < ${owed.cutoff}::timestamptz order by id limit ${SWEEP_DELETE_BATCH})
        returning 1)
      select count(*)::int as n from gone`);
    result.batches++;
    result.paid += deleted[0]!.n;
    if (deleted[0]!.n < SWEEP_DELETE_BATCH) {
      result.complete = owed.owed < SWEEP_MAX_ROWS;
      break;
    }
  }
  return result;
}

/**
 * Raises the versions for a bump recorded outside a request (the cron's own writes), then deletes
 * its outbox row. Never throws: a bump that cannot be paid now stays for sweepCatalogBumps.
 */
export async function payBump(db: Database, redis: Redis, bump: Bump): Promise<void> {
  try {
    await cacheCall(() => addBump(redis.pipeline(), bump).exec());
    await db.delete(catalogBumps).where(inArray(catalogBumps.id, [bump.id]));
  } catch (err) {
    console.warn(JSON.stringify({ level: "warn", msg: "catalog version bump failed; the sweep pays it", error: err instanceof Error ? err.message : String(err) }));
  }
}
