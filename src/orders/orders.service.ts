import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import { adminCheck } from "../auth/auth.service";
import type { Bump } from "../catalog/catalog-version";
import type { Database } from "../db/client";
import { boundedCount, estimatedCount, toCount } from "../db/counts";
import { orders } from "../db/schema";
import { centsToMoney, MAX_MONEY_CENTS } from "../lib/money";
import type { Count, KeysetPosition, PageWindow } from "../lib/pagination";
import { conflict, forbidden, insufficientStock, notFound, Problem, unauthorized, type Shortage } from "../lib/problem";
import type { Delivery } from "../notifications/push";
import { TRANSITIONS, type AdminOrderResponse, type OrderResponse, type OrderStatus } from "./orders.schemas";

/** An order as the API shows it, built by Postgres (shop_order_json) in the same statement that reads it. */
const orderJson = sql<AdminOrderResponse>`shop_order_json(${orders})`;

export function forCustomer(order: AdminOrderResponse): OrderResponse {
  const { user_id: _owner, ...rest } = order;
  return rest;
}

/** The order if it belongs to `userId` (or to anyone when userId is null); another user's order is "not found". */
export async function getOrder(db: Database, id: number, userId: number): Promise<AdminOrderResponse> {
  const [row] = await db
    .select({ order: orderJson })
    .from(orders)
    .where(and(eq(orders.id, id), eq(orders.userId, userId)))
    .limit(1);
  if (!row) throw notFound("Order");
  return row.order;
}

export interface OrderFilters {
  userId?: number;
  status?: OrderStatus;
}

function ordersWhere(filters: OrderFilters): SQL | undefined {
  return and(
    filters.userId === undefined ? undefined : eq(orders.userId, filters.userId),
    filters.status === undefined ? undefined : eq(orders.status, filters.status),
  );
}

function orderPageQuery(db: Database, where: SQL | undefined, window: PageWindow<KeysetPosition>) {
  return db
    .select({ id: orders.id, order: orderJson })
    .from(orders)
    .where(and(where, window.after ? lt(orders.id, window.after.id) : undefined))
    .orderBy(desc(orders.id))
    .limit(window.limit)
    .offset(window.offset);
}

/** Newest first, keyset on id, each order with its items: one round trip (count included). */
export async function listOrders(db: Database, filters: OrderFilters, window: PageWindow<KeysetPosition>, withCount: boolean) {
  const where = ordersWhere(filters);
  const rows = orderPageQuery(db, where, window);
  if (!withCount) return { rows: await rows, count: null };
  const [page, counted, plan] = await db.batch([rows, boundedCount(db, orders, where), estimatedCount(db, orders, where)]);
  return { rows: page, count: toCount(counted, plan) as Count | null };
}

/** The same, behind the admin check, in the same round trip. */
export async function adminListOrders(db: Database, adminId: number, filters: OrderFilters, window: PageWindow<KeysetPosition>, withCount: boolean) {
  const where = ordersWhere(filters);
  if (!withCount) {
    const [, rows] = await db.batch([adminCheck(db, adminId), orderPageQuery(db, where, window)]);
    return { rows, count: null };
  }
  const [, rows, counted, plan] = await db.batch([adminCheck(db, adminId), orderPageQuery(db, where, window), boundedCount(db, orders, where), estimatedCount(db, orders, where)]);
  return { rows, count: toCount(counted, plan) as Count | null };
}

export type PlaceResult = { order: AdminOrderResponse; replayed: boolean; bump: Bump | null };

type Placed =
  | { outcome: "created"; order: AdminOrderResponse; sold_out: boolean; bump_id: number }
  | { outcome: "replayed"; order: AdminOrderResponse }
  | { outcome: "key-reused" | "empty-cart" | "unknown-user" }
  | { outcome: "insufficient-stock"; products: Shortage[] }
  | { outcome: "total-too-large"; total: string };

const keyReused = () => conflict("idempotency-key-reused", "This Idempotency-Key was already used with a different request.");

/**
 * Places an order from the user's whole cart in one round trip: shop_place_order (see
 * src/db/functions/shop_place_order.sql) makes every decision inside Postgres, holding row locks only
 * while it runs. `requestHash` fingerprints the body for the Idempotency-Key.
 */
