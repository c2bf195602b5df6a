import { describe, expect, it } from "vitest";
import { api, expectProblem } from "../helpers/api";
import { sql } from "../helpers/db";
import { connect, drain, notificationsIn, waitFor } from "../helpers/sockets";
import { eventPayload, orderRow, payAtStripe, pendingOrder, postWebhook, postWebhookAndSettle, sign, standIn, startPayment, type OrderOptions } from "./stripe";

async function orderWithSession(opts: OrderOptions = {}) {
  const order = await pendingOrder(opts);
  const session = await startPayment(order.owner, order.id);
  expect(session.status).toBe(200);
  return { ...order, checkoutUrl: session.body.checkout_url };
}

const eventsOf = (eventId: string) => sql<{ outcome: string; order_id: number | null }>("select outcome, order_id from stripe_events where id = $1", [eventId]);
const notificationsOf = (orderId: number) => sql<{ to_status: string }>("select to_status::text from notifications where order_id = $1", [orderId]);
const emailsOf = (orderId: number, template: string) =>
  sql<{ to_address: string }>("select to_address from email_outbox where template = $1 and (data->'order'->>'id')::int = $2", [template, orderId]);

describe("POST /api/payments/stripe/webhook: checkout.session.completed", () => {
  it("moves the paid order to paid, with the owner's notification and the email", async () => {
    const order = await orderWithSession({ total: "42.50" });
    const paid = await payAtStripe(order.checkoutUrl);
    const res = await postWebhook(paid.payload, paid.signature);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: true, outcome: "paid" });
    expect(res.headers.get("x-db-round-trips")).toBe("1");

    const seen = await api("GET", `/api/orders/${order.id}`, { token: order.owner.token });
    expect(seen.body).toMatchObject({ status: "paid", payment_status: "paid", amount_paid: "42.50", amount_refunded: "0.00", payment_method: "stripe" });
    expect(await orderRow(order.id)).toMatchObject({ payment_intent: paid.event.data.object.payment_intent, paid: true });
    expect(await notificationsOf(order.id)).toEqual([{ to_status: "paid" }]);
    expect(await emailsOf(order.id, "order_paid")).toEqual([{ to_address: order.owner.email }]);
    expect(await eventsOf(paid.event.id)).toEqual([{ outcome: "paid", order_id: order.id }]);
    expect(await sql("select status from payment_sessions where order_id = $1", [order.id])).toEqual([{ status: "complete" }]);
  });

  it("handles the same event sent five times at once exactly once: one change, one notification, one email", async () => {
    const order = await orderWithSession();
    const paid = await payAtStripe(order.checkoutUrl);
    const answers = await Promise.all(Array.from({ length: 5 }, () => postWebhook(paid.payload, paid.signature)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.body.outcome).sort()).toEqual(["duplicate", "duplicate", "duplicate", "duplicate", "paid"]);
    expect(await notificationsOf(order.id)).toHaveLength(1);
    expect(await emailsOf(order.id, "order_paid")).toHaveLength(1);
    expect(await sql("select 1 from order_status_history where order_id = $1 and to_status = 'paid'", [order.id])).toHaveLength(1);
    // A replay later (Stripe retries until it sees a 2xx) changes nothing either.
    const later = await postWebhook(paid.payload, await sign(paid.payload));
    expect(later.body.outcome).toBe("duplicate");
  });

  it("redoes on a redelivery what a lost first answer left undone: the owner's socket gets the paid status, once", async () => {
    const order = await orderWithSession({ total: "18.00" });
    const paid = await payAtStripe(order.checkoutUrl);
    const session = paid.event.data.object;
    const socket = await connect(order.owner.token);
    // The first delivery committed and its Worker gave up before the push (a database answer that
    // came too late): the event is recorded and applied, and the open socket was not told.
    const data = { session_id: session.id, order_id: order.id, payment_status: session.payment_status, amount: (session.amount_total / 100).toFixed(2), currency: session.currency, payment_intent: session.payment_intent };
    await sql("select shop_stripe_event($1, $2, $3::jsonb)", [paid.event.id, paid.event.type, JSON.stringify(data)]);
    await drain(socket);
    expect(notificationsIn(socket)).toEqual([]);
    // Stripe saw no 2xx, so it delivers again: nothing changes twice, and the push goes out now.
    const again = await postWebhookAndSettle(paid.payload, paid.signature);
    expect(again.body).toEqual({ received: true, outcome: "duplicate" });
    await waitFor(() => (notificationsIn(socket).length > 0 ? true : undefined), 5000);
    expect(notificationsIn(socket).map((m) => m.to_status)).toEqual(["paid"]);
    // A third delivery: the Notifier has pushed that notification already and skips it.
    await postWebhookAndSettle(paid.payload, await sign(paid.payload));
    await drain(socket);
    expect(notificationsIn(socket)).toHaveLength(1);
    expect(await notificationsOf(order.id)).toEqual([{ to_status: "paid" }]);
    expect(await emailsOf(order.id, "order_paid")).toHaveLength(1);
  });

  it("records an amount or currency that does not match the order, and leaves it pending", async () => {
    const order = await orderWithSession({ total: "10.00" });
    const paid = await payAtStripe(order.checkoutUrl);
    for (const change of [{ amount_total: 999 }, { currency: "eur" }]) {
      const payload = eventPayload("checkout.session.completed", { ...paid.event.data.object, ...change });
      const res = await postWebhook(payload, await sign(payload));
      expect(res.status).toBe(200);
      expect(res.body.outcome).toBe("amount-mismatch");
      expect(await eventsOf(JSON.parse(payload).id)).toEqual([{ outcome: "amount-mismatch", order_id: order.id }]);
    }
    expect(await orderRow(order.id)).toMatchObject({ status: "pending", payment_status: "unpaid", amount_paid: "0.00" });
    expect(await notificationsOf(order.id)).toEqual([]);
  });

  it("records an unpaid session and an unknown order without changing anything", async () => {
    const order = await orderWithSession();
    const paid = await payAtStripe(order.checkoutUrl);
    const unpaid = eventPayload("checkout.session.completed", { ...paid.event.data.object, payment_status: "unpaid" });
    expect((await postWebhook(unpaid, await sign(unpaid))).body.outcome).toBe("not-paid");
    const unknown = eventPayload("checkout.session.completed", { ...paid.event.data.object, client_reference_id: "2000000000", metadata: { order_id: "2000000000" } });
    expect((await postWebhook(unknown, await sign(unknown))).body.outcome).toBe("unknown-order");
    expect(await orderRow(order.id)).toMatchObject({ status: "pending", payment_status: "unpaid" });
  });

  it("refunds, in full and automatically, a payment that completes after the order was cancelled", async () => {
    const order = await orderWithSession({ total: "25.00" });
    await sql("update orders set status = 'cancelled' where id = $1", [order.id]);
    const paid = await payAtStripe(order.checkoutUrl);
    const res = await postWebhookAndSettle(paid.payload, paid.signature);
    expect(res.body.outcome).toBe("refund-after-cancel");
    expect(await orderRow(order.id)).toMatchObject({ status: "cancelled", payment_status: "refunded", amount_paid: "25.00", amount_refunded: "25.00" });
    const refunds = await sql<{ amount: string; status: string; stripe_refund_id: string | null }>("select amount::text, status, stripe_refund_id from refunds where order_id = $1", [order.id]);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: "25.00", status: "succeeded" });
    const atStripe = await standIn("GET", `/v1/refunds/${refunds[0]!.stripe_refund_id}`);
    expect(atStripe.body).toMatchObject({ amount: 2500, payment_intent: paid.event.data.object.payment_intent, status: "succeeded" });
    expect(await emailsOf(order.id, "order_refunded")).toHaveLength(1);
  });
});

