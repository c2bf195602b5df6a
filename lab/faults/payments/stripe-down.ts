// Scenario "stripe" — the payment provider down and back (docs/design/payments.md). The Worker is restarted with
// STRIPE_API_BASE pointing at a gate in front of the Stripe stand-in (where it stays, passing
// everything, for the rest of the run), and the stand-in's webhooks go through a second gate to the
// Worker. Then:
//   1. Before: shoppers A have Checkout Sessions; they pay on the hosted page as Stripe goes down,
//      so their `checkout.session.completed` webhooks are owed (deliveries fail, the stand-in retries).
//   2. Down: shoppers B ask for a session while the stand-in drops the connection (its own outage
//      switch), while nothing listens (refused), while it answers 500, while its answer is lost after
//      it did the work, and while it never answers. Each must get a quick 503 problem+json naming
//      stripe, without internals, and its order must be untouched (still pending and unpaid, same
//      hold, no session recorded).
//   3. Back: every B asks again (200, and the same session when asked twice), pays; the owed
//      webhooks arrive (those the stand-in gave up on are sent again, as Stripe's later retries
//      would). Every order must end paid exactly once: one history row, one notification, one paid
//      email, one handled event, one session handed out.
import { fmtMs, leaksInternals, now, sleep, type Count, type Ctx, type Res, type ScenarioResult } from "../harness.ts";
import { startGate, type Gate, type GateMode } from "./gate.ts";
import { askForSession, deliver, orderFacts, payOnPage, shoppersWithOrders, waitForOrders, webhookUrl, type OrderFacts, type Shopper } from "./fixture.ts";

/** Two retries of a 5 s Stripe call, and margin for a loaded machine. */
const MAX_OUTAGE_ANSWER_MS = 15_000;
const MODES: { mode: GateMode | "stand-in down"; what: string }[] = [
  { mode: "stand-in down", what: "the stand-in drops connections (its /__stand-in/down)" },
  { mode: "refuse", what: "nothing listens (connection refused)" },
  { mode: "error", what: "Stripe answers 500 api_error" },
  { mode: "lost", what: "Stripe does the work, the answer is lost" },
  { mode: "hang", what: "Stripe never answers" },
];
const PER_MODE = 2;
const OWED = 3;

export async function stripeDownScenario(ctx: Ctx): Promise<ScenarioResult> {
  const t0 = now();
  const { log } = ctx;
  const stripe = ctx.stack.stripe;
  const counts: Count[] = [];
  const notes: string[] = [];
  const apiGate = await startGate(stripe.url);
  const hookGate = await startGate(ctx.worker.url);
  ctx.onCleanup(() => apiGate.close());
  ctx.onCleanup(() => hookGate.close());
  stripe.setWebhookTarget(`${hookGate.url}/api/payments/stripe/webhook`);
  const r = await ctx.worker.restartWith({ STRIPE_API_BASE: apiGate.url });
  log(`Worker restarted with STRIPE_API_BASE through a gate (${fmtMs(r.stopMs + r.startMs)})`);
  try {
    await run(ctx, apiGate, hookGate, counts, notes);
  } finally {
    // The Worker keeps the gate, passing everything, until the run's cleanup (which stops the Worker
    // before closing it): a second restart here would cost as long as the scenario's own work.
    stripe.setDown(false);
    await apiGate.setMode("pass");
    await hookGate.setMode("pass");
    stripe.setWebhookTarget(webhookUrl(ctx));
  }
  return { name: "stripe", counts, notes, ms: now() - t0 };
}

