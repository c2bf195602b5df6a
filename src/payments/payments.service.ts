import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import type { Config } from "../env";
import { MAX_ID } from "../lib/ids";
import { conflict, notFound, Problem } from "../lib/problem";
import type { Delivery } from "../notifications/push";
import { fromMinorUnits, isIdempotencyError, isStripeOutage, logStripeFailure, stripeFor, stripeUnavailable, toMinorUnits, type Stripe } from "./stripe";

/** Stripe keeps a Checkout Session open for at least 30 minutes and at most 24 hours after creating it. */
const STRIPE_MIN_SESSION_SECONDS = 30 * 60;
const STRIPE_MAX_SESSION_SECONDS = 24 * 60 * 60;
/** A minute over Stripe's minimum for clocks and the call's own time, rounded up to this step. */
const SESSION_EXPIRY_STEP_SECONDS = 10 * 60;

/**
 * When a new session stops taking payment: the order's hold when that is at least Stripe's
 * minimum away (so the session never outlives it), else Stripe's minimum plus a minute rounded up
 * to ten minutes, and the hold is stretched to it (shop_pay_record_session). The value depends only
 * on the hold and the ten-minute window, so a retry of the same call sends the same parameters,
 * which Stripe's idempotency requires.
 */
export function sessionExpiry(holdEpoch: number | null, nowEpoch: number): number {
  const earliest = nowEpoch + STRIPE_MIN_SESSION_SECONDS + 60;
  const latest = nowEpoch + STRIPE_MAX_SESSION_SECONDS - 60;
  if (holdEpoch !== null && holdEpoch >= earliest) return Math.min(Math.floor(holdEpoch), latest);
  return Math.ceil(earliest / SESSION_EXPIRY_STEP_SECONDS) * SESSION_EXPIRY_STEP_SECONDS;
}

export interface CheckoutSession {
  checkout_url: string;
  expires_at: string;
}

type PayableOrder = {
  status: string;
  payment_status: string;
  total: string;
  currency: string;
  email: string | null;
  hold_epoch: number | null;
  hold_over: boolean;
  sessions: number;
  open_session: CheckoutSession | null;
};

/** Who may pay an order: its registered owner, or whoever holds a guest order's access token (by its hash). */
export type Payer = { userId: number } | { guestTokenHash: string };

/** Everything the payment route needs, in one statement: the order (the payer's only), its open session, how many it has had. */
async function readPayableOrder(db: Database, orderId: number, payer: Payer): Promise<PayableOrder | null> {
  const owned = "userId" in payer ? sql`o.user_id = ${payer.userId}` : sql`o.user_id is null and o.guest_token_hash = ${payer.guestTokenHash}`;
  const { rows } = await db.execute<PayableOrder>(sql`
    select o.status::text as status, o.payment_status::text as payment_status, o.total::text as total, o.currency, o.email,
      extract(epoch from o.expires_at)::float8 as hold_epoch,
      coalesce(o.expires_at <= now(), false) as hold_over,
      (select count(*)::int from payment_sessions s where s.order_id = o.id) as sessions,
      (select json_build_object('checkout_url', s.url, 'expires_at', shop_iso(s.expires_at))
         from payment_sessions s
        where s.order_id = o.id and s.status = 'open' and s.expires_at > now() and s.amount = o.total and s.currency = o.currency
        order by s.created_at desc limit 1) as open_session
    from orders o where o.id = ${orderId} and ${owned}`);
  return rows[0] ?? null;
}

export interface StartCheckout {
  orderId: number;
  payer: Payer;
  /** Where Stripe sends the customer back after paying: the storefront's page of this order. */
  returnUrl: string;
  /** Where Stripe sends the customer who declined or left the payment page. */
  cancelUrl: string;
  /** Runs work after the response (afterResponse). */
  later: (work: () => Promise<unknown>) => void;
}

