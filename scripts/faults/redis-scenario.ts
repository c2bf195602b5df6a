// Scenario 1 — Redis fails under load: (a) frozen (SIGSTOP/SIGCONT), (b) killed and restarted empty,
// (c) unreachable while it keeps its data (the REST endpoint accepts connections and never answers).
// (a) alone cannot lose a bump: the bridge's commands wait in the frozen server's socket and run on
// SIGCONT. (c) is the case where a write's version bump really fails and the old entries survive.
// Reads must stay 200 and never older than a write that had completed before the read started;
// writes and orders must succeed; /health says 503 `cache: "down"` during the outage, 200 after;
// the cache must serve hits again after recovery without restarting anything.
import net from "node:net";
import { startUpstashBridge, type UpstashBridge } from "../bridges/upstash-bridge.ts";
import { assertNotShuttingDown, expectStatus, fmtMs, Lock, now, shutdown, sleep, withPg, type Count, type Ctx, type Res, type ScenarioResult } from "./harness.ts";

const PRODUCTS = 4;
const USERS = 4;
const READERS = 3;
const ORDER_LOOPS = 2;
// Each way: mixed load, then a read-only pause (the cache fills at the last version), the outage
// with writes (they commit; their version bumps fail or hang), recovery with reads only (a stale
// entry would now be served: nothing else bumps the version), then mixed load again.
const MIXED_BEFORE_MS = 2500;
const QUIET_BEFORE_MS = 1500;
const OUTAGE_MS = 4000;
const READS_AFTER_MS = 3000;
const MIXED_AFTER_MS = 2000;
const HIT_WITHIN_MS = 5000;
/** Health probes this soon after recovery may still be settling; after it they must be 200. */
const HEALTH_GRACE_MS = 2000;

interface State {
  price?: string;
  stock?: number;
  description?: string;
  /** When the write that produced this state was sent and when its answer arrived. */
  begin: number;
  end: number;
  via: string;
}

interface Entity {
  key: string;
  id: number;
  kind: "product" | "category";
  states: State[];
  lock: Lock;
}

interface Observation {
  entity: Entity;
  got: { price?: string; stock?: number; description?: string };
  start: number;
  end: number;
  route: string;
  xcache: string;
}

interface Judged {
  verdict: "ok" | "stale" | "wrong";
  /** For stale: how long the newer value had been committed (write answered) when the read started. */
  staleByMs?: number;
  expected?: State;
}

const same = (e: Entity, s: State, got: Observation["got"]) =>
  e.kind === "product" ? s.price === got.price && s.stock === got.stock : s.description === got.description;

/**
 * Writes to one entity are serialised (Lock), so its states form a sequence. A read that started at
 * `start` and ended at `end` may return any state from the last one whose write had completed
 * before `start` up to the last one whose write had begun before `end`. Older: stale. None: wrong.
 */
function judge(o: Observation): Judged {
  const states = o.entity.states;
  let k = 0;
  let m = 0;
  for (let i = 0; i < states.length; i++) {
    if (states[i]!.end <= o.start) k = i;
    if (states[i]!.begin <= o.end) m = i;
  }
  for (let j = k; j <= m; j++) if (same(o.entity, states[j]!, o.got)) return { verdict: "ok" };
  for (let j = k - 1; j >= 0; j--) {
    if (same(o.entity, states[j]!, o.got)) return { verdict: "stale", staleByMs: o.start - states[j + 1]!.end, expected: states[k] };
  }
  return { verdict: "wrong", expected: states[k] };
}

const describeState = (e: Entity, s: Observation["got"] | State | undefined) =>
  !s ? "?" : e.kind === "product" ? `price ${s.price} stock ${s.stock}` : `description ${JSON.stringify(s.description)}`;