describe("POST /api/payments/stripe/webhook: signatures", () => {
  it("refuses a missing, wrong or stale signature with 400 and changes nothing", async () => {
    const order = await orderWithSession();
    const paid = await payAtStripe(order.checkoutUrl);
    const fiveMinutesAgo = Math.floor(Date.now() / 1000) - 301;
    const signatures = [null, "t=1,v1=00", await sign(paid.payload, undefined, "whsec_someone_else"), await sign(paid.payload, fiveMinutesAgo), await sign(paid.payload.replace('"paid"', '"paid" ')), "garbage"];
    for (const signature of signatures) {
      const res = await postWebhook(paid.payload, signature);
      expect(expectProblem(res, 400).type).toBe("urn:problem:invalid-signature");
    }
    // The signature covers the exact bytes: a body changed after signing is refused too.
    const tampered = paid.payload.replace(/"amount_total": \d+/, '"amount_total": 1');
    expectProblem(await postWebhook(tampered, paid.signature), 400);
    expect(await eventsOf(paid.event.id)).toEqual([]);
    expect(await orderRow(order.id)).toMatchObject({ status: "pending", payment_status: "unpaid" });
  });

  it("refuses a body over 64 KiB with 413", async () => {
    const payload = eventPayload("checkout.session.completed", { padding: "x".repeat(70 * 1024) });
    const res = await postWebhook(payload, await sign(payload));
    expectProblem(res, 413);
  });

  it("acknowledges event types it does not handle", async () => {
    const payload = eventPayload("customer.created", { id: "cus_1", object: "customer" });
    const res = await postWebhook(payload, await sign(payload));
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe("ignored");
  });
});