/**
 * A Stripe Checkout Session for a pending order: the open one if there is one, else a new one.
 * Round trips: one read; when a session is created, the Stripe call, and the write that records it
 * runs after the response. The create call's idempotency key is `order-<id>-session-<n>` (n =
 * sessions the order has had + 1), so a request that comes before that write has landed (or after
 * a Worker died between Stripe's answer and the write) gets the same session from Stripe.
 */
export async function startCheckout(config: Config, db: Database, req: StartCheckout): Promise<CheckoutSession> {
  const order = await readPayableOrder(db, req.orderId, req.payer);
  if (!order) throw notFound("Order");
  if (order.status !== "pending" || order.payment_status !== "unpaid") {
    throw conflict("order-not-payable", `Only a pending, unpaid order can be paid; this one is ${order.status} (${order.payment_status}).`, { status: order.status, payment_status: order.payment_status });
  }
  if (order.hold_over) throw conflict("order-expired", "The order's hold on its stock has expired; it is being cancelled. Place it again.");
  if (order.open_session) return order.open_session;

  const amount = toMinorUnits(order.total, order.currency);
  if (amount === null) throw conflict("amount-not-chargeable", `The total ${order.total} cannot be charged exactly in ${order.currency.toUpperCase()}.`);
  const expiresAt = sessionExpiry(order.hold_epoch, Math.floor(Date.now() / 1000));
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: "payment",
    line_items: [{ quantity: 1, price_data: { currency: order.currency, unit_amount: amount, product_data: { name: `Order #${req.orderId}` } } }],
    client_reference_id: String(req.orderId),
    metadata: { order_id: String(req.orderId) },
    // The charge and its refunds carry the order id too, so their webhooks name the order.
    payment_intent_data: { metadata: { order_id: String(req.orderId) } },
    ...(order.email ? { customer_email: order.email } : {}),
    success_url: req.returnUrl,
    cancel_url: req.cancelUrl,
    expires_at: expiresAt,
  };
  const key = `order-${req.orderId}-session-${order.sessions + 1}`;
  const session = await createSession(config, params, key);
  req.later(() => recordSession(config, db, req.orderId, order, session));
  return { checkout_url: session.url!, expires_at: new Date(session.expires_at * 1000).toISOString() };
}

/**
 * Records a new session and stretches the order's hold to its expiry (shop_pay_record_session).
 * An order cancelled or paid while Stripe was answering gets nothing recorded, and the session is
 * expired at Stripe so it cannot take money (one paid before that is refunded by the webhook).
 */
async function recordSession(config: Config, db: Database, orderId: number, order: PayableOrder, session: Stripe.Checkout.Session): Promise<void> {
  const { rows } = await db.execute<{ recorded: { outcome: string; status?: string } }>(sql`
    select shop_pay_record_session(${orderId}, ${session.id}, ${order.total}::numeric, ${order.currency}, ${session.url},
      to_timestamp(${session.expires_at})) as recorded`);
  if (rows[0]!.recorded.outcome !== "recorded") await expireSession(config, session.id);
}

async function createSession(config: Config, params: Stripe.Checkout.SessionCreateParams, key: string): Promise<Stripe.Checkout.Session> {
  const stripe = stripeFor(config);
  try {
    try {
      return await stripe.checkout.sessions.create(params, { idempotencyKey: key });
    } catch (err) {
      // The same key was first used in another ten-minute window (a different expires_at): that
      // session was never handed out, so it may simply expire at Stripe.
      if (!isIdempotencyError(err)) throw err;
      return await stripe.checkout.sessions.create(params, { idempotencyKey: `${key}-${params.expires_at}` });
    }
  } catch (err) {
    logStripeFailure("creating a checkout session failed", err);
    throw stripeUnavailable(isStripeOutage(err) ? undefined : "stripe refused to create the checkout session. Nothing was changed.");
  }
}

/** Best effort: a session that must not be paid any more. Never throws (a late payment is refunded anyway). */
export async function expireSession(config: Config, sessionId: string): Promise<void> {
  try {
    await stripeFor(config).checkout.sessions.expire(sessionId);
  } catch (err) {
    logStripeFailure("expiring a checkout session failed", err);
  }
}

