import { currentUser } from "../auth/guards";
import { useDb } from "../db/use";
import type { AppRouteHandler } from "../lib/openapi";
import type * as routes from "./cart.routes";
import * as cart from "./cart.service";

export const getCart: AppRouteHandler<typeof routes.getCartRoute> = async (c) => c.json(await cart.getCart(useDb(c), currentUser(c).id), 200);

export const addCartItem: AppRouteHandler<typeof routes.addCartItemRoute> = async (c) => {
  const { product_id, quantity } = c.req.valid("json");
  return c.json(await cart.addCartItem(useDb(c), currentUser(c).id, product_id, quantity ?? 1), 200);
};

export const setCartQuantity: AppRouteHandler<typeof routes.setCartQuantityRoute> = async (c) => {
  return c.json(await cart.setCartQuantity(useDb(c), currentUser(c).id, c.req.valid("param").product_id, c.req.valid("json").quantity), 200);
};

export const removeCartItem: AppRouteHandler<typeof routes.removeCartItemRoute> = async (c) => {
  return c.json(await cart.removeCartItem(useDb(c), currentUser(c).id, c.req.valid("param").product_id), 200);
};

export const clearCart: AppRouteHandler<typeof routes.clearCartRoute> = async (c) => {
  await cart.clearCart(useDb(c), currentUser(c).id);
  return c.body(null, 204);
};
