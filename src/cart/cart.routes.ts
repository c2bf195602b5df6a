import { createRoute } from "@hono/zod-openapi";
import { requireUser } from "../auth/guards";
import { bearerSecurity, jsonBody, jsonContent, problemResponses } from "../lib/openapi";
import { NoQuery } from "../lib/pagination";
import { AddCartItemSchema, CartSchema, ProductIdParam, SetCartQuantitySchema } from "./cart.schemas";

const errors = problemResponses(400, 401, 404, 409, 413);

export const getCartRoute = createRoute({
  operationId: "getCart",
  method: "get",
  path: "/api/cart",
  tags: ["Cart"],
  summary: "The current user's cart",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { query: NoQuery },
  responses: { 200: jsonContent(CartSchema, "The cart"), ...problemResponses(401) },
});

export const addCartItemRoute = createRoute({
  operationId: "addCartItem",
  method: "post",
  path: "/api/cart/items",
  tags: ["Cart"],
  summary: "Add a product (adds to any quantity already there)",
  description:
    "Unknown or deleted product → 404; more than the current stock → 409 (`insufficient-stock`, naming the product); a 101st product → 409 (`cart-full`: a cart holds at most 100 lines). The cart holds no stock.",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { query: NoQuery, body: jsonBody(AddCartItemSchema) },
  responses: { 200: jsonContent(CartSchema, "The cart"), ...errors },
});

export const setCartQuantityRoute = createRoute({
  operationId: "setCartQuantity",
  method: "patch",
  path: "/api/cart/items/{product_id}",
  tags: ["Cart"],
  summary: "Set a line's quantity (≥ 1)",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { params: ProductIdParam, query: NoQuery, body: jsonBody(SetCartQuantitySchema) },
  responses: { 200: jsonContent(CartSchema, "The cart"), ...errors },
});

export const removeCartItemRoute = createRoute({
  operationId: "removeCartItem",
  method: "delete",
  path: "/api/cart/items/{product_id}",
  tags: ["Cart"],
  summary: "Remove a line",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { params: ProductIdParam, query: NoQuery },
  responses: { 200: jsonContent(CartSchema, "The cart"), ...problemResponses(400, 401, 404) },
});

export const clearCartRoute = createRoute({
  operationId: "clearCart",
  method: "delete",
  path: "/api/cart",
  tags: ["Cart"],
  summary: "Empty the cart",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { query: NoQuery },
  responses: { 204: { description: "Emptied" }, ...problemResponses(401) },
});
