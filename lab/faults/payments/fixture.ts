// What both payment scenarios (stripe-down.ts, webhook-storm.ts) need: shoppers with one pending
// order each, Checkout Sessions asked of the API, payments made on the stand-in's hosted page, the
// stand-in's events and signatures, and the database's account of every order (the ground truth).
import WebSocket from "ws";
import { signature } from "../../../scripts/stand-ins/stripe.ts";
import { expectStatus, now, sleep, withPg, type Ctx, type Res } from "../harness.ts";

export interface Shopper {
  token: string;
  orderId: number;
  total: string;
}

/** A product with plenty of stock, and `n` shoppers with one pending 1-unit order of it each. */
export async function shoppersWithOrders(ctx: Ctx, tag: string, n: number): Promise<Shopper[]> {
  const { http, adminToken: token, runId } = ctx;
  const cat = expectStatus(await http.req("POST", "/api/categories", { token, body: { name: `Faults ${tag} ${runId}`, description: "faults" } }), 201);
  const product = expectStatus(await http.req("POST", "/api/products", { token, body: { name: `Faults ${tag} ${runId}`, price: "23.45", stock: 1000, category_id: cat.body.id } }), 201);
  const shoppers: Shopper[] = [];
  for (let i = 0; i < n; i++) {
    const u = await http.user(`faults-${tag}-${runId}-${i}@example.com`);
    expectStatus(await http.req("POST", "/api/cart/items", { token: u.token, body: { product_id: product.body.id, quantity: 1 } }), 200);
    const order = expectStatus(await http.req("POST", "/api/orders", { token: u.token }), 201);
    shoppers.push({ token: u.token, orderId: order.body.id, total: order.body.total });
  }
  return shoppers;
}

export const askForSession = (ctx: Ctx, s: Shopper, timeoutMs = 30_000): Promise<Res> => ctx.http.req("POST", `/api/orders/${s.orderId}/payment`, { token: s.token, timeoutMs });

/** The session id at the end of a checkout_url. */
export const sessionIdOf = (checkoutUrl: string): string => checkoutUrl.split("/").pop()!;

/** Pays as the customer does, with the hosted page's Pay button; the stand-in then sends the webhook. */
export async function payOnPage(checkoutUrl: string): Promise<number> {
  const res = await fetch(`${checkoutUrl}/pay`, { method: "POST", redirect: "manual" });
  await res.arrayBuffer();
  return res.status;
}

