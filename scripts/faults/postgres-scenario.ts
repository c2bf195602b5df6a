// Scenario 2 — Postgres fails: (a) stopped (connections refused), (b) frozen (SIGSTOP on the
// postmaster: connections accepted, never answered — an unreachable database). Every answer is then
// a 503 problem+json naming `db` within a few seconds (cached catalog hits may still answer 200),
// without stack traces or SQL; afterwards the Worker recovers on its own (no wrangler restart).
import WebSocket from "ws";
import { assertNotShuttingDown, expectStatus, fmtMs, isListening, leaksInternals, now, shutdown, sleep, type Count, type Ctx, type Res, type ScenarioResult } from "./harness.ts";

/** Above this an answer during the outage counts as a hang. */
const MAX_ANSWER_MS = 2000;
const RECOVER_WITHIN_MS = 30_000;

interface Probe {
  name: string;
  method: string;
  path: string;
  token?: string;
  body?: unknown;
  /** A catalog read that was warmed: a 200 `X-Cache: hit` is correct for it. */
  cached?: boolean;
  health?: boolean;
}

/** The WebSocket upgrade authenticates against Postgres too: its refusal must be a quick 503. */
function upgrade(url: string, token: string): Promise<{ status: number; body: string; ms: number; error?: string }> {
  const t0 = now();
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace(/^http/, "ws")}/api/notifications/ws?token=${encodeURIComponent(token)}`);
    const done = (r: { status: number; body: string; error?: string }) => {
      clearTimeout(timer);
      resolve({ ...r, ms: now() - t0 });
    };
    const timer = setTimeout(() => {
      socket.terminate();
      done({ status: 0, body: "", error: "timeout" });
    }, 20_000);
    socket.on("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => done({ status: res.statusCode ?? 0, body }));
    });
    socket.on("open", () => {
      socket.terminate();
      done({ status: 101, body: "" });
    });
    socket.on("error", (err) => done({ status: 0, body: "", error: err.message }));
  });
}

export async function postgresScenario(ctx: Ctx): Promise<ScenarioResult> {
  const t0 = now();
  const { http, stack, adminToken, runId, log, worker } = ctx;
  const pg = stack.postgres;

  // ---- setup, then warm a few cache entries (no catalog write after this point) ----
  const cat = expectStatus(await http.req("POST", "/api/categories", { token: adminToken, body: { name: `Faults pg ${runId}`, description: "pg" } }), 201);
  const newProduct = async (name: string, categoryId: number): Promise<number> =>
    expectStatus(await http.req("POST", "/api/products", { token: adminToken, body: { name, description: "", price: "5.00", stock: 50, category_id: categoryId } }), 201).body.id;
  const warm = await newProduct(`Faults pg ${runId} warm`, cat.body.id);
  // Per way: a category and a product nobody has read yet, so their detail reads are misses.
  let cold = 0;
  let coldCategory = 0;
  const password = "faults-password-1";
  const user = await http.user(`faults-pg-${runId}@example.com`, password);
  const tokens = expectStatus(await http.req("POST", "/api/auth/login", { body: { email: user.email, password } }), 200).body;
  expectStatus(await http.req("POST", "/api/cart/items", { token: user.token, body: { product_id: warm, quantity: 1 } }), 200);
  const prepare = async (mode: string) => {
    coldCategory = expectStatus(await http.req("POST", "/api/categories", { token: adminToken, body: { name: `Faults pg ${runId} ${mode}`, description: "" } }), 201).body.id;
    cold = await newProduct(`Faults pg ${runId} ${mode}`, coldCategory);
    for (const path of ["/api/products", `/api/products/${warm}`, "/api/categories"]) {
      let hit = false;
      for (let i = 0; i < 5 && !hit; i++) {
        const res = expectStatus(await http.req("GET", path), 200);
        hit = res.headers.get("x-cache") === "hit";
        if (!hit) await sleep(50);
      }
      if (!hit) log(`warning: ${path} never answered X-Cache: hit while warming`);
    }
  };

  let round = 0;
  const probes = (): Probe[] => {
    const tag = `r${++round}${runId}`;
    return [
      { name: "health", method: "GET", path: "/health", health: true },
      { name: "product list (cached)", method: "GET", path: "/api/products", cached: true },
      { name: "product detail (cached)", method: "GET", path: `/api/products/${warm}`, cached: true },
      { name: "category list (cached)", method: "GET", path: "/api/categories", cached: true },
      // A query string never used before: a cache miss that needs Postgres.
      { name: "product list (miss)", method: "GET", path: `/api/products?max_price=${900000 + round}&search=${tag}` },
      { name: "product detail (miss)", method: "GET", path: `/api/products/${cold}` },
      { name: "category detail (miss)", method: "GET", path: `/api/categories/${coldCategory}` },
      { name: "login", method: "POST", path: "/api/auth/login", body: { email: user.email, password } },
      { name: "register", method: "POST", path: "/api/auth/register", body: { email: `faults-pg-${tag}@example.com`, password } },
      { name: "refresh", method: "POST", path: "/api/auth/refresh", body: { refresh: tokens.refresh } },
      { name: "me", method: "GET", path: "/api/me", token: user.token },
      { name: "cart", method: "GET", path: "/api/cart", token: user.token },
      { name: "add to cart", method: "POST", path: "/api/cart/items", token: user.token, body: { product_id: warm, quantity: 1 } },
      { name: "place order", method: "POST", path: "/api/orders", token: user.token },
      { name: "order history", method: "GET", path: "/api/orders", token: user.token },
      { name: "notifications", method: "GET", path: "/api/notifications", token: user.token },
      { name: "admin product write", method: "PATCH", path: `/api/products/${warm}`, token: adminToken, body: { price: "6.00" } },
    ];
  };
  const send = (p: Probe) => http.req(p.method, p.path, { token: p.token, body: p.body, timeoutMs: 20_000 });

  const counts: Count[] = [];
  const notes: string[] = [];

  // Whatever happens, the next scenario needs a running Postgres.
  ctx.onCleanup(async () => {
    await pg.resume();
  });
  for (const mode of ["stop", "freeze"] as const) {
    try {
      await outageAndRecovery(mode);
    } finally {
      await pg.resume();
      if (!shutdown.requested) await pg.start();
    }
  }
  return { name: "postgres", counts, notes, ms: now() - t0 };

  async function outageAndRecovery(mode: "stop" | "freeze") {
    const label = mode === "stop" ? "(a) stopped" : "(b) frozen";
    ctx.workerLog.scenario = `postgres ${label}`;
    const sentBefore = http.sent;
    await prepare(mode);

    // ---- the outage ----
    const tDown = now();
    if (mode === "stop") await pg.stop();
    else await pg.pause();
    const downMs = now() - tDown;
    const refusing = mode === "stop" ? !(await isListening(pg.port)) : true;
    log(`${label}: postgres ${mode === "stop" ? `stopped in ${fmtMs(downMs)}${refusing ? "" : " (but its port still accepts connections!)"}` : "postmaster frozen (SIGSTOP)"}`);

    const answers: { probe: Probe; res: Res }[] = [];
    let ws: Awaited<ReturnType<typeof upgrade>>;
    if (mode === "stop") {
      // One at a time, then all at once (many connection attempts failing together).
      for (const probe of probes()) answers.push({ probe, res: await send(probe) });
      const burst = probes();
      const [wsRes, ...res] = await Promise.all([upgrade(worker.url, user.token), ...burst.map(send)]);
      burst.forEach((probe, i) => answers.push({ probe, res: res[i]! }));
      ws = wsRes;
    } else {
      // Every call now waits for a connect timeout: all at once keeps the run short.
      const burst = probes();
      const [wsRes, ...res] = await Promise.all([upgrade(worker.url, user.token), ...burst.map(send)]);
      burst.forEach((probe, i) => answers.push({ probe, res: res[i]! }));
      ws = wsRes;
    }

    let cachedHits = 0;
    const unplannedHits: string[] = [];
    let db503 = 0;
    let notProblem503 = 0;
    let other5xx = 0;
    let slow = 0;
    let leaks = 0;
    let maxMs = ws.ms;
    const problems: string[] = [];
    for (const { probe, res } of answers) {
      maxMs = Math.max(maxMs, res.ms);
      if (res.ms > MAX_ANSWER_MS || res.status === 0) {
        slow++;
        problems.push(`${probe.name}: ${res.method} ${res.path} → ${res.status || res.error} after ${fmtMs(res.ms)}`);
      }
      const leak = leaksInternals(res.text);
      if (leak) {
        leaks++;
        problems.push(`${probe.name}: body leaks ${leak}: ${res.text.slice(0, 200)}`);
      }
      // Any catalog read the cache can answer may answer 200 (counted apart); the planned misses should not.
      if (probe.method === "GET" && /^\/api\/(products|categories)/.test(probe.path) && res.status === 200 && res.headers.get("x-cache") === "hit") {
        cachedHits++;
        if (!probe.cached) unplannedHits.push(`${probe.name} ${probe.path}`);
        continue;
      }
      const isProblem = (res.headers.get("content-type") ?? "").startsWith("application/problem+json");
      const namesDb = res.body?.db === "down" && (!probe.health || res.body?.cache === "ok");
      if (res.status === 503 && isProblem && namesDb) {
        db503++;
        continue;
      }
      if (res.status >= 500 && res.status !== 503) other5xx++;
      else if (res.status !== 0) notProblem503++;
      problems.push(
        `${probe.name}: ${res.method} ${res.path} → ${res.status || res.error} ${res.headers.get("content-type") ?? ""} X-Cache ${res.headers.get("x-cache") ?? "-"} after ${fmtMs(res.ms)}: ${res.text.slice(0, 200)}`,
      );
    }
    let wsWrong = 0;
    if (ws.status !== 503 || ws.ms > MAX_ANSWER_MS) {
      wsWrong = 1;
      problems.push(`WebSocket upgrade while db is down → ${ws.status || ws.error} after ${fmtMs(ws.ms)}: ${ws.body.slice(0, 200)}`);
    } else if (leaksInternals(ws.body)) {
      leaks++;
      problems.push(`WebSocket upgrade 503 body leaks internals: ${ws.body.slice(0, 200)}`);
    }
    const latencies = answers.map((a) => a.res.ms).sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)] ?? 0;
    log(`${label}: ${answers.length + 1} requests, ${db503 + (wsWrong ? 0 : 1)} × 503 db, ${cachedHits} cached hits 200, ${notProblem503 + other5xx + wsWrong} wrong, median ${fmtMs(median)}, slowest ${fmtMs(maxMs)}`);

    // ---- recovery: the same wrangler must serve again ----
    const tUp = now();
    assertNotShuttingDown("postgres");
    if (mode === "stop") await pg.start();
    else await pg.resume();
    const upMs = now() - tUp;
    const tBack = now();
    let healthyAfter: number | null = null;
    while (now() - tBack < RECOVER_WITHIN_MS) {
      const h = await http.req("GET", "/health", { timeoutMs: 10_000 });
      if (h.status === 200) {
        healthyAfter = h.end - tBack;
        break;
      }
      await sleep(200);
    }
    const steps: { name: string; ok: boolean; afterMs: number; detail: string }[] = [];
    const step = async (name: string, run: () => Promise<Res>, want: number) => {
      let res: Res;
      let attempts = 0;
      do {
        attempts++;
        res = await run();
        if (res.status === want) break;
        await sleep(300);
      } while (now() - tBack < RECOVER_WITHIN_MS);
      steps.push({ name, ok: res.status === want, afterMs: res.end - tBack, detail: `${res.status || res.error}${attempts > 1 ? ` after ${attempts} attempts` : ""} ${res.status === want ? "" : res.text.slice(0, 200)}` });
      return res;
    };
    const email = `faults-pg-after-${mode}-${runId}@example.com`;
    await step("register", () => http.req("POST", "/api/auth/register", { body: { email, password } }), 201);
    const loginRes = await step("login", () => http.req("POST", "/api/auth/login", { body: { email, password } }), 200);
    const token: string = loginRes.body?.access ?? (await http.login(email, password).catch(() => ""));
    await step("add to cart", () => http.req("POST", "/api/cart/items", { token, body: { product_id: cold, quantity: 1 } }), 200);
    await step("place order", () => http.req("POST", "/api/orders", { token }), 201);
    await step("product detail (miss)", () => http.req("GET", `/api/products/${cold}`), 200);
    const notRecovered = steps.filter((s) => !s.ok).length + (healthyAfter === null ? 1 : 0);
    log(
      `${label}: postgres ${mode === "stop" ? "started again" : "resumed"} in ${fmtMs(upMs)}; /health 200 after ${healthyAfter === null ? "never" : fmtMs(healthyAfter)}; ` +
        steps.map((s) => `${s.name} ${s.ok ? "ok" : "FAILED"} (+${fmtMs(s.afterMs)})`).join(", "),
    );

    counts.push(
      { label: `${label}: requests sent`, value: http.sent - sentBefore + 1 },
      { label: `${label}: requests while db down`, value: answers.length + 1 },
      { label: `${label}: 503 problem+json naming db`, value: db503 + (wsWrong ? 0 : 1) },
      { label: `${label}: cached reads answered 200 (hit)`, value: cachedHits },
      { label: `${label}: planned misses that were hits (coverage)`, value: unplannedHits.length },
      { label: `${label}: not 503 problem+json db:down`, value: notProblem503 + wsWrong, mustBeZero: true },
      { label: `${label}: 5xx other than 503`, value: other5xx, mustBeZero: true },
      { label: `${label}: slower than ${MAX_ANSWER_MS / 1000} s or no answer`, value: slow, mustBeZero: true },
      { label: `${label}: bodies with stack trace / SQL`, value: leaks, mustBeZero: true },
      { label: `${label}: answer time median / max`, value: `${fmtMs(median)} / ${fmtMs(maxMs)}` },
      { label: `${label}: /health 200 after recovery`, value: healthyAfter === null ? "never" : fmtMs(healthyAfter) },
      { label: `${label}: not recovered (health/register/login/order)`, value: notRecovered, mustBeZero: true },
    );
    for (const p of problems) notes.push(`${label}: ${p}`);
    for (const s of steps) if (!s.ok) notes.push(`${label}: after recovery: ${s.name} → ${s.detail}`);
    if (!refusing) notes.push(`${label}: postgres port still accepted connections after stop()`);
  }
}
