import { z } from "@hono/zod-openapi";
import { ProductSchema } from "../catalog/catalog.schemas";
import { MAX_ID } from "../lib/ids";
import { MoneyOutput } from "../lib/money";
import { INT32 } from "../lib/openapi-bounds";
import { positiveIntParam } from "../lib/pagination";

/** A cart holds at most this many lines (products): it bounds what one checkout locks and writes. */
export const MAX_CART_LINES = 100;

const quantity = z.number().int("Must be a whole number.").min(1, "Must be at least 1.").max(10_000, "Must be at most 10,000.").openapi(INT32);

export const CartItemSchema = z
  .object({ product: ProductSchema, quantity: z.number().int().openapi({ ...INT32, minimum: 1, maximum: 10_000 }), line_total: MoneyOutput })
  .openapi("CartItem");
export const CartSchema = z.object({ items: z.array(CartItemSchema).openapi({ maxItems: MAX_CART_LINES }), total: MoneyOutput }).openapi("Cart");
export type CartResponse = z.infer<typeof CartSchema>;

export const AddCartItemSchema = z
  .strictObject({
    product_id: z.number().int("Must be a product id.").positive("Must be a product id.").max(MAX_ID, "Must be a product id.").openapi(INT32),
    quantity: quantity.optional(),
  })
  .openapi("AddCartItemRequest");

export const SetCartQuantitySchema = z.strictObject({ quantity }).openapi("SetCartQuantityRequest");

export const ProductIdParam = z.object({
  product_id: positiveIntParam().openapi({ param: { name: "product_id", in: "path" }, example: "1" }),
});
