import { pruneExpiredSessions } from "./auth/auth.service";
import { sweepCatalogBumps } from "./catalog/catalog-version";
import { databaseFor } from "./db/client";
import { sweepOutbox } from "./email";
import { readConfig, type Env } from "./env";
import { redisFor } from "./lib/redis";
import { sweepExpiredOrders } from "./orders/order-holds";

/**
 * The cron trigger (every minute, wrangler.toml): pays catalog cache bumps that no request confirmed
 * (so a stale price lives at most about a minute even if an invocation died between its commit and
 * its bump), prunes expired login sessions, cancels unpaid orders whose stock hold expired, and then
 * delivers the email outbox rows no request could (provider down, isolate gone, backoff due, and the
 * cancellations just made: batches for at most 20 s). Each part runs even if another fails.
 */
export async function scheduled(_controller: ScheduledController, env: Env, _ctx: ExecutionContext): Promise<void> {
  const config = readConfig(env);
  const db = databaseFor(config);
  const redis = redisFor(config);
  const [bumps, sessions, holds] = await Promise.allSettled([sweepCatalogBumps(db, redis), pruneExpiredSessions(db), sweepExpiredOrders(env, db, redis)]);
  const [emails] = await Promise.allSettled([sweepOutbox(config, db)]);
  for (const [what, result] of [["catalog bump sweep", bumps], ["session pruning", sessions], ["expired order sweep", holds], ["email outbox sweep", emails]] as const) {
    if (result.status === "rejected") {
      console.error(JSON.stringify({ level: "error", msg: `${what} failed`, error: result.reason instanceof Error ? result.reason.message : String(result.reason) }));
    }
  }
  if (bumps.status === "fulfilled" && bumps.value > 0) console.log(JSON.stringify({ level: "info", msg: "paid unconfirmed catalog bumps", count: bumps.value }));
  if (emails.status === "fulfilled" && emails.value.claimed > 0) console.log(JSON.stringify({ level: "info", msg: "email outbox sweep", ...emails.value }));
}

