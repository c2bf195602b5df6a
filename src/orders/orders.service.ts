import { and, asc, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "../db/client";
import { cartItems, notifications, orderItems, orders, orderStatusHistory, products } from "../db/schema";
import type { Env } from "../env";
import { buildPage, readCursor, signCursor, type Page, type PageRequest } from "../lib/pagination";
import { centsToMoney, MAX_MONEY_CENTS, moneyToCents } from "../lib/money";
import { conflict, notFound, Problem } from "../lib/problem";
import { latestNotificationId, toNotification } from "../notifications/notifications.service";
import type { NotificationMessage } from "../notifications/push";
import { TRANSITIONS, type AdminOrderResponse, type OrderResponse, type OrderStatus } from "./orders.schemas";

type OrderRow = typeof orders.$inferSelect;

/** Orders with their items: one query for the orders, one for all their items. */
async function withItems(db: Executor, rows: OrderRow[]): Promise<AdminOrderResponse[]> {
  if (rows.length === 0) return [];
  const items = await db
    .select({
      orderId: orderItems.orderId,
      productId: orderItems.productId,
      name: orderItems.name,
      unitPrice: orderItems.unitPrice,
      quantity: orderItems.quantity,
      lineTotal: sql<string>`(${orderItems.unitPrice} * ${orderItems.quantity})::text`,
    })
    .from(orderItems)
    .where(inArray(orderItems.orderId, rows.map((r) => r.id)))
    .orderBy(asc(orderItems.orderId), asc(orderItems.id));
  return rows.map((row) => ({
    id: row.id,
    user_id: row.userId,
    status: row.status,
    total: row.total,
    items: items
      .filter((i) => i.orderId === row.id)
      .map((i) => ({ product_id: i.productId, name: i.name, unit_price: i.unitPrice, quantity: i.quantity, line_total: i.lineTotal })),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  }));
}

export function forCustomer(order: AdminOrderResponse): OrderResponse {
  const { user_id: _owner, ...rest } = order;
  return rest;
}

/** The order if it belongs to `userId` (or to anyone when userId is null); another user's order is "not found". */
export async function getOrder(db: Executor, id: number, userId: number | null): Promise<AdminOrderResponse> {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, id), userId === null ? undefined : eq(orders.userId, userId)))
    .limit(1);
  if (!row) throw notFound("Order");
  return (await withItems(db, [row]))[0]!;
}

const orderCursor = z.object({ k: z.literal("orders"), s: z.string(), id: z.number().int() });

/** Newest first, keyset on id; `scope` binds a cursor to its user and filters. */
export async function listOrders(
  db: Executor,
  env: Env,
  url: string,
  request: PageRequest,
  filters: { userId?: number; status?: OrderStatus },
): Promise<Page<AdminOrderResponse>> {
  const scope = JSON.stringify([filters.userId ?? null, filters.status ?? null]);
  const where: (SQL | undefined)[] = [
    filters.userId === undefined ? undefined : eq(orders.userId, filters.userId),
    filters.status === undefined ? undefined : eq(orders.status, filters.status),
  ];
  const countWhere = and(...where);
  if (request.cursor) {
    const c = await readCursor(env, request.cursor, orderCursor);
    if (c.s !== scope) throw new Problem(400, "invalid-cursor", "The cursor belongs to another query.", { errors: [{ path: "cursor", message: "Invalid cursor." }] });
    where.push(lt(orders.id, c.id));
  }
  const rows = await db
    .select()
    .from(orders)
    .where(and(...where))
    .orderBy(desc(orders.id))
    .limit(request.pageSize + 1)
    .offset(request.cursor ? 0 : (request.page - 1) * request.pageSize);
  const total = request.cursor ? null : await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(countWhere);
  const byId = new Map((await withItems(db, rows.slice(0, request.pageSize))).map((o) => [o.id, o]));
  return buildPage({
    url,
    request,
    rows,
    count: total ? total[0]!.n : null,
    toItem: (row) => byId.get(row.id)!,
    cursorFor: (row) => signCursor(env, { k: "orders", s: scope, id: row.id }),
  });
}

export interface Shortage {
  product_id: number;
  name: string;
  requested: number;
  available: number;
}

