// Scenario "webhooks" — a webhook storm (docs/design/payments.md): real events of the Stripe stand-in, captured
// undelivered, then each delivered 10 times at once, every copy signed afresh, in shuffled waves of
// a few orders' events whose copies are shuffled together and sent at the same moment (so a
// `completed` meets its own duplicates, other orders' events and, for one group, its order's
// `expired`), each copy retried after a 503 as Stripe would. The orders:
//   paid       a session paid: `checkout.session.completed`.
//   expired    a first session expired at Stripe (`checkout.session.expired`, delivered once so the
//              Worker hands out a second one), the second paid: both events in the storm.
//   cancelled  paid on the page, then cancelled by its owner before the webhook came: the payment
//              must be refunded exactly once (and the refund's own events, replayed ×10 after it,
//              change nothing).
//   mismatch   a session made at Stripe for the order with another amount (one cent more) or
//              currency (eur), paid: recorded, and the order stays pending and unpaid.
// Must be zero: refused signatures, 5xx other than 503, a copy never answered 2xx, an event recorded
// with another outcome or answered as handled twice, a paid order without exactly one history row /
// notification / paid email / socket message (unless its handling's answer was lost: counted apart),
// more than one refund, a mismatch that moved its order.
import { fmtMs, now, sleep, type Count, type Ctx, type ScenarioResult } from "../harness.ts";
import { askForSession, deliver, eventOutcomes, orderFacts, payUndelivered, sessionIdOf, shoppersWithOrders, stripeApi, waitForOrders, watchPaid, webhookUrl, type Delivery, type OrderFacts, type Shopper } from "./fixture.ts";
import { paidOnce } from "./stripe-down.ts";

const COPIES = 10;
/** Orders whose events are in flight at once (each event's copies all at once). */
const UNITS_PER_WAVE = 3;

interface StormEvent {
  group: "paid" | "expired" | "cancelled" | "mismatch";
  orderId: number;
  id: string;
  type: string;
  payload: string;
  /** Delivered once before the storm (the storm's copies are all replays). */
  seen: boolean;
}

