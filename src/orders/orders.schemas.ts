import { z } from "@hono/zod-openapi";
import { AddressInput } from "../addresses/addresses.schemas";
import { discountCode } from "../discounts/discounts.schemas";
import { MAX_CART_LINES } from "../cart/cart.schemas";
import { MAX_ID } from "../lib/ids";
import { MoneyOutput } from "../lib/money";
import { IdOutput, INT32, textOutput, TimestampOutput, UrlOutput } from "../lib/openapi-bounds";
import { PageQuery, pageListSchema, positiveIntParam } from "../lib/pagination";
import { ORDER_STATUSES, PAYMENT_STATUSES } from "../shared/contract";

// Statuses and their moves are shared with the storefront: written once, in src/shared/contract.ts.
export { ORDER_STATUSES, PAYMENT_STATUSES, TRANSITIONS, type OrderStatus } from "../shared/contract";

const Timestamp = TimestampOutput;

export const ShippingAddressSchema = z
  .object({
    name: textOutput(200),
    line1: textOutput(200),
    line2: textOutput(200),
    city: textOutput(200),
    region: textOutput(100),
    postal_code: textOutput(20),
    country: z.string().openapi({ maxLength: 2, pattern: "^[A-Z]{2}$", description: "ISO 3166-1 alpha-2" }),
    phone: textOutput(40),
  })
  .openapi("ShippingAddress");

export const OrderItemSchema = z
  .object({
    product_id: IdOutput,
    variant_id: IdOutput,
    sku: textOutput(100),
    options: z.record(z.string(), textOutput(100)).openapi({ description: "The variant's option values at the time of the order." }),
    image_url: UrlOutput.nullable().openapi({ description: "Path of the variant's (or product's first) image at the time of the order, on this server." }),
    name: textOutput(200),
    unit_price: MoneyOutput,
    quantity: z.number().int().openapi({ ...INT32, minimum: 1, maximum: 10_000 }),
    line_total: MoneyOutput,
    discount: MoneyOutput.openapi({ description: "This line's share of the discount." }),
    tax: MoneyOutput.openapi({ description: "Tax on this line after its discount, rounded half-up to cents." }),
  })
  .openapi("OrderItem");

const totals = {
  currency: z.string().openapi({ maxLength: 3, pattern: "^[a-z]{3}$", example: "usd", description: "ISO 4217, lower case." }),
  subtotal: MoneyOutput.openapi({ description: "Sum of the line totals (unit price × quantity), before discount, shipping and tax." }),
  discount_total: MoneyOutput,
  shipping_total: MoneyOutput,
  tax_total: MoneyOutput,
  total: MoneyOutput.openapi({ description: "subtotal − discount_total + shipping_total + tax_total." }),
  tax_rate: z.string().openapi({ maxLength: 6, pattern: "^\\d{1,3}\\.\\d{2}$", example: "20.00", description: "Percent applied to goods and shipping." }),
  discount_code: textOutput(64).nullable(),
  shipping_address: ShippingAddressSchema.nullable(),
  shipping_method: z.object({ id: IdOutput, name: textOutput(200), price: MoneyOutput }).nullable().openapi({ description: "The method and the shipping price charged (0.00 when free)." }),
};

export const OrderSchema = z
  .object({
    id: IdOutput,
    email: textOutput(254).nullable(),
    status: z.enum(ORDER_STATUSES),
    payment_status: z.enum(PAYMENT_STATUSES),
    payment_method: textOutput(32).nullable().openapi({ description: "stripe, or manual for an offline payment an admin recorded." }),
    ...totals,
    amount_paid: MoneyOutput,
    amount_refunded: MoneyOutput,
    // An order is made from one cart.
    items: z.array(OrderItemSchema).openapi({ maxItems: MAX_CART_LINES }),
    expires_at: Timestamp.nullable().openapi({ description: "While pending and unpaid: when the order cancels itself and its stock returns." }),
    paid_at: Timestamp.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .openapi("Order");

export const AdminOrderSchema = OrderSchema.extend({ user_id: IdOutput.nullable() }).openapi("AdminOrder");

export type OrderResponse = z.infer<typeof OrderSchema>;
export type AdminOrderResponse = z.infer<typeof AdminOrderSchema>;

export const QuoteSchema = z
  .object({ ...totals, items: z.array(OrderItemSchema.omit({ image_url: true })).openapi({ maxItems: MAX_CART_LINES }) })
  .openapi("Quote");
export type QuoteResponse = z.infer<typeof QuoteSchema>;

const id = (what: string) => z.number().int(`Must be ${what}.`).positive(`Must be ${what}.`).max(MAX_ID, `Must be ${what}.`).openapi(INT32);

/** An address sent with an order (not kept in the address book): the address book's own input. */
export const ShippingAddressInput = AddressInput;

const checkoutFields = {
  shipping_address_id: id("an address id").optional().openapi({ description: "One of your addresses (`/api/me/addresses`)." }),
  shipping_address: ShippingAddressInput.optional(),
  shipping_method_id: id("a shipping method id").optional().openapi({ description: "Default: the cheapest method that ships to the address's country." }),
  discount_code: discountCode.optional(),
};

const oneAddress = (v: { shipping_address_id?: number; shipping_address?: unknown }) => !(v.shipping_address_id !== undefined && v.shipping_address !== undefined);
const oneAddressMessage = { message: "Send shipping_address_id or shipping_address, not both.", path: ["shipping_address"] };

/** Placing an order or asking for a quote: everything else comes from the cart. */
export const PlaceOrderSchema = z.strictObject(checkoutFields).refine(oneAddress, oneAddressMessage).openapi("PlaceOrderRequest");
export type PlaceOrderRequest = z.infer<typeof PlaceOrderSchema>;
export const QuoteRequestSchema = PlaceOrderSchema.openapi("QuoteRequest");

export const GuestOrderSchema = z
  .strictObject({
    email: z.string().trim().toLowerCase().max(254, "Must be at most 254 characters.").email("Must be an email address."),
    items: z
      .array(
        z
          .strictObject({ variant_id: id("a variant id").optional(), product_id: id("a product id").optional(), quantity: z.number().int("Must be a whole number.").min(1, "Must be at least 1.").max(1000, "Must be at most 1000.").openapi(INT32) })
          .refine((l) => (l.variant_id === undefined) !== (l.product_id === undefined), "Send variant_id, or product_id for a product with one variant."),
      )
      .min(1, "Must hold at least one line.")
      .max(100, "At most 100 lines."),
    shipping_address: ShippingAddressInput,
    shipping_method_id: checkoutFields.shipping_method_id,
    discount_code: checkoutFields.discount_code,
  })
  .openapi("GuestOrderRequest");

export const GuestOrderCreatedSchema = OrderSchema.extend({
  access_token: textOutput(4096).openapi({ description: "Shown once: `Authorization: Bearer <access_token>` reads this order at GET /api/guest/orders/{id}." }),
}).openapi("GuestOrderCreated");

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
