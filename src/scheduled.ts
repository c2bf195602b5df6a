import { pruneExpiredSessions } from "./auth/auth.service";
import { sweepCatalogBumps } from "./catalog/catalog-version";
import { databaseFor } from "./db/client";
import { sweepOutbox } from "./email";
import { readConfig, type Env } from "./env";
import { sweepUnreferencedImages } from "./images/image-sweep";
import { describeError } from "./lib/errors";
import { redisFor } from "./lib/redis";
import { sweepExpiredOrders } from "./orders/order-holds";
import { retryPendingRefunds } from "./payments";

/**
 * The cron trigger (every minute, wrangler.toml). Each sweep pays what no request could, in
 * batches under its own time limit, and runs even if another fails:
 * - catalog cache bumps that no request confirmed (a stale price lives at most about a minute even
 *   if an invocation died between its commit and its bump);
 * - expired login sessions;
 * - unpaid orders whose stock hold expired (cancelled, stock returned, owners told);
 * - the email outbox rows no request delivered (provider down, isolate gone, backoff due);
 * - refunds Stripe has not confirmed receiving (it was down, or the invocation ended first);
 * - once an hour, stored pictures that no product image refers to any more (resuming where the last
 *   hourly run stopped).
 */
export async function scheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext): Promise<void> {
  const config = readConfig(env);
  const db = databaseFor(config);
  const redis = redisFor(config);
  const hourly = new Date(controller.scheduledTime).getUTCMinutes() === 0;
  const sweeps: [string, () => Promise<unknown>][] = [
    ["catalog bump sweep", () => sweepCatalogBumps(db, redis)],
    ["session pruning", () => pruneExpiredSessions(db)],
    ["expired order sweep", () => sweepExpiredOrders(env, db, redis)],
    ["email outbox sweep", () => sweepOutbox(config, db)],
    ["refund retry", () => retryPendingRefunds(db, config)],
  ];
  if (hourly) sweeps.push(["picture sweep", () => sweepUnreferencedImages(db, env.IMAGES, redis)]);
  // Each sweep's wall time is logged with its result: after an outage it shows the budget holding.
  const results = await Promise.allSettled(
    sweeps.map(async ([, run]) => {
      const started = Date.now();
      const value = await run();
      return { value, ms: Date.now() - started };
    }),
  );
  results.forEach((result, i) => {
    const what = sweeps[i]![0];
    if (result.status === "rejected") {
      // The driver's error (SQLSTATE and message), not drizzle's wrapper quoting the SQL.
      console.error(JSON.stringify({ level: "error", msg: `${what} failed`, error: describeError(result.reason) }));
    } else if (didWork(result.value.value)) {
      console.log(JSON.stringify({ level: "info", msg: what, result: result.value.value, ms: result.value.ms }));
    }
  });
}

/** A sweep's result worth a log line: a count above 0, or an object holding one (its batch count aside: an idle sweep runs one). */
function didWork(value: unknown): boolean {
  if (typeof value === "number") return value > 0;
  return typeof value === "object" && value !== null && Object.entries(value).some(([key, v]) => key !== "batches" && didWork(v));
}
