import { createRoute } from "@hono/zod-openapi";
import { requireUser } from "../auth/guards";
import { bearerSecurity, jsonBody, jsonContent, problemResponses } from "../lib/openapi";
import { NoQuery } from "../lib/pagination";
import { AddCartItemSchema, CartSchema, VariantIdParam, SetCartQuantitySchema } from "./cart.schemas";

const errors = problemResponses(400, 401, 404, 409, 413);

export const getCartRoute = createRoute({
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
  method: "post",
  path: "/api/cart/items",
  tags: ["Cart"],
  summary: "Add a variant (adds to any quantity already there)",
  description:
    "`{ variant_id, quantity }`, or `{ product_id, quantity }` for a product with one variant (a product with several is 400 asking for `variant_id`). A line is one variant. Unknown or deleted variant or product, or a variant of another product than `product_id` → 404; more than the variant's current stock → 409 (`insufficient-stock`, naming the product and variant); a 101st line → 409 (`cart-full`: a cart holds at most 100 lines). The cart holds no stock. Lines of deleted variants or products leave the cart: neither listed nor counted.",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { query: NoQuery, body: jsonBody(AddCartItemSchema) },
  responses: { 200: jsonContent(CartSchema, "The cart"), ...errors },
});

export const setCartQuantityRoute = createRoute({
  method: "patch",
  path: "/api/cart/items/{variant_id}",
  tags: ["Cart"],
  summary: "Set a line's quantity (≥ 1)",
  description: "The line is named by its variant id (for a product with one variant, that is the product's id). More than the variant's stock → 409.",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { params: VariantIdParam, query: NoQuery, body: jsonBody(SetCartQuantitySchema) },
  responses: { 200: jsonContent(CartSchema, "The cart"), ...errors },
});

export const removeCartItemRoute = createRoute({
  method: "delete",
  path: "/api/cart/items/{variant_id}",
  tags: ["Cart"],
  summary: "Remove a line",
  description: "The line is named by its variant id (for a product with one variant, that is the product's id).",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { params: VariantIdParam, query: NoQuery },
  responses: { 200: jsonContent(CartSchema, "The cart"), ...problemResponses(400, 401, 404) },
});

export const clearCartRoute = createRoute({
  method: "delete",
  path: "/api/cart",
  tags: ["Cart"],
  summary: "Empty the cart",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { query: NoQuery },
  responses: { 204: { description: "Emptied" }, ...problemResponses(401) },
});
