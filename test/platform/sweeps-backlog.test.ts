import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";
import { redisCommand } from "../helpers/redis";
import { captureConsole } from "../helpers/worker";

// After a long outage (Redis down, the provider down, the cron not running) every cron sweep of
// src/scheduled.ts finds a large backlog. Each must work through it in batches (every statement
// well under the sessions' 800 ms statement_timeout), stop under its own time budget so a minute's
// run ends before the next, and make progress that the next run continues. The backlog is written
// in SQL (100,000 rows of each kind), then the scheduled handler runs as the cron would.

const OWED = 100_000;
const tag = crypto.randomUUID().slice(0, 8);
/** Backlog rows of this file: bumps dated in 2001, mails and guest orders to these addresses. */
const BUMPS_FROM = "2001-01-01T00:00:00Z";
const mailTo = `backlog-mail-${tag}@example.com`;
const guest = `backlog-order-${tag}@example.com`;
/** The sweeps' time budgets (src/catalog/catalog-version.ts, src/orders/order-holds.ts, src/email/outbox.ts). */
const BUDGET_MS = { "catalog bump sweep": 10_000, "expired order sweep": 20_000, "email outbox sweep": 20_000 };
/** A sweep checks its budget between batches: it may run one batch past it. */
const ONE_BATCH_MS = 5_000;

type SweepLog = { msg: string; result: Record<string, number | boolean>; ms: number; error?: unknown };

const ORDER = {
  id: 4242,
  status: "paid",
  currency: "usd",
  subtotal: "10.00",
  discount_total: "0.00",
  shipping_total: "4.90",
  tax_total: "0.00",
  total: "14.90",
  items: [{ name: "Tea cup", sku: "CUP-BLUE", options: { Colour: "Blue" }, unit_price: "10.00", quantity: 1, line_total: "10.00" }],
  shipping_address: { name: "Ada", line1: "12 Analytical Row", city: "London", postal_code: "N1", country: "GB" },
};

let productIds: number[] = [];

async function runScheduled(): Promise<{ logs: SweepLog[]; errors: string[]; ms: number }> {
  const lines = captureConsole();
  const started = Date.now();
  try {
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
  } finally {
    vi.restoreAllMocks();
  }
  const parsed = lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as SweepLog & { level: string }];
    } catch {
      return [];
    }
  });
  return { logs: parsed.filter((l) => l.level === "info"), errors: parsed.filter((l) => l.level === "error").map((l) => `${l.msg}: ${JSON.stringify(l.error)}`), ms: Date.now() - started };
}

const count = async (text: string, params: unknown[] = []) => (await sql<{ n: number }>(`select count(*)::int as n from (${text}) rows`, params))[0]!.n;
const owedBumps = () => count("select 1 from catalog_bumps where created_at >= $1 and created_at < $1::timestamptz + interval '1 day'", [BUMPS_FROM]);
const pendingMails = () => count("select 1 from email_outbox where to_address = $1 and status = 'pending'", [mailTo]);
const expiredOrders = () => count("select 1 from orders where email = $1 and status = 'pending'", [guest]);

beforeAll(async () => {
  const admin = await newAdmin();
  const category = await createCategory(admin.token);
  productIds = [];
  for (let i = 0; i < 10; i++) productIds.push((await createProduct(admin.token, category.id, { stock: 0 })).id);
  await sql(
    `insert into catalog_bumps (counts, created_at) select g % 1000 = 0, $2::timestamptz + g * interval '1 ms' from generate_series(1, $1::int) g`,
    [OWED, BUMPS_FROM],
  );
  await sql(
    `insert into email_outbox (to_address, template, data, next_attempt_at) select $2, 'order_paid', $3::jsonb, now() - interval '1 hour' from generate_series(1, $1::int)`,
    [OWED, mailTo, JSON.stringify({ order: ORDER })],
  );
  // Unpaid guest orders whose hold ended an hour ago, one unit each of one of the products (whose
  // stock is 0: the orders hold it all).
  await sql(
    `with o as (
       insert into orders (email, subtotal, total, expires_at, created_at)
       select $2, 1.00, 1.00, now() - interval '1 hour' + g * interval '1 ms', now() - interval '2 hours' from generate_series(1, $1::int) g
       returning id),
     items as (
       insert into order_items (order_id, product_id, variant_id, name, sku, unit_price, quantity)
       select o.id, p.id, p.id, 'Backlog item', 'SKU-' || p.id, 1.00, 1 from o join unnest($3::int[]) with ordinality as p(id, n) on p.n = 1 + o.id % 10)
     select 1`,
    [OWED, guest, productIds],
  );
}, 120_000);

