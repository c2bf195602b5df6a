// The Stripe stand-in against the official SDK (Node build, fetch client, as the Worker uses it):
// what the SDK sends is understood and what it answers parses as Stripe's.
import http from "node:http";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStripe, type StripeStandIn } from "../../scripts/stand-ins/stripe.ts";

let standIn: StripeStandIn;
let stripe: Stripe;
let received: { body: string; signature: string }[] = [];
let failuresLeft = 0;
let receiver: http.Server;
let receiverUrl = "";

function sdkFor(standInUrl: string, key: string): Stripe {
  const base = new URL(standInUrl);
  return new Stripe(key, { httpClient: Stripe.createFetchHttpClient(), host: base.hostname, port: base.port, protocol: "http", maxNetworkRetries: 0, telemetry: false });
}

const sessionParams = (expiresAt = Math.floor(Date.now() / 1000) + 40 * 60): Stripe.Checkout.SessionCreateParams => ({
  mode: "payment",
  line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 2500, product_data: { name: "Order #7" } } }],
  client_reference_id: "7",
  metadata: { order_id: "7" },
  payment_intent_data: { metadata: { order_id: "7" } },
  success_url: "http://shop.test/#/orders/7",
  cancel_url: "http://shop.test/#/orders/7",
  expires_at: expiresAt,
});

beforeAll(async () => {
  // A webhook receiver that fails its first `failuresLeft` deliveries.
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(503).end();
        return;
      }
      received.push({ body, signature: String(req.headers["stripe-signature"]) });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
  standIn = await startStripe({ webhookTarget: receiverUrl, retryBaseMs: 10 });
  stripe = sdkFor(standIn.url, standIn.secretKey);
});

afterAll(async () => {
  await standIn.close();
  await new Promise((resolve) => receiver.close(resolve));
});

describe("Stripe stand-in with the official SDK", () => {
  it("creates, retrieves and expires a Checkout Session", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    expect(session).toMatchObject({ object: "checkout.session", status: "open", payment_status: "unpaid", amount_total: 2500, currency: "usd", client_reference_id: "7", metadata: { order_id: "7" } });
    expect(session.url).toBe(`${standIn.url}/checkout/${session.id}`);
    expect((await stripe.checkout.sessions.retrieve(session.id)).id).toBe(session.id);
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired.status).toBe("expired");
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });

  it("honours Idempotency-Key: same parameters give the same session, others an idempotency error", async () => {
    const params = sessionParams();
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: "order-7-session-1" });
    const again = await stripe.checkout.sessions.create(params, { idempotencyKey: "order-7-session-1" });
    expect(again.id).toBe(first.id);
    await expect(stripe.checkout.sessions.create(sessionParams(params.expires_at! + 600), { idempotencyKey: "order-7-session-1" })).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("refuses a wrong secret key, an unknown session and an expiry under 30 minutes, as Stripe does", async () => {
    await expect(sdkFor(standIn.url, "sk_test_wrong").checkout.sessions.create(sessionParams())).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    await expect(stripe.checkout.sessions.retrieve("cs_test_nope")).rejects.toMatchObject({ code: "resource_missing", statusCode: 404 });
    await expect(stripe.checkout.sessions.create(sessionParams(Math.floor(Date.now() / 1000) + 600))).rejects.toMatchObject({ type: "StripeInvalidRequestError", param: "expires_at" });
  });

  it("pays through the hosted page: redirects to success_url and delivers a signed webhook, retrying while the target fails", async () => {
    received = [];
    failuresLeft = 2;
    const session = await stripe.checkout.sessions.create(sessionParams());
    const page = await fetch(session.url!);
    expect(await page.text()).toContain("Pay");
    const paid = await fetch(`${session.url}/pay`, { method: "POST", redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe("http://shop.test/#/orders/7");
    await standIn.idle();
    expect(received).toHaveLength(1);
    const event = await Stripe.webhooks.constructEventAsync(received[0]!.body, received[0]!.signature, standIn.webhookSecret, 300, Stripe.createSubtleCryptoProvider());
    expect(event.type).toBe("checkout.session.completed");
    const object = event.data.object as Stripe.Checkout.Session;
    expect(object).toMatchObject({ id: session.id, payment_status: "paid", status: "complete", amount_total: 2500 });
    expect(object.payment_intent).toMatch(/^pi_/);
    const sent = standIn.events().find((e) => e.id === event.id)!;
    expect(sent.deliveries.map((d) => d.status)).toEqual([503, 503, 200]);
  });

  it("declining redirects to cancel_url and leaves the session open", async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const declined = await fetch(`${session.url}/decline`, { method: "POST", redirect: "manual" });
    expect(declined.status).toBe(303);
    expect(declined.headers.get("location")).toBe("http://shop.test/#/orders/7");
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
  });

  it("refunds a paid session's payment intent, at most what was paid, and sends refund events", async () => {
    received = [];
    const session = await stripe.checkout.sessions.create(sessionParams());
    const pay = await (await fetch(`${standIn.url}/__stand-in/sessions/${session.id}/pay?deliver=false`, { method: "POST" })).json();
    const intent = pay.event.data.object.payment_intent as string;
    const refund = await stripe.refunds.create({ payment_intent: intent, amount: 1000, metadata: { refund_id: "r1" } }, { idempotencyKey: "refund-r1" });
    expect(refund).toMatchObject({ object: "refund", amount: 1000, status: "succeeded", payment_intent: intent, metadata: { refund_id: "r1" } });
    expect((await stripe.refunds.create({ payment_intent: intent, amount: 1000, metadata: { refund_id: "r1" } }, { idempotencyKey: "refund-r1" })).id).toBe(refund.id);
    expect((await stripe.refunds.retrieve(refund.id)).amount).toBe(1000);
    await expect(stripe.refunds.create({ payment_intent: intent, amount: 2000 })).rejects.toMatchObject({ code: "amount_too_large" });
    await standIn.idle();
    const types = received.map((r) => JSON.parse(r.body).type);
    expect(types).toEqual(expect.arrayContaining(["refund.created", "charge.refunded"]));
    const charge = received.map((r) => JSON.parse(r.body)).find((e) => e.type === "charge.refunded").data.object;
    expect(charge).toMatchObject({ amount_refunded: 1000, payment_intent: intent, metadata: { order_id: "7" } });
  });

  it("drops /v1 connections while down and serves again when up", async () => {
    await fetch(`${standIn.url}/__stand-in/down`, { method: "POST" });
    await expect(stripe.checkout.sessions.create(sessionParams())).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    await fetch(`${standIn.url}/__stand-in/up`, { method: "POST" });
    expect((await stripe.checkout.sessions.create(sessionParams())).status).toBe("open");
  });
});
