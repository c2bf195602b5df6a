// Scenario 1 — Redis fails under load: (a) frozen (SIGSTOP/SIGCONT), (b) killed and restarted empty,
// (c) unreachable while it keeps its data (the REST endpoint accepts connections and never answers).
// (a) alone cannot lose a bump: the bridge's commands wait in the frozen server's socket and run on
// SIGCONT. (c) is the case where a write's version bump really fails and the old entries survive.
// Reads must stay 200 and never older than a write that had completed before the read started;
// writes and orders must succeed; /health says 503 `cache: "down"` during the outage, 200 after;
// the cache must serve hits again after recovery without restarting anything.
// The timeline is here; the model of expected values is in model.ts, the load in load.ts and the
// verdicts in judging.ts.
import { assertNotShuttingDown, expectStatus, fmtMs, now, shutdown, sleep, type Count, type Ctx, type ScenarioResult } from "../harness.ts";
import { firstHit, HIT_WITHIN_MS, judgeHealth, judgeReads, sweep, wayCounts, wayLogLine, wayNotes, type WayFindings } from "./judging.ts";
import { Load, ORDER_LOOPS, Phase, READERS, Tally } from "./load.ts";
import { modelMismatches, newEntity, type Entity, type Fixture } from "./model.ts";

const PRODUCTS = 4;
const USERS = 4;
// Each way: mixed load, then a read-only pause (the cache fills at the last version), the outage
// with writes (they commit; their version bumps fail or hang), recovery with reads only (a stale
// entry would now be served: nothing else bumps the version), then mixed load again.
const MIXED_BEFORE_MS = 2500;
const QUIET_BEFORE_MS = 1500;
const OUTAGE_MS = 4000;
const READS_AFTER_MS = 3000;
const MIXED_AFTER_MS = 2000;

type Mode = "freeze" | "kill" | "unreachable";

export async function redisScenario(ctx: Ctx): Promise<ScenarioResult> {
  const t0 = now();
  if (ctx.stack.redis.pid === undefined) throw new Error("scenario redis needs the redis-server this script spawned (REDIS_URL is not supported)");
  const fx = await setup(ctx);
  const counts: Count[] = [];
  const notes: string[] = [];
  for (const mode of ["freeze", "kill", "unreachable"] as const) {
    try {
      const findings = await oneWay(ctx, fx, mode);
      counts.push(...wayCounts(findings));
      notes.push(...wayNotes(findings));
      ctx.log(wayLogLine(findings));
    } finally {
      // Whatever happened, the next way and the next scenarios need a reachable Redis.
      await restore(ctx);
    }
  }
  return { name: "redis", counts, notes, ms: now() - t0 };
}

/** One category, a few products, users each ordering one product. */
async function setup(ctx: Ctx): Promise<Fixture> {
  const { http, adminToken, runId, log } = ctx;
  const cat = expectStatus(await http.req("POST", "/api/categories", { token: adminToken, body: { name: `Faults redis ${runId}`, description: "desc 0" } }), 201);
  const category = newEntity("category", cat.body.id, { description: "desc 0", begin: cat.start, end: cat.end, via: "create" });
  const products: Entity[] = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const p = expectStatus(
      await http.req("POST", "/api/products", { token: adminToken, body: { name: `Faults ${runId} #${i}`, description: "fault injection", price: "20.00", stock: 1000, category_id: category.id } }),
      201,
    );
    products.push(newEntity("product", p.body.id, { price: p.body.price, stock: p.body.stock, begin: p.start, end: p.end, via: "create" }));
  }
  const users: Fixture["users"] = [];
  for (let i = 0; i < USERS; i++) {
    const u = await http.user(`faults-redis-${runId}-${i}@example.com`);
    users.push({ token: u.token, product: products[i % PRODUCTS]! });
  }
  log(`setup: category ${category.id}, products ${products.map((p) => p.id).join(", ")}, ${USERS} users`);
  return { category, products, byId: new Map(products.map((p) => [p.id, p])), users, counters: { price: 0, description: 0 } };
}

async function restore(ctx: Ctx): Promise<void> {
  const redis = ctx.stack.redis;
  if (redis.paused) await redis.resume();
  if (shutdown.requested) return; // the cleanup stops everything; start nothing now
  if (redis.pid === undefined) await redis.start();
  await ctx.rest.restore();
}

