import type { Context } from "hono";
import { bearerToken, currentUser } from "../auth/guards";
import type { AppEnv } from "../context";
import { bumpCatalogVersion } from "../catalog/catalog-version";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import { afterResponse } from "../lib/background";
import { sha256Hex } from "../lib/hash";
import type { AppRouteHandler } from "../lib/openapi";
import { unauthorized } from "../lib/problem";
import { pushToUser } from "../notifications/push";
import type * as routes from "./payments.routes";
import * as payments from "./payments.service";
import * as refunds from "./refunds.service";
import { verifyWebhook } from "./stripe";

function checkout(c: Context<AppEnv>, id: number, payer: payments.Payer, page: string) {
  const config = readConfig(c.env);
  const shop = (config.SHOP_URL || new URL(c.req.url).origin).replace(/\/+$/, "");
  const returnUrl = `${shop}/#/${page}/${id}`;
  // Declining comes back with ?payment=cancelled (in the hash, where the storefront's router reads
  // it), so the page can say the payment did not go through instead of waiting for a webhook.
  return payments.startCheckout(config, useDb(c), { orderId: id, payer, returnUrl, cancelUrl: `${returnUrl}?payment=cancelled`, later: (work) => afterResponse(c, work) });
}

export const startCheckout: AppRouteHandler<typeof routes.startCheckoutRoute> = async (c) => {
  const id = c.req.valid("param").id;
  return c.json(await checkout(c, id, { userId: currentUser(c).id }, "orders"), 200);
};

export const startGuestCheckout: AppRouteHandler<typeof routes.startGuestCheckoutRoute> = async (c) => {
  const token = bearerToken(c);
  if (!token) throw unauthorized("Send the order's access_token as Authorization: Bearer <token>.");
  const id = c.req.valid("param").id;
  return c.json(await checkout(c, id, { guestTokenHash: await sha256Hex(token) }, "guest/orders"), 200);
};

/** Verify (no round trip), then one SQL call; the push or the refund goes after the response. */
export const stripeWebhook: AppRouteHandler<typeof routes.stripeWebhookRoute> = async (c) => {
  const config = readConfig(c.env);
  const raw = await c.req.text();
  const event = await verifyWebhook(config, raw, c.req.valid("header")["stripe-signature"]);
  if (!event) throw payments.webhookProblem();
  const db = useDb(c);
  const result = await payments.applyStripeEvent(db, event);
  // A redelivery does again what follows the first handling, whose answer (and after-work) may have
  // been lost: the Notifier skips a notification it already pushed, and a refund's id is its
  // idempotency key at Stripe, so neither happens twice.
  const handled = payments.handledBy(result);
  if (handled.outcome === "paid" && "user_id" in handled && handled.user_id !== null && handled.notification) {
    const delivery = { notification: handled.notification, previousId: handled.previous_notification_id ?? 0 };
    const userId = handled.user_id;
    afterResponse(c, () => pushToUser(c.env, userId, [delivery]));
  }
  if (handled.outcome === "refund-after-cancel" && "refund_id" in handled) {
    const refundId = handled.refund_id;
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
