import type { Context } from "hono";
import { bearerToken, currentUser } from "../auth/guards";
import { bumpCatalogVersion } from "../catalog/catalog-version";
import { deliverOutbox } from "../email";
import type { AppEnv } from "../context";
import type { Database } from "../db/client";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import { afterResponse } from "../lib/background";
import { base64url, sha256Hex } from "../lib/hash";
import { issuesToErrors, type AppRouteHandler } from "../lib/openapi";
import { byId, listJson, listRead, type ListDefinition } from "../lib/list-read";
import { Problem, unauthorized, validationProblem } from "../lib/problem";
import { pushToUser } from "../notifications/push";
import { expireOpenSessions, sendRefunds } from "../payments";
import type * as routes from "./orders.routes";
import { PlaceOrderSchema, type OrderStatus, type PlaceOrderRequest } from "./orders.schemas";
import * as ordersService from "./orders.service";

/** The optional body, parsed here (after the key) so that a reused key with another body is 409 rather than 400. */
function parseBody(raw: string): { body: PlaceOrderRequest } | { problem: Problem } {
  if (raw.trim() === "") return { body: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { problem: new Problem(400, "bad-request", "Malformed JSON in request body.") };
  }
  const result = PlaceOrderSchema.safeParse(parsed);
  return result.success ? { body: result.data } : { problem: validationProblem(issuesToErrors(result.error.issues)) };
}

/** After an order is written: the catalog bump (stock changed) on the critical path, its email after the response. */
async function afterPlaced(c: Context<AppEnv>, db: Database, placed: ordersService.PlaceResult): Promise<void> {
  if (placed.bump) await bumpCatalogVersion(c, db, placed.bump);
  sendEmails(c, db, [placed.emailId]);
}

/** Delivers the outbox rows a request wrote, after its response; the cron retries what fails. */
function sendEmails(c: Context<AppEnv>, db: Database, ids: (number | null)[]): void {
  const due = ids.filter((id): id is number => id !== null);
  if (due.length > 0) afterResponse(c, () => deliverOutbox(readConfig(c.env), db, { ids: due }));
}

/**
 * One round trip to Postgres (shop_place_order) and, when stock was taken, one to Redis for the
 * catalog bump. The body is read raw: the idempotency fingerprint is taken over exactly what was sent.
 */
export const placeOrder: AppRouteHandler<typeof routes.placeOrderRoute> = async (c) => {
  const user = currentUser(c);
  const key = c.req.valid("header")["idempotency-key"];
  const raw = await c.req.text();
  const db = useDb(c);
  const parsed = parseBody(raw);
  if ("problem" in parsed) {
    if (key) await ordersService.assertKeyUnused(db, user.id, key);
    throw parsed.problem;
  }
  const placed = await ordersService.placeOrder(db, readConfig(c.env), { userId: user.id, body: parsed.body, key, requestHash: await sha256Hex(raw.trim()) });
  await afterPlaced(c, db, placed);
  if (placed.replayed) c.header("Idempotent-Replayed", "true");
  return c.json(ordersService.forCustomer(placed.order), 201);
};

export const quote: AppRouteHandler<typeof routes.quoteRoute> = async (c) => {
  const parsed = parseBody(await c.req.text());
  if ("problem" in parsed) throw parsed.problem;
  const totals = await ordersService.quote(useDb(c), readConfig(c.env), { userId: currentUser(c).id, body: parsed.body });
  return c.json(totals, 200);
};

/** A guest order: the lines come with the request; the access token is shown once and only its hash is kept. */
export const placeGuestOrder: AppRouteHandler<typeof routes.placeGuestOrderRoute> = async (c) => {
  const { email, items, ...body } = c.req.valid("json");
  const token = newAccessToken();
  const db = useDb(c);
  const placed = await ordersService.placeOrder(db, readConfig(c.env), { email, lines: items, body, guestTokenHash: await sha256Hex(token) });
  await afterPlaced(c, db, placed);
  return c.json({ ...ordersService.forCustomer(placed.order), access_token: token }, 201);
};

export const getGuestOrder: AppRouteHandler<typeof routes.getGuestOrderRoute> = async (c) => {
  const token = bearerToken(c);
  if (!token) throw unauthorized("Send the order's access_token as Authorization: Bearer <token>.");
  const order = await ordersService.getGuestOrder(useDb(c), c.req.valid("param").id, await sha256Hex(token));
  return c.json(ordersService.forCustomer(order), 200);
};

/** 32 random bytes, base64url: the one-time access token of a guest order. */
function newAccessToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

// One kind of cursor for both lists of orders: the owner in its scope keeps them apart.
const ORDERS: ListDefinition = { kind: "orders", path: "/api/orders", params: [] };
const ADMIN_ORDERS: ListDefinition = { kind: "orders", path: "/api/admin/orders", params: ["status", "user"] };

export const listOrders: AppRouteHandler<typeof routes.listOrdersRoute> = async (c) => {
  const user = currentUser(c);
  const list = listRead(readConfig(c.env), ORDERS, c.req.valid("query"), `user:${user.id}`);
  const { rows, count } = await ordersService.listOrders(useDb(c), { userId: user.id }, await list.window(), list.counts);
  return listJson(c, await list.page(rows, count, byId, (row) => ordersService.forCustomer(row.order)));
};

export const getOrder: AppRouteHandler<typeof routes.getOrderRoute> = async (c) => {
  const order = await ordersService.getOrder(useDb(c), c.req.valid("param").id, currentUser(c).id);
  return c.json(ordersService.forCustomer(order), 200);
};

/** One round trip to Postgres; a cancellation adds the catalog bump; the push goes after the response. */
async function applyStatusChange(c: Context<AppEnv>, id: number, to: OrderStatus, ownerOnly: boolean) {
  const db = useDb(c);
  const change = await ordersService.changeStatus(db, id, to, { id: currentUser(c).id, ownerOnly });
  if (change.bump) await bumpCatalogVersion(c, db, change.bump);
  const { delivery, order } = change;
  if (delivery && order.user_id !== null) afterResponse(c, () => pushToUser(c.env, order.user_id!, [delivery]));
  sendEmails(c, db, [change.emailId]);
  if (to === "cancelled") {
    const config = readConfig(c.env);
    // A payment page still open for this order must not take money any more; a payment that was
    // taken is refunded (the refund row was written with the cancellation).
    afterResponse(c, () => expireOpenSessions(config, db, [order.id]));
    if (change.refundId) afterResponse(c, () => sendRefunds(config, db, [change.refundId!]));
  }
  return order;
}

export const cancelOrder: AppRouteHandler<typeof routes.cancelOrderRoute> = async (c) => {
  const order = await applyStatusChange(c, c.req.valid("param").id, "cancelled", true);
  return c.json(ordersService.forCustomer(order), 200);
};

export const adminListOrders: AppRouteHandler<typeof routes.adminListOrdersRoute> = async (c) => {
  const query = c.req.valid("query");
  const list = listRead(readConfig(c.env), ADMIN_ORDERS, query, "admin");
  const { rows, count } = await ordersService.adminListOrders(useDb(c), currentUser(c).id, { userId: query.user, status: query.status }, await list.window(), list.counts);
  return listJson(c, await list.page(rows, count, byId, (row) => row.order));
};

export const adminChangeStatus: AppRouteHandler<typeof routes.adminChangeStatusRoute> = async (c) => {
  const order = await applyStatusChange(c, c.req.valid("param").id, c.req.valid("json").status, false);
  return c.json(order, 200);
};
