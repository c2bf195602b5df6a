// The email sender: pays the outbox rows that the events' own statements wrote (registration,
// password reset, order changes), through the provider in resend.ts.
//
// Why cron + waitUntil and not Cloudflare Queues: the outbox table already is a durable queue,
// written in the same transaction as the event, so a Queue would be a second copy of the same
// promise (and a second place to lose or double it: a message enqueued after a commit can fail on
// its own). The request that wrote rows delivers them right after its response (afterResponse →
// waitUntil), which is as quick as a Queue consumer; the minute cron (src/scheduled.ts) pays
// whatever an isolate could not: provider outages, isolates that died, backoff retries. Rows are
// claimed with FOR UPDATE SKIP LOCKED and a lease, so any number of senders can run at once
// without sending a row twice, and the provider's Idempotency-Key (`email-<row id>`) covers the
// one gap left: a sender that sent but died before recording it. Queues would also need a binding
// and a consumer that the local stack (plain workerd, the tests) would have to emulate.
import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import { adminCheck } from "../auth/auth.service";
import type { Database } from "../db/client";
import { boundedCount, estimatedCount, toCount } from "../db/counts";
import { emailOutbox } from "../db/schema";
import type { Config } from "../env";
import type { Count, KeysetPosition, PageWindow } from "../lib/pagination";
import type { SweepProgress } from "../lib/sweep";
import { sendThroughResend, type SendOutcome } from "./resend";
import { renderEmail, UnrenderableEmail } from "./templates";

/** A row fails for good after this many attempts (by default backoff 30 s, 1, 2, 4, 8, 16, 32 min: about an hour in all). */
export const MAX_EMAIL_ATTEMPTS = 8;
/** Backoff after the n-th failed attempt: EMAIL_RETRY_BASE_SECONDS (30 by default) × 2^(n-1) seconds, at most MAX. */
export const EMAIL_BACKOFF_MAX_SECONDS = 3600;
/** A claimed row is not due again for this long: enough for a batch's sends (4 at a time, 10 s timeout each). */
export const EMAIL_LEASE_SECONDS = 150;
/** Rows one call claims at most: 40 / 4 at a time × 10 s = 100 s in the worst case, inside the lease. */
const MAX_BATCH = 40;

export const EMAIL_STATUSES = ["pending", "sent", "failed"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export interface DeliveryReport {
  claimed: number;
  sent: number;
  failed: number;
  retrying: number;
}

type ClaimedRow = {
  id: string | number;
  to_address: string;
  template: string;
  data: unknown;
};

let warnedNoKey = false;

/** Claims due rows: attempts + 1 and a lease, in one statement; rows another sender holds are skipped. */
async function claim(db: Database, limit: number, ids: number[] | undefined): Promise<ClaimedRow[]> {
  const only = ids ? sql`and id = any(${`{${ids.map((id) => Math.trunc(id)).join(",")}}`}::bigint[])` : sql``;
  const { rows } = await db.execute<ClaimedRow>(sql`
    update email_outbox o
    set attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => ${EMAIL_LEASE_SECONDS})
    where o.id in (
      select id from email_outbox
      where status = 'pending' and next_attempt_at <= now() ${only}
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked)
    returning o.id, o.to_address, o.template, o.data`);
  return rows;
}

/**
 * Records the outcomes in one statement. A sent row, and a row that failed for good, loses its
 * `data.token`: the raw token must not outlive its mail in the table.
 */
async function settle(db: Database, results: { id: number; outcome: SendOutcome }[], backoffBaseSeconds: number): Promise<Omit<DeliveryReport, "claimed">> {
  const payload = JSON.stringify(
    results.map(({ id, outcome }) =>
      outcome.ok ? { id, ok: true, provider_id: outcome.providerId, error: null, permanent: false } : { id, ok: false, provider_id: null, error: outcome.error, permanent: outcome.permanent },
    ),
  );
  const { rows } = await db.execute<{ sent: number; failed: number; retrying: number }>(sql`
    with r as (
      select * from jsonb_to_recordset(${payload}::jsonb) as r(id bigint, ok boolean, provider_id text, error text, permanent boolean)),
    done as (
      update email_outbox o set
        status = case when r.ok then 'sent' when r.permanent or o.attempts >= ${MAX_EMAIL_ATTEMPTS} then 'failed' else 'pending' end,
        sent_at = case when r.ok then now() else o.sent_at end,
        provider_id = case when r.ok then r.provider_id else o.provider_id end,
        last_error = case when r.ok then o.last_error else r.error end,
        next_attempt_at = case when r.ok or r.permanent or o.attempts >= ${MAX_EMAIL_ATTEMPTS} then o.next_attempt_at
          else now() + make_interval(secs => least(${EMAIL_BACKOFF_MAX_SECONDS}, ${backoffBaseSeconds} * power(2, o.attempts - 1))::double precision) end,
        data = case when r.ok or r.permanent or o.attempts >= ${MAX_EMAIL_ATTEMPTS} then o.data - 'token' else o.data end
      from r
      where o.id = r.id and o.status = 'pending'
      returning o.status)
    select count(*) filter (where status = 'sent')::int as sent,
           count(*) filter (where status = 'failed')::int as failed,
           count(*) filter (where status = 'pending')::int as retrying
    from done`);
  return rows[0] ?? { sent: 0, failed: 0, retrying: 0 };
}

async function sendRow(config: Config, row: ClaimedRow): Promise<SendOutcome> {
  let rendered;
  try {
    rendered = renderEmail(row.template, row.data, { name: config.SHOP_NAME, url: (config.SHOP_URL || "http://localhost:8787").replace(/\/+$/, "") });
  } catch (err) {
    if (err instanceof UnrenderableEmail) return { ok: false, permanent: true, error: `unrenderable: ${err.message}` };
    throw err;
  }
  return sendThroughResend(config, row.to_address, rendered, `email-${row.id}`);
}

/**
 * A Worker invocation keeps at most 6 outgoing connections open; more sends would wait in line with
 * their timeout already running. Two stay free for Postgres and the rest of the invocation.
 */
const SENDS_AT_ONCE = 4;

async function inParallel<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return out;
}

