import { z } from "@hono/zod-openapi";
import { MoneyOutput } from "../lib/money";
import { PageQuery, pageListSchema, positiveIntParam } from "../lib/pagination";

export const ORDER_STATUSES = ["pending", "shipped", "delivered", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The only moves an order's status can make. */
export const TRANSITIONS: Record<OrderStatus, OrderStatus[]> = {
  pending: ["shipped", "cancelled"],
  shipped: ["delivered"],
  delivered: [],
  cancelled: [],
};

export const OrderItemSchema = z
  .object({ product_id: z.number().int(), name: z.string(), unit_price: MoneyOutput, quantity: z.number().int(), line_total: MoneyOutput })
  .openapi("OrderItem");

export const OrderSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(ORDER_STATUSES),
    total: MoneyOutput,
    items: z.array(OrderItemSchema),
    created_at: z.string().openapi({ format: "date-time" }),
    updated_at: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Order");

export const AdminOrderSchema = OrderSchema.extend({ user_id: z.number().int() }).openapi("AdminOrder");

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
