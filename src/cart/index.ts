import { createRouter } from "../lib/openapi";
import * as handlers from "./cart.handlers";
import * as routes from "./cart.routes";

export function cartRouter() {
  const router = createRouter();
  router.openapi(routes.getCartRoute, handlers.getCart);
  router.openapi(routes.addCartItemRoute, handlers.addCartItem);
  router.openapi(routes.setCartQuantityRoute, handlers.setCartQuantity);
  router.openapi(routes.removeCartItemRoute, handlers.removeCartItem);
  router.openapi(routes.clearCartRoute, handlers.clearCart);
  return router;
}
