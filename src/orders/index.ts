import { createRouter } from "../lib/openapi";
import * as handlers from "./orders.handlers";
import * as routes from "./orders.routes";
import { PlaceOrderSchema } from "./orders.schemas";

export function ordersRouter() {
  const router = createRouter();
  router.openapi(routes.placeOrderRoute, handlers.placeOrder);
  router.openAPIRegistry.register("PlaceOrderRequest", PlaceOrderSchema);
  router.openapi(routes.quoteRoute, handlers.quote);
  router.openapi(routes.placeGuestOrderRoute, handlers.placeGuestOrder);
  router.openapi(routes.getGuestOrderRoute, handlers.getGuestOrder);
  router.openapi(routes.listOrdersRoute, handlers.listOrders);
  router.openapi(routes.getOrderRoute, handlers.getOrder);
  router.openapi(routes.cancelOrderRoute, handlers.cancelOrder);
  router.openapi(routes.adminListOrdersRoute, handlers.adminListOrders);
  router.openapi(routes.adminChangeStatusRoute, handlers.adminChangeStatus);
  return router;
}
