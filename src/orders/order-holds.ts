import type { Redis } from "@upstash/redis/cloudflare";
import { payBump } from "../catalog/catalog-version";
import type { Database } from "../db/client";
import { readConfig, type Env } from "../env";
import { deliverOutbox } from "../email";
import { pushToUser } from "../notifications/push";
import { expireOpenSessions } from "../payments";
import { expireOrders } from "./orders.service";

/** Orders cancelled per statement: each batch locks its orders' variants and products at once. */
const EXPIRY_BATCH = 100;
/** The sweep stops starting batches after this long, so a minute's cron run ends before the next. */
const EXPIRY_BUDGET_MS = 20_000;

/**
 * The cron's hold sweep: unpaid pending orders past `expires_at` are cancelled in batches, their
 * stock returns (the catalog bump is paid at once) and each owner is notified. Returns how many it
 * cancelled. A batch that fails leaves its orders for the next minute's run.
 */
export async function sweepExpiredOrders(env: Env, db: Database, redis: Redis): Promise<number> {
  const started = Date.now();
  let cancelled = 0;
  while (Date.now() - started < EXPIRY_BUDGET_MS) {
    const batch = await expireOrders(db, EXPIRY_BATCH);
    cancelled += batch.cancelled.length;
    if (batch.bump) await payBump(db, redis, batch.bump);
    await Promise.all(
      batch.cancelled.flatMap(({ order, delivery }) => (delivery && order.user_id !== null ? [pushToUser(env, order.user_id, [delivery])] : [])),
    );
    await expireOpenSessions(readConfig(env), db, batch.cancelled.map(({ order }) => order.id));
    const emails = batch.cancelled.flatMap(({ emailId }) => (emailId === null ? [] : [emailId]));
    // A failed delivery stays in the outbox for the email sweep.
    await deliverOutbox(readConfig(env), db, { ids: emails }).catch(() => undefined);
    if (batch.cancelled.length < EXPIRY_BATCH) break;
  }
  return cancelled;
}
