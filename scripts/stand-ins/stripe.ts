// Local Stripe: a small HTTP server that the official `stripe` SDK talks to (pointed at it with its
// host/port/protocol options, as the Worker does through STRIPE_API_BASE). It speaks the parts of
// Stripe's API the shop uses, with Stripe's shapes: form-encoded requests, Bearer auth with the
// secret key, JSON objects and `{ error: { type, code, message } }` errors, Idempotency-Key (same
// key and parameters → the same answer; other parameters → idempotency_error).
//
//   POST /v1/checkout/sessions            GET /v1/checkout/sessions/:id
//   POST /v1/checkout/sessions/:id/expire POST /v1/refunds    GET /v1/refunds/:id
//   GET  /checkout/:id                    the hosted payment page (`url` of a session): Pay / Decline
//
// Paying completes the session, makes a payment intent and a charge, and sends a signed
// `checkout.session.completed` webhook (Stripe-Signature: t=<time>,v1=HMAC-SHA256(secret,
// "t.payload")) to the webhook target, retrying with backoff while it answers non-2xx; refunds send
// `refund.created` and `charge.refunded`, a refund failed by the control endpoint `refund.updated`.
// Control endpoints for tests and the e2e (no auth; this is a local tool):
//   POST /__stand-in/sessions/:id/pay[?deliver=false]  pay as the page would; answers the event,
//        its payload and a fresh signature (with deliver=false nothing is sent: post it yourself)
//   POST /__stand-in/refunds/:id/fail   the refund fails later, as a bank may make it
//   POST /__stand-in/down | /__stand-in/up   /v1 requests lose their connection while down
//   POST /__stand-in/webhook-target {"url": …}   GET /__stand-in/events (every event and its deliveries)
//   POST /__stand-in/sign {payload}  a valid Stripe-Signature for any payload
// Fixed local secrets (documented for people and tests): sk_test_local and whsec_local_edge_shop.
import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import { pathToFileURL } from "node:url";
import { listen } from "../bridges/listen.ts";

export const LOCAL_STRIPE_SECRET_KEY = "sk_test_local";
export const LOCAL_STRIPE_WEBHOOK_SECRET = "whsec_local_edge_shop";
const API_VERSION = "2026-11-18.endive";

export interface StripeStandInOptions {
  secretKey?: string;
  webhookSecret?: string;
  /** Where webhooks go; settable later (the Worker's port is known only once it runs). */
  webhookTarget?: string | null;
  host?: string;
  port?: number;
  /** Delivery attempts per event while the target answers non-2xx (first try included). */
  maxDeliveryAttempts?: number;
  /** Backoff before the second attempt, doubled each time. */
  retryBaseMs?: number;
}

export interface SentEvent {
  id: string;
  type: string;
  payload: string;
  deliveries: { at: string; status: number | string }[];
  delivered: boolean;
}

export interface StripeStandIn {
  url: string;
  port: number;
  secretKey: string;
  webhookSecret: string;
  setWebhookTarget(url: string | null): void;
  /** Simulates an outage: /v1 requests lose their connection until up(). */
  setDown(down: boolean): void;
  events(): SentEvent[];
  /** Resolves when every delivery that is under way has finished (delivered or given up). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

type Params = Record<string, unknown>;
type StripeObject = Record<string, unknown> & { id: string };

class StripeError extends Error {
  readonly status: number;
  readonly type: string;
  readonly code?: string;
  readonly param?: string;
  constructor(status: number, type: string, message: string, extra: { code?: string; param?: string } = {}) {
    super(message);
    this.status = status;
    this.type = type;
    this.code = extra.code;
    this.param = extra.param;
  }
  body() {
    return { error: { type: this.type, message: this.message, ...(this.code ? { code: this.code } : {}), ...(this.param ? { param: this.param } : {}) } };
  }
}

const invalid = (message: string, param?: string) => new StripeError(400, "invalid_request_error", message, { param, code: param ? "parameter_invalid" : undefined });
const missing = (kind: string, id: string) => new StripeError(404, "invalid_request_error", `No such ${kind}: '${id}'`, { code: "resource_missing", param: "id" });

/** `a[b][0][c]=v` pairs (how the SDK encodes) → nested objects; all-numeric keys become arrays. */
export function parseForm(body: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = key.replace(/\]/g, "").split("[");
    let node: Params = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i]!;
      if (typeof node[part] !== "object" || node[part] === null) node[part] = {};
      node = node[part] as Params;
    }
    node[parts[parts.length - 1]!] = value;
  }
  return arrays(root) as Params;
}