/**
 * Delivers up to `limit` due outbox rows (only `ids` when given: the rows a request just wrote).
 * Two round trips to Postgres (claim, settle) around the sends. Call it after a response that
 * wrote rows (`afterResponse(c, () => deliverOutbox(config, db, { ids }))`); the cron sweeps the
 * rest. Log lines name the row id, template and provider error only: never an address, token or link.
 */
export async function deliverOutbox(config: Config, db: Database, opts: { limit?: number; ids?: number[] } = {}): Promise<DeliveryReport> {
  const none = { claimed: 0, sent: 0, failed: 0, retrying: 0 };
  if (opts.ids && opts.ids.length === 0) return none;
  if (!config.RESEND_API_KEY) {
    if (!warnedNoKey) console.warn(JSON.stringify({ level: "warn", msg: "RESEND_API_KEY is not set: emails stay pending in the outbox" }));
    warnedNoKey = true;
    return none;
  }
  const rows = await claim(db, Math.min(Math.max(opts.limit ?? 20, 1), MAX_BATCH), opts.ids);
  if (rows.length === 0) return none;
  const results = await inParallel(rows, SENDS_AT_ONCE, async (row) => ({ id: Number(row.id), template: row.template, outcome: await sendRow(config, row) }));
  for (const { id, template, outcome } of results) {
    if (!outcome.ok) console.warn(JSON.stringify({ level: "warn", msg: "email delivery failed", id, template, permanent: outcome.permanent, error: outcome.error }));
  }
  return { claimed: rows.length, ...(await settle(db, results, config.EMAIL_RETRY_BASE_SECONDS)) };
}

/** What a sweep did: the rows' outcomes, and whether it found no due row left. */
export type OutboxSweep = DeliveryReport & SweepProgress;

/** The cron's share: batches of due rows until none are left or `budgetMs` has passed. */
export async function sweepOutbox(config: Config, db: Database, opts: { batch?: number; budgetMs?: number } = {}): Promise<OutboxSweep> {
  const batch = Math.min(opts.batch ?? MAX_BATCH, MAX_BATCH);
  const deadline = Date.now() + (opts.budgetMs ?? 20_000);
  const total: OutboxSweep = { claimed: 0, sent: 0, failed: 0, retrying: 0, batches: 0, complete: false };
  for (;;) {
    const report = await deliverOutbox(config, db, { limit: batch });
    total.batches++;
    total.claimed += report.claimed;
    total.sent += report.sent;
    total.failed += report.failed;
    total.retrying += report.retrying;
    total.complete = report.claimed < batch;
    if (total.complete || Date.now() > deadline) return total;
  }
}

// ── the admin list ──────────────────────────────────────────────────────────

export interface EmailListItem {
  id: number;
  to: string;
  template: string;
  status: EmailStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** Newest first, keyset on id; the admin check, the page and the count in one round trip. No data, no tokens. */
export async function listEmails(db: Database, adminId: number, status: EmailStatus | undefined, window: PageWindow<KeysetPosition>, withCount: boolean) {
  const where: SQL | undefined = status ? eq(emailOutbox.status, status) : undefined;
  const page = db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.toAddress,
      template: emailOutbox.template,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      last_error: emailOutbox.lastError,
      created_at: emailOutbox.createdAt,
      sent_at: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(and(where, window.after ? lt(emailOutbox.id, window.after.id) : undefined))
    .orderBy(desc(emailOutbox.id))
    .limit(window.limit)
    .offset(window.offset);
  let rows: Awaited<typeof page>;
  let count: Count | null = null;
  if (withCount) {
    const [, pageRows, counted, plan] = await db.batch([adminCheck(db, adminId), page, boundedCount(db, emailOutbox, where, status ? [emailOutbox.status, desc(emailOutbox.id)] : [desc(emailOutbox.id)]), estimatedCount(db, emailOutbox, where)]);
    rows = pageRows;
    count = toCount(counted, plan);
  } else {
    const [, pageRows] = await db.batch([adminCheck(db, adminId), page]);
    rows = pageRows;
  }
  const items: EmailListItem[] = rows.map((r) => ({
    ...r,
    status: r.status as EmailStatus,
    created_at: r.created_at.toISOString(),
    sent_at: r.sent_at?.toISOString() ?? null,
  }));
  return { rows: items, count };
}