/** `soldOut`: the order took some product's last unit, so `in_stock` filters match other rows now. */
export type PlaceResult = { order: AdminOrderResponse; replayed: boolean; soldOut: boolean };

async function replay(db: Executor, userId: number, key: string, requestHash: string): Promise<PlaceResult | null> {
  const [existing] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.userId, userId), eq(orders.idempotencyKey, key)))
    .limit(1);
  if (!existing) return null;
  if (existing.requestHash !== requestHash) {
    throw conflict("idempotency-key-reused", "This Idempotency-Key was already used with a different request.");
  }
  return { order: (await withItems(db, [existing]))[0]!, replayed: true, soldOut: false };
}

/** Same key replays the stored order (checked before the body is validated). */
export async function findReplay(db: Executor, userId: number, key: string | undefined, requestHash: string): Promise<PlaceResult | null> {
  return key ? replay(db, userId, key, requestHash) : null;
}

/**
 * One transaction: order row first (its unique idempotency key makes a concurrent duplicate wait
 * for this one and then replay it), conditional stock decrements in product-id order (no
 * deadlocks; a short line rolls everything back), item snapshots, total in SQL numeric, first
 * history row, empty cart.
 */
export async function placeOrder(db: Database, userId: number, key: string | undefined, requestHash: string): Promise<PlaceResult> {
  const outcome = await db.transaction(async (tx) => {
    const [order] = await tx
      .insert(orders)
      .values({ userId, total: "0", idempotencyKey: key ?? null, requestHash: key ? requestHash : null })
      .onConflictDoNothing({ target: [orders.userId, orders.idempotencyKey] })
      .returning();
    if (!order) return "duplicate" as const;
    const lines = await tx
      .select({ productId: cartItems.productId, quantity: cartItems.quantity, name: products.name, stock: products.stock, deletedAt: products.deletedAt })
      .from(cartItems)
      .innerJoin(products, eq(cartItems.productId, products.id))
      .where(eq(cartItems.userId, userId))
      .orderBy(asc(cartItems.productId));
    if (lines.length === 0) throw new Problem(400, "empty-cart", "The cart is empty: add products before placing an order.");
    const shortages: Shortage[] = [];
    const taken: { productId: number; name: string; price: string; quantity: number }[] = [];
    let soldOut = false;
    for (const line of lines) {
      const [row] = await tx
        .update(products)
        .set({ stock: sql`${products.stock} - ${line.quantity}`, updatedAt: sql`now()` })
        .where(and(eq(products.id, line.productId), sql`${products.stock} >= ${line.quantity}`, sql`${products.deletedAt} is null`))
        .returning({ id: products.id, name: products.name, price: products.price, stock: products.stock });
      if (row) {
        taken.push({ productId: row.id, name: row.name, price: row.price, quantity: line.quantity });
        soldOut ||= row.stock === 0;
      } else {
        const [now] = await tx.select({ stock: products.stock, deletedAt: products.deletedAt }).from(products).where(eq(products.id, line.productId));
        shortages.push({ product_id: line.productId, name: line.name, requested: line.quantity, available: now && !now.deletedAt ? now.stock : 0 });
      }
    }
    if (shortages.length > 0) {
      const names = shortages.map((s) => `${s.name} (available ${s.available}, requested ${s.requested})`).join("; ");
      throw new Problem(409, "insufficient-stock", `Not enough stock for: ${names}. Nothing was ordered.`, { extra: { products: shortages } });
    }
    await tx.insert(orderItems).values(taken.map((t) => ({ orderId: order.id, productId: t.productId, name: t.name, unitPrice: t.price, quantity: t.quantity })));
    const [sum] = await tx
      .select({ total: sql<string>`coalesce(sum(${orderItems.unitPrice} * ${orderItems.quantity}), 0)::text` })
      .from(orderItems)
      .where(eq(orderItems.orderId, order.id));
    if (moneyToCents(sum!.total) > MAX_MONEY_CENTS) {
      throw new Problem(409, "order-total-too-large", `The order total ${sum!.total} is above the largest amount an order can hold (${centsToMoney(MAX_MONEY_CENTS)}); split it into smaller orders. Nothing was ordered.`, {
        extra: { total: sum!.total, max: centsToMoney(MAX_MONEY_CENTS) },
      });
    }
    const [final] = await tx.update(orders).set({ total: sum!.total }).where(eq(orders.id, order.id)).returning();
    await tx.insert(orderStatusHistory).values({ orderId: order.id, fromStatus: null, toStatus: "pending", changedBy: userId });
    await tx.delete(cartItems).where(eq(cartItems.userId, userId));
    return { order: (await withItems(tx, [final!]))[0]!, replayed: false, soldOut };
  });
  if (outcome !== "duplicate") return outcome;
  // A concurrent request with the same key committed first: answer with its order.
  const replayed = await replay(db, userId, key!, requestHash);
  if (!replayed) throw new Problem(409, "idempotency-conflict", "A request with this Idempotency-Key is still being processed; retry.");
  return replayed;
}

