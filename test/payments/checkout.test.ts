import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, BASE, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { eventually } from "../helpers/wait";
import { callWorker } from "../helpers/worker";
import { orderRow, pendingOrder, productWithStock, sessionIdOf, standIn, startPayment } from "./stripe";

/** Where Stripe sends customers back: the storefront's configured URL, else the request's origin. */
const SHOP = (env.SHOP_URL || BASE).replace(/\/+$/, "");

describe("POST /api/orders/{id}/payment", () => {
  it("creates a Stripe Checkout Session for exactly the order's total and currency, returning to the order's page", async () => {
    const order = await pendingOrder({ total: "123.45" });
    const res = await startPayment(order.owner, order.id);
    expect(res.status).toBe(200);
    expect(res.body.checkout_url).toMatch(/\/checkout\/cs_test_/);
    const session = (await standIn("GET", `/v1/checkout/sessions/${sessionIdOf(res.body.checkout_url)}`)).body;
    expect(session).toMatchObject({
      amount_total: 12345,
      currency: "usd",
      status: "open",
      client_reference_id: String(order.id),
      metadata: { order_id: String(order.id) },
      customer_email: order.owner.email,
      success_url: `${SHOP}/#/orders/${order.id}`,
      cancel_url: `${SHOP}/#/orders/${order.id}?payment=cancelled`,
    });
    expect(new Date(res.body.expires_at).getTime()).toBe(session.expires_at * 1000);
    // Stripe keeps a session open at least 30 minutes; the hold is stretched to match, never shortened.
    expect(session.expires_at * 1000).toBeGreaterThanOrEqual(Date.now() + 30 * 60_000);
    // The session is recorded, and the hold stretched, after the response.
    await eventually(async () => (await orderRow(order.id)).expires_epoch === session.expires_at);
  });

  it("creates a session in one Postgres round trip plus the Stripe call, and returns it again reading one", async () => {
    const order = await pendingOrder();
    const first = await startPayment(order.owner, order.id);
    expect(first.headers.get("x-db-round-trips")).toBe("1");
    await eventually(async () => (await sql("select id from payment_sessions where order_id = $1", [order.id])).length === 1);
    const again = await startPayment(order.owner, order.id);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("x-db-round-trips")).toBe("1");
    const rows = await sql("select id from payment_sessions where order_id = $1", [order.id]);
    expect(rows).toHaveLength(1);
  });

  it("gives simultaneous requests one session (Stripe's idempotency key is derived from the order)", async () => {
    const order = await pendingOrder();
    const answers = await Promise.all(Array.from({ length: 4 }, () => startPayment(order.owner, order.id)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.checkout_url)).size).toBe(1);
    expect(await sql("select id from payment_sessions where order_id = $1", [order.id])).toHaveLength(1);
  });

  it("keeps a session within the order's hold when the hold is long enough", async () => {
    const order = await pendingOrder({ holdMinutes: 120 });
    const res = await startPayment(order.owner, order.id);
    const hold = (await orderRow(order.id)).expires_epoch!;
    expect(new Date(res.body.expires_at).getTime()).toBe(Math.floor(hold) * 1000);
    // Nothing to stretch: the recorded session leaves the hold as it was.
    await eventually(async () => (await sql("select id from payment_sessions where order_id = $1", [order.id])).length === 1);
    expect((await orderRow(order.id)).expires_epoch).toBe(hold);
  });

  it("is 409 for an order that is not pending, and for one whose hold is over", async () => {
    for (const status of ["cancelled", "shipped"]) {
      const order = await pendingOrder({ status });
      const problem = expectProblem(await startPayment(order.owner, order.id), 409);
      expect(problem.type).toBe("urn:problem:order-not-payable");
    }
    const late = await pendingOrder({ holdMinutes: -1 });
    expect(expectProblem(await startPayment(late.owner, late.id), 409).type).toBe("urn:problem:order-expired");
  });

  it("is 404 for another user's order and for no order, and 401 without a token", async () => {
    const order = await pendingOrder();
    const other = await newUser("other");
    expectProblem(await startPayment(other, order.id), 404);
    expectProblem(await startPayment(order.owner, 2_000_000_000), 404);
    const res = await callWorker(new Request(`${BASE}/api/orders/${order.id}/payment`, { method: "POST" }));
    expect(res.status).toBe(401);
  });

  it("lets a guest pay a guest order with its access token, and nobody else", async () => {
    const product = await productWithStock(5, "8.00");
    // A guest order needs a method that ships to its address: one of these tests' own, to a country no other test uses.
    await sql("insert into shipping_methods (name, price, countries) values ('Payments test post', 0.00, '{AQ}')");
    const placed = await api("POST", "/api/guest/orders", {
      body: { email: `guest-${crypto.randomUUID()}@example.com`, items: [{ product_id: product.id, quantity: 2 }], shipping_address: { name: "Guest", line1: "1 Ice Shelf", city: "McMurdo", country: "AQ" } },
    });
    expect(placed.status).toBe(201);
    const path = `/api/guest/orders/${placed.body.id}/payment`;
    const res = await api("POST", path, { token: placed.body.access_token });
    expect(res.status).toBe(200);
    const session = (await standIn("GET", `/v1/checkout/sessions/${sessionIdOf(res.body.checkout_url)}`)).body;
    expect(session).toMatchObject({ amount_total: Math.round(Number(placed.body.total) * 100), client_reference_id: String(placed.body.id), success_url: `${SHOP}/#/guest/orders/${placed.body.id}`, cancel_url: `${SHOP}/#/guest/orders/${placed.body.id}?payment=cancelled` });
    expect((await api("POST", path, { token: placed.body.access_token })).body).toEqual(res.body);
    const someone = await newUser("not-the-guest");
    expectProblem(await api("POST", path, { token: someone.token }), 404);
    expectProblem(await api("POST", path), 401);
  });

  it("answers 503 naming stripe when Stripe cannot be reached, and changes nothing", async () => {
    const order = await pendingOrder();
    const before = await orderRow(order.id);
    const res = await callWorker(
      new Request(`${BASE}/api/orders/${order.id}/payment`, { method: "POST", headers: { authorization: `Bearer ${order.owner.token}` } }),
      { STRIPE_API_BASE: "http://127.0.0.1:9" },
    );
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as { detail: string; stripe: string };
    expect(body.stripe).toBe("down");
    expect(body.detail).toContain("stripe");
    expect(await orderRow(order.id)).toEqual(before);
    expect(await sql("select id from payment_sessions where order_id = $1", [order.id])).toHaveLength(0);
  });
});
