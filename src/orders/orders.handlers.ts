import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import { currentUser } from "../auth/auth.middleware";
import type { AppEnv } from "../context";
import { useDb } from "../db/use";
import { afterResponse } from "../lib/background";
import { bumpCatalogVersion } from "../catalog/catalog-version";
import { issuesToErrors } from "../lib/openapi";
import { pageRequest } from "../lib/pagination";
import { Problem, validationProblem } from "../lib/problem";
import { pushToUser } from "../notifications/push";
import type * as routes from "./orders.routes";
import { PlaceOrderSchema } from "./orders.schemas";
import * as ordersService from "./orders.service";

type Handler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The body is read raw: the idempotency fingerprint is taken over exactly what was sent, and a
 * replay is decided before validation (a reused key with another body is 409, not 400).
 */
export const placeOrder: Handler<typeof routes.placeOrderRoute> = async (c) => {
  const user = currentUser(c);
  const key = c.req.valid("header")["idempotency-key"];
  const raw = await c.req.text();
  const requestHash = await sha256Hex(raw.trim());
  const db = useDb(c);
  const earlier = await ordersService.findReplay(db, user.id, key, requestHash);
  if (!earlier && raw.trim() !== "") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new Problem(400, "bad-request", "Malformed JSON in request body.");
    }
    const result = PlaceOrderSchema.safeParse(parsed);
    if (!result.success) throw validationProblem(issuesToErrors(result.error.issues));
  }
  const { order, replayed, soldOut } = earlier ?? (await ordersService.placeOrder(db, user.id, key, requestHash));
  if (!replayed) await bumpCatalogVersion(c, { counts: soldOut });
  if (replayed) c.header("Idempotent-Replayed", "true");
  return c.json(ordersService.forCustomer(order), 201);
};

export const listOrders: Handler<typeof routes.listOrdersRoute> = async (c) => {
  const page = await ordersService.listOrders(useDb(c), c.env, c.req.url, pageRequest(c.req.valid("query")), { userId: currentUser(c).id });
  return c.json({ ...page, results: page.results.map(ordersService.forCustomer) }, 200);
};

export const getOrder: Handler<typeof routes.getOrderRoute> = async (c) => {
  const order = await ordersService.getOrder(useDb(c), c.req.valid("param").id, currentUser(c).id);
  return c.json(ordersService.forCustomer(order), 200);
};

async function applyStatusChange(c: Context<AppEnv>, id: number, to: "shipped" | "delivered" | "cancelled" | "pending", ownerOnly: boolean) {
  const change = await ordersService.changeStatus(useDb(c), id, to, { id: currentUser(c).id, ownerOnly });
  if (change.restocked) await bumpCatalogVersion(c, { counts: change.backInStock });
  afterResponse(c, pushToUser(c.env, change.order.user_id, [{ notification: change.notification, previousId: change.previousNotificationId }]));
  return change.order;
}

export const cancelOrder: Handler<typeof routes.cancelOrderRoute> = async (c) => {
  const order = await applyStatusChange(c, c.req.valid("param").id, "cancelled", true);
  return c.json(ordersService.forCustomer(order), 200);
};

export const adminListOrders: Handler<typeof routes.adminListOrdersRoute> = async (c) => {
  const query = c.req.valid("query");
  const page = await ordersService.listOrders(useDb(c), c.env, c.req.url, pageRequest(query), { userId: query.user, status: query.status });
  return c.json(page, 200);
};

export const adminChangeStatus: Handler<typeof routes.adminChangeStatusRoute> = async (c) => {
  const order = await applyStatusChange(c, c.req.valid("param").id, c.req.valid("json").status, false);
  return c.json(order, 200);
};
