import { z } from "@hono/zod-openapi";
import { MAX_STOCK, ProductSchema } from "../catalog/catalog.schemas";
import { MAX_ID } from "../lib/ids";
import { MoneyOutput } from "../lib/money";
import { IdOutput, INT32, textOutput } from "../lib/openapi-bounds";
import { positiveIntParam } from "../lib/pagination";
import { MAX_CART_LINES } from "../shared/contract";

export { MAX_CART_LINES };

const quantity = z.number().int("Must be a whole number.").min(1, "Must be at least 1.").max(10_000, "Must be at most 10,000.").openapi(INT32);
const id = (what: string) => z.number().int(`Must be a ${what} id.`).positive(`Must be a ${what} id.`).max(MAX_ID, `Must be a ${what} id.`).openapi(INT32);

export const CartVariantSchema = z
  .object({
    id: IdOutput,
    sku: textOutput(100),
    options: z.record(z.string(), textOutput(100)),
    price: MoneyOutput,
    stock: z.number().int().openapi({ ...INT32, minimum: 0, maximum: MAX_STOCK }),
    in_stock: z.boolean(),
  })
  .openapi("CartVariant");

export const CartItemSchema = z
  .object({
    product: ProductSchema,
    variant: CartVariantSchema,
    variant_id: IdOutput,
    quantity: z.number().int().openapi({ ...INT32, minimum: 1, maximum: 10_000 }),
    line_total: MoneyOutput.openapi({ description: "The variant's current price × quantity." }),
  })
  .openapi("CartItem");
export const CartSchema = z.object({ items: z.array(CartItemSchema).openapi({ maxItems: MAX_CART_LINES }), total: MoneyOutput }).openapi("Cart");
export type CartResponse = z.infer<typeof CartSchema>;

export const AddCartItemSchema = z
  .strictObject({
    variant_id: id("variant").optional().openapi({ description: "The variant to add." }),
    product_id: id("product").optional().openapi({ description: "Alone: a product with one variant (that variant is added). With `variant_id`: the variant's product." }),
    quantity: quantity.optional(),
  })
  .refine((body) => body.variant_id !== undefined || body.product_id !== undefined, { message: "Send variant_id (or product_id for a product with one variant).", path: ["variant_id"] })
  .openapi("AddCartItemRequest");

export const SetCartQuantitySchema = z.strictObject({ quantity }).openapi("SetCartQuantityRequest");

export const VariantIdParam = z.object({
  variant_id: positiveIntParam("A cart line's variant id (for a product with one variant, the product's id).").openapi({
    param: { name: "variant_id", in: "path" },
    example: "1",
  }),
});
