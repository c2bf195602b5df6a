import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { MAX_EMAIL_ATTEMPTS } from "../../src/email/outbox";
import { api, expectProblem, newUser, PASSWORD, uniqueEmail } from "../helpers/api";
import { sql } from "../helpers/db";
import { newAdmin } from "../helpers/fixtures";
import { captureConsole } from "../helpers/worker";
import { clientIp, deliver, linkToken, mailsTo, send, sinkDownFor, sinkUpFor } from "./mail-sink";

type OutboxRow = { id: string; status: string; attempts: number; due_in_seconds: number; last_error: string | null; provider_id: string | null; data: Record<string, unknown> };

const rowsTo = (email: string) => sql<OutboxRow>("select id, status, attempts, extract(epoch from next_attempt_at - now())::float8 as due_in_seconds, last_error, provider_id, data from email_outbox where to_address = $1 order by id", [email]);

async function outboxRow(to: string, template: string, data: unknown): Promise<number> {
  const [row] = await sql<{ id: string }>("insert into email_outbox (to_address, template, data) values ($1, $2, $3) returning id", [to, template, JSON.stringify(data)]);
  return Number(row!.id);
}

const ORDER = {
  id: 4242,
  status: "paid",
  currency: "eur",
  subtotal: "30.00",
  discount_total: "3.00",
  shipping_total: "4.90",
  tax_total: "6.38",
  total: "38.28",
  items: [
    { name: "Tea cup", sku: "CUP-BLUE", options: { Colour: "Blue" }, unit_price: "10.00", quantity: 2, line_total: "20.00" },
    { name: "Saucer", sku: "SAU-1", options: {}, unit_price: "10.00", quantity: 1, line_total: "10.00" },
  ],
  shipping_address: { name: "Ada", line1: "12 Analytical Row", city: "London", postal_code: "N1", country: "GB" },
};

