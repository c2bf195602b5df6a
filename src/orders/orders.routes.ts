import { createRoute } from "@hono/zod-openapi";
import { adminOnly, requireUser } from "../auth/guards";
import { IdParam, NoQuery } from "../lib/pagination";
import { bearerSecurity, jsonBody, jsonContent, problemResponses } from "../lib/openapi";
import {
  GuestOrderCreatedSchema,
  GuestOrderSchema,
  QuoteRequestSchema,
  QuoteSchema,
  PlaceOrderSchema,
  AdminOrderListQuery,
  AdminOrderPageSchema,
  AdminOrderSchema,
  IdempotencyHeader,
  OrderListQuery,
  OrderPageSchema,
  OrderSchema,
  StatusChangeSchema,
} from "./orders.schemas";

const checkoutRules =
  "Address: `shipping_address_id` (one of yours), `shipping_address`, or else your default address; with none at all the order ships nowhere (no shipping, no tax). Shipping: `shipping_method_id`, or else the cheapest active method that ships to the address's country (409 `no-shipping-method` / `shipping-unavailable` naming the country). " +
  "Totals: `subtotal` is the sum of the lines (unit price × quantity); a percent code takes its share of each line, rounded half-up to cents; a fixed code is spread over the lines in proportion to their totals (largest remainder, never more than the subtotal); shipping is free when the goods after discount reach the method's `free_over`, or with a free-shipping code; prices exclude tax, and the most specific tax rate (country and region, else country) applies to each line after its discount and to shipping, rounded half-up per line; `total = subtotal − discount_total + shipping_total + tax_total`. " +
  "Codes: unknown 404 `discount-not-found`; inactive, not yet started, expired, used up (`usage_limit`, or your `per_customer_limit`) or below `min_subtotal` (with the amount `missing`) are 409 naming the reason.";

export const placeOrderRoute = createRoute({
  operationId: "placeOrder",
  method: "post",
  path: "/api/orders",
  tags: ["Orders"],
  summary: "Place an order from the whole cart",
  description:
    "The optional JSON body is a `PlaceOrderRequest`. One statement takes the stock, redeems the discount code, snapshots names, SKUs, options and prices, writes the order with copies of the address and shipping method and removes the ordered lines from the cart. The order is `pending` and unpaid: its stock is held until `expires_at` (30 minutes by default), when it cancels itself unless paid. You may hold at most 5 unpaid pending orders (409 `too-many-unpaid-orders`). Empty cart → 400; any short line → 409 (`insufficient-stock`) naming each variant with what is available, and nothing is taken. A cart becomes at most one order: of simultaneous orders of one user (a double click), one is 201 and the others find the cart empty (400); a line added meanwhile is either in that order or still in the cart. With `Idempotency-Key`, the same key and body replay the first answer (`Idempotent-Replayed: true`); the same key with another body → 409. " +
    checkoutRules,
  security: bearerSecurity,
  middleware: [requireUser] as const,
  // The optional body (PlaceOrderRequest, registered in the document's components) is validated by
  // the handler, after the idempotency check, so that a reused key with another body is 409 rather than 400.
  request: { query: NoQuery, headers: IdempotencyHeader },
  responses: { 201: jsonContent(OrderSchema, "The order"), ...problemResponses(400, 401, 404, 409, 413) },
});

export const quoteRoute = createRoute({
  operationId: "quote",
  method: "post",
  path: "/api/cart/quote",
  tags: ["Cart"],
  summary: "The totals an order of the cart would have now",
  description: `Prices the cart exactly as \`POST /api/orders\` would, and refuses exactly what it would refuse, without taking or writing anything. ${checkoutRules}`,
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { query: NoQuery, body: { required: false, content: { "application/json": { schema: QuoteRequestSchema } } } },
  responses: { 200: jsonContent(QuoteSchema, "The totals"), ...problemResponses(400, 401, 404, 409, 413) },
});

