// npm run bench -- payments [--orders 100]
// Orders paid through Stripe's webhooks (docs/design/payments.md), on a throwaway stack and the Worker under
// `npm run serve`'s runtime: `orders` pending orders (4 per shopper, below the 5 unpaid an account
// may hold) each get a Checkout Session (`POST /api/orders/{id}/payment`, timed as its own row),
// every shopper listens on a notification socket, then every order is paid at once on the Stripe
// stand-in's hosted page (its Pay button), which sends the signed `checkout.session.completed`
// webhook to the Worker. Timed per order: from Pay to the `paid` message on the owner's socket.
// Checked afterwards: every order paid, exactly one `paid` notification, history row and paid
// email per order, one handled event per order, and how many deliveries the stand-in retried.
import pg from "pg";
import WebSocket from "ws";
import { pool } from "../lib/api-client.ts";
import { startOwnStack } from "./own-stack.ts";
import { round, spread, type Sample } from "./stats.ts";
import { opened } from "./ws.ts";

export interface PaymentsOptions {
  orders: number;
  samples: Sample[];
  findings: Record<string, unknown>;
}

const ORDERS_PER_SHOPPER = 4;

export async function paymentsBench(opts: PaymentsOptions): Promise<void> {
  const log = (l: string) => console.log(`[payments] ${l}`);
  const runId = Date.now().toString(36);
  const own = await startOwnStack("payments", log);
  const sockets: WebSocket[] = [];
  try {
    const { api, adminToken: token } = own;
    const cat = await api.call("POST", "/api/categories", { token, body: { name: `Payments ${runId}`, description: "bench" } });
    const product = await api.call("POST", "/api/products", { token, body: { name: `Payments ${runId}`, price: "12.34", stock: opts.orders * 2, category_id: cat.body.id } });
    if (product.status !== 201) throw new Error(`create product: ${product.status} ${product.text.slice(0, 200)}`);
    const shopperCount = Math.ceil(opts.orders / ORDERS_PER_SHOPPER);
    log(`${shopperCount} shoppers place ${opts.orders} orders and ask for their Checkout Sessions…`);
    const orders: { id: number; token: string; url: string }[] = [];
    const sessionLatencies: number[] = [];
    const shoppers: { token: string }[] = [];
    await pool(Array.from({ length: shopperCount }, (_, i) => i), 4, async (i) => {
      const u = await api.user(`payments-${runId}-${i}@example.com`);
      shoppers.push(u);
      for (let k = 0; k < Math.min(ORDERS_PER_SHOPPER, opts.orders - i * ORDERS_PER_SHOPPER); k++) {
        const add = await api.call("POST", "/api/cart/items", { token: u.token, body: { product_id: product.body.id, quantity: 1 } });
        if (add.status !== 200) throw new Error(`add to cart: ${add.status} ${add.text.slice(0, 200)}`);
        const order = await api.call("POST", "/api/orders", { token: u.token });
        if (order.status !== 201) throw new Error(`order: ${order.status} ${order.text.slice(0, 200)}`);
        const session = await api.call("POST", `/api/orders/${order.body.id}/payment`, { token: u.token });
        if (session.status !== 200) throw new Error(`payment session: ${session.status} ${session.text.slice(0, 200)}`);
        sessionLatencies.push(session.ms);
        orders.push({ id: order.body.id, token: u.token, url: session.body.checkout_url });
      }
    });

    // Each owner's socket: when the `paid` message of each of their orders arrives.
    const paidSeen = new Map<number, number[]>();
    const wsBase = own.worker.url.replace(/^http/, "ws");
    await pool(shoppers, 10, async (u) => {
      const socket = new WebSocket(`${wsBase}/api/notifications/ws`, { headers: { authorization: `Bearer ${u.token}` } });
      socket.on("message", (data) => {
        const msg = JSON.parse(String(data));
        if (msg.type !== "order.status_changed" || msg.to_status !== "paid") return;
        const list = paidSeen.get(msg.order_id) ?? [];
        list.push(performance.now());
        paidSeen.set(msg.order_id, list);
      });
      sockets.push(await opened(socket));
    });

    log(`paying all ${orders.length} at once on the stand-in's checkout page…`);
    const payAt = new Map<number, number>();
    const started = performance.now();
    // performance.now() and the database's clock (paid_at) are compared through this one reading.
    const epochAtStart = Date.now() - started;
    const payAnswers = await Promise.all(
      orders.map(async (o) => {
        payAt.set(o.id, performance.now());
        const res = await fetch(`${o.url}/pay`, { method: "POST", redirect: "manual" });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    const payFailed = payAnswers.filter((s) => s !== 303).length;
    // Until the database has every order paid (or a minute), then up to 3 s more for the sockets.
    const deadline = performance.now() + 60_000;
    const ids = orders.map((o) => o.id);
    const db = new pg.Client({ connectionString: own.stack.databaseUrl });
    await db.connect();
    const paidInDb = async () => (await db.query<{ n: number }>("select count(*)::int as n from orders where id = any($1::int[]) and status = 'paid'", [ids])).rows[0]!.n;
    while (performance.now() < deadline && (await paidInDb()) < ids.length) await new Promise((r) => setTimeout(r, 100));
    const grace = performance.now() + 3000;
    while (performance.now() < grace && orders.some((o) => !paidSeen.has(o.id))) await new Promise((r) => setTimeout(r, 50));
    const lastSeen = Math.max(started, ...[...paidSeen.values()].map((l) => l[0]!));
    const visible = orders.filter((o) => paidSeen.has(o.id)).map((o) => paidSeen.get(o.id)![0]! - payAt.get(o.id)!);
    visible.sort((a, b) => a - b);
    // Let late duplicates (if any) arrive before counting them.
    await new Promise((r) => setTimeout(r, 1000));

    const events = (await (await fetch(`${own.stripeUrl}/__stand-in/events?type=checkout.session.completed`)).json()) as { data: { delivered: boolean; deliveries: { status: number | string }[] }[] };
    const firstAttempts: Record<string, number> = {};
    for (const e of events.data) {
      const first = String(e.deliveries[0]?.status ?? "none");
      firstAttempts[first] = (firstAttempts[first] ?? 0) + 1;
    }
    const deliveries = events.data.reduce((n, e) => n + e.deliveries.length, 0);
    const undelivered = events.data.filter((e) => !e.delivered).length;
    const { rows } = await db
      .query<{ id: number; status: string; paid_ms: number | null; notes: number; history: number; emails: number; handled: number }>(
        `select o.id, o.status::text as status, (extract(epoch from o.paid_at) * 1000)::float8 as paid_ms,
          (select count(*)::int from notifications n where n.order_id = o.id and n.to_status = 'paid') as notes,
          (select count(*)::int from order_status_history h where h.order_id = o.id and h.to_status = 'paid') as history,
          (select count(*)::int from email_outbox e where e.template = 'order_paid' and (e.data->'order'->>'id')::int = o.id) as emails,
          (select count(*)::int from stripe_events s where s.order_id = o.id and s.outcome = 'paid') as handled
        from orders o where o.id = any($1::int[])`,
        [ids],
      )
      .finally(() => db.end());
    const notPaid = rows.filter((r) => r.status !== "paid").length;
    const committed = rows.filter((r) => r.paid_ms !== null).map((r) => r.paid_ms! - epochAtStart - payAt.get(r.id)!);
    committed.sort((a, b) => a - b);
    const lastCommit = Math.max(...rows.map((r) => (r.paid_ms ?? 0) - epochAtStart));
    const notOnce = rows.filter((r) => r.notes !== 1 || r.history !== 1 || r.emails !== 1 || r.handled !== 1);
    const lost = orders.filter((o) => !paidSeen.has(o.id)).length;
    const pushedTwice = [...paidSeen.values()].filter((l) => l.length > 1).length;
    const spanS = (Math.max(lastSeen, lastCommit) - started) / 1000;
    const result = {
      orders: orders.length,
      payPageFailures: payFailed,
      sessionP50: spread([...sessionLatencies].sort((a, b) => a - b)).p50,
      sessionP99: spread([...sessionLatencies].sort((a, b) => a - b)).p99,
      ...spread(visible),
      maxMs: round(visible[visible.length - 1] ?? 0),
      committed: { ...spread(committed), maxMs: round(committed[committed.length - 1] ?? 0) },
      firstDeliveryAttempts: firstAttempts,
      wallSeconds: round(spanS),
      webhooksPerSecond: round(events.data.length / spanS),
      webhookDeliveries: deliveries,
      retriedDeliveries: deliveries - events.data.length + undelivered,
      undelivered,
      notPaid,
      notExactlyOnce: notOnce.length,
      socketMessagesLost: lost,
      socketMessagesTwice: pushedTwice,
    };
    log(
      `${orders.length - notPaid} of ${orders.length} paid; Pay → paid committed p50 ${result.committed.p50} / p99 ${result.committed.p99} ms, on the socket p50 ${result.p50} / p99 ${result.p99} ms (max ${result.maxMs}); ` +
        `${result.webhooksPerSecond} webhooks/s over ${result.wallSeconds} s; first delivery attempts ${JSON.stringify(firstAttempts)}, ${result.retriedDeliveries} retried; not exactly once ${notOnce.length}; socket messages lost ${lost}`,
    );
    for (const r of notOnce.slice(0, 5)) log(`order ${r.id}: ${r.status}, ${r.notes} notifications, ${r.history} history rows, ${r.emails} emails, ${r.handled} events handled`);
    opts.findings.payments = result;
    opts.samples.push({
      name: `payments: Checkout Session for an order (POST /api/orders/{id}/payment)`,
      requests: sessionLatencies.length,
      concurrency: 4,
      ...spread([...sessionLatencies].sort((a, b) => a - b)),
      rps: 0,
      errors: 0,
      notes: "one Postgres read, the Stripe call, one write",
    });
    opts.samples.push({
      name: `payments: ${orders.length} orders paid at once, Pay → paid on the socket`,
      requests: orders.length,
      concurrency: orders.length,
      p50: result.p50,
      p95: result.p95,
      p99: result.p99,
      rps: result.webhooksPerSecond,
      errors: notPaid + notOnce.length + lost + pushedTwice + payFailed,
      notes: `${result.webhooksPerSecond} webhooks/s; Pay → paid committed p50 ${result.committed.p50} / p99 ${result.committed.p99} ms; ${result.retriedDeliveries} deliveries retried (first attempts ${JSON.stringify(firstAttempts)}); ${lost} socket messages lost; req/s = webhooks/s`,
    });
    if (notPaid + notOnce.length + lost + pushedTwice + payFailed > 0) process.exitCode = 1;
  } finally {
    for (const s of sockets) s.close();
    await own.stop();
  }
}
