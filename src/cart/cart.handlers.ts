import { currentUser } from "../auth/guards";
import { useDb } from "../db/use";
import type { AppRouteHandler } from "../lib/openapi";
import type * as routes from "./cart.routes";
import * as cart from "./cart.service";

/** Image URLs in the cart's products are full URLs on the origin the cart was asked on. */
const originOf = (url: string) => new URL(url).origin;

export const getCart: AppRouteHandler<typeof routes.getCartRoute> = async (c) => c.json(await cart.getCart(useDb(c), currentUser(c).id, originOf(c.req.url)), 200);

export const addCartItem: AppRouteHandler<typeof routes.addCartItemRoute> = async (c) => {
  const { variant_id, product_id, quantity } = c.req.valid("json");
  return c.json(await cart.addCartItem(useDb(c), currentUser(c).id, { variantId: variant_id, productId: product_id }, quantity ?? 1, originOf(c.req.url)), 200);
};

export const setCartQuantity: AppRouteHandler<typeof routes.setCartQuantityRoute> = async (c) => {
  const { variant_id } = c.req.valid("param");
  return c.json(await cart.setCartQuantity(useDb(c), currentUser(c).id, variant_id, c.req.valid("json").quantity, originOf(c.req.url)), 200);
};

export const removeCartItem: AppRouteHandler<typeof routes.removeCartItemRoute> = async (c) => {
  return c.json(await cart.removeCartItem(useDb(c), currentUser(c).id, c.req.valid("param").variant_id, originOf(c.req.url)), 200);
};

export const clearCart: AppRouteHandler<typeof routes.clearCartRoute> = async (c) => {
  await cart.clearCart(useDb(c), currentUser(c).id);
  return c.body(null, 204);
};
