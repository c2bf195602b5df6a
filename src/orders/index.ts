import { createRouter } from "../lib/openapi";
import * as handlers from "./orders.handlers";
import * as routes from "./orders.routes";

export function ordersRouter() {
  const router = createRouter();
  router.openapi(routes.placeOrderRoute, handlers.placeOrder);
  router.openapi(routes.listOrdersRoute, handlers.listOrders);
  router.openapi(routes.getOrderRoute, handlers.getOrder);
  router.openapi(routes.cancelOrderRoute, handlers.cancelOrder);
  router.openapi(routes.adminListOrdersRoute, handlers.adminListOrders);
  router.openapi(routes.adminChangeStatusRoute, handlers.adminChangeStatus);
  return router;
}
