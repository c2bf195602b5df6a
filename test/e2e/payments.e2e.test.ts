// Paying for real, locally: the Worker (wrangler dev or serve) creates the session at the Stripe
// stand-in through the bundled SDK, a customer presses Pay on the hosted page, the stand-in signs
// and delivers the webhook to the Worker, and the order is paid; an admin's refund goes back to
// the stand-in the same way.
import { describe, expect, it } from "vitest";

const base = process.env.E2E_BASE_URL!;
const admin = { email: process.env.ADMIN_EMAIL!, password: process.env.ADMIN_PASSWORD! };

async function call(method: string, path: string, opts: { token?: string; body?: unknown } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(opts.body === undefined ? {} : { "content-type": "application/json" }) },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function login(email: string, password: string): Promise<string> {
  const res = await call("POST", "/api/auth/login", { body: { email, password } });
  expect(res.status).toBe(200);
  return res.body.access;
}

/** Webhooks arrive after the redirect: wait for what they change, at most 15 s. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("paying with the Stripe stand-in", () => {
  it("takes an order from checkout to paid through the hosted page and the signed webhook, then refunds it", async () => {
    const adminToken = await login(admin.email, admin.password);
    const category = await call("POST", "/api/categories", { token: adminToken, body: { name: `E2E pay ${crypto.randomUUID()}`, description: "e2e" } });
    const product = await call("POST", "/api/products", { token: adminToken, body: { name: "E2E mug", description: "e2e", price: "12.50", stock: 5, category_id: category.body.id } });
    expect(product.status).toBe(201);

    const email = `e2e-pay-${crypto.randomUUID()}@example.com`;
    expect((await call("POST", "/api/auth/register", { body: { email, password: "correct horse battery" } })).status).toBe(201);
    const token = await login(email, "correct horse battery");
    expect((await call("POST", "/api/cart/items", { token, body: { product_id: product.body.id, quantity: 2 } })).status).toBe(200);
    const order = await call("POST", "/api/orders", { token });
    expect(order.status).toBe(201);
    expect(order.body.total).toBe("25.00");

    const payment = await call("POST", `/api/orders/${order.body.id}/payment`, { token });
    expect(payment.status).toBe(200);
    const page = await fetch(payment.body.checkout_url);
    expect(await page.text()).toContain("25.00 USD");
    const paid = await fetch(`${payment.body.checkout_url}/pay`, { method: "POST", redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`${base}/#/orders/${order.body.id}`);

    const after = await eventually(() => call("GET", `/api/orders/${order.body.id}`, { token }), (r) => r.body.status === "paid");
    expect(after.body).toMatchObject({ status: "paid", payment_status: "paid", amount_paid: "25.00", payment_method: "stripe" });
    const notes = await call("GET", "/api/notifications", { token });
    expect(notes.body.results[0]).toMatchObject({ order_id: order.body.id, from_status: "pending", to_status: "paid" });

    const refund = await call("POST", `/api/admin/orders/${order.body.id}/refunds`, { token: adminToken, body: { amount: "5.00", restock: false } });
    expect(refund.status).toBe(201);
    const refunded = await eventually(() => call("GET", `/api/orders/${order.body.id}`, { token }), (r) => r.body.amount_refunded === "5.00");
    expect(refunded.body).toMatchObject({ payment_status: "partially_refunded", amount_refunded: "5.00" });
    if (process.env.E2E_STRIPE_URL) {
      type Sent = { type: string; delivered: boolean; event: { data: { object: { metadata?: { order_id?: string } } } } };
      const ours = async () => ((await (await fetch(`${process.env.E2E_STRIPE_URL}/__stand-in/events`)).json()) as { data: Sent[] }).data.filter((e) => e.event.data.object.metadata?.order_id === String(order.body.id));
      // Every event about this order reached the Worker and was acknowledged with a 2xx.
      const sent = await eventually(ours, (events) => events.length >= 3 && events.every((e) => e.delivered));
      expect(sent.map((e) => e.type).sort()).toEqual(["charge.refunded", "checkout.session.completed", "refund.created"]);
      expect(sent.every((e) => e.delivered)).toBe(true);
    }
  });
});
