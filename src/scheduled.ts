import { pruneExpiredSessions } from "./auth/auth.service";
import { sweepCatalogBumps } from "./catalog/catalog-version";
import { databaseFor } from "./db/client";
import { readConfig, type Env } from "./env";
import { redisFor } from "./lib/redis";
import { sweepExpiredOrders } from "./orders/order-holds";

/**
 * The cron trigger (every minute, wrangler.toml): pays catalog cache bumps that no request confirmed
 * (so a stale price lives at most about a minute even if an invocation died between its commit and
 * its bump), prunes expired login sessions and cancels unpaid orders whose stock hold expired.
 * Each part runs even if another fails.
 */
export async function scheduled(_controller: ScheduledController, env: Env, _ctx: ExecutionContext): Promise<void> {
  const config = readConfig(env);
  const db = databaseFor(config);
  const redis = redisFor(config);
  const [bumps, sessions, holds] = await Promise.allSettled([sweepCatalogBumps(db, redis), pruneExpiredSessions(db), sweepExpiredOrders(env, db, redis)]);
  for (const [what, result] of [["catalog bump sweep", bumps], ["session pruning", sessions], ["expired order sweep", holds]] as const) {
    if (result.status === "rejected") {
      console.error(JSON.stringify({ level: "error", msg: `${what} failed`, error: result.reason instanceof Error ? result.reason.message : String(result.reason) }));
    }
  }
  if (bumps.status === "fulfilled" && bumps.value > 0) console.log(JSON.stringify({ level: "info", msg: "paid unconfirmed catalog bumps", count: bumps.value }));
}