/** Namespace of the per-user advisory lock that orders a user's status changes (and so their notifications). */
const USER_NOTIFICATIONS_LOCK = 7301;

export interface StatusChange {
  order: AdminOrderResponse;
  notification: NotificationMessage;
  /** The owner's notification before this one (0 if none): lets the Notifier see a push that overtook another. */
  previousNotificationId: number;
  restocked: boolean;
  /** A cancellation returned stock to a product that had none. */
  backInStock: boolean;
}

/**
 * Moves an order along TRANSITIONS with a conditional UPDATE on the current status (of two racing
 * changes one wins, the other gets 409), returning stock on cancellation, and writes the history
 * row and the owner's notification in the same transaction.
 *
 * A user's status changes are serialised by an advisory lock on the user: ids come from one global
 * sequence, so without it two changes for one user could commit out of id order, and a client that
 * resumes from the highest id it has seen could skip the other one.
 */
export async function changeStatus(db: Database, id: number, to: OrderStatus, actor: { id: number; ownerOnly: boolean }): Promise<StatusChange> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: orders.status, userId: orders.userId })
      .from(orders)
      .where(and(eq(orders.id, id), actor.ownerOnly ? eq(orders.userId, actor.id) : undefined))
      .limit(1);
    if (!current) throw notFound("Order");
    await tx.execute(sql`select pg_advisory_xact_lock(${USER_NOTIFICATIONS_LOCK}, ${current.userId})`);
    const allowed = TRANSITIONS[current.status];
    if (!allowed.includes(to)) throw illegalMove(current.status, to, allowed);
    const [updated] = await tx
      .update(orders)
      .set({ status: to, updatedAt: sql`now()` })
      .where(and(eq(orders.id, id), eq(orders.status, current.status)))
      .returning();
    if (!updated) {
      // Another change committed between our read and our update.
      const [now] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, id));
      const status = now?.status ?? current.status;
      throw illegalMove(status, to, TRANSITIONS[status]);
    }
    const restocked = to === "cancelled";
    let backInStock = false;
    if (restocked) {
      // Row locks in product-id order, as placing an order takes them: two cancellations (or a
      // cancellation and an order) sharing products can never deadlock.
      await tx.execute(sql`select id from ${products} where id in (select product_id from ${orderItems} where order_id = ${id}) order by id for update`);
      const returned = await tx.execute<{ stock: number; quantity: number }>(sql`update ${products} p set stock = p.stock + oi.quantity, updated_at = now()
        from ${orderItems} oi where oi.order_id = ${id} and p.id = oi.product_id returning p.stock, oi.quantity`);
      backInStock = returned.rows.some((r) => r.stock === r.quantity);
    }
    await tx.insert(orderStatusHistory).values({ orderId: id, fromStatus: current.status, toStatus: to, changedBy: actor.id });
    const previousNotificationId = await latestNotificationId(tx, current.userId);
    const [note] = await tx
      .insert(notifications)
      .values({ userId: current.userId, orderId: id, type: "order.status_changed", fromStatus: current.status, toStatus: to })
      .returning();
    return {
      order: (await withItems(tx, [updated]))[0]!,
      restocked,
      backInStock,
      notification: toNotification(note!),
      previousNotificationId,
    };
  });
}

function illegalMove(from: OrderStatus, to: OrderStatus, allowed: OrderStatus[]) {
  const options = allowed.length ? `allowed: ${allowed.join(", ")}` : "it is final";
  return new Problem(409, "illegal-status-transition", `An order that is ${from} cannot become ${to} (${options}).`, { extra: { from, to, allowed } });
}
