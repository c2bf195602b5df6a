import type { Redis } from "@upstash/redis/cloudflare";
import { payBump } from "../catalog/catalog-version";
import type { Database } from "../db/client";
import { readConfig, type Env } from "../env";
import { sqlState } from "../lib/errors";
import type { SweepProgress } from "../lib/sweep";
import { deliverOutbox } from "../email";
import { pushToUser } from "../notifications/push";
import { expireOpenSessions } from "../payments";
import { expireOrders } from "./orders.service";

/**
 * Orders cancelled per statement at first: each batch locks its orders' variants and products at
 * once. A batch costs a few ms per order (history, notification, email and the order's JSON), so on
 * a busy database it can meet the sessions' statement_timeout (800 ms, drizzle/0003): then the
 * batch rolls back and the sweep goes on with half as many.
 */
const EXPIRY_BATCH = 100;
/** The sweep stops starting batches after this long, so a minute's cron run ends before the next. */
const EXPIRY_BUDGET_MS = 20_000;

export interface ExpirySweep extends SweepProgress {
  cancelled: number;
  /** Batches that met the statement timeout and were retried smaller (not counted in `batches`). */
  timedOut: number;
}

/**
 * The cron's hold sweep: unpaid pending orders past `expires_at` are cancelled in batches, their
 * stock returns (the catalog bump is paid at once) and each owner is notified. A batch that fails
 * otherwise ends the sweep and leaves its orders for the next minute's run.
 */
export async function sweepExpiredOrders(env: Env, db: Database, redis: Redis): Promise<ExpirySweep> {
  const started = Date.now();
  const result: ExpirySweep = { cancelled: 0, batches: 0, timedOut: 0, complete: false };
  let size = EXPIRY_BATCH;
  while (Date.now() - started < EXPIRY_BUDGET_MS) {
    let batch: Awaited<ReturnType<typeof expireOrders>>;
    try {
      batch = await expireOrders(db, size);
    } catch (err) {
      if (sqlState(err) !== "57014" || size === 1) throw err;
      result.timedOut++;
      size = Math.ceil(size / 2);
      continue;
    }
    result.batches++;
    result.cancelled += batch.cancelled.length;
    if (batch.bump) await payBump(db, redis, batch.bump);
    await Promise.all(
      batch.cancelled.flatMap(({ order, delivery }) => (delivery && order.user_id !== null ? [pushToUser(env, order.user_id, [delivery])] : [])),
    );
    await expireOpenSessions(readConfig(env), db, batch.cancelled.map(({ order }) => order.id));
    const emails = batch.cancelled.flatMap(({ emailId }) => (emailId === null ? [] : [emailId]));
    // A failed delivery stays in the outbox for the email sweep.
    await deliverOutbox(readConfig(env), db, { ids: emails }).catch(() => undefined);
    if (batch.cancelled.length < size) {
      result.complete = true;
      break;
    }
  }
  return result;
}
