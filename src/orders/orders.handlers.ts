import type { Context } from "hono";
import { currentUser } from "../auth/guards";
import { bumpCatalogVersion } from "../catalog/catalog-version";
import type { AppEnv } from "../context";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import { afterResponse } from "../lib/background";
import { sha256Hex } from "../lib/hash";
import { issuesToErrors, type AppRouteHandler } from "../lib/openapi";
import { buildPage, pageLinker, pageRequest, pageWindow, readCursor, signCursor, type Count, type KeysetPosition, type PageRequest, type PageWindow } from "../lib/pagination";
import { Problem, validationProblem } from "../lib/problem";
import { pushToUser } from "../notifications/push";
import type * as routes from "./orders.routes";
import { PlaceOrderSchema, type AdminOrderResponse, type OrderStatus } from "./orders.schemas";
import * as ordersService from "./orders.service";

/** The body takes no fields; what was sent is checked here (after the key) so a reused key with another body is 409. */
function bodyProblem(raw: string): Problem | null {
  if (raw.trim() === "") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return new Problem(400, "bad-request", "Malformed JSON in request body.");
  }
  const result = PlaceOrderSchema.safeParse(parsed);
  return result.success ? null : validationProblem(issuesToErrors(result.error.issues));
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
  const invalid = bodyProblem(raw);
  if (invalid) {
    if (key) await ordersService.assertKeyUnused(db, user.id, key);
    throw invalid;
  }
  const { order, replayed, bump } = await ordersService.placeOrder(db, user.id, key, await sha256Hex(raw.trim()));
  if (bump) await bumpCatalogVersion(c, db, bump);
  if (replayed) c.header("Idempotent-Replayed", "true");
  return c.json(ordersService.forCustomer(order), 201);
};

const ORDER_LIST_PARAMS = ["status", "user"] as const;

/** A page of orders: the cursor is bound to its list and filters (`scope`), links carry the canonical query. */
async function listPage(c: Context<AppEnv>, opts: {
  path: string;
  request: PageRequest;
  filters: { status?: OrderStatus; user?: number };
  scope: string;
  load: (window: PageWindow<KeysetPosition>) => Promise<{ rows: { id: number; order: AdminOrderResponse }[]; count: Count | null }>;
}) {
  const config = readConfig(c.env);
  const after = opts.request.cursor ? await readCursor(config, opts.request.cursor, "orders", opts.scope) : undefined;
  const { rows, count } = await opts.load(pageWindow(opts.request, after));
  return buildPage({
    request: opts.request,
    rows,
    count,
    toItem: (row) => row.order,
    cursorFor: (row) => signCursor(config, "orders", opts.scope, { value: "", id: row.id }),
    link: pageLinker(new URL(c.req.url).origin, opts.path, opts.filters, ORDER_LIST_PARAMS, opts.request.pageSize),
  });
}

export const listOrders: AppRouteHandler<typeof routes.listOrdersRoute> = async (c) => {
  const user = currentUser(c);
  const request = pageRequest(c.req.valid("query"));
  const page = await listPage(c, {
    path: "/api/orders",
    request,
    filters: {},
    scope: `user:${user.id}`,
    load: (window) => ordersService.listOrders(useDb(c), { userId: user.id }, window, !request.cursor),
  });
  return c.json({ ...page, results: page.results.map(ordersService.forCustomer) }, 200);
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
  afterResponse(c, () => pushToUser(c.env, change.order.user_id, [change.delivery]));
  return change.order;
}

export const cancelOrder: AppRouteHandler<typeof routes.cancelOrderRoute> = async (c) => {
  const order = await applyStatusChange(c, c.req.valid("param").id, "cancelled", true);
  return c.json(ordersService.forCustomer(order), 200);
};

export const adminListOrders: AppRouteHandler<typeof routes.adminListOrdersRoute> = async (c) => {
  const { status, user, ...query } = c.req.valid("query");
  const request = pageRequest(query);
  const adminId = currentUser(c).id;
  const page = await listPage(c, {
    path: "/api/admin/orders",
    request,
    filters: { status, user },
    scope: `admin:${user ?? ""}:${status ?? ""}`,
    load: (window) => ordersService.adminListOrders(useDb(c), adminId, { userId: user, status }, window, !request.cursor),
  });
  return c.json(page, 200);
};

export const adminChangeStatus: AppRouteHandler<typeof routes.adminChangeStatusRoute> = async (c) => {
  const order = await applyStatusChange(c, c.req.valid("param").id, c.req.valid("json").status, false);
  return c.json(order, 200);
};
