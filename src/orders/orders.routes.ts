import { createRoute } from "@hono/zod-openapi";
import { requireAdmin, requireUser } from "../auth/guards";
import { IdParam, NoQuery } from "../lib/pagination";
import { bearerSecurity, jsonContent, problemResponses } from "../lib/openapi";
import {
  AdminOrderListQuery,
  AdminOrderPageSchema,
  AdminOrderSchema,
  IdempotencyHeader,
  OrderListQuery,
  OrderPageSchema,
  OrderSchema,
  StatusChangeSchema,
} from "./orders.schemas";

export const placeOrderRoute = createRoute({
  operationId: "placeOrder",
  method: "post",
  path: "/api/orders",
  tags: ["Orders"],
  summary: "Place an order from the whole cart",
  description:
    "One transaction takes stock, snapshots names and prices, writes the order and removes the ordered lines from the cart. Empty cart → 400; any short line → 409 (`insufficient-stock`) naming each product with what is available, and nothing is taken. A cart becomes at most one order: of simultaneous orders of one user (a double click), one is 201 and the others find the cart empty (400); a line added meanwhile is either in that order or still in the cart. With `Idempotency-Key`, the same key and body replay the first answer (`Idempotent-Replayed: true`); the same key with another body → 409. The body is optional and takes no fields.",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  // The optional body (PlaceOrderRequest: no fields) is validated by the handler, after the
  // idempotency check, so that a reused key with another body is 409 rather than 400.
  request: { query: NoQuery, headers: IdempotencyHeader },
  responses: { 201: jsonContent(OrderSchema, "The order"), ...problemResponses(400, 401, 409, 413) },
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
  security: bearerSecurity,
  middleware: [requireAdmin] as const,
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
    "Allowed: pending → shipped → delivered, pending → cancelled (restocks). Anything else → 409 with `allowed`. Each change writes a history row and a notification for the owner in the same transaction, then pushes it to the owner's open WebSockets.",
  security: bearerSecurity,
  middleware: [requireAdmin] as const,
  request: { params: IdParam, query: NoQuery, body: { required: true, content: { "application/json": { schema: StatusChangeSchema } } } },
  responses: { 200: jsonContent(AdminOrderSchema, "The order"), ...problemResponses(400, 401, 403, 404, 409, 413) },
});