/**
 * Expires, at Stripe, the open Checkout Sessions of orders that were just cancelled (call after the
 * response), so a customer still on the payment page cannot pay. A payment that completes anyway is
 * refunded by the webhook. Never throws.
 */
export async function expireOpenSessions(config: Config, db: Database, orderIds: number[]): Promise<void> {
  if (orderIds.length === 0) return;
  try {
    const { rows } = await db.execute<{ id: string }>(sql`
      update payment_sessions set status = 'expired'
      where order_id = any(${`{${orderIds.join(",")}}`}::int[]) and status = 'open' returning id`);
    await Promise.all(rows.map((row) => expireSession(config, row.id)));
  } catch (err) {
    logStripeFailure("expiring open checkout sessions failed", err);
  }
}

// ── webhooks ────────────────────────────────────────────────────────────────

/** What handling an event did (shop_stripe_event). */
export type HandledEvent =
  | { outcome: "paid"; order_id: number; user_id: number | null; notification: Delivery["notification"] | null; previous_notification_id: number | null }
  | { outcome: "refund-after-cancel"; order_id: number; refund_id: string }
  | { outcome: string; order_id?: number };

/** A redelivery answers `duplicate` with `first`, what handling the event did the first time (null for events from before results were kept). */
export type EventResult = HandledEvent | { outcome: "duplicate"; first: HandledEvent | null };

/** What the after-work follows: the handling itself, or for a redelivery the first one's. */
export function handledBy(result: EventResult): HandledEvent {
  return result.outcome === "duplicate" && "first" in result && result.first ? result.first : result;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function orderIdOf(...candidates: (string | null | undefined)[]): number | null {
  for (const value of candidates) {
    if (value && /^[1-9][0-9]{0,9}$/.test(value) && Number(value) <= MAX_ID) return Number(value);
  }
  return null;
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === "string" ? value : value.id;
}

/** What shop_stripe_event needs from an event's object, amounts as exact decimal strings. */
export function eventData(event: Stripe.Event): Record<string, unknown> {
  const object = event.data.object as unknown as Record<string, unknown>;
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
    case "checkout.session.expired": {
      const session = object as unknown as Stripe.Checkout.Session;
      return {
        session_id: session.id,
        order_id: orderIdOf(session.client_reference_id, session.metadata?.order_id),
        payment_status: session.payment_status,
        amount: session.amount_total != null && session.currency ? fromMinorUnits(session.amount_total, session.currency) : null,
        currency: session.currency,
        payment_intent: idOf(session.payment_intent),
      };
    }
    case "charge.refunded": {
      const charge = object as unknown as Stripe.Charge;
      return {
        order_id: orderIdOf(charge.metadata?.order_id),
        payment_intent: idOf(charge.payment_intent),
        amount_refunded: fromMinorUnits(charge.amount_refunded, charge.currency),
        currency: charge.currency,
      };
    }
    case "refund.created":
    case "refund.updated":
    case "refund.failed": {
      const refund = object as unknown as Stripe.Refund;
      const ours = refund.metadata?.refund_id;
      return { refund_id: ours && UUID.test(ours) ? ours : null, stripe_refund_id: refund.id, status: refund.status };
    }
    default:
      return {};
  }
}

/** Records and applies one verified event in one round trip (shop_stripe_event); a replay changes nothing. */
export async function applyStripeEvent(db: Database, event: Stripe.Event): Promise<EventResult> {
  const { rows } = await db.execute<{ result: EventResult }>(
    sql`select shop_stripe_event(${event.id}, ${event.type}, ${JSON.stringify(eventData(event))}::jsonb) as result`,
  );
  return rows[0]!.result;
}

export const webhookProblem = () =>
  new Problem(400, "invalid-signature", "The Stripe-Signature header is missing, does not match the body, or is older than 5 minutes. Nothing was changed.");