/** Pays a session without delivering its event; answers the event's payload, to deliver by hand. */
export async function payUndelivered(stripeUrl: string, sessionId: string): Promise<string> {
  const res = await fetch(`${stripeUrl}/__stand-in/sessions/${sessionId}/pay?deliver=false`, { method: "POST" });
  const body = (await res.json()) as { payload?: string; error?: { message: string } };
  if (!res.ok || !body.payload) throw new Error(`stand-in pay ${sessionId}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  return body.payload;
}

/** One call to the stand-in's Stripe API with the local secret key, as the SDK makes it. */
export async function stripeApi(ctx: Ctx, method: string, path: string, form?: Record<string, string>): Promise<any> {
  const res = await fetch(`${ctx.stack.stripe.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ctx.stack.stripe.secretKey}`, ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`stripe ${method} ${path}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  return body;
}

export const webhookUrl = (ctx: Ctx): string => `${ctx.worker.url}/api/payments/stripe/webhook`;

/**
 * Delivers one event as Stripe does: signed afresh on every attempt, retried after a non-2xx or no
 * answer (a few times, quickly). Answers every attempt's status and the last answer.
 */
export interface Delivery {
  /** Every attempt's status (or why there was none). */
  statuses: (number | string)[];
  status: number;
  /** The last answer's JSON body (`{ received, outcome }` when handled), or its text. */
  body: any;
  ms: number;
}

export async function deliver(ctx: Ctx, payload: string, attempts = 6): Promise<Delivery> {
  const statuses: (number | string)[] = [];
  let status = 0;
  let body: any = null;
  const t0 = now();
  for (let i = 0; i < attempts; i++) {
    try {
      const res = await fetch(webhookUrl(ctx), {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": signature(ctx.stack.stripe.webhookSecret, payload) },
        body: payload,
        signal: AbortSignal.timeout(20_000),
      });
      status = res.status;
      const text = await res.text();
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      statuses.push(status);
    } catch (err) {
      status = 0;
      statuses.push((err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name);
    }
    if (status >= 200 && status < 300) break;
    await sleep(200 * 2 ** i);
  }
  return { statuses, status, body, ms: now() - t0 };
}

export interface OrderFacts {
  id: number;
  status: string;
  payment_status: string;
  expires_at: string | null;
  amount_paid: string;
  amount_refunded: string;
  /** payment_sessions rows, and those complete / open / expired. */
  sessions: number;
  complete_sessions: number;
  open_sessions: number;
  expired_sessions: number;
  paid_history: number;
  cancelled_history: number;
  paid_notifications: number;
  paid_emails: number;
  refund_emails: number;
  refunds: number;
  refunded_sum: string;
  /** stripe_events rows naming the order, by outcome. */
  outcomes: Record<string, number>;
}

/** The database's account of each order, read directly (not through the Worker). */
export async function orderFacts(ctx: Ctx, ids: number[]): Promise<Map<number, OrderFacts>> {
  return withPg(ctx.stack.postgres.url, async (client) => {
    const { rows } = await client.query<OrderFacts>(
      `select o.id, o.status::text as status, o.payment_status::text as payment_status, o.expires_at::text as expires_at,
         o.amount_paid::text as amount_paid, o.amount_refunded::text as amount_refunded,
         (select count(*)::int from payment_sessions s where s.order_id = o.id) as sessions,
         (select count(*)::int from payment_sessions s where s.order_id = o.id and s.status = 'complete') as complete_sessions,
         (select count(*)::int from payment_sessions s where s.order_id = o.id and s.status = 'open') as open_sessions,
         (select count(*)::int from payment_sessions s where s.order_id = o.id and s.status = 'expired') as expired_sessions,
         (select count(*)::int from order_status_history h where h.order_id = o.id and h.to_status = 'paid') as paid_history,
         (select count(*)::int from order_status_history h where h.order_id = o.id and h.to_status = 'cancelled') as cancelled_history,
         (select count(*)::int from notifications n where n.order_id = o.id and n.to_status = 'paid') as paid_notifications,
         (select count(*)::int from email_outbox e where e.template = 'order_paid' and (e.data->'order'->>'id')::int = o.id) as paid_emails,
         (select count(*)::int from email_outbox e where e.template = 'order_refunded' and (e.data->'order'->>'id')::int = o.id) as refund_emails,
         (select count(*)::int from refunds r where r.order_id = o.id) as refunds,
         (select coalesce(sum(r.amount), 0)::text from refunds r where r.order_id = o.id) as refunded_sum,
         coalesce((select json_object_agg(outcome, n) from (select outcome, count(*)::int as n from stripe_events e where e.order_id = o.id group by outcome) x), '{}') as outcomes
       from orders o where o.id = any($1::int[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r]));
  });
}

/** The outcome stripe_events recorded for each event id. */
export async function eventOutcomes(ctx: Ctx, ids: string[]): Promise<Map<string, string>> {
  return withPg(ctx.stack.postgres.url, async (client) => {
    const { rows } = await client.query<{ id: string; outcome: string }>("select id, outcome from stripe_events where id = any($1::text[])", [ids]);
    return new Map(rows.map((r) => [r.id, r.outcome]));
  });
}

/** Polls until `done(facts)` holds for every order, or `ms` pass; answers the last facts. */
export async function waitForOrders(ctx: Ctx, ids: number[], done: (f: OrderFacts) => boolean, ms: number): Promise<{ facts: Map<number, OrderFacts>; afterMs: number | null }> {
  const t0 = now();
  for (;;) {
    const facts = await orderFacts(ctx, ids);
    if (ids.every((id) => facts.has(id) && done(facts.get(id)!))) return { facts, afterMs: now() - t0 };
    if (now() - t0 > ms) return { facts, afterMs: null };
    await sleep(250);
  }
}

/** Owners' sockets, counting the `paid` messages each order gets. */
export async function watchPaid(ctx: Ctx, shoppers: Shopper[]): Promise<{ paid: Map<number, number>; close(): void }> {
  const paid = new Map<number, number>();
  const wsUrl = `${ctx.worker.url.replace(/^http/, "ws")}/api/notifications/ws`;
  const sockets = await Promise.all(
    shoppers.map(
      (s) =>
        new Promise<WebSocket>((resolve, reject) => {
          const socket = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${s.token}` } });
          socket.on("message", (data) => {
            const msg = JSON.parse(String(data));
            if (msg.type === "order.status_changed" && msg.to_status === "paid") paid.set(msg.order_id, (paid.get(msg.order_id) ?? 0) + 1);
          });
          socket.once("open", () => resolve(socket));
          socket.once("error", reject);
        }),
    ),
  );
  return { paid, close: () => sockets.forEach((s) => s.terminate()) };
}
