// Scenario 4 — a catalog write's cache bump killed in flight: the write commits (with its outbox
// row in catalog_bumps), then the invocation dies while its version bump is on the way to Redis.
// A proxy on the Redis REST port holds every request that raises a catalog version and never
// answers it; once the bumps of a price PATCH and a stock adjustment are held, the Worker's whole
// process group is killed (SIGKILL, nothing drains: no timeout, no owed bump, no keeper). Then the
// normal bridge is back, the Worker restarts, and the cached detail and list of the product may
// still show the old price and stock (the fault, counted, not a failure) until the cron sweep
// (every minute, rows older than 5 s) pays the bump: within 75 s of the commit every read must be
// fresh and the outbox rows gone. Rather than wait up to a minute for the tick, the scenario fires
// the same scheduled handler once the rows are past the grace. If a bump got through before the
// kill the test tested nothing: "bump not killed" says so. Observation and verdicts are in watch.ts.
import { RespClient } from "../../../scripts/bridges/resp.ts";
import { ALL_CATALOG_VERSION_KEYS } from "../../../src/catalog/catalog-version-keys.ts";
import { expectStatus, fmtMs, now, readUntilHit, shutdown, sleep, withPg, type Ctx, type Res, type ScenarioResult } from "../harness.ts";
import { raisesCatalogVersion, startHoldingProxy, type HoldingProxy } from "./holding-proxy.ts";
import { bumpCounts, isFresh, watchUntilFresh, type Killed, type Target } from "./watch.ts";

const MINUTE_MS = 60_000;
/** A commit later than this into a minute waits for the next: the cron tick must not come before the stale read can be seen. */
const LATEST_COMMIT_IN_MINUTE_MS = 50_000;
/** After the first held bump, how long the others may take; the Worker's own Redis timeout (400 ms) must not pass. */
const KILL_GRACE_MS = 150;
const NEW_PRICE = "17.50";
const STOCK_DELTA = 7;

export async function bumpScenario(ctx: Ctx): Promise<ScenarioResult> {
  const t0 = now();
  const target = await setup(ctx);
  let killed: Killed;
  let startMs = 0;
  try {
    killed = await killDuringBump(ctx, target);
  } finally {
    // Whatever happened, the next scenarios need the normal bridge and a Worker.
    if (!shutdown.requested) {
      await ctx.rest.restore();
      const tStart = now();
      await ctx.worker.revive();
      startMs = now() - tStart;
    }
  }
  ctx.log(`normal bridge back on :${ctx.rest.port}; Worker started again in ${fmtMs(startMs)}, ${fmtMs(now() - killed.tCommit)} after the commit`);
  const watched = await watchUntilFresh(ctx, target, killed);
  const { counts, notes } = bumpCounts(killed, watched);
  return { name: "bump", counts, notes, ms: now() - t0 };
}

/** A product of its own category; its detail and the category's list are read until both are cache hits. */
async function setup(ctx: Ctx): Promise<Target> {
  const { http, adminToken, runId } = ctx;
  const cat = expectStatus(await http.req("POST", "/api/categories", { token: adminToken, body: { name: `Faults bump ${runId}`, description: "bump" } }), 201);
  const body = { name: `Faults bump ${runId}`, description: "", price: "10.00", stock: 100, category_id: cat.body.id };
  const product = expectStatus(await http.req("POST", "/api/products", { token: adminToken, body }), 201);
  return { productId: product.body.id, detail: `/api/products/${product.body.id}`, list: `/api/products?category=${cat.body.id}&page_size=100` };
}

/** Reads each path until it answers X-Cache: hit (a few tries). */
async function warm(ctx: Ctx, target: Target): Promise<void> {
  for (const path of [target.detail, target.list]) {
    if (!(await readUntilHit(ctx.http, path))) throw new Error(`${path} never answered X-Cache: hit while warming: the test needs a cached entry to go stale`);
  }
}

