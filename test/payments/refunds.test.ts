import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { api, BASE, expectProblem } from "../helpers/api";
import { sql } from "../helpers/db";
import { newAdmin, stockOf } from "../helpers/fixtures";
import { callWorker } from "../helpers/worker";
import { orderRow, paidOrder, pendingOrder, postWebhook, productWithStock, sign, standIn, type TestUser } from "./stripe";

let admin: TestUser;

beforeAll(async () => {
  admin = await newAdmin();
});

const refund = (orderId: number, body: unknown, headers: Record<string, string> = {}, token = admin.token) =>
  api("POST", `/api/admin/orders/${orderId}/refunds`, { token, body, headers });

/** The same request, waiting for the work after the response (the call to Stripe and its record). */
async function refundAndSettle(orderId: number, body: unknown) {
  const res = await callWorker(
    new Request(`${BASE}/api/admin/orders/${orderId}/refunds`, { method: "POST", headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/json" }, body: JSON.stringify(body) }),
  );
  return { status: res.status, body: (await res.json()) as any };
}

const refundRows = (orderId: number) =>
  sql<{ id: string; amount: string; status: string; stripe_refund_id: string | null; restocked: boolean }>(
    "select id::text, amount::text, status, stripe_refund_id, restocked from refunds where order_id = $1 order by created_at, id",
    [orderId],
  );

describe("POST /api/admin/orders/{id}/refunds", () => {
  it("refunds part of a payment at Stripe and records Stripe's answer", async () => {
    const order = await paidOrder({ total: "100.00" });
    const res = await refundAndSettle(order.id, { amount: "30.00", restock: false, reason: "damaged box" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ order_id: order.id, amount: "30.00", restocked: false, reason: "damaged box", status: "pending" });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await orderRow(order.id)).toMatchObject({ payment_status: "partially_refunded", amount_paid: "100.00", amount_refunded: "30.00" });
    const [row] = await refundRows(order.id);
    expect(row).toMatchObject({ id: res.body.id, status: "succeeded" });
    const atStripe = await standIn("GET", `/v1/refunds/${row!.stripe_refund_id}`);
    expect(atStripe.body).toMatchObject({ amount: 3000, payment_intent: order.paymentIntent, metadata: { refund_id: res.body.id, order_id: String(order.id) } });
    expect(await sql("select 1 from email_outbox where template = 'order_refunded' and (data->'refund'->>'id') = $1", [res.body.id])).toHaveLength(1);
  });

  it("refunds what is left when no amount is given, then has nothing left (409)", async () => {
    const order = await paidOrder({ total: "50.00" });
    expect((await refund(order.id, { amount: 20, restock: false })).status).toBe(201);
    const rest = await refund(order.id, { restock: false });
    expect(rest.status).toBe(201);
    expect(rest.body.amount).toBe("30.00");
    expect(await orderRow(order.id)).toMatchObject({ payment_status: "refunded", amount_refunded: "50.00" });
    const none = expectProblem(await refund(order.id, { restock: false }), 409);
    expect(none.type).toBe("urn:problem:refund-exceeds-payment");
    expectProblem(await refund(order.id, { amount: "0.01", restock: false }), 409);
  });

  it("lets exactly five of ten simultaneous 20.00 refunds of a 100.00 payment through", async () => {
    const order = await paidOrder({ total: "100.00" });
    const answers = await Promise.all(Array.from({ length: 10 }, () => refund(order.id, { amount: "20.00", restock: false })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 201, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((a) => a.status === 409)) expect(a.body.type).toBe("urn:problem:refund-exceeds-payment");
    expect(await orderRow(order.id)).toMatchObject({ amount_refunded: "100.00", payment_status: "refunded" });
    expect(await refundRows(order.id)).toHaveLength(5);
  });

  it("replays the first answer for the same Idempotency-Key and body, and refuses the key with another body", async () => {
    const order = await paidOrder({ total: "40.00" });
    const headers = { "idempotency-key": `refund-${crypto.randomUUID()}` };
    const first = await refund(order.id, { amount: "10.00", restock: false }, headers);
    expect(first.status).toBe(201);
    const again = await refund(order.id, { amount: "10", restock: false }, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);
    const other = expectProblem(await refund(order.id, { amount: "15.00", restock: false }, headers), 409);
    expect(other.type).toBe("urn:problem:idempotency-key-reused");
    expect(await refundRows(order.id)).toHaveLength(1);
    expect((await orderRow(order.id)).amount_refunded).toBe("10.00");
  });

  it("replays once for simultaneous requests with one Idempotency-Key", async () => {
    const order = await paidOrder({ total: "40.00" });
    const headers = { "idempotency-key": `refund-${crypto.randomUUID()}` };
    const answers = await Promise.all(Array.from({ length: 4 }, () => refund(order.id, { amount: "10.00", restock: false }, headers)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(3);
    expect((await orderRow(order.id)).amount_refunded).toBe("10.00");
  });

  it("returns the items to their product and variant stock when asked, once per order", async () => {
    const product = await productWithStock(10);
    const order = await paidOrder({ total: "30.00", quantity: 3, productId: product.id });
    expect(await stockOf(product.id)).toBe(7);
    const res = await refund(order.id, { amount: "10.00", restock: true });
    expect(res.body.restocked).toBe(true);
    expect(await stockOf(product.id)).toBe(10);
    expect((await sql<{ stock: number }>("select stock from variants where product_id = $1", [product.id]))[0]!.stock).toBe(10);
    const second = await refund(order.id, { amount: "10.00", restock: true });
    expect(second.status).toBe(201);
    expect(second.body.restocked).toBe(false);
    expect(await stockOf(product.id)).toBe(10);
  });

  it("is 409 for an order never paid, 404 for no order, 403 for a customer, 400 for a bad body", async () => {
    const order = await pendingOrder();
    expect(expectProblem(await refund(order.id, { restock: false }), 409).type).toBe("urn:problem:order-not-paid");
    expectProblem(await refund(2_000_000_000, { restock: false }), 404);
    expectProblem(await refund(order.id, { restock: false }, {}, order.owner.token), 403);
    for (const body of [{}, { restock: "yes" }, { restock: false, amount: "-1" }, { restock: false, amount: "0" }, { restock: false, amount: "1.001" }, { restock: false, extra: 1 }, { restock: false, reason: "x".repeat(501) }]) {
      expectProblem(await refund(order.id, body), 400);
    }
  });

  it("refunds a payment recorded by hand without Stripe: succeeded at once", async () => {
    const order = await pendingOrder({ total: "12.00" });
    await sql("update orders set status = 'paid', payment_status = 'paid', amount_paid = total, payment_method = 'manual' where id = $1", [order.id]);
    const res = await refund(order.id, { restock: false });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ amount: "12.00", status: "succeeded" });
  });
});

describe("Stripe's refund events keep refunds and payment_status true", () => {
  it("a refund that fails at Stripe gives its amount back to the order", async () => {
    const order = await paidOrder({ total: "60.00" });
    await refundAndSettle(order.id, { amount: "60.00", restock: false });
    const [row] = await refundRows(order.id);
    expect(row!.status).toBe("succeeded");
    await standIn("POST", `/__stand-in/refunds/${row!.stripe_refund_id}/fail`);
    const events = (await standIn<{ data: { id: string; payload: string; event: any }[] }>("GET", "/__stand-in/events?type=refund.updated")).body.data;
    const failed = events.find((e) => e.event.data.object.id === row!.stripe_refund_id)!;
    const res = await postWebhook(failed.payload, await sign(failed.payload));
    expect(res.body.outcome).toBe("refund-failed");
    expect((await refundRows(order.id))[0]!.status).toBe("failed");
    expect(await orderRow(order.id)).toMatchObject({ payment_status: "paid", amount_refunded: "0.00" });
    // The same event again changes nothing (the amount is not given back twice).
    expect((await postWebhook(failed.payload, await sign(failed.payload))).body.outcome).toBe("duplicate");
    expect((await orderRow(order.id)).amount_refunded).toBe("0.00");
  });

  it("charge.refunded confirms the shop's refunds and records one made in Stripe's dashboard", async () => {
    const order = await paidOrder({ total: "80.00" });
    await refundAndSettle(order.id, { amount: "20.00", restock: false });
    // A refund made at Stripe directly, outside the shop.
    const outside = await fetch(`${env.STRIPE_API_BASE}/v1/refunds`, {
      method: "POST",
      headers: { authorization: `Bearer ${env.STRIPE_SECRET_KEY}`, "content-type": "application/x-www-form-urlencoded" },
      body: `payment_intent=${order.paymentIntent}&amount=1500`,
    });
    expect(outside.status).toBe(200);
    const events = (await standIn<{ data: { payload: string; event: any }[] }>("GET", "/__stand-in/events?type=charge.refunded")).body.data;
    const last = events.filter((e) => e.event.data.object.payment_intent === order.paymentIntent).pop()!;
    expect(last.event.data.object.amount_refunded).toBe(3500);
    const res = await postWebhook(last.payload, await sign(last.payload));
    expect(res.body.outcome).toBe("refunded-outside");
    expect(await orderRow(order.id)).toMatchObject({ payment_status: "partially_refunded", amount_refunded: "35.00" });
    const rows = await refundRows(order.id);
    expect(rows.map((r) => [r.amount, r.status])).toEqual([["20.00", "succeeded"], ["15.00", "succeeded"]]);
  });
});