afterAll(async () => {
  // What the sweeps left: this file's rows only.
  await sql("delete from orders where email = $1", [guest]);
  await sql("delete from email_outbox where to_address = any($1)", [[mailTo, guest]]);
  await sql("delete from catalog_bumps where created_at >= $1 and created_at < $1::timestamptz + interval '1 day'", [BUMPS_FROM]);
}, 60_000);

describe("the cron sweeps after a long outage (100,000 owed rows each)", () => {
  it("work in batches, each finishes under its time budget, and the next run goes on where the last stopped", async () => {
    expect([await owedBumps(), await pendingMails(), await expiredOrders()]).toEqual([OWED, OWED, OWED]);
    const versionsBefore = await Promise.all(["catalog:ver", "catalog:count-ver"].map((key) => redisCommand("GET", key)));

    const first = await runScheduled();

    expect(first.errors).toEqual([]);
    const sweep = (name: keyof typeof BUDGET_MS, logs = first.logs) => {
      const line = logs.find((l) => l.msg === name);
      expect(line, `${name} logged its work`).toBeDefined();
      expect(line!.ms, `${name} took ${line!.ms} ms`).toBeLessThanOrEqual(BUDGET_MS[name] + ONE_BATCH_MS);
      return line!;
    };
    // Catalog bumps: one raise pays them all (counts included: some rows changed counts), then
    // the rows go in batches of 10,000; the whole backlog is gone in one run.
    const bumps = sweep("catalog bump sweep");
    expect(bumps.result.paid).toBeGreaterThanOrEqual(OWED);
    expect(bumps.result.batches).toBeGreaterThanOrEqual(OWED / 10_000);
    expect(bumps.result.complete).toBe(true);
    expect(await owedBumps()).toBe(0);
    const versionsAfter = await Promise.all(["catalog:ver", "catalog:count-ver"].map((key) => redisCommand("GET", key)));
    versionsAfter.forEach((v, i) => expect(Number(v)).toBeGreaterThan(Number(versionsBefore[i] ?? 0)));

    // Expired orders: batches of 100, cancelled with their stock returned, until the budget.
    const orders = sweep("expired order sweep");
    const cancelled = OWED - (await expiredOrders());
    expect(orders.result.batches).toBeGreaterThan(1);
    expect(orders.result.complete).toBe(false);
    expect(cancelled).toBeGreaterThanOrEqual(100);
    expect(cancelled).toBe(orders.result.cancelled);
    const [returned] = await sql<{ stock: number }>("select sum(stock)::int as stock from variants where id = any($1)", [productIds]);
    expect(returned!.stock).toBe(cancelled);

    // Mails: batches of 40 sent, until the budget.
    const mails = sweep("email outbox sweep");
    const sent = OWED - (await pendingMails());
    expect(mails.result.batches).toBeGreaterThan(1);
    expect(mails.result.complete).toBe(false);
    expect(sent).toBeGreaterThanOrEqual(40);
    expect(await count("select 1 from email_outbox where to_address = $1 and status = 'sent'", [mailTo])).toBe(sent);

    // The next minute's run goes on: the bump outbox has nothing owed, the others move further.
    const second = await runScheduled();
    expect(second.errors).toEqual([]);
    expect(second.logs.find((l) => l.msg === "catalog bump sweep")).toBeUndefined();
    sweep("expired order sweep", second.logs);
    sweep("email outbox sweep", second.logs);
    const cancelledAfter = OWED - (await expiredOrders());
    const sentAfter = OWED - (await pendingMails());
    expect(cancelledAfter).toBeGreaterThan(cancelled);
    expect(sentAfter).toBeGreaterThan(sent);
    console.log(
      `backlog of ${OWED.toLocaleString("en-US")} each: bumps paid in 1 run (${bumps.result.batches} batches, ${bumps.ms} ms); ` +
        `expired orders ${cancelled} then ${cancelledAfter - cancelled} per run (${((cancelled / OWED) * 100).toFixed(1)} % in the first, ${orders.ms} ms); ` +
        `mails ${sent} then ${sentAfter - sent} per run (${mails.ms} ms)`,
    );
  }, 150_000);
});