/** The catalog versions in Redis, read directly (not through the Worker or the REST port). */
async function versions(redisUrl: string): Promise<string> {
  const client = new RespClient(redisUrl);
  try {
    return (await client.send(ALL_CATALOG_VERSION_KEYS.map((key) => ["GET", key]))).map(String).join(" / ");
  } finally {
    client.close();
  }
}

/** Waits out the end of a minute: the sweep must not run between the commit and the first read after the restart. */
async function outOfTickWindow(ctx: Ctx): Promise<void> {
  const inMinute = Date.now() % MINUTE_MS;
  if (inMinute <= LATEST_COMMIT_IN_MINUTE_MS) return;
  const wait = MINUTE_MS - inMinute + 1000;
  ctx.log(`waiting ${fmtMs(wait)} for the cron tick at the top of the minute (a commit now could be swept before the restarted Worker is read)`);
  await sleep(wait);
}

/** Warm, hold the bumps, send the writes, kill the Worker once their bumps are held; what Postgres and Redis say then. */
async function killDuringBump(ctx: Ctx, target: Target): Promise<Killed> {
  const { http, adminToken, stack, log } = ctx;
  await outOfTickWindow(ctx);
  await warm(ctx, target);
  const versionBefore = await versions(stack.redis.url);
  const maxIdBefore = await withPg(stack.postgres.url, async (db) => (await db.query<{ id: number }>("select coalesce(max(id), 0)::int as id from catalog_bumps")).rows[0]!.id);
  let proxy!: HoldingProxy;
  await ctx.rest.replace(async (port) => (proxy = await startHoldingProxy({ port, redisUrl: stack.redis.url, token: stack.workerBindings.UPSTASH_REDIS_REST_TOKEN, hold: raisesCatalogVersion })));
  log(`detail and list cached; REST endpoint :${ctx.rest.port} now holds every catalog version bump; a price PATCH and a stock adjustment sent`);
  const tWrites = now();
  const writes: Promise<Res>[] = [
    http.req("PATCH", `/api/products/${target.productId}`, { token: adminToken, body: { price: NEW_PRICE } }),
    http.req("POST", `/api/products/${target.productId}/stock`, { token: adminToken, body: { delta: STOCK_DELTA } }),
  ];
  await proxy.waitForHeld(writes.length, KILL_GRACE_MS, 10_000);
  const tKill = now();
  await ctx.worker.kill();
  const held = [...proxy.held];
  log(
    held.length
      ? `${held.length} bump(s) held, the first ${fmtMs(held[0]!.at - tWrites)} after the writes were sent; Worker killed (SIGKILL, whole process group) ${fmtMs(tKill - held[0]!.at)} after the first`
      : `no bump held within 10 s of the writes; Worker killed all the same`,
  );
  const answers = await Promise.all(writes);
  const versionAfterKill = await versions(stack.redis.url);
  const { truth, outboxIds } = await withPg(stack.postgres.url, async (db) => ({
    truth: (await db.query<{ price: string; stock: number }>("select price::text as price, stock from products where id = $1", [target.productId])).rows[0]!,
    outboxIds: (await db.query<{ id: number }>("select id::int as id from catalog_bumps where id > $1", [maxIdBefore])).rows.map((r) => r.id),
  }));
  log(`Postgres: price ${truth.price} stock ${truth.stock}, ${outboxIds.length} outbox row(s) of these writes; catalog versions ${versionAfterKill === versionBefore ? "unchanged" : `RAISED (${versionBefore} → ${versionAfterKill})`}`);
  const tCommit = held.length ? held[held.length - 1]!.at : tKill;
  return { tWrites, tKill, tCommit, wallCommit: Date.now() - (now() - tCommit), held, answers, versionBefore, versionAfterKill, truth, outboxIds, committed: isFresh({ price: NEW_PRICE, stock: 100 + STOCK_DELTA }, truth) };
}