const LABELS: Record<Mode, string> = { freeze: "(a) freeze", kill: "(b) kill", unreachable: "(c) unreachable" };

/** Load, fault, recovery and the verdicts of one way. */
async function oneWay(ctx: Ctx, fx: Fixture, mode: Mode): Promise<WayFindings> {
  const { http, stack, log } = ctx;
  const label = LABELS[mode];
  ctx.workerLog.scenario = `redis ${label}`;
  const sentBefore = http.sent;
  const phase = new Phase();
  const tally = new Tally(phase);
  const load = new Load({ http, adminToken: ctx.adminToken, databaseUrl: stack.postgres.url, fx, tally });

  log(`${label}: load ${READERS} readers, ${ORDER_LOOPS} order loops, 1 admin writer, 1 health probe`);
  load.start();
  await sleep(MIXED_BEFORE_MS);
  await load.pauseWrites();
  await sleep(QUIET_BEFORE_MS);
  load.resumeWrites();
  phase.tFault = now();
  log(`${label}: ${await injectFault(ctx, mode)}`);
  await sleep(OUTAGE_MS);
  await load.pauseWrites();
  const tRecoverBegin = now();
  phase.tOutageEnd = tRecoverBegin;
  assertNotShuttingDown("redis");
  await endFault(ctx, mode);
  phase.tRecover = now();
  const how = mode === "freeze" ? "SIGCONT" : mode === "kill" ? `redis-server restarted empty in ${fmtMs(phase.tRecover - tRecoverBegin)}, pid ${stack.redis.pid}` : "a new REST bridge on the same port";
  log(`${label}: back after ${fmtMs(phase.tRecover - phase.tFault)} (${how})`);

  // Right after recovery, before any write: each product read and compared (a stale entry shows here).
  const recoverySweep = await sweep(http, fx, tally, "recovery sweep");
  let probed: number | null = null;
  const hitProbe = tally.guard(probeFirstHit(ctx, fx, tally).then((ms) => void (probed = ms)));
  await sleep(READS_AFTER_MS);
  load.resumeWrites();
  await sleep(MIXED_AFTER_MS);
  await Promise.all([load.stop(), hitProbe]);
  const hit = await firstHit(http, fx, load, phase, probed);

  const reads = judgeReads(load.observations, phase);
  // Every product read again once the load has stopped.
  const finalSweep = await sweep(http, fx, tally, "final sweep");
  const modelMismatch = await modelMismatches(stack.postgres.url, fx, (text) => tally.problem(text));
  const health = judgeHealth(load.health, tally);
  return { label, sent: http.sent - sentBefore, tally, load, reads, recoverySweep, finalSweep, health, hit, modelMismatch };
}

/** Starts the outage; returns the log line that says what it is. */
async function injectFault(ctx: Ctx, mode: Mode): Promise<string> {
  const redis = ctx.stack.redis;
  if (mode === "freeze") {
    await redis.pause();
    return `redis-server frozen (SIGSTOP pid ${redis.pid})`;
  }
  if (mode === "kill") {
    await redis.kill();
    return "redis-server killed (SIGKILL)";
  }
  await ctx.rest.openHole();
  return `REST endpoint :${ctx.rest.port} now accepts and never answers; redis-server keeps running`;
}

async function endFault(ctx: Ctx, mode: Mode): Promise<void> {
  if (mode === "freeze") await ctx.stack.redis.resume();
  else if (mode === "kill") await ctx.stack.redis.start();
  else await ctx.rest.restore();
}

/** A dedicated probe for the first cache hit after recovery (pairs of reads of one key); null: none. */
async function probeFirstHit(ctx: Ctx, fx: Fixture, tally: Tally): Promise<number | null> {
  const { phase } = tally;
  let first: number | null = null;
  while (now() - phase.tRecover < HIT_WITHIN_MS && first === null) {
    for (const path of [`/api/products/${fx.products[0]!.id}`, `/api/categories/${fx.category.id}`]) {
      for (let i = 0; i < 2; i++) {
        const res = await ctx.http.req("GET", path);
        tally.check(res, [200], "hit probe");
        if (res.headers.get("x-cache") === "hit" && first === null) first = res.end - phase.tRecover;
      }
    }
    await sleep(50);
  }
  return first;
}
