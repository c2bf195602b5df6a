// Scenario 2 — Postgres fails: (a) stopped (connections refused), (b) frozen (SIGSTOP on the
// postmaster: connections accepted, never answered — an unreachable database). Every answer is then
// a 503 problem+json naming `db` within a few seconds (cached catalog hits may still answer 200),
// without stack traces or SQL; afterwards the Worker recovers on its own (no wrangler restart).
// The timeline is here; the fixture and probes are in probes.ts, the verdicts in judging.ts.
import { assertNotShuttingDown, fmtMs, isListening, now, shutdown, sleep, type Count, type Ctx, type Res, type ScenarioResult } from "../harness.ts";
import { judgeOutage, outageLogLine, wayCounts, type Recovery, type Step } from "./judging.ts";
import { PASSWORD, PgFixture, upgrade, type Probe, type Upgrade } from "./probes.ts";

const RECOVER_WITHIN_MS = 30_000;

type Mode = "stop" | "freeze";

export async function postgresScenario(ctx: Ctx): Promise<ScenarioResult> {
  const t0 = now();
  const pg = ctx.stack.postgres;
  const fx = await PgFixture.create(ctx);
  const counts: Count[] = [];
  const notes: string[] = [];
  // Whatever happens, the next scenario needs a running Postgres.
  ctx.onCleanup(async () => {
    await pg.resume();
  });
  for (const mode of ["stop", "freeze"] as const) {
    try {
      await outageAndRecovery(ctx, fx, mode, counts, notes);
    } finally {
      await pg.resume();
      if (!shutdown.requested) await pg.start();
    }
  }
  return { name: "postgres", counts, notes, ms: now() - t0 };
}

async function outageAndRecovery(ctx: Ctx, fx: PgFixture, mode: Mode, counts: Count[], notes: string[]): Promise<void> {
  const { http, log } = ctx;
  const pg = ctx.stack.postgres;
  const label = mode === "stop" ? "(a) stopped" : "(b) frozen";
  ctx.workerLog.scenario = `postgres ${label}`;
  const sentBefore = http.sent;
  await fx.prepare(mode);

  // ---- the outage ----
  const tDown = now();
  if (mode === "stop") await pg.stop();
  else await pg.pause();
  const downMs = now() - tDown;
  const refusing = mode === "stop" ? !(await isListening(pg.port)) : true;
  log(`${label}: postgres ${mode === "stop" ? `stopped in ${fmtMs(downMs)}${refusing ? "" : " (but its port still accepts connections!)"}` : "postmaster frozen (SIGSTOP)"}`);
  const { answers, ws } = await probeOutage(ctx, fx, mode);
  const outage = judgeOutage(answers, ws);
  log(outageLogLine(label, outage));

  // ---- recovery: the same wrangler must serve again ----
  const recovery = await recover(ctx, fx, mode);
  log(
    `${label}: postgres ${mode === "stop" ? "started again" : "resumed"} in ${fmtMs(recovery.upMs)}; /health 200 after ${recovery.healthyAfter === null ? "never" : fmtMs(recovery.healthyAfter)}; ` +
      recovery.steps.map((s) => `${s.name} ${s.ok ? "ok" : "FAILED"} (+${fmtMs(s.afterMs)})`).join(", "),
  );

  counts.push(...wayCounts(label, http.sent - sentBefore + 1, outage, recovery));
  for (const p of outage.problems) notes.push(`${label}: ${p}`);
  for (const s of recovery.steps) if (!s.ok) notes.push(`${label}: after recovery: ${s.name} → ${s.detail}`);
  if (!refusing) notes.push(`${label}: postgres port still accepted connections after stop()`);
}

/** Every probe while the database is down, and a WebSocket upgrade. */
async function probeOutage(ctx: Ctx, fx: PgFixture, mode: Mode): Promise<{ answers: { probe: Probe; res: Res }[]; ws: Upgrade }> {
  const answers: { probe: Probe; res: Res }[] = [];
  // Stopped: one at a time first, then all at once (many connection attempts failing together).
  // Frozen: every call now waits for a connect timeout, so only all at once keeps the run short.
  if (mode === "stop") for (const probe of fx.probes()) answers.push({ probe, res: await fx.send(probe) });
  const burst = fx.probes();
  const [ws, ...res] = await Promise.all([upgrade(ctx.worker.url, fx.user.token), ...burst.map((p) => fx.send(p))]);
  burst.forEach((probe, i) => answers.push({ probe, res: res[i]! }));
  return { answers, ws };
}

/** Postgres back, then /health and a user's first steps until they work (bounded). */
async function recover(ctx: Ctx, fx: PgFixture, mode: Mode): Promise<Recovery> {
  const { http, runId } = ctx;
  const pg = ctx.stack.postgres;
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
  const steps: Step[] = [];
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
  const password = PASSWORD;
  await step("register", () => http.req("POST", "/api/auth/register", { body: { email, password } }), 201);
  const loginRes = await step("login", () => http.req("POST", "/api/auth/login", { body: { email, password } }), 200);
  const token: string = loginRes.body?.access ?? (await http.login(email, password).catch(() => ""));
  await step("add to cart", () => http.req("POST", "/api/cart/items", { token, body: { product_id: fx.cold, quantity: 1 } }), 200);
  await step("place order", () => http.req("POST", "/api/orders", { token }), 201);
  await step("product detail (miss)", () => http.req("GET", `/api/products/${fx.cold}`), 200);
  return { upMs, healthyAfter, steps };
}
