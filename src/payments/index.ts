import { createRouter } from "../lib/openapi";
import * as handlers from "./payments.handlers";
import * as routes from "./payments.routes";

export { expireOpenSessions } from "./payments.service";
export { retryPendingRefunds, sendRefunds } from "./refunds.service";

export function paymentsRouter() {
  const router = createRouter();
  router.openapi(routes.startCheckoutRoute, handlers.startCheckout);
  router.openapi(routes.stripeWebhookRoute, handlers.stripeWebhook);
  router.openapi(routes.createRefundRoute, handlers.createRefund);
  return router;
}