export async function placeOrder(db: Database, userId: number, key: string | undefined, requestHash: string): Promise<PlaceResult> {
  const { rows } = await db.execute<{ placed: Placed }>(sql`select shop_place_order(${userId}, ${key ?? null}, ${requestHash}) as placed`);
  const placed = rows[0]!.placed;
  switch (placed.outcome) {
    case "created":
      return { order: placed.order, replayed: false, bump: { id: placed.bump_id, counts: placed.sold_out } };
    case "replayed":
      return { order: placed.order, replayed: true, bump: null };
    case "key-reused":
      throw keyReused();
    case "empty-cart":
      throw new Problem(400, "empty-cart", "The cart is empty: add products before placing an order.");
    case "unknown-user":
      throw unauthorized("The access token names no user.");
    case "insufficient-stock":
      throw insufficientStock(placed.products, `Not enough stock for: ${placed.products.map((s) => `${s.name} (available ${s.available}, requested ${s.requested})`).join("; ")}. Nothing was ordered.`);
    case "total-too-large":
      throw new Problem(409, "order-total-too-large", `The order total ${placed.total} is above the largest amount an order can hold (${centsToMoney(MAX_MONEY_CENTS)}); split it into smaller orders. Nothing was ordered.`, {
        extra: { total: placed.total, max: centsToMoney(MAX_MONEY_CENTS) },
      });
  }
}

/**
 * A body that is not a valid order request, sent with an Idempotency-Key: a key already used with
 * another body is 409 (the reuse is the client's real mistake), otherwise the body's own 400 stands.
 */
export async function assertKeyUnused(db: Database, userId: number, key: string): Promise<void> {
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.userId, userId), eq(orders.idempotencyKey, key)))
    .limit(1);
  if (row) throw keyReused();
}

export interface StatusChange {
  order: AdminOrderResponse;
  /** The notification and the owner's previous one: lets the Notifier see a push that overtook another. */
  delivery: Delivery;
  /** A cancellation returned stock: the catalog bump recorded with it. */
  bump: Bump | null;
}

type Changed =
  | { outcome: "changed"; order: AdminOrderResponse; notification: Delivery["notification"]; previous_notification_id: number; back_in_stock: boolean; bump_id: number | null }
  | { outcome: "illegal"; from: OrderStatus }
  | { outcome: "not-found" | "forbidden" | "unknown-user" };

/**
 * Moves an order along TRANSITIONS in one round trip (shop_change_order_status): the status is
 * re-read under the owner's advisory lock, so of two racing changes one wins and the other gets
 * 409; cancelling returns the stock; the history row and the owner's notification are written in
 * the same transaction, in the owner's notification-id order.
 */
export async function changeStatus(db: Database, id: number, to: OrderStatus, actor: { id: number; ownerOnly: boolean }): Promise<StatusChange> {
  const from = (Object.keys(TRANSITIONS) as OrderStatus[]).filter((status) => TRANSITIONS[status].includes(to));
  const { rows } = await db.execute<{ changed: Changed }>(
    sql`select shop_change_order_status(${id}, ${to}::order_status, ${`{${from.join(",")}}`}::order_status[], ${actor.id}, ${actor.ownerOnly}) as changed`,
  );
  const changed = rows[0]!.changed;
  switch (changed.outcome) {
    case "changed":
      return {
        order: changed.order,
        delivery: { notification: changed.notification, previousId: changed.previous_notification_id },
        bump: changed.bump_id === null ? null : { id: changed.bump_id, counts: changed.back_in_stock },
      };
    case "illegal":
      throw illegalMove(changed.from, to);
    case "not-found":
      throw notFound("Order");
    case "forbidden":
      throw forbidden("This needs an admin account.");
    case "unknown-user":
      throw unauthorized("The access token names no user.");
  }
}

function illegalMove(from: OrderStatus, to: OrderStatus) {
  const allowed = TRANSITIONS[from];
  const options = allowed.length ? `allowed: ${allowed.join(", ")}` : "it is final";
  return new Problem(409, "illegal-status-transition", `An order that is ${from} cannot become ${to} (${options}).`, { extra: { from, to, allowed } });
}