function arrays(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value as Params).map(([k, v]) => [k, arrays(v)] as const);
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) return entries.sort((a, b) => Number(a[0]) - Number(b[0])).map(([, v]) => v);
  return Object.fromEntries(entries);
}

function text(params: Params, name: string): string | undefined {
  const value = params[name];
  return typeof value === "string" ? value : undefined;
}

function integer(value: unknown, param: string, opts: { min?: number } = {}): number {
  if (typeof value !== "string" || !/^-?\d+$/.test(value)) throw invalid(`Invalid integer: ${String(value)}`, param);
  const n = Number(value);
  if (opts.min !== undefined && n < opts.min) throw invalid(`This value must be greater than or equal to ${opts.min}.`, param);
  return n;
}

function metadataOf(value: unknown): Record<string, string> {
  if (value === undefined || value === "") return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalid("Invalid metadata: must be a hash", "metadata");
  return Object.fromEntries(Object.entries(value as Params).map(([k, v]) => [k, String(v)]));
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

export function signature(secret: string, payload: string, timestamp = nowSeconds()): string {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex")}`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export async function startStripe(opts: StripeStandInOptions = {}): Promise<StripeStandIn> {
  const secretKey = opts.secretKey ?? LOCAL_STRIPE_SECRET_KEY;
  const webhookSecret = opts.webhookSecret ?? LOCAL_STRIPE_WEBHOOK_SECRET;
  const maxAttempts = opts.maxDeliveryAttempts ?? 6;
  const retryBaseMs = opts.retryBaseMs ?? 500;
  let webhookTarget = opts.webhookTarget ?? null;
  let down = false;
  let baseUrl = "";

  const sessions = new Map<string, StripeObject>();
  const paymentIntents = new Map<string, StripeObject>();
  const charges = new Map<string, StripeObject>();
  const refunds = new Map<string, StripeObject>();
  const idempotency = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  const sent: SentEvent[] = [];
  const inFlight = new Set<Promise<void>>();

  // ── events ──────────────────────────────────────────────────────────────
  function newEvent(type: string, object: StripeObject): SentEvent {
    const event = {
      id: id("evt"),
      object: "event",
      api_version: API_VERSION,
      created: nowSeconds(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: webhookTarget ? 1 : 0,
      request: { id: null, idempotency_key: null },
      type,
    };
    const record: SentEvent = { id: event.id, type, payload: JSON.stringify(event, null, 2), deliveries: [], delivered: false };
    sent.push(record);
    return record;
  }

  async function deliver(event: SentEvent): Promise<void> {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const target = webhookTarget;
      if (!target) return;
      let status: number | string;
      try {
        const res = await fetch(target, {
          method: "POST",
          // Each attempt is signed afresh, as Stripe does: a retry is never stale.
          headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": signature(webhookSecret, event.payload), "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)" },
          body: event.payload,
          signal: AbortSignal.timeout(10_000),
        });
        await res.arrayBuffer();
        status = res.status;
      } catch (err) {
        status = err instanceof Error ? err.message : String(err);
      }
      event.deliveries.push({ at: new Date().toISOString(), status });
      if (typeof status === "number" && status >= 200 && status < 300) {
        event.delivered = true;
        return;
      }
      if (attempt < maxAttempts) await new Promise((r) => setTimeout(r, retryBaseMs * 2 ** (attempt - 1)));
    }
  }

  function send(type: string, object: StripeObject, opts: { deliver?: boolean } = {}): SentEvent {
    const event = newEvent(type, object);
    if (opts.deliver !== false && webhookTarget) {
      const running = deliver(event).finally(() => inFlight.delete(running));
      inFlight.add(running);
    }
    return event;
  }

  // ── API objects ─────────────────────────────────────────────────────────
  function createSession(params: Params): StripeObject {
    const mode = text(params, "mode");
    if (mode !== "payment") throw invalid("This stand-in supports only mode=payment.", "mode");
    const items = params.line_items;
    if (!Array.isArray(items) || items.length === 0) throw invalid("line_items is required in payment mode.", "line_items");
    let currency: string | undefined;
    let total = 0;
    items.forEach((raw, i) => {
      const item = raw as Params;
      const data = item.price_data as Params | undefined;
      if (!data) throw invalid("Each line item needs price_data (prices are not kept here).", `line_items[${i}][price_data]`);
      const itemCurrency = text(data, "currency")?.toLowerCase();
      if (!itemCurrency || !/^[a-z]{3}$/.test(itemCurrency)) throw invalid("Invalid currency.", `line_items[${i}][price_data][currency]`);
      if (currency && currency !== itemCurrency) throw invalid("All line items must have the same currency.", `line_items[${i}][price_data][currency]`);
      currency = itemCurrency;
      const product = data.product_data as Params | undefined;
      if (!product || !text(product, "name")) throw invalid("Missing required param: line_items[0][price_data][product_data][name].", `line_items[${i}][price_data][product_data][name]`);
      total += integer(data.unit_amount, `line_items[${i}][price_data][unit_amount]`, { min: 0 }) * integer(item.quantity ?? "1", `line_items[${i}][quantity]`, { min: 1 });
    });
    const created = nowSeconds();
    let expiresAt = created + 24 * 3600;
    if (params.expires_at !== undefined) {
      expiresAt = integer(params.expires_at, "expires_at");
      if (expiresAt < created + 30 * 60 || expiresAt > created + 24 * 3600) {
        throw invalid("The `expires_at` timestamp must be at least 30 minutes and at most 24 hours after the Checkout Session's creation.", "expires_at");
      }
    }
    const sessionId = id("cs_test");
    const intentData = (params.payment_intent_data as Params | undefined) ?? {};
    const session: StripeObject = {
      id: sessionId,
      object: "checkout.session",
      amount_subtotal: total,
      amount_total: total,
      cancel_url: text(params, "cancel_url") ?? null,
      client_reference_id: text(params, "client_reference_id") ?? null,
      created,
      currency,
      customer_email: text(params, "customer_email") ?? null,
      expires_at: expiresAt,
      livemode: false,
      metadata: metadataOf(params.metadata),
      mode: "payment",
      payment_intent: null,
      payment_status: "unpaid",
      status: "open",
      success_url: text(params, "success_url") ?? null,
      url: `${baseUrl}/checkout/${sessionId}`,
      // Kept to copy onto the payment intent and charge when paid; not part of Stripe's object.
      _payment_intent_metadata: metadataOf(intentData.metadata),
    };
    sessions.set(sessionId, session);
    return session;
  }

  function publicSession(session: StripeObject): StripeObject {
    if (session.status === "open" && (session.expires_at as number) <= nowSeconds()) expire(session);
    const { _payment_intent_metadata: _hidden, ...rest } = session;
    return rest as StripeObject;
  }

  function expire(session: StripeObject): void {
    session.status = "expired";
    session.url = null;
    send("checkout.session.expired", publicSession(session));
  }

  function sessionOf(sessionId: string): StripeObject {
    const session = sessions.get(sessionId);
    if (!session) throw missing("checkout.session", sessionId);
    publicSession(session);
    return session;
  }

  /** Pays an open session as Stripe does: payment intent, charge, session complete, then the event. */
  function pay(sessionId: string, deliverIt: boolean): SentEvent {
    const session = sessionOf(sessionId);
    if (session.status !== "open") throw invalid(`This Checkout Session is ${session.status} and can no longer be paid.`);
    const metadata = session._payment_intent_metadata as Record<string, string>;
    const intent: StripeObject = { id: id("pi"), object: "payment_intent", amount: session.amount_total, currency: session.currency, status: "succeeded", metadata, latest_charge: null, created: nowSeconds(), livemode: false };
    const charge: StripeObject = { id: id("ch"), object: "charge", amount: session.amount_total, amount_captured: session.amount_total, amount_refunded: 0, currency: session.currency, paid: true, refunded: false, status: "succeeded", payment_intent: intent.id, metadata, created: nowSeconds(), livemode: false };
    intent.latest_charge = charge.id;
    paymentIntents.set(intent.id, intent);
    charges.set(charge.id, charge);
    Object.assign(session, { status: "complete", payment_status: "paid", payment_intent: intent.id, url: null });
    return send("checkout.session.completed", publicSession(session), { deliver: deliverIt });
  }

  function createRefund(params: Params): StripeObject {
    const intentId = text(params, "payment_intent");
    const chargeParam = text(params, "charge");
    let charge: StripeObject | undefined;
    if (intentId) {
      const intent = paymentIntents.get(intentId);
      if (!intent) throw missing("payment_intent", intentId);
      charge = charges.get(intent.latest_charge as string);
    } else if (chargeParam) {
      charge = charges.get(chargeParam);
      if (!charge) throw missing("charge", chargeParam);
    } else {
      throw invalid("One of `charge` or `payment_intent` is required.");
    }
    if (!charge) throw invalid("This PaymentIntent has no successful charge to refund.", "payment_intent");
    const left = (charge.amount as number) - (charge.amount_refunded as number);
    if (left <= 0) throw new StripeError(400, "invalid_request_error", `Charge ${charge.id} has already been refunded.`, { code: "charge_already_refunded" });
    const amount = params.amount === undefined ? left : integer(params.amount, "amount", { min: 1 });
    if (amount > left) {
      throw new StripeError(400, "invalid_request_error", `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, { code: "amount_too_large", param: "amount" });
    }
    const refund: StripeObject = {
      id: id("re"),
      object: "refund",
      amount,
      charge: charge.id,
      created: nowSeconds(),
      currency: charge.currency,
      metadata: metadataOf(params.metadata),
      payment_intent: charge.payment_intent,
      reason: text(params, "reason") ?? null,
      status: "succeeded",
    };
    refunds.set(refund.id, refund);
    charge.amount_refunded = (charge.amount_refunded as number) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    send("refund.created", refund);
    send("charge.refunded", charge);
    return refund;
  }

  function failRefund(refundId: string): StripeObject {
    const refund = refunds.get(refundId);
    if (!refund) throw missing("refund", refundId);
    if (refund.status === "failed") return refund;
    refund.status = "failed";
    refund.failure_reason = "unknown";
    const charge = charges.get(refund.charge as string);
    if (charge) {
      charge.amount_refunded = (charge.amount_refunded as number) - (refund.amount as number);
      charge.refunded = false;
    }
    send("refund.updated", refund);
    return refund;
  }

  // ── HTTP ────────────────────────────────────────────────────────────────
  async function readBody(req: http.IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }

  function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "content-type": "application/json", "request-id": id("req"), "stripe-version": API_VERSION, ...headers });
    res.end(JSON.stringify(body));
  }

  function html(res: http.ServerResponse, status: number, title: string, body: string): void {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}button{font-size:1rem;padding:.6rem 1.4rem;margin-right:.5rem}</style></head><body>${body}</body></html>`);
  }

  function redirect(res: http.ServerResponse, location: string | null): void {
    res.writeHead(303, { location: location ?? "/" });
    res.end();
  }

  /** One API call, with Stripe's idempotency: a key remembers the parameters and the answer. */
  function api(req: http.IncomingMessage, res: http.ServerResponse, method: string, path: string, params: Params, handle: () => StripeObject): void {
    const key = req.headers["idempotency-key"];
    const fingerprint = `${method} ${path} ${JSON.stringify(params)}`;
    if (typeof key === "string" && method === "POST") {
      const seen = idempotency.get(key);
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          throw new StripeError(400, "idempotency_error", `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`);
        }
        return json(res, seen.status, seen.body, { "idempotent-replayed": "true", "idempotency-key": key });
      }
    }
    let status = 200;
    let body: unknown;
    try {
      body = handle();
    } catch (err) {
      if (!(err instanceof StripeError)) throw err;
      status = err.status;
      body = err.body();
    }
    if (typeof key === "string" && method === "POST") idempotency.set(key, { fingerprint, status, body });
    json(res, status, body, typeof key === "string" ? { "idempotency-key": key } : {});
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const method = req.method ?? "GET";
    const path = url.pathname;
    let m: RegExpExecArray | null;

    if (path.startsWith("/v1/")) {
      if (down) {
        // An outage as the SDK meets it: the connection drops without an answer.
        req.socket.destroy();
        return;
      }
      const auth = req.headers.authorization ?? "";
      if (auth !== `Bearer ${secretKey}`) {
        const shown = auth.replace(/^Bearer\s+/i, "");
        throw new StripeError(401, "invalid_request_error", shown ? `Invalid API Key provided: ${shown.slice(0, 8)}****` : "You did not provide an API key.");
      }
      const params = method === "POST" ? parseForm(await readBody(req)) : Object.fromEntries(url.searchParams);
      if (method === "POST" && path === "/v1/checkout/sessions") return api(req, res, method, path, params, () => publicSession(createSession(params)));
      if (method === "GET" && (m = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path))) return json(res, 200, publicSession(sessionOf(m[1]!)));
      if (method === "POST" && (m = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path))) {
        const sessionId = m[1]!;
        return api(req, res, method, path, params, () => {
          const session = sessionOf(sessionId);
          if (session.status !== "open") throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`);
          expire(session);
          return publicSession(session);
        });
      }
      if (method === "POST" && path === "/v1/refunds") return api(req, res, method, path, params, () => createRefund(params));
      if (method === "GET" && (m = /^\/v1\/refunds\/([^/]+)$/.exec(path))) {
        const refund = refunds.get(m[1]!);
        if (!refund) throw missing("refund", m[1]!);
        return json(res, 200, refund);
      }
      throw new StripeError(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}). This stand-in serves only what the shop uses.`);
    }

    if ((m = /^\/checkout\/([^/]+)(?:\/(pay|decline))?$/.exec(path))) {
      const session = sessions.get(m[1]!);
      if (!session) return html(res, 404, "Not found", "<h1>No such checkout session</h1>");
      publicSession(session);
      const action = m[2];
      if (method === "GET" && !action) {
        if (session.status !== "open") return html(res, 410, "Checkout", `<h1>This checkout is ${escapeHtml(String(session.status))}</h1><p><a href="${escapeHtml(String(session.success_url ?? "/"))}">Back to the shop</a></p>`);
        const amount = `${((session.amount_total as number) / 100).toFixed(2)} ${String(session.currency).toUpperCase()}`;
        return html(
          res,
          200,
          "Checkout",
          `<p>Local Stripe stand-in (test mode)</p><h1>Pay ${escapeHtml(amount)}</h1><p>${escapeHtml(String(session.customer_email ?? ""))}</p>` +
            `<form method="post" action="/checkout/${escapeHtml(session.id)}/pay" style="display:inline"><button type="submit">Pay</button></form>` +
            `<form method="post" action="/checkout/${escapeHtml(session.id)}/decline" style="display:inline"><button type="submit">Decline</button></form>`,
        );
      }
      if (method === "POST" && action === "pay") {
        if (session.status !== "open") return html(res, 409, "Checkout", `<h1>This checkout is ${escapeHtml(String(session.status))} and can no longer be paid</h1>`);
        pay(session.id, true);
        return redirect(res, session.success_url as string | null);
      }
      if (method === "POST" && action === "decline") return redirect(res, session.cancel_url as string | null);
      return html(res, 405, "Checkout", "<h1>Method not allowed</h1>");
    }

    if (path.startsWith("/__stand-in/")) {
      if (method === "POST" && (m = /^\/__stand-in\/sessions\/([^/]+)\/pay$/.exec(path))) {
        const event = pay(m[1]!, url.searchParams.get("deliver") !== "false");
        return json(res, 200, { event: JSON.parse(event.payload), payload: event.payload, signature: signature(webhookSecret, event.payload) });
      }
      if (method === "POST" && (m = /^\/__stand-in\/refunds\/([^/]+)\/fail$/.exec(path))) return json(res, 200, failRefund(m[1]!));
      if (method === "POST" && path === "/__stand-in/down") {
        down = true;
        return json(res, 200, { down });
      }
      if (method === "POST" && path === "/__stand-in/up") {
        down = false;
        return json(res, 200, { down });
      }
      if (method === "POST" && path === "/__stand-in/webhook-target") {
        const body = JSON.parse((await readBody(req)) || "{}") as { url?: string | null };
        webhookTarget = body.url ?? null;
        return json(res, 200, { webhook_target: webhookTarget });
      }
      if (method === "POST" && path === "/__stand-in/sign") {
        const body = JSON.parse((await readBody(req)) || "{}") as { payload?: string; timestamp?: number };
        return json(res, 200, { signature: signature(webhookSecret, body.payload ?? "", body.timestamp) });
      }
      if (method === "GET" && path === "/__stand-in/events") {
        const type = url.searchParams.get("type");
        return json(res, 200, { data: sent.filter((e) => !type || e.type === type).map((e) => ({ ...e, event: JSON.parse(e.payload) })) });
      }
    }
    throw new StripeError(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}).`);
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (res.headersSent || req.socket.destroyed) return;
      if (err instanceof StripeError) return json(res, err.status, err.body());
      json(res, 500, { error: { type: "api_error", message: err instanceof Error ? err.message : String(err) } });
    });
  });
  const host = opts.host ?? "127.0.0.1";
  const port = await listen(server, opts.port ?? 0, host);
  baseUrl = `http://${host}:${port}`;

  return {
    url: baseUrl,
    port,
    secretKey,
    webhookSecret,
    setWebhookTarget: (target) => void (webhookTarget = target),
    setDown: (value) => void (down = value),
    events: () => sent.map((e) => ({ ...e, deliveries: [...e.deliveries] })),
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// `node scripts/stand-ins/stripe.ts [port] [webhook target]`: run it on its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const standIn = await startStripe({ port: Number(process.argv[2] ?? 0), webhookTarget: process.argv[3] ?? null });
  console.log(`stripe stand-in at ${standIn.url} (secret key ${standIn.secretKey}, webhook secret ${standIn.webhookSecret})`);
}
