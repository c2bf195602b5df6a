// What the payment tests share: orders to pay, the Stripe stand-in's control endpoints, and the
// webhook as Stripe calls it. The stand-in cannot reach the Worker inside vitest (it is reached only
// through SELF), so tests fetch the signed event from it and post it themselves.
import { env, SELF } from "cloudflare:test";
import { api, BASE, newUser, type ApiResponse } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";
import { callWorker } from "../helpers/worker";

export type TestUser = Awaited<ReturnType<typeof newUser>>;

let catalog: Promise<{ adminToken: string; categoryId: number }> | null = null;

function testCatalog() {
  catalog ??= (async () => {
    const admin = await newAdmin();
    return { adminToken: admin.token, categoryId: (await createCategory(admin.token)).id };
  })();
  return catalog;
}

/** A product with stock (the catalog gives it its one variant). */
export async function productWithStock(stock = 10, price = "10.00") {
  const { adminToken, categoryId } = await testCatalog();
  return createProduct(adminToken, categoryId, { price, stock });
}

export interface OrderOptions {
  /** Units of one product; the order's total is `total`, so each costs total / quantity. */
  quantity?: number;
  total?: string;
  /** Set after checkout, straight in Postgres: a state the test needs, reached without the steps. */
  status?: string;
  /** Minutes until the hold ends (negative: already over), set after checkout. */
  holdMinutes?: number;
  productId?: number;
}

export interface PlacedOrder {
  id: number;
  productId: number;
  total: string;
  /** A new customer for each order: one customer may hold only a few unpaid orders. */
  owner: TestUser;
}

/** A pending order placed the way customers place them: cart, then POST /api/orders. */
export async function pendingOrder(opts: OrderOptions = {}): Promise<PlacedOrder> {
  const quantity = opts.quantity ?? 1;
  const total = opts.total ?? "100.00";
  const cents = Math.round(Number(total) * 100);
  if (cents % quantity !== 0) throw new Error(`pendingOrder: ${total} does not split into ${quantity} equal prices`);
  const productId = opts.productId ?? (await productWithStock(10, (cents / quantity / 100).toFixed(2))).id;
  const owner = await newUser("payer");
  const cart = await api("POST", "/api/cart/items", { token: owner.token, body: { product_id: productId, quantity } });
  if (cart.status !== 200) throw new Error(`cart: ${cart.status} ${JSON.stringify(cart.body)}`);
  const placed = await api("POST", "/api/orders", { token: owner.token });
  if (placed.status !== 201) throw new Error(`order: ${placed.status} ${JSON.stringify(placed.body)}`);
  if (placed.body.total !== total) throw new Error(`order total ${placed.body.total}, expected ${total}`);
  const id = placed.body.id as number;
  if (opts.status) await sql("update orders set status = $2::order_status where id = $1", [id, opts.status]);
  if (opts.holdMinutes !== undefined) await sql("update orders set expires_at = now() + make_interval(mins => $2::int) where id = $1", [id, opts.holdMinutes]);
  return { id, productId, total, owner };
}

export const sessionIdOf = (checkoutUrl: string) => checkoutUrl.split("/").pop()!;

/** Calls the stand-in directly (its control endpoints, or its API with the secret key). */
export async function standIn<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${env.STRIPE_API_BASE}${path}`, {
    method,
    headers: { authorization: `Bearer ${env.STRIPE_SECRET_KEY}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

export async function startPayment(user: TestUser, orderId: number) {
  return api<{ checkout_url: string; expires_at: string }>("POST", `/api/orders/${orderId}/payment`, { token: user.token });
}

/** Pays the order's session at the stand-in without delivery; answers the signed event for the test to post. */
export async function payAtStripe(checkoutUrl: string): Promise<{ payload: string; signature: string; event: any }> {
  const res = await standIn("POST", `/__stand-in/sessions/${sessionIdOf(checkoutUrl)}/pay?deliver=false`);
  if (res.status !== 200) throw new Error(`stand-in pay: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Stripe-Signature for a payload, as Stripe computes it, with the documented local secret. */
export async function sign(payload: string, timestamp = Math.floor(Date.now() / 1000), secret = env.STRIPE_WEBHOOK_SECRET!): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${timestamp}.${payload}`)));
  return `t=${timestamp},v1=${[...mac].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** An event as Stripe would send it (a new id each time), for payloads the stand-in would never produce. */
export function eventPayload(type: string, object: Record<string, unknown>): string {
  return JSON.stringify({ id: `evt_test_${crypto.randomUUID().replace(/-/g, "")}`, object: "event", api_version: "2026-11-18.endive", created: Math.floor(Date.now() / 1000), data: { object }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type });
}

/** Posts to the webhook through SELF (work after the response keeps running). */
export async function postWebhook(payload: string, signature: string | null): Promise<ApiResponse<any>> {
  return api("POST", "/api/payments/stripe/webhook", { rawBody: payload, headers: signature === null ? {} : { "stripe-signature": signature } });
}

/** Posts to the webhook and waits for the work it leaves after the response (the refund call, the push). */
export async function postWebhookAndSettle(payload: string, signature: string): Promise<{ status: number; body: any }> {
  const res = await callWorker(
    new Request(`${BASE}/api/payments/stripe/webhook`, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload }),
  );
  return { status: res.status, body: await res.json() };
}

/** An order paid through the whole flow: checkout session, the stand-in's payment, the webhook. */
export async function paidOrder(opts: OrderOptions = {}) {
  const order = await pendingOrder(opts);
  const session = await startPayment(order.owner, order.id);
  if (session.status !== 200) throw new Error(`payment: ${session.status} ${JSON.stringify(session.body)}`);
  const paid = await payAtStripe(session.body.checkout_url);
  const res = await postWebhook(paid.payload, paid.signature);
  if (res.status !== 200 || res.body.outcome !== "paid") throw new Error(`webhook: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...order, paymentIntent: paid.event.data.object.payment_intent as string };
}

export async function orderRow(id: number) {
  const [row] = await sql<{ status: string; payment_status: string; amount_paid: string; amount_refunded: string; payment_intent: string | null; payment_method: string | null; expires_epoch: number | null; paid: boolean }>(
    `select status::text, payment_status::text, amount_paid::text, amount_refunded::text, payment_intent, payment_method, extract(epoch from expires_at)::float8 as expires_epoch, paid_at is not null as paid from orders where id = $1`,
    [id],
  );
  return row!;
}

export { SELF };
