import { currentUser } from "../auth/guards";
import { bumpCatalogVersion } from "../catalog/catalog-version";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import { afterResponse } from "../lib/background";
import { sha256Hex } from "../lib/hash";
import type { AppRouteHandler } from "../lib/openapi";
import { pushToUser } from "../notifications/push";
import type * as routes from "./payments.routes";
import * as payments from "./payments.service";
import * as refunds from "./refunds.service";
import { verifyWebhook } from "./stripe";

export const startCheckout: AppRouteHandler<typeof routes.startCheckoutRoute> = async (c) => {
  const config = readConfig(c.env);
  const id = c.req.valid("param").id;
  const shop = (config.SHOP_URL || new URL(c.req.url).origin).replace(/\/+$/, "");
  const session = await payments.startCheckout(config, useDb(c), {
    orderId: id,
    userId: currentUser(c).id,
    returnUrl: `${shop}/#/orders/${id}`,
    later: (work) => afterResponse(c, work),
  });
  return c.json(session, 200);
};

/** Verify (no round trip), then one SQL call; the push or the refund goes after the response. */
export const stripeWebhook: AppRouteHandler<typeof routes.stripeWebhookRoute> = async (c) => {
  const config = readConfig(c.env);
  const raw = await c.req.text();
  const event = await verifyWebhook(config, raw, c.req.valid("header")["stripe-signature"]);
  if (!event) throw payments.webhookProblem();
  const db = useDb(c);
  const result = await payments.applyStripeEvent(db, event);
  if (result.outcome === "paid" && "user_id" in result && result.user_id !== null && result.notification) {
    const delivery = { notification: result.notification, previousId: result.previous_notification_id ?? 0 };
    const userId = result.user_id;
    afterResponse(c, () => pushToUser(c.env, userId, [delivery]));
  }
  if (result.outcome === "refund-after-cancel" && "refund_id" in result) {
    const refundId = result.refund_id;
    afterResponse(c, () => refunds.sendRefunds(config, db, [refundId]));
  }
  return c.json({ received: true as const, outcome: result.outcome }, 200);
};

export const createRefund: AppRouteHandler<typeof routes.createRefundRoute> = async (c) => {
  const config = readConfig(c.env);
  const db = useDb(c);
  const input = c.req.valid("json");
  const key = c.req.valid("header")["idempotency-key"];
  // The fingerprint is of what the request means, not of its spelling ("20" and 20.00 are one request).
  const hash = await sha256Hex(JSON.stringify({ amount: input.amount ?? null, restock: input.restock, reason: input.reason ?? "" }));
  const result = await refunds.createRefund(db, currentUser(c).id, c.req.valid("param").id, input, key, hash);
  if (result.bump) await bumpCatalogVersion(c, db, result.bump);
  if (result.send) {
    const refundId = result.refund.id;
    afterResponse(c, () => refunds.sendRefunds(config, db, [refundId]));
  }
  if (result.replayed) c.header("Idempotent-Replayed", "true");
  return c.json(result.refund, 201);
};
