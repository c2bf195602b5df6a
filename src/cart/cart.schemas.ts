import { z } from "@hono/zod-openapi";
import { ProductSchema } from "../catalog/catalog.schemas";
import { MAX_ID } from "../lib/ids";
import { MoneyOutput } from "../lib/money";
import { positiveIntParam } from "../lib/pagination";

const quantity = z.number().int("Must be a whole number.").min(1, "Must be at least 1.").max(10_000, "Must be at most 10,000.");

export const CartItemSchema = z.object({ product: ProductSchema, quantity: z.number().int(), line_total: MoneyOutput }).openapi("CartItem");
export const CartSchema = z.object({ items: z.array(CartItemSchema), total: MoneyOutput }).openapi("Cart");
export type CartResponse = z.infer<typeof CartSchema>;

export const AddCartItemSchema = z
  .strictObject({
    product_id: z.number().int("Must be a product id.").positive("Must be a product id.").max(MAX_ID, "Must be a product id."),
    quantity: quantity.optional(),
  })
  .openapi("AddCartItemRequest");

export const SetCartQuantitySchema = z.strictObject({ quantity }).openapi("SetCartQuantityRequest");

export const ProductIdParam = z.object({
  product_id: positiveIntParam().openapi({ param: { name: "product_id", in: "path" }, example: "1" }),
});