export async function redisScenario(ctx: Ctx): Promise<ScenarioResult> {
  const t0 = now();
  const { http, stack, adminToken, runId, log } = ctx;
  const redis = stack.redis;
  if (redis.pid === undefined) throw new Error("scenario redis needs the redis-server this script spawned (REDIS_URL is not supported)");

  // ---- setup: one category, a few products, users each ordering one product ----
  const cat = expectStatus(await http.req("POST", "/api/categories", { token: adminToken, body: { name: `Faults redis ${runId}`, description: "desc 0" } }), 201);
  const category: Entity = { key: `category ${cat.body.id}`, id: cat.body.id, kind: "category", states: [{ description: "desc 0", begin: cat.start, end: cat.end, via: "create" }], lock: new Lock() };
  const products: Entity[] = [];
  for (let i = 0; i < PRODUCTS; i++) {
    const p = expectStatus(
      await http.req("POST", "/api/products", { token: adminToken, body: { name: `Faults ${runId} #${i}`, description: "fault injection", price: "20.00", stock: 1000, category_id: category.id } }),
      201,
    );
    products.push({ key: `product ${p.body.id}`, id: p.body.id, kind: "product", states: [{ price: p.body.price, stock: p.body.stock, begin: p.start, end: p.end, via: "create" }], lock: new Lock() });
  }
  const byId = new Map(products.map((p) => [p.id, p]));
  const users: { token: string; product: Entity }[] = [];
  for (let i = 0; i < USERS; i++) {
    const u = await http.user(`faults-redis-${runId}-${i}@example.com`);
    users.push({ token: u.token, product: products[i % PRODUCTS]! });
  }
  log(`setup: category ${category.id}, products ${products.map((p) => p.id).join(", ")}, ${USERS} users`);

  let priceCounter = 0;
  let descCounter = 0;
  const last = (e: Entity) => e.states[e.states.length - 1]!;
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;

  const results: Count[] = [];
  const notes: string[] = [];

  // (c) swaps the stack's REST bridge for a black hole on the same port, then for a new bridge.
  let bridge: UpstashBridge = stack.upstashBridge;
  let hole: { server: net.Server; sockets: Set<net.Socket> } | null = null;
  ctx.onCleanup(async () => {
    if (hole) await closeHole(hole);
    if (bridge !== stack.upstashBridge) await bridge.close();
  });

  const restore = async () => {
    if (redis.paused) await redis.resume();
    if (shutdown.requested) return; // the cleanup stops everything; start nothing now
    if (redis.pid === undefined) await redis.start();
    if (hole) {
      await closeHole(hole);
      hole = null;
      bridge = await startUpstashBridge({ redisUrl: redis.url, token: stack.workerBindings.UPSTASH_REDIS_REST_TOKEN, port: bridge.port });
    }
  };
  for (const mode of ["freeze", "kill", "unreachable"] as const) {
    try {
      await oneWay(mode);
    } finally {
      // Whatever happened, the next way and the next scenarios need a reachable Redis.
      await restore();
    }
  }
  return { name: "redis", counts: results, notes, ms: now() - t0 };

  async function oneWay(mode: "freeze" | "kill" | "unreachable") {
    const label = mode === "freeze" ? "(a) freeze" : mode === "kill" ? "(b) kill" : "(c) unreachable";
    ctx.workerLog.scenario = `redis ${label}`;
    const sentBefore = http.sent;
    let running = true;
    let writesOn = true;
    let writesInFlight = 0;
    /** Stops the writers and waits for the writes already sent (a hung bump takes up to ~1 s). */
    const pauseWrites = async () => {
      writesOn = false;
      while (writesInFlight > 0) await sleep(20);
    };
    const observations: Observation[] = [];
    const reads: { start: number; end: number; status: number; xcache: string; route: string }[] = [];
    const health: Res[] = [];
    const problems: string[] = [];
    let fiveXX = 0;
    let noAnswer = 0;
    let unexpected = 0;
    let wrongWrites = 0;
    let expected409 = 0;
    let modelResyncs = 0;
    let tFault = Infinity;
    /** The outage ends when recovery begins (a read may reach Redis from then on); it is complete at tRecover. */
    let tOutageEnd = Infinity;
    let lastRefused = -Infinity;
    const backoff = () => (now() - lastRefused < 300 ? sleep(300) : Promise.resolve());
    let tRecover = Infinity;
    const problem = (text: string) => {
      if (problems.length < 12) problems.push(text);
    };
    const rel = (t: number) =>
      t < tFault
        ? Number.isFinite(tFault)
          ? `${fmtMs(tFault - t)} before the fault`
          : "before the fault"
        : t < tOutageEnd
          ? `+${fmtMs(t - tFault)} into the outage`
          : t < tRecover
            ? "while recovering"
            : `+${fmtMs(t - tRecover)} after recovery`;
    /** Counts an answer outside `ok`; returns true when it is one of them. */
    const check = (res: Res, ok: number[], what: string): boolean => {
      if (ok.includes(res.status)) return true;
      if (res.status === 0) {
        noAnswer++;
        // Nothing answering (e.g. the Worker died): do not spin.
        if (/ECONNREFUSED/.test(res.error ?? "")) void (lastRefused = now());
      }
      else if (res.status >= 500) fiveXX++;
      else unexpected++;
      problem(`${what}: ${res.method} ${res.path} → ${res.status || res.error} after ${fmtMs(res.ms)} (${rel(res.start)}) ${res.text.slice(0, 160)}`);
      return false;
    };
    /** After a failed write the outcome is unknown: read the truth from Postgres, as a new state. */
    const resync = async (e: Entity, begin: number) => {
      modelResyncs++;
      const row = await withPg(stack.postgres.url, async (db) =>
        e.kind === "product"
          ? (await db.query<{ price: string; stock: number }>("select price::text as price, stock from products where id = $1", [e.id])).rows[0]
          : (await db.query<{ description: string }>("select description from categories where id = $1", [e.id])).rows[0],
      );
      e.states.push({ ...(row as object), begin, end: now(), via: "resync" });
    };

    const adminLoop = async () => {
      while (running) {
        if (!writesOn) {
          await sleep(50);
          continue;
        }
        writesInFlight++;
        await adminWrite().finally(() => writesInFlight--);
        await sleep(60);
        await backoff();
      }
    };

    const adminWrite = async () => {
      const r = Math.random();
      if (r < 0.1) {
        await category.lock.run(async () => {
          const description = `desc ${++descCounter}`;
          const res = await http.req("PATCH", `/api/categories/${category.id}`, { token: adminToken, body: { description } });
          if (!check(res, [200], "admin category write")) return resync(category, res.start);
          if (res.body.description !== description) {
            wrongWrites++;
            problem(`category PATCH answered description ${JSON.stringify(res.body.description)}, sent ${JSON.stringify(description)}`);
          }
          category.states.push({ description: res.body.description, begin: res.start, end: res.end, via: "patch" });
        });
      } else {
        const p = pick(products);
        await p.lock.run(async () => {
          const prev = last(p);
          let res: Res;
          let want: { price: string; stock: number };
          if (r < 0.55) {
            const price = ((2000 + ++priceCounter) / 100).toFixed(2);
            want = { price, stock: prev.stock! };
            res = await http.req("PATCH", `/api/products/${p.id}`, { token: adminToken, body: { price } });
          } else {
            // Large positive deltas: a product's stock then never repeats a value within the run,
            // so each (price, stock) pair names exactly one committed state.
            const delta = 1000 + Math.floor(Math.random() * 10);
            want = { price: prev.price!, stock: prev.stock! + delta };
            res = await http.req("POST", `/api/products/${p.id}/stock`, { token: adminToken, body: { delta } });
          }
          if (!check(res, [200], "admin product write")) return resync(p, res.start);
          if (res.body.price !== want.price || res.body.stock !== want.stock) {
            wrongWrites++;
            problem(`${res.method} ${res.path} answered price ${res.body.price} stock ${res.body.stock}, expected ${want.price} / ${want.stock}`);
          }
          p.states.push({ price: res.body.price, stock: res.body.stock, begin: res.start, end: res.end, via: res.method === "PATCH" ? "price" : "stock" });
        });
      }
    };

    const orderLoop = async (lane: number) => {
      for (let n = 0; running; n++) {
        if (!writesOn) {
          await sleep(50);
          continue;
        }
        writesInFlight++;
        await placeOrder(lane, n).finally(() => writesInFlight--);
        await sleep(80);
        await backoff();
      }
    };

    const placeOrder = async (lane: number, n: number) => {
      const u = users[(lane + n * ORDER_LOOPS) % users.length]!;
      const p = u.product;
      const q = 1 + Math.floor(Math.random() * 2);
      if (!check(await http.req("DELETE", "/api/cart", { token: u.token }), [204], "empty cart")) return;
      if (!check(await http.req("POST", "/api/cart/items", { token: u.token, body: { product_id: p.id, quantity: q } }), [200], "add to cart")) return;
      await p.lock.run(async () => {
        const prev = last(p);
        const res = await http.req("POST", "/api/orders", { token: u.token });
        if (res.status === 409) {
          expected409++;
          if (prev.stock! >= q) {
            wrongWrites++;
            problem(`order of ${q} × product ${p.id} refused with 409 although stock was ${prev.stock}`);
          }
          return;
        }
        if (!check(res, [201], "order")) return resync(p, res.start);
        const item = res.body.items?.[0];
        if (item?.unit_price !== prev.price || item?.quantity !== q) {
          wrongWrites++;
          problem(`order ${res.body.id}: unit_price ${item?.unit_price} × ${item?.quantity}, committed price ${prev.price} × ${q}`);
        }
        p.states.push({ price: prev.price, stock: prev.stock! - q, begin: res.start, end: res.end, via: "order" });
      });
      await sleep(80);
    };

    const readerLoop = async () => {
      while (running) {
        const r = Math.random();
        let res: Res;
        if (r < 0.5) {
          const p = pick(products);
          res = await http.req("GET", `/api/products/${p.id}`);
          if (check(res, [200], "product read")) observations.push({ entity: p, got: { price: res.body.price, stock: res.body.stock }, start: res.start, end: res.end, route: "GET /api/products/{id}", xcache: res.headers.get("x-cache") ?? "" });
        } else if (r < 0.8) {
          res = await http.req("GET", `/api/products?category=${category.id}&page_size=100`);
          if (check(res, [200], "product list")) {
            if (res.body.count !== PRODUCTS || res.body.results?.length !== PRODUCTS) {
              wrongWrites++;
              problem(`product list for category ${category.id}: count ${res.body.count}, ${res.body.results?.length} results, expected ${PRODUCTS}`);
            }
            for (const item of res.body.results ?? []) {
              const e = byId.get(item.id);
              if (e) observations.push({ entity: e, got: { price: item.price, stock: item.stock }, start: res.start, end: res.end, route: "GET /api/products?category=", xcache: res.headers.get("x-cache") ?? "" });
            }
          }
        } else {
          res = await http.req("GET", "/api/categories?page_size=100");
          if (check(res, [200], "category list")) {
            const mine = (res.body.results ?? []).find((c: { id: number }) => c.id === category.id);
            if (!mine) {
              wrongWrites++;
              problem(`category ${category.id} missing from GET /api/categories`);
            } else observations.push({ entity: category, got: { description: mine.description }, start: res.start, end: res.end, route: "GET /api/categories", xcache: res.headers.get("x-cache") ?? "" });
          }
        }
        reads.push({ start: res.start, end: res.end, status: res.status, xcache: res.headers.get("x-cache") ?? "", route: res.path });
        await sleep(5);
        await backoff();
      }
    };

    const healthLoop = async () => {
      while (running) {
        health.push(await http.req("GET", "/health", { timeoutMs: 10_000 }));
        await sleep(250);
      }
    };

    /**
     * Every product (detail twice, so the second may be a hit, and the category's list) and the
     * category, read while no write is in flight, against the last committed state.
     */
    const sweep = async (what: string): Promise<{ stale: number; examples: string[] }> => {
      let staleValues = 0;
      const examples: string[] = [];
      const compare = (res: Res, e: Entity, got: Observation["got"]) => {
        if (same(e, last(e), got)) return;
        staleValues++;
        if (examples.length < 4) {
          examples.push(`${what}: GET ${res.path} (X-Cache ${res.headers.get("x-cache")}) ${rel(res.start)}: ${e.key} ${describeState(e, got)}, committed ${describeState(e, last(e))}`);
        }
      };
      for (const p of products) {
        for (let i = 0; i < 2; i++) {
          const res = await http.req("GET", `/api/products/${p.id}`);
          if (check(res, [200], what)) compare(res, p, { price: res.body.price, stock: res.body.stock });
        }
      }
      const list = await http.req("GET", `/api/products?category=${category.id}&page_size=100`);
      if (check(list, [200], what)) {
        for (const p of products) {
          const item = (list.body.results ?? []).find((x: { id: number }) => x.id === p.id);
          compare(list, p, { price: item?.price, stock: item?.stock });
        }
      }
      for (let i = 0; i < 2; i++) {
        const res = await http.req("GET", `/api/categories/${category.id}`);
        if (check(res, [200], what)) compare(res, category, { description: res.body.description });
      }
      return { stale: staleValues, examples };
    };

    // ---- load, fault, recovery ----
    log(`${label}: load ${READERS} readers, ${ORDER_LOOPS} order loops, 1 admin writer, 1 health probe`);
    // A loop that throws (a harness error, e.g. Postgres unreachable for a resync) is reported, never left unhandled.
    let harnessErrors = 0;
    const guard = (loop: Promise<void>) =>
      loop.catch((err) => {
        harnessErrors++;
        problem(`load loop failed: ${err instanceof Error ? err.message : String(err)}`);
      });
    const loops = [adminLoop(), healthLoop(), ...Array.from({ length: ORDER_LOOPS }, (_, i) => orderLoop(i)), ...Array.from({ length: READERS }, () => readerLoop())].map(guard);
    await sleep(MIXED_BEFORE_MS);
    await pauseWrites();
    await sleep(QUIET_BEFORE_MS);
    writesOn = true;
    tFault = now();
    if (mode === "freeze") await redis.pause();
    else if (mode === "kill") await redis.kill();
    else {
      await bridge.close();
      hole = await openHole(bridge.port);
    }
    log(
      `${label}: ${mode === "freeze" ? `redis-server frozen (SIGSTOP pid ${redis.pid})` : mode === "kill" ? "redis-server killed (SIGKILL)" : `REST endpoint :${bridge.port} now accepts and never answers; redis-server keeps running`}`,
    );
    await sleep(OUTAGE_MS);
    await pauseWrites();
    const tRecoverBegin = now();
    tOutageEnd = tRecoverBegin;
    assertNotShuttingDown("redis");
    if (mode === "freeze") await redis.resume();
    else if (mode === "kill") await redis.start();
    else {
      await closeHole(hole!);
      hole = null;
      bridge = await startUpstashBridge({ redisUrl: redis.url, token: stack.workerBindings.UPSTASH_REDIS_REST_TOKEN, port: bridge.port });
    }
    tRecover = now();
    log(
      `${label}: back after ${fmtMs(tRecover - tFault)} (${mode === "freeze" ? "SIGCONT" : mode === "kill" ? `redis-server restarted empty in ${fmtMs(tRecover - tRecoverBegin)}, pid ${redis.pid}` : "a new REST bridge on the same port"})`,
    );

    // Right after recovery, before any write: each product read and compared (a stale entry shows here).
    const recoverySweep = await sweep("recovery sweep");
    // A dedicated probe for the first cache hit after recovery (pairs of reads of one key).
    let firstHitAfter: number | null = null;
    const hitProbe = guard(
      (async () => {
        while (now() - tRecover < HIT_WITHIN_MS && firstHitAfter === null) {
          for (const path of [`/api/products/${products[0]!.id}`, `/api/categories/${category.id}`]) {
            for (let i = 0; i < 2; i++) {
              const res = await http.req("GET", path);
              check(res, [200], "hit probe");
              if (res.headers.get("x-cache") === "hit" && firstHitAfter === null) firstHitAfter = res.end - tRecover;
            }
          }
          await sleep(50);
        }
      })(),
    );
    await sleep(READS_AFTER_MS);
    writesOn = true;
    await sleep(MIXED_AFTER_MS);
    running = false;
    await Promise.all([...loops, hitProbe]);
    const loadHit = reads.filter((r) => r.start >= tRecover && r.xcache === "hit").map((r) => r.end - tRecover);
    const firstLoadHit = loadHit.length ? Math.min(...loadHit) : null;
    let hitMs = [firstHitAfter, firstLoadHit].filter((v): v is number => v !== null).reduce((a, b) => Math.min(a, b), Infinity);
    let hitHow = "under load";
    if (!Number.isFinite(hitMs)) {
      // Under constant writes every read may be a miss: try once more with the load stopped.
      const tPoll = now();
      for (let i = 0; i < 50 && !Number.isFinite(hitMs); i++) {
        const res = await http.req("GET", `/api/products/${products[0]!.id}`);
        if (res.headers.get("x-cache") === "hit") hitMs = res.end - tRecover;
        await sleep(100);
        if (now() - tPoll > HIT_WITHIN_MS) break;
      }
      hitHow = "after the load stopped";
    }

    // ---- judge every read against the committed states ----
    let stale = 0;
    const staleRequests = new Set<number>();
    let wrongReads = 0;
    const staleAfterRecovery: number[] = [];
    const staleExamples: string[] = [];
    const byPhase = { before: 0, during: 0, after: 0 };
    for (const o of observations) {
      const j = judge(o);
      if (j.verdict === "ok") continue;
      const where = o.start < tFault ? "before" : o.start < tOutageEnd ? "during" : "after";
      if (j.verdict === "stale") {
        stale++;
        staleRequests.add(o.start);
        byPhase[where]++;
        if (where === "after") staleAfterRecovery.push(o.start - tRecover);
      } else wrongReads++;
      if (staleExamples.length < 6) {
        staleExamples.push(
          `${j.verdict} ${o.route} ${o.entity.key} (X-Cache ${o.xcache || "-"}), read started ${rel(o.start)}: got ${describeState(o.entity, o.got)}, committed ${describeState(o.entity, j.expected)}` +
            (j.staleByMs !== undefined ? ` (newer value committed ${fmtMs(j.staleByMs)} before the read started)` : ""),
        );
      }
    }

    // ---- final sweep: every product read again once the load has stopped ----
    const finalSweep = await sweep("final sweep");
    // The model itself must agree with Postgres, or the verdicts above mean nothing.
    let modelMismatch = 0;
    await withPg(stack.postgres.url, async (db) => {
      for (const p of products) {
        const row = (await db.query<{ price: string; stock: number }>("select price::text as price, stock from products where id = $1", [p.id])).rows[0];
        if (row?.price !== last(p).price || row?.stock !== last(p).stock) {
          modelMismatch++;
          problem(`harness model of product ${p.id}: ${last(p).price}/${last(p).stock}, Postgres ${row?.price}/${row?.stock}`);
        }
      }
      const row = (await db.query<{ description: string }>("select description from categories where id = $1", [category.id])).rows[0];
      if (row?.description !== last(category).description) modelMismatch++;
    });

    // ---- /health during and after the outage ----
    let healthWrongDuring = 0;
    let healthWrongAfter = 0;
    let healthDuring = 0;
    for (const h of health) {
      if (h.start >= tFault && h.end <= tOutageEnd) {
        healthDuring++;
        const ok =
          h.status === 503 &&
          (h.headers.get("content-type") ?? "").startsWith("application/problem+json") &&
          h.body?.cache === "down" &&
          h.body?.db === "ok";
        if (!ok) {
          healthWrongDuring++;
          problem(`GET /health ${rel(h.start)}: ${h.status || h.error} ${h.headers.get("content-type")} ${h.text.slice(0, 160)}`);
        }
      } else if (h.start >= tRecover + HEALTH_GRACE_MS && h.status !== 200) {
        healthWrongAfter++;
        problem(`GET /health ${rel(h.start)}: ${h.status || h.error} ${h.text.slice(0, 160)}`);
      }
    }
    const firstHealthy = health.find((h) => h.start >= tRecover && h.status === 200);
    const outageReads = reads.filter((r) => r.start >= tFault && r.end <= tOutageEnd);
    const maxOutageRead = outageReads.reduce((m, r) => Math.max(m, r.end - r.start), 0);
    const bypassDuring = outageReads.filter((r) => r.xcache === "bypass").length;
    const healthySoon = firstHealthy ? firstHealthy.end - tRecover : Infinity;
    const noHit = Number.isFinite(hitMs) ? 0 : 1;
    const judgedAfter = observations.filter((o) => o.start >= tRecover).length;
    if (healthDuring === 0) problem("no /health probe fell entirely inside the outage");

    results.push(
      { label: `${label}: requests sent`, value: http.sent - sentBefore },
      { label: `${label}: values judged in reads (after recovery)`, value: `${observations.length} (${judgedAfter})` },
      { label: `${label}: 5xx (not /health)`, value: fiveXX, mustBeZero: true },
      { label: `${label}: no answer / timeout`, value: noAnswer, mustBeZero: true },
      { label: `${label}: unexpected 4xx`, value: unexpected, mustBeZero: true },
      { label: `${label}: expected 409 (stock)`, value: expected409 },
      { label: `${label}: wrong answers (writes, orders, lists)`, value: wrongWrites, mustBeZero: true },
      { label: `${label}: wrong values in reads`, value: wrongReads, mustBeZero: true },
      { label: `${label}: stale values in reads under load`, value: stale, mustBeZero: true },
      { label: `${label}: requests that carried them`, value: staleRequests.size },
      { label: `${label}: stale values, sweep right after recovery`, value: recoverySweep.stale, mustBeZero: true },
      { label: `${label}: stale values, sweep after the load`, value: finalSweep.stale, mustBeZero: true },
      { label: `${label}: /health probes inside the outage`, value: healthDuring },
      { label: `${label}: /health not 503 cache:down in outage`, value: healthWrongDuring + (healthDuring === 0 ? 1 : 0), mustBeZero: true },
      { label: `${label}: /health not 200 ≥${HEALTH_GRACE_MS / 1000} s after recovery`, value: healthWrongAfter, mustBeZero: true },
      { label: `${label}: /health 200 again after`, value: Number.isFinite(healthySoon) ? fmtMs(healthySoon) : "never" },
      { label: `${label}: first X-Cache hit after recovery`, value: Number.isFinite(hitMs) ? `${fmtMs(hitMs)} (${hitHow})` : `none within ${fmtMs(HIT_WITHIN_MS)}` },
      { label: `${label}: no X-Cache hit within ${HIT_WITHIN_MS / 1000} s`, value: noHit, mustBeZero: true },
      { label: `${label}: slowest read during outage`, value: fmtMs(maxOutageRead) },
      { label: `${label}: reads bypassing cache during outage`, value: `${bypassDuring}/${outageReads.length}` },
      { label: `${label}: harness model ≠ Postgres`, value: modelMismatch, mustBeZero: true },
      { label: `${label}: load loops that failed (harness)`, value: harnessErrors, mustBeZero: true },
    );
    if (modelResyncs) notes.push(`${label}: ${modelResyncs} write(s) failed; the model re-read them from Postgres.`);
    if (stale) {
      notes.push(
        `${label}: ${stale} stale value(s) in ${staleRequests.size} read(s): ${byPhase.before} before the fault, ${byPhase.during} during the outage (0–${fmtMs(tOutageEnd - tFault)}), ${byPhase.after} after recovery` +
          (staleAfterRecovery.length ? ` (from +${fmtMs(Math.min(...staleAfterRecovery))} to +${fmtMs(Math.max(...staleAfterRecovery))} after recovery)` : ""),
      );
    }
    for (const e of staleExamples) notes.push(`${label}: ${e}`);
    for (const e of [...recoverySweep.examples, ...finalSweep.examples]) notes.push(`${label}: ${e}`);
    for (const p of problems) notes.push(`${label}: ${p}`);
    log(
      `${label}: ${http.sent - sentBefore} requests, ${observations.length} values judged, 5xx ${fiveXX}, no answer ${noAnswer}, unexpected ${unexpected}, wrong ${wrongWrites + wrongReads}, stale ${stale} (sweeps: ${recoverySweep.stale} after recovery, ${finalSweep.stale} after the load), ` +
        `health in outage ${healthDuring - healthWrongDuring}/${healthDuring} correct, health 200 after ${Number.isFinite(healthySoon) ? fmtMs(healthySoon) : "never"}, first hit after ${Number.isFinite(hitMs) ? fmtMs(hitMs) : "never"}`,
    );
  }
}

/** A TCP listener that accepts and never answers: calls hang until the client's own timeout. */
async function openHole(port: number): Promise<{ server: net.Server; sockets: Set<net.Socket> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
    socket.resume(); // read and drop whatever arrives
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return { server, sockets };
}

async function closeHole(hole: { server: net.Server; sockets: Set<net.Socket> }): Promise<void> {
  for (const socket of hole.sockets) socket.destroy();
  await new Promise<void>((resolve) => hole.server.close(() => resolve()));
}