async function runScheduled() {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the email sender", () => {
  it("keeps mails pending with backoff while the provider is down, then delivers each exactly once", async () => {
    const email = uniqueEmail("outage");
    await sinkDownFor(email);
    try {
      const res = await send("POST", "/api/auth/register", { body: { email, password: PASSWORD }, headers: { "cf-connecting-ip": clientIp() } });
      expect(res.status).toBe(201);
      const [row] = await rowsTo(email);
      expect(row).toMatchObject({ status: "pending", attempts: 1, last_error: expect.stringMatching(/503/) });
      expect(row!.due_in_seconds).toBeGreaterThan(10);
      expect(row!.data.token).toEqual(expect.any(String));
      // Not due yet: a sweep leaves it alone.
      await deliver({ ids: [Number(row!.id)] });
      expect((await rowsTo(email))[0]!.attempts).toBe(1);
      expect(await mailsTo(email)).toEqual([]);
    } finally {
      await sinkUpFor(email);
    }
    await sql("update email_outbox set next_attempt_at = now() where to_address = $1", [email]);
    const [id] = (await rowsTo(email)).map((r) => Number(r.id));
    // Two senders at once: the row is claimed by one of them only.
    const reports = await Promise.all([deliver({ ids: [id!] }), deliver({ ids: [id!] })]);
    expect(reports.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect(await mailsTo(email)).toHaveLength(1);
    const [sent] = await rowsTo(email);
    expect(sent).toMatchObject({ status: "sent", attempts: 2, provider_id: expect.any(String), data: {} });
    expect(sent!.provider_id).toBe((await mailsTo(email))[0]!.id);
  });

  it("never sends a mail twice, even when a sender dies after sending and before recording it", async () => {
    const email = uniqueEmail("idem");
    const id = await outboxRow(email, "order_paid", { order: ORDER });
    await deliver({ ids: [id] });
    const [first] = await rowsTo(email);
    // What a sender that died between the provider's answer and its UPDATE leaves behind.
    await sql("update email_outbox set status = 'pending', sent_at = null, next_attempt_at = now() where id = $1", [id]);
    expect((await deliver({ ids: [id] })).sent).toBe(1);
    expect(await mailsTo(email)).toHaveLength(1);
    expect((await rowsTo(email))[0]!.provider_id).toBe(first!.provider_id);
  });

  it(`marks a mail failed after ${MAX_EMAIL_ATTEMPTS} attempts and drops its token`, async () => {
    const email = uniqueEmail("give-up");
    const id = await outboxRow(email, "password_reset", { token: "t".repeat(43) });
    await sql("update email_outbox set attempts = $2 where id = $1", [id, MAX_EMAIL_ATTEMPTS - 1]);
    await sinkDownFor(email);
    try {
      await deliver({ ids: [id] });
    } finally {
      await sinkUpFor(email);
    }
    const [row] = await rowsTo(email);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_EMAIL_ATTEMPTS, data: {} });
  });

  it("fails a mail it cannot render at once, without retrying", async () => {
    const email = uniqueEmail("bad-template");
    const id = await outboxRow(email, "no_such_template", {});
    await deliver({ ids: [id] });
    expect((await rowsTo(email))[0]).toMatchObject({ status: "failed", attempts: 1, last_error: expect.stringMatching(/unrenderable/) });
  });

  it("renders order mails with the shop name, the lines and the totals", async () => {
    const email = uniqueEmail("order-mail");
    const placed = await outboxRow(email, "order_placed", { order: ORDER });
    const refunded = await outboxRow(email, "order_refunded", { order: ORDER, refund: { amount: "10.00" } });
    await deliver({ ids: [placed, refunded] });
    const mails = await mailsTo(email);
    const byRow = (subject: RegExp) => mails.find((m) => subject.test(m.subject))!;
    const order = byRow(/Order #4242 received/);
    expect(order.subject).toContain(env.SHOP_NAME ?? "Edge Shop");
    expect(order.from).toBe(env.EMAIL_FROM);
    for (const part of ["2 × Tea cup (Colour: Blue) [CUP-BLUE]", "Saucer", "Subtotal: 30.00 EUR", "Discount: -3.00 EUR", "Shipping: 4.90 EUR", "Tax: 6.38 EUR", "Total: 38.28 EUR", "12 Analytical Row"]) {
      expect(order.text).toContain(part);
    }
    expect(order.html).toContain("Tea cup");
    expect(order.html).toContain("38.28");
    expect(byRow(/Refund for order #4242/).text).toContain("Refunded: 10.00 EUR");
  });

  it("is swept by the scheduled handler", async () => {
    const email = uniqueEmail("cron");
    await outboxRow(email, "order_shipped", { order: ORDER });
    await runScheduled();
    expect((await rowsTo(email))[0]!.status).toBe("sent");
    expect((await mailsTo(email))[0]!.subject).toMatch(/Order #4242 shipped/);
  });

  it("never writes a token, a link or a password to the logs", async () => {
    const email = uniqueEmail("logs");
    const lines = captureConsole();
    await sinkDownFor(email);
    let id: number;
    try {
      expect((await send("POST", "/api/auth/register", { body: { email, password: PASSWORD }, headers: { "cf-connecting-ip": clientIp() } })).status).toBe(201);
      expect((await send("POST", "/api/auth/password-reset", { body: { email }, headers: { "cf-connecting-ip": clientIp() } })).status).toBe(202);
      id = Number((await rowsTo(email))[1]!.id);
    } finally {
      await sinkUpFor(email);
    }
    expect(lines.some((l) => l.includes("email delivery failed"))).toBe(true);
    await sql("update email_outbox set next_attempt_at = now() where to_address = $1", [email]);
    await deliver({ ids: [id] });
    const token = linkToken((await mailsTo(email))[0]!, "reset-password");
    expect((await send("POST", "/api/auth/password-reset/confirm", { body: { token, password: "x" } })).status).toBe(400);
    expect((await send("POST", "/api/auth/password-reset/confirm", { body: { token, password: "a new passphrase" } })).status).toBe(204);
    for (const line of lines) {
      expect(line).not.toContain(token);
      expect(line).not.toContain("token=");
      expect(line).not.toContain(email);
      expect(line).not.toContain(PASSWORD);
      expect(line).not.toContain("a new passphrase");
    }
  });
});

describe("GET /api/admin/emails", () => {
  let admin: Awaited<ReturnType<typeof newAdmin>>;
  beforeAll(async () => {
    admin = await newAdmin();
  });

  it("lists the outbox newest first, by status, without contents", async () => {
    const email = uniqueEmail("listed");
    const id = await outboxRow(email, "order_delivered", { order: ORDER });
    await deliver({ ids: [id] });
    const res = await api("GET", "/api/admin/emails?status=sent&page_size=100", { token: admin.token });
    expect(res.status).toBe(200);
    const item = res.body.results.find((e: { id: number }) => e.id === id);
    expect(item).toEqual({ id, to: email, template: "order_delivered", status: "sent", attempts: 1, last_error: null, created_at: expect.any(String), sent_at: expect.any(String) });
    expect(res.body.results.every((e: { status: string }) => e.status === "sent")).toBe(true);
    const ids = res.body.results.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(res.body.count).toEqual(expect.any(Number));
    expect(JSON.stringify(res.body)).not.toContain('"data"');
  });

  it("pages by cursor", async () => {
    for (let i = 0; i < 3; i++) await outboxRow(uniqueEmail("paged"), "order_placed", { order: ORDER });
    const first = await api("GET", "/api/admin/emails?page_size=2", { token: admin.token });
    expect(first.body.results).toHaveLength(2);
    const next = await api("GET", `/api/admin/emails?page_size=2&cursor=${encodeURIComponent(first.body.next_cursor)}`, { token: admin.token });
    expect(next.status).toBe(200);
    expect(next.body.results[0].id).toBeLessThan(first.body.results[1].id);
  });

  it("is for admins only, and checks its query", async () => {
    const user = await newUser("not-admin");
    expectProblem(await api("GET", "/api/admin/emails", { token: user.token }), 403);
    expectProblem(await api("GET", "/api/admin/emails"), 401);
    expectProblem(await api("GET", "/api/admin/emails?status=lost", { token: admin.token }), 400);
    expectProblem(await api("GET", "/api/admin/emails?to=x", { token: admin.token }), 400);
  });
});
