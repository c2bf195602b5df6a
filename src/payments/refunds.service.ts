import { sql } from "drizzle-orm";
import { adminCheck } from "../auth/auth.service";
import type { Bump } from "../catalog/catalog-version";
import type { StockCell } from "../catalog/stock-cache";
import type { Database } from "../db/client";
import type { Config } from "../env";
import { conflict, notFound } from "../lib/problem";
import type { CreateRefundInput, RefundResponse } from "./payments.schemas";
import { isStripeOutage, logStripeFailure, stripeFor, toMinorUnits, type Stripe } from "./stripe";

type Refunded =
  | { outcome: "created"; refund: RefundResponse; send: boolean; bump_id: number | null; back_in_stock: boolean; stock: StockCell[] | null }
  | { outcome: "replayed"; refund: RefundResponse }
  | { outcome: "key-reused" | "not-found" }
  | { outcome: "not-paid"; status: string; payment_status: string }
  | { outcome: "exceeds"; requested: string; amount_paid: string; amount_refunded: string; refundable: string };

export interface RefundResult {
  refund: RefundResponse;
  replayed: boolean;
  /** The refund still has to be sent to Stripe (after the response: sendRefunds). */
  send: boolean;
  bump: Bump | null;
}

/**
 * An admin's refund in one round trip: the admin check and shop_refund_order (reservation,
 * restock, refund row, email) in one batch. `requestHash` fingerprints the request for the
 * Idempotency-Key.
 */
export async function createRefund(db: Database, adminId: number, orderId: number, input: CreateRefundInput, key: string | undefined, requestHash: string): Promise<RefundResult> {
  const [, { rows }] = await db.batch([
    adminCheck(db, adminId),
    db.execute<{ result: Refunded }>(sql`
      select shop_refund_order(${orderId}, ${input.amount ?? null}::numeric, ${input.restock}, ${input.reason ?? ""}, ${key ?? null}, ${requestHash}, ${adminId}) as result`),
  ]);
  const result = rows[0]!.result;
  switch (result.outcome) {
    case "created":
      return { refund: result.refund, replayed: false, send: result.send, bump: result.bump_id === null ? null : { id: result.bump_id, counts: result.back_in_stock, stock: result.stock } };
    case "replayed":
      return { refund: result.refund, replayed: true, send: false, bump: null };
    case "key-reused":
      throw conflict("idempotency-key-reused", "This Idempotency-Key was already used for a refund of this order with a different request.");
    case "not-found":
      throw notFound("Order");
    case "not-paid":
      throw conflict("order-not-paid", `Only a paid order can be refunded; this one is ${result.status} (${result.payment_status}).`, { status: result.status, payment_status: result.payment_status });
    case "exceeds":
      throw conflict("refund-exceeds-payment", `A refund of ${result.requested} would bring the refunds above the ${result.amount_paid} paid (${result.amount_refunded} already refunded; ${result.refundable} left). Nothing was refunded.`, {
        amount_paid: result.amount_paid,
        amount_refunded: result.amount_refunded,
        refundable: result.refundable,
      });
  }
}

type PendingRefund = {
  id: string;
  order_id: number;
  amount: string;
  stripe_refund_id: string | null;
  payment_intent: string | null;
  currency: string;
};

interface Settlement {
  id: string;
  stripe_id: string | null;
  status: string;
}

/** Asks Stripe for one refund: creates it (idempotent on the refund row's id) or, once created, reads its status. Null: try again later. */
async function askStripe(stripe: Stripe, refund: PendingRefund): Promise<Settlement | null> {
  try {
    let answer: Stripe.Refund;
    if (refund.stripe_refund_id) {
      answer = await stripe.refunds.retrieve(refund.stripe_refund_id);
    } else {
      // A payment recorded by hand is refunded by hand: there is nothing to ask Stripe.
      if (!refund.payment_intent) return { id: refund.id, stripe_id: null, status: "succeeded" };
      const amount = toMinorUnits(refund.amount, refund.currency);
      if (amount === null) return { id: refund.id, stripe_id: null, status: "failed" };
      answer = await stripe.refunds.create(
        { payment_intent: refund.payment_intent, amount, metadata: { order_id: String(refund.order_id), refund_id: refund.id } },
        { idempotencyKey: refund.id },
      );
    }
    return { id: refund.id, stripe_id: answer.id, status: answer.status ?? "pending" };
  } catch (err) {
    logStripeFailure("a refund call to stripe failed", err);
    // Stripe refused the refund itself (nothing left on the charge, …): it will never succeed, and
    // failing it gives the amount back to the order. Outages and our own configuration are retried.
    return isStripeOutage(err) ? null : { id: refund.id, stripe_id: null, status: "failed" };
  }
}

/**
 * Sends pending refund rows to Stripe and records what Stripe answered (shop_refund_settle): one
 * read, the Stripe calls, one write. Safe to repeat and to run concurrently with the refund
 * webhooks: each call's idempotency key is the row's id. A row Stripe could not be asked about
 * stays pending for retryPendingRefunds. Call it after the response (afterResponse or
 * ctx.waitUntil): it never throws.
 */
export async function sendRefunds(config: Config, db: Database, refundIds: string[]): Promise<void> {
  if (refundIds.length === 0) return;
  try {
    const { rows } = await db.execute<PendingRefund>(sql`
      select r.id, r.order_id, r.amount::text as amount, r.stripe_refund_id, o.payment_intent, o.currency
      from refunds r join orders o on o.id = r.order_id
      where r.id = any(${`{${refundIds.join(",")}}`}::uuid[]) and r.status = 'pending'
      order by r.id`);
    if (rows.length === 0) return;
    const stripe = stripeFor(config);
    const answers = (await Promise.all(rows.map((row) => askStripe(stripe, row)))).filter((a): a is Settlement => a !== null);
    if (answers.length === 0) return;
    await db.execute(sql`
      select shop_refund_settle(r.id, r.stripe_id, r.status)
      from (select * from jsonb_to_recordset(${JSON.stringify(answers)}::jsonb) as x(id uuid, stripe_id text, status text) order by id) r`);
  } catch (err) {
    logStripeFailure("sending refunds failed; they stay pending", err);
  }
}

/** Refunds younger than this are probably still being sent by the request that made them. */
const RETRY_GRACE_SECONDS = 60;
const RETRY_BATCH = 25;

/**
 * For the scheduled handler: sends the refunds that are still pending a minute after they were
 * made (Stripe was down, or the invocation ended first). Returns how many it looked at.
 */
export async function retryPendingRefunds(db: Database, config: Config): Promise<number> {
  const { rows } = await db.execute<{ id: string }>(sql`
    select id from refunds
    where status = 'pending' and created_at < now() - make_interval(secs => ${RETRY_GRACE_SECONDS})
    order by created_at, id limit ${RETRY_BATCH}`);
  await sendRefunds(config, db, rows.map((row) => row.id));
  return rows.length;
}
