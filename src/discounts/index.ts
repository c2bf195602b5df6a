import { createRouter } from "../lib/openapi";
import * as handlers from "./discounts.handlers";
import * as routes from "./discounts.routes";

/** Discount codes: admin CRUD. Checkout redeems them (times_used) under the code's row lock. */
export function discountsRouter() {
  const router = createRouter();
  router.openapi(routes.listDiscountsRoute, handlers.listDiscounts);
  router.openapi(routes.getDiscountRoute, handlers.getDiscount);
  router.openapi(routes.createDiscountRoute, handlers.createDiscount);
  router.openapi(routes.updateDiscountRoute, handlers.updateDiscount);
  router.openapi(routes.deleteDiscountRoute, handlers.deleteDiscount);
  return router;
}