async function run(ctx: Ctx, apiGate: Gate, hookGate: Gate, counts: Count[], notes: string[]): Promise<void> {
  const { log } = ctx;
  const stripe = ctx.stack.stripe;
  const eventsBefore = stripe.events().length;
  const owed = await shoppersWithOrders(ctx, "stripe-owed", OWED);
  const askers = await shoppersWithOrders(ctx, "stripe-down", MODES.length * PER_MODE);
  const all = [...owed, ...askers];
  const handedOut = new Map<number, Set<string>>();
  const hand = (s: Shopper, res: Res) => {
    if (res.status !== 200) return;
    const set = handedOut.get(s.orderId) ?? new Set<string>();
    set.add(res.body.checkout_url);
    handedOut.set(s.orderId, set);
  };
  let setupFailures = 0;
  for (const s of owed) {
    const res = await askForSession(ctx, s);
    hand(s, res);
    if (res.status !== 200) {
      setupFailures++;
      notes.push(`before the outage: POST /api/orders/${s.orderId}/payment → ${res.status} ${res.text.slice(0, 200)}`);
    }
  }
  const before = await orderFacts(ctx, askers.map((s) => s.orderId));

  // ---- down ----
  const tDown = now();
  await hookGate.setMode("refuse");
  const owedPaid = await Promise.all(owed.map((s) => payOnPage([...(handedOut.get(s.orderId) ?? [])][0] ?? "")));
  const payFailures = owedPaid.filter((status) => status !== 303).length;
  log(`stripe down; ${owed.length - payFailures} of ${owed.length} paid on the hosted page just before, their webhooks now owed`);
  let not503 = 0;
  let slow = 0;
  let leaks = 0;
  const latencies: number[] = [];
  for (const [i, { mode, what }] of MODES.entries()) {
    if (mode === "stand-in down") stripe.setDown(true);
    else await apiGate.setMode(mode);
    const group = askers.slice(i * PER_MODE, (i + 1) * PER_MODE);
    const answers = await Promise.all(group.map((s) => askForSession(ctx, s)));
    stripe.setDown(false);
    await apiGate.setMode("refuse");
    answers.forEach((res, k) => {
      hand(group[k]!, res);
      latencies.push(res.ms);
      const isProblem = (res.headers.get("content-type") ?? "").startsWith("application/problem+json");
      if (res.status !== 503 || !isProblem || res.body?.stripe !== "down" || !res.headers.get("retry-after")) {
        not503++;
        notes.push(`${what}: POST /api/orders/${group[k]!.orderId}/payment → ${res.status || res.error} ${res.headers.get("content-type") ?? ""} after ${fmtMs(res.ms)}: ${res.text.slice(0, 200)}`);
      }
      if (res.ms > MAX_OUTAGE_ANSWER_MS || res.status === 0) {
        slow++;
        notes.push(`${what}: answered after ${fmtMs(res.ms)} (${res.status || res.error})`);
      }
      const leak = leaksInternals(res.text) ?? (/sk_test|whsec_|stripe-signature/i.test(res.text) ? "secret" : null);
      if (leak) {
        leaks++;
        notes.push(`${what}: body leaks ${leak}: ${res.text.slice(0, 200)}`);
      }
    });
    log(`${what}: ${answers.map((a) => `${a.status || a.error} in ${fmtMs(a.ms)}`).join(", ")}`);
  }
  // Nothing half-done: the orders that asked are as they were.
  const during = await orderFacts(ctx, askers.map((s) => s.orderId));
  let halfDone = 0;
  for (const s of askers) {
    const b = before.get(s.orderId)!;
    const d = during.get(s.orderId)!;
    if (d.status !== "pending" || d.payment_status !== "unpaid" || d.expires_at !== b.expires_at || d.sessions !== 0) {
      halfDone++;
      notes.push(`order ${s.orderId} changed while stripe was down: ${JSON.stringify({ before: pick(b), during: pick(d) })}`);
    }
  }
  const owedDuring = await orderFacts(ctx, owed.map((s) => s.orderId));
  const paidWhileDown = [...owedDuring.values()].filter((f) => f.status !== "pending").length;
  const sessionsAtStripe = sessionsCreated(apiGate);
  const downMs = now() - tDown;

  // ---- back ----
  const tBack = now();
  await apiGate.setMode("pass");
  await hookGate.setMode("pass");
  log(`stripe back after ${fmtMs(downMs)}`);
  let notBack = 0;
  let secondDiffers = 0;
  for (const s of askers) {
    const first = await askForSession(ctx, s);
    const again = await askForSession(ctx, s);
    hand(s, first);
    hand(s, again);
    if (first.status !== 200 || again.status !== 200) {
      notBack++;
      notes.push(`after stripe came back: POST /api/orders/${s.orderId}/payment → ${first.status} then ${again.status}: ${(first.status !== 200 ? first : again).text.slice(0, 200)}`);
    } else if (first.body.checkout_url !== again.body.checkout_url) secondDiffers++;
  }
  const paid = await Promise.all(askers.map((s) => payOnPage([...(handedOut.get(s.orderId) ?? [])][0] ?? "")));
  const payBackFailures = paid.filter((status) => status !== 303).length;
  // The owed webhooks: the stand-in's own retries, then (for those it gave up on, as its retries
  // stop after ~15 s where Stripe's go on for days) sent again by hand.
  await Promise.race([stripe.idle(), sleep(20_000)]);
  const gaveUp = stripe.events().slice(eventsBefore).filter((e) => e.type === "checkout.session.completed" && !e.delivered);
  for (const e of gaveUp) await deliver(ctx, e.payload);
  const settled = await waitForOrders(ctx, all.map((s) => s.orderId), (f) => f.status === "paid", 30_000);
  log(`every order paid ${settled.afterMs === null ? "NEVER" : `${fmtMs(now() - tBack)} after stripe came back`}; ${gaveUp.length} owed webhooks the stand-in had given up on were sent again`);
  await sleep(500);
  const facts = await orderFacts(ctx, all.map((s) => s.orderId));
  const { notPaid, notOnce } = paidOnce(facts, notes);
  let sessionsNotOne = 0;
  for (const s of all) {
    const urls = handedOut.get(s.orderId)?.size ?? 0;
    if (urls !== 1) {
      sessionsNotOne++;
      notes.push(`order ${s.orderId}: ${urls} different checkout URLs handed out`);
    }
  }
  const retried = stripe.events().slice(eventsBefore).filter((e) => e.type === "checkout.session.completed" && e.deliveries.length > 1).length;
  counts.push(
    { label: "orders (webhooks owed / asking while down)", value: `${owed.length} / ${askers.length}` },
    { label: "setup failures (sessions before, pay page)", value: setupFailures + payFailures + payBackFailures, mustBeZero: true },
    { label: "stripe down for", value: fmtMs(downMs) },
    { label: "payment calls while down: answer times max", value: fmtMs(Math.max(...latencies)) },
    { label: "payment calls while down not 503 problem+json stripe:down", value: not503, mustBeZero: true },
    { label: `payment calls while down slower than ${MAX_OUTAGE_ANSWER_MS / 1000} s or unanswered`, value: slow, mustBeZero: true },
    { label: "bodies with stack trace / SQL / secret", value: leaks, mustBeZero: true },
    { label: "orders changed while stripe was down (half-done)", value: halfDone + paidWhileDown, mustBeZero: true },
    { label: "sessions Stripe created while its answers were lost", value: sessionsAtStripe },
    { label: "payment calls after stripe came back not 200", value: notBack, mustBeZero: true },
    { label: "second ask gave another session", value: secondDiffers, mustBeZero: true },
    { label: "orders with other than one checkout URL handed out", value: sessionsNotOne, mustBeZero: true },
    { label: "owed webhooks retried by the stand-in / sent again by hand", value: `${retried} / ${gaveUp.length}` },
    { label: "orders not paid after stripe came back", value: notPaid, mustBeZero: true },
    { label: "orders not paid exactly once (history, notification, email, event)", value: notOnce, mustBeZero: true },
  );
}