function shuffle<T>(xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

const eventOf = (payload: string): { id: string; type: string } => JSON.parse(payload);

export async function webhookStormScenario(ctx: Ctx): Promise<ScenarioResult> {
  const t0 = now();
  const stripe = ctx.stack.stripe;
  const counts: Count[] = [];
  const notes: string[] = [];
  // While the fixture is made, the stand-in keeps its events: they are delivered by hand below.
  stripe.setWebhookTarget(null);
  try {
    await run(ctx, counts, notes);
  } finally {
    stripe.setWebhookTarget(webhookUrl(ctx));
  }
  return { name: "webhooks", counts, notes, ms: now() - t0 };
}

async function run(ctx: Ctx, counts: Count[], notes: string[]): Promise<void> {
  const { log } = ctx;
  const stripe = ctx.stack.stripe;
  const paid = await shoppersWithOrders(ctx, "storm-paid", 6);
  const expired = await shoppersWithOrders(ctx, "storm-expired", 3);
  const cancelled = await shoppersWithOrders(ctx, "storm-cancelled", 2);
  const mismatch = await shoppersWithOrders(ctx, "storm-mismatch", 2);
  const events: StormEvent[] = [];
  const add = (group: StormEvent["group"], s: Shopper, payload: string, seen = false) => events.push({ group, orderId: s.orderId, ...eventOf(payload), payload, seen });
  const session = async (s: Shopper) => {
    const res = await askForSession(ctx, s);
    if (res.status !== 200) throw new Error(`POST /api/orders/${s.orderId}/payment: ${res.status} ${res.text.slice(0, 200)}`);
    return sessionIdOf(res.body.checkout_url);
  };

  for (const s of paid) add("paid", s, await payUndelivered(stripe.url, await session(s)));
  for (const s of expired) {
    const first = await session(s);
    await stripeApi(ctx, "POST", `/v1/checkout/sessions/${first}/expire`);
    const e = stripe.events().find((x) => x.type === "checkout.session.expired" && (JSON.parse(x.payload) as { data: { object: { id: string } } }).data.object.id === first);
    if (!e) throw new Error(`no checkout.session.expired event for ${first}`);
    // Delivered once now: only then does the Worker hand out a second session.
    const once = await deliver(ctx, e.payload);
    if (once.body?.outcome !== "session-expired") throw new Error(`expired event for ${first}: ${once.status} ${JSON.stringify(once.body)}`);
    add("expired", s, e.payload, true);
    const second = await session(s);
    if (second === first) throw new Error(`order ${s.orderId}: the expired session was handed out again`);
    add("expired", s, await payUndelivered(stripe.url, second));
  }
  for (const s of cancelled) {
    add("cancelled", s, await payUndelivered(stripe.url, await session(s)));
    const cancel = await ctx.http.req("POST", `/api/orders/${s.orderId}/cancel`, { token: s.token });
    if (cancel.status !== 200) throw new Error(`cancel ${s.orderId}: ${cancel.status} ${cancel.text.slice(0, 200)}`);
  }
  for (const [i, s] of mismatch.entries()) {
    const cents = Math.round(Number(s.total) * 100);
    const made = await stripeApi(ctx, "POST", "/v1/checkout/sessions", {
      mode: "payment",
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": i === 0 ? "usd" : "eur",
      "line_items[0][price_data][unit_amount]": String(i === 0 ? cents + 1 : cents),
      "line_items[0][price_data][product_data][name]": `Order #${s.orderId}`,
      client_reference_id: String(s.orderId),
      "metadata[order_id]": String(s.orderId),
      "payment_intent_data[metadata][order_id]": String(s.orderId),
    });
    add("mismatch", s, await payUndelivered(stripe.url, made.id));
  }

  const watched = [...paid, ...expired];
  const sockets = await watchPaid(ctx, watched);
  // From here the stand-in delivers what it sends (the refund of the cancelled orders' payments).
  stripe.setWebhookTarget(webhookUrl(ctx));
  const eventsBefore = stripe.events().length;

  // ---- the storm ----
  // Units of events that belong together (an order's expired and completed go in one wave), shuffled;
  // each wave sends every copy of its events at once. A few events per wave, so the local stack's
  // connections hold and a 503 is the exception (a fully simultaneous storm: WAVE = all).
  const units = shuffle([
    ...events.filter((e) => e.group !== "expired").map((e) => [e]),
    ...expired.map((s) => events.filter((e) => e.orderId === s.orderId)),
  ]);
  const answers: { e: StormEvent; d: Delivery }[] = [];
  const tStorm = now();
  for (let i = 0; i < units.length; i += UNITS_PER_WAVE) {
    const wave = shuffle(units.slice(i, i + UNITS_PER_WAVE).flat().flatMap((e) => Array.from({ length: COPIES }, () => e)));
    answers.push(...(await Promise.all(wave.map(async (e) => ({ e, d: await deliver(ctx, e.payload) })))));
  }
  const stormMs = now() - tStorm;
  const attempts = answers.flatMap((a) => a.d.statuses);
  const status = (pred: (s: number | string) => boolean) => attempts.filter(pred).length;
  const refused400 = status((s) => s === 400);
  const other5xx = status((s) => typeof s === "number" && s >= 500 && s !== 503);
  const retried503 = status((s) => s === 503 || typeof s === "string");
  const neverOk = answers.filter((a) => a.d.status < 200 || a.d.status >= 300).length;
  log(`${answers.length} deliveries of ${events.length} events (${COPIES} copies each at once, ${UNITS_PER_WAVE} orders a wave) in ${fmtMs(stormMs)}: ${attempts.length} attempts, ${retried503} × 503 or no answer retried, ${neverOk} never 2xx`);

  // Each event handled once: its stripe_events row has the outcome it should. An event whose every
  // answer says `duplicate` was handled by an attempt whose answer was lost (503 after the commit):
  // what the Worker does after a handled answer (the socket push, sending a refund) then waits for
  // a reconnect's catch-up or the cron's refund retry.
  const outcomes = await eventOutcomes(ctx, events.map((e) => e.id));
  let notOnce = 0;
  const answerLost = new Set<string>();
  for (const e of events) {
    const want = { paid: "paid", expired: e.type === "checkout.session.expired" ? "session-expired" : "paid", cancelled: "refund-after-cancel", mismatch: "amount-mismatch" }[e.group];
    if (outcomes.get(e.id) !== want) {
      notOnce++;
      notes.push(`${e.group} order ${e.orderId}: ${e.type} ${e.id} recorded as ${outcomes.get(e.id) ?? "nothing"}, expected ${want}`);
    }
    const answered = answers.filter((a) => a.e === e).map((a) => String(a.d.body?.outcome));
    const handled = answered.filter((o) => o !== "duplicate").length;
    if (handled > 1) {
      notOnce++;
      notes.push(`${e.group} order ${e.orderId}: ${e.type} ${e.id} answered as handled ${handled} times of ${COPIES}`);
    }
    if (!e.seen && handled === 0) {
      answerLost.add(e.id);
      notes.push(`${e.group} order ${e.orderId}: ${e.type} was handled by an attempt answered ${answers.filter((a) => a.e === e).flatMap((a) => a.d.statuses).filter((x) => x !== 200).join(", ")}; every 2xx said duplicate`);
    }
  }

  // The refunds of the cancelled orders' payments: sent to Stripe after the response, their events back.
  const cancelledIds = cancelled.map((s) => s.orderId);
  await waitForOrders(ctx, cancelledIds, (f) => f.refunds > 0, 15_000);
  await Promise.race([stripe.idle(), sleep(15_000)]);
  await sleep(1000); // the last pushes
  sockets.close();
  const facts = await orderFacts(ctx, events.map((e) => e.orderId).filter((id, i, xs) => xs.indexOf(id) === i));
  const paidFacts = new Map([...watched].map((s) => [s.orderId, facts.get(s.orderId)!]));
  const once = paidOnce(paidFacts, notes);
  let socketNotOnce = 0;
  let socketMissedLostAnswer = 0;
  for (const s of watched) {
    const n = sockets.paid.get(s.orderId) ?? 0;
    const lost = events.some((e) => e.orderId === s.orderId && answerLost.has(e.id));
    if (n === 0 && lost) socketMissedLostAnswer++;
    else if (n !== 1) {
      socketNotOnce++;
      notes.push(`order ${s.orderId}: ${n} paid messages on its owner's socket`);
    }
  }
  const refundWrong = cancelled.filter((s) => !refundedOnce(facts.get(s.orderId)!, s, notes)).length;
  const refundCalls = stripe.events().slice(eventsBefore).filter((e) => e.type === "refund.created").length;
  let mismatchMoved = 0;
  for (const s of mismatch) {
    const f = facts.get(s.orderId)!;
    if (f.status !== "pending" || f.payment_status !== "unpaid" || f.paid_history + f.paid_notifications + f.paid_emails > 0 || (f.outcomes["amount-mismatch"] ?? 0) !== 1) {
      mismatchMoved++;
      notes.push(`mismatch order ${s.orderId}: ${f.status} (${f.payment_status}), events ${JSON.stringify(f.outcomes)}, ${f.paid_history} paid history rows`);
    }
  }

  // The refunds' own events (refund.created, charge.refunded), replayed ×10 at once: nothing moves.
  const refundEvents = stripe.events().slice(eventsBefore).filter((e) => e.type === "refund.created" || e.type === "charge.refunded" || e.type === "refund.updated");
  const replays = await Promise.all(shuffle(refundEvents.flatMap((e) => Array.from({ length: COPIES }, () => e))).map((e) => deliver(ctx, e.payload)));
  const replayApplied = replays.filter((d) => d.body?.outcome !== "duplicate").length;
  const afterReplay = await orderFacts(ctx, cancelledIds);
  let replayChanged = 0;
  for (const id of cancelledIds) {
    const a = facts.get(id)!;
    const b = afterReplay.get(id)!;
    if (a.payment_status !== b.payment_status || a.amount_refunded !== b.amount_refunded || a.refunds !== b.refunds) {
      replayChanged++;
      notes.push(`cancelled order ${id} changed under replayed refund events: ${a.payment_status}/${a.amount_refunded}/${a.refunds} → ${b.payment_status}/${b.amount_refunded}/${b.refunds}`);
    }
  }

  counts.push(
    { label: "events (paid / expired+paid / paid after cancel / mismatch)", value: `${paid.length} / ${expired.length * 2} / ${cancelled.length} / ${mismatch.length}` },
    { label: `deliveries (×${COPIES} each, at once) / attempts / storm time`, value: `${answers.length} / ${attempts.length} / ${fmtMs(stormMs)}` },
    { label: "attempts answered 503 or not at all (retried, as Stripe would)", value: retried503 },
    { label: "signatures refused (400)", value: refused400, mustBeZero: true },
    { label: "5xx other than 503", value: other5xx, mustBeZero: true },
    { label: "deliveries never answered 2xx", value: neverOk, mustBeZero: true },
    { label: "events applied other than once", value: notOnce, mustBeZero: true },
    { label: "orders not paid", value: once.notPaid, mustBeZero: true },
    { label: "paid orders without exactly one history row / notification / email / event", value: once.notOnce, mustBeZero: true },
    { label: "events handled by an attempt whose answer was lost (503 after the commit)", value: answerLost.size },
    { label: "paid orders without exactly one socket message", value: socketNotOnce, mustBeZero: true },
    { label: "paid orders without a socket message after a lost answer (catch-up has it)", value: socketMissedLostAnswer },
    { label: "paid-after-cancel orders not refunded exactly once", value: refundWrong, mustBeZero: true },
    { label: "refunds at Stripe: more than one per payment after cancel", value: Math.max(0, refundCalls - cancelled.length), mustBeZero: true },
    { label: "refunds at Stripe: none yet (a lost answer: left to the cron's refund retry)", value: Math.max(0, cancelled.length - refundCalls) },
    { label: "mismatching payments that moved their order or were not recorded", value: mismatchMoved, mustBeZero: true },
    { label: `refund events replayed ×${COPIES}: applied again / orders changed`, value: replayApplied + replayChanged, mustBeZero: true },
  );
  if (refundCalls !== cancelled.length) notes.push(`Stripe made ${refundCalls} refunds for ${cancelled.length} payments after cancel (a refund row whose send was lost waits for the cron's retry)`);
  log(`events applied other than once ${notOnce}; paid not once ${once.notOnce}; refunds at Stripe ${refundCalls} for ${cancelled.length}; refund events replayed: ${replayApplied} applied again`);
}

function refundedOnce(f: OrderFacts, s: Shopper, notes: string[]): boolean {
  const ok = f.status === "cancelled" && f.payment_status === "refunded" && f.refunds === 1 && f.refunded_sum === s.total && f.amount_refunded === s.total && f.refund_emails === 1 && (f.outcomes["refund-after-cancel"] ?? 0) === 1 && f.paid_history === 0;
  if (!ok) notes.push(`cancelled order ${f.id}: ${f.status} (${f.payment_status}), ${f.refunds} refunds of ${f.refunded_sum} (refunded ${f.amount_refunded} of ${s.total}), ${f.refund_emails} refund emails, events ${JSON.stringify(f.outcomes)}`);
  return ok;
}
