import { z } from "@hono/zod-openapi";
import { MAX_CART_LINES } from "../cart/cart.schemas";
import { MoneyOutput } from "../lib/money";
import { IdOutput, INT32, textOutput, TimestampOutput } from "../lib/openapi-bounds";
import { PageQuery, pageListSchema, positiveIntParam } from "../lib/pagination";
import { ORDER_STATUSES } from "../shared/contract";

// Statuses and their moves are shared with the storefront: written once, in src/shared/contract.ts.
export { ORDER_STATUSES, TRANSITIONS, type OrderStatus } from "../shared/contract";

export const OrderItemSchema = z
  .object({
    product_id: IdOutput,
    name: textOutput(200),
    unit_price: MoneyOutput,
    quantity: z.number().int().openapi({ ...INT32, minimum: 1, maximum: 10_000 }),
    line_total: MoneyOutput,
  })
  .openapi("OrderItem");

export const OrderSchema = z
  .object({
    id: IdOutput,
    status: z.enum(ORDER_STATUSES),
    total: MoneyOutput,
    // An order is made from one cart.
    items: z.array(OrderItemSchema).openapi({ maxItems: MAX_CART_LINES }),
    created_at: TimestampOutput,
    updated_at: TimestampOutput,
  })
  .openapi("Order");

export const AdminOrderSchema = OrderSchema.extend({ user_id: IdOutput }).openapi("AdminOrder");

export type OrderResponse = z.infer<typeof OrderSchema>;
export type AdminOrderResponse = z.infer<typeof AdminOrderSchema>;

/** Placing an order takes no fields: everything comes from the cart. Unknown fields are refused. */
export const PlaceOrderSchema = z.strictObject({}).openapi("PlaceOrderRequest");

export const IdempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .min(1)
    .max(255, "Must be at most 255 characters.")
    .regex(/^[\x21-\x7e]+$/, "Must be printable ASCII without spaces.")
    .optional()
    .openapi({ param: { name: "idempotency-key", in: "header" }, description: "Same key and body replay the first answer (kept with the order)." }),
});

export const OrderPageSchema = pageListSchema(OrderSchema, "OrderPage");
export const AdminOrderPageSchema = pageListSchema(AdminOrderSchema, "AdminOrderPage");
export const OrderListQuery = PageQuery;
export const AdminOrderListQuery = PageQuery.extend({
  status: z.enum(ORDER_STATUSES, { message: `Must be one of ${ORDER_STATUSES.join(", ")}.` }).optional(),
  user: positiveIntParam("Only this user's orders.").optional(),
});

export const StatusChangeSchema = z
  .strictObject({ status: z.enum(ORDER_STATUSES, { message: `Must be one of ${ORDER_STATUSES.join(", ")}.` }) })
  .openapi("OrderStatusChange");