const pick = (f: OrderFacts) => ({ status: f.status, payment_status: f.payment_status, expires_at: f.expires_at, sessions: f.sessions });

/** The sessions the stand-in created (its answers seen by the gate, lost or not). */
function sessionsCreated(gate: Gate): number {
  return new Set(gate.records.filter((r) => r.mode === "lost" && r.method === "POST" && r.path === "/v1/checkout/sessions" && r.status === 200).map((r) => (r.answer as { id?: string })?.id)).size;
}

/** Paid, and each trace of the payment exactly once. */
export function paidOnce(facts: Map<number, OrderFacts>, notes: string[]): { notPaid: number; notOnce: number } {
  let notPaid = 0;
  let notOnce = 0;
  for (const f of facts.values()) {
    if (f.status !== "paid" || f.payment_status !== "paid") {
      notPaid++;
      notes.push(`order ${f.id} is ${f.status} (${f.payment_status})`);
      continue;
    }
    if (f.paid_history !== 1 || f.paid_notifications !== 1 || f.paid_emails !== 1 || (f.outcomes.paid ?? 0) !== 1 || (f.outcomes["duplicate-payment"] ?? 0) !== 0 || f.complete_sessions !== 1) {
      notOnce++;
      notes.push(`order ${f.id}: ${f.paid_history} paid history rows, ${f.paid_notifications} notifications, ${f.paid_emails} paid emails, events ${JSON.stringify(f.outcomes)}, ${f.complete_sessions} complete sessions`);
    }
  }
  return { notPaid, notOnce };
}
