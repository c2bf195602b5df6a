import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import { currentUser } from "../auth/auth.middleware";
import type { AppEnv } from "../context";
import { useDb } from "../db/use";
import type * as routes from "./cart.routes";
import * as cart from "./cart.service";

type Handler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

export const getCart: Handler<typeof routes.getCartRoute> = async (c) => c.json(await cart.getCart(useDb(c), currentUser(c).id), 200);

export const addCartItem: Handler<typeof routes.addCartItemRoute> = async (c) => {
  const { product_id, quantity } = c.req.valid("json");
  const db = useDb(c);
  const userId = currentUser(c).id;
  await cart.addCartItem(db, userId, product_id, quantity ?? 1);
  return c.json(await cart.getCart(db, userId), 200);
};

export const setCartQuantity: Handler<typeof routes.setCartQuantityRoute> = async (c) => {
  const db = useDb(c);
  const userId = currentUser(c).id;
  await cart.setCartQuantity(db, userId, c.req.valid("param").product_id, c.req.valid("json").quantity);
  return c.json(await cart.getCart(db, userId), 200);
};

export const removeCartItem: Handler<typeof routes.removeCartItemRoute> = async (c) => {
  const db = useDb(c);
  const userId = currentUser(c).id;
  await cart.removeCartItem(db, userId, c.req.valid("param").product_id);
  return c.json(await cart.getCart(db, userId), 200);
};

export const clearCart: Handler<typeof routes.clearCartRoute> = async (c) => {
  await cart.clearCart(useDb(c), currentUser(c).id);
  return c.body(null, 204);
};