export const placeGuestOrderRoute = createRoute({
  operationId: "placeGuestOrder",
  method: "post",
  path: "/api/guest/orders",
  tags: ["Orders"],
  summary: "Place an order without an account",
  description:
    "The lines come with the request (`variant_id`, or `product_id` for a product with one variant); an address is required. Same rules, totals and stock hold as `POST /api/orders`; the order's emails go to `email`, which may hold at most 5 unpaid pending orders. The answer carries `access_token`, shown once: it reads this order (and no other) at `GET /api/guest/orders/{id}`. Registering later with the same email, once it is verified, brings the order into the account. " +
    checkoutRules,
  security: [],
  request: { query: NoQuery, body: jsonBody(GuestOrderSchema) },
  responses: { 201: jsonContent(GuestOrderCreatedSchema, "The order and its access token"), ...problemResponses(400, 404, 409, 413) },
});

export const getGuestOrderRoute = createRoute({
  operationId: "getGuestOrder",
  method: "get",
  path: "/api/guest/orders/{id}",
  tags: ["Orders"],
  summary: "A guest order, with its access token",
  description: "`Authorization: Bearer <access_token>` of this order. Any other token, or an order that is not a guest order, is 404.",
  security: [{ guestOrderToken: [] }],
  request: { params: IdParam, query: NoQuery },
  responses: { 200: jsonContent(OrderSchema, "The order"), ...problemResponses(400, 401, 404) },
});

export const listOrdersRoute = createRoute({
  operationId: "listOrders",
  method: "get",
  path: "/api/orders",
  tags: ["Orders"],
  summary: "Own order history, newest first",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { query: OrderListQuery },
  responses: { 200: jsonContent(OrderPageSchema, "A page of orders"), ...problemResponses(400, 401) },
});

export const getOrderRoute = createRoute({
  operationId: "getOrder",
  method: "get",
  path: "/api/orders/{id}",
  tags: ["Orders"],
  summary: "One own order with its items",
  description: "Another user's order is 404, exactly like a missing one.",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { params: IdParam, query: NoQuery },
  responses: { 200: jsonContent(OrderSchema, "The order"), ...problemResponses(400, 401, 404) },
});

export const cancelOrderRoute = createRoute({
  operationId: "cancelOrder",
  method: "post",
  path: "/api/orders/{id}/cancel",
  tags: ["Orders"],
  summary: "Cancel an own pending order; its stock returns",
  description: "Only while `pending`: the held stock and the discount code's use come back. A paid order is cancelled by an admin (which refunds it).",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { params: IdParam, query: NoQuery },
  responses: { 200: jsonContent(OrderSchema, "The cancelled order"), ...problemResponses(400, 401, 404, 409) },
});

export const adminListOrdersRoute = createRoute({
  operationId: "adminListOrders",
  method: "get",
  path: "/api/admin/orders",
  tags: ["Admin"],
  summary: "All orders, newest first (admin)",
  ...adminOnly,
  request: { query: AdminOrderListQuery },
  responses: { 200: jsonContent(AdminOrderPageSchema, "A page of orders"), ...problemResponses(400, 401, 403) },
});

export const adminChangeStatusRoute = createRoute({
  operationId: "adminChangeStatus",
  method: "patch",
  path: "/api/admin/orders/{id}",
  tags: ["Admin"],
  summary: "Move an order's status (admin)",
  description:
    "Allowed: pending → paid (records an offline payment: `payment_method` manual, `amount_paid` = total), paid → shipped → delivered, pending → cancelled (stock and the discount use come back), paid → cancelled (stock comes back and the unrefunded payment is refunded). Anything else → 409 with `allowed`. Each change writes a history row, a notification for the owner and the email for the new status in the same transaction, then pushes the notification to the owner's open WebSockets.",
  ...adminOnly,
  request: { params: IdParam, query: NoQuery, body: { required: true, content: { "application/json": { schema: StatusChangeSchema } } } },
  responses: { 200: jsonContent(AdminOrderSchema, "The order"), ...problemResponses(400, 401, 403, 404, 409, 413) },
});
