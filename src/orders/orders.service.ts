import { and, desc, eq, isNull, lt, sql, type SQL } from "drizzle-orm";
import { adminCheck } from "../auth/auth.service";
import type { Bump } from "../catalog/catalog-version";
import type { StockCell } from "../catalog/stock-cache";
import type { Database } from "../db/client";
import { boundedCount, estimatedCount, toCount } from "../db/counts";
import { orders } from "../db/schema";
import { centsToMoney, MAX_MONEY_CENTS } from "../lib/money";
import type { Count, KeysetPosition, PageWindow } from "../lib/pagination";
import type { Config } from "../env";
import { conflict, forbidden, insufficientStock, notFound, Problem, unauthorized, validationProblem, type Shortage } from "../lib/problem";
import type { Delivery } from "../notifications/push";
import { TRANSITIONS, type AdminOrderResponse, type OrderResponse, type OrderStatus, type PlaceOrderRequest, type QuoteResponse } from "./orders.schemas";

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

/** A placed (or replayed) order, its catalog bump, and the outbox row of its email (to send after the response). */
export type PlaceResult = { order: AdminOrderResponse; replayed: boolean; bump: Bump | null; emailId: number | null };

/** What a checkout prices or places: the customer, the lines (the cart when absent) and the request body. */
export interface CheckoutRequest {
  userId?: number;
  /** Guest orders: where the order's emails go, and the hash of the order's access token. */
  email?: string;
  guestTokenHash?: string;
  lines?: { variant_id?: number; product_id?: number; quantity: number }[];
  body: PlaceOrderRequest;
  key?: string;
  requestHash?: string;
}

/** A short line by variant: the same shortage as `products`, naming the SKU and options that ran out. */
interface VariantShortage {
  variant_id: number;
  product_id: number;
  sku: string;
  options: Record<string, string>;
  requested: number;
  available: number;
}

type Checked =
  | { outcome: "created"; order: AdminOrderResponse; sold_out: boolean; bump_id: number; email_id: number | null; stock: StockCell[] }
  | { outcome: "quoted"; quote: QuoteResponse }
  | { outcome: "replayed"; order: AdminOrderResponse }
  | { outcome: "key-reused" | "empty-cart" | "unknown-user" | "address-not-found" | "shipping-method-not-found" }
  | { outcome: "insufficient-stock"; products: Shortage[]; variants: VariantShortage[] }
  | { outcome: "total-too-large"; total: string }
  | { outcome: "unknown-variant"; lines: { index: number; variant_id: number | null; product_id: number | null; reason: "unknown-variant" | "variant-required" }[] }
  | { outcome: "shipping-unavailable"; method: string; country: string }
  | { outcome: "no-shipping-method"; country: string }
  | { outcome: "discount-not-found"; code: string }
  | { outcome: "discount-inactive" | "discount-not-started" | "discount-expired"; code: string; starts_at?: string; ended_at?: string }
  | { outcome: "discount-used-up"; code: string; limit: "usage_limit" | "per_customer_limit" }
  | { outcome: "discount-min-subtotal"; code: string; min_subtotal: string; missing: string }
  | { outcome: "too-many-unpaid"; max: number };

const keyReused = () => conflict("idempotency-key-reused", "This Idempotency-Key was already used with a different request.");

/** One call of shop_place_order (src/db/functions/shop_place_order.sql): every decision is made inside Postgres. */
async function checkout(db: Database, config: Config, request: CheckoutRequest, commit: boolean): Promise<Checked> {
  const { body } = request;
  const p = {
    user_id: request.userId,
    email: request.email,
    guest_token_hash: request.guestTokenHash,
    lines: request.lines,
    address_id: body.shipping_address_id,
    address: body.shipping_address,
    method_id: body.shipping_method_id,
    code: body.discount_code,
    key: request.key,
    hash: request.requestHash,
    commit,
    hold_seconds: config.ORDER_HOLD_SECONDS,
    max_unpaid: config.MAX_UNPAID_ORDERS,
    currency: config.SHOP_CURRENCY,
  };
  const { rows } = await db.execute<{ checked: Checked }>(sql`select shop_place_order(${JSON.stringify(p)}::jsonb) as checked`);
  return rows[0]!.checked;
}

/** The Problem for every outcome of a checkout that is neither a quote nor an order. */
function refused(checked: Exclude<Checked, { outcome: "created" | "quoted" | "replayed" }>): Problem {
  const nothing = " Nothing was ordered.";
  switch (checked.outcome) {
    case "key-reused":
      return keyReused();
    case "empty-cart":
      return new Problem(400, "empty-cart", "The cart is empty: add products before placing an order.");
    case "unknown-user":
      return unauthorized("The access token names no user.");
    case "insufficient-stock": {
      const problem = insufficientStock(checked.products, `Not enough stock for: ${checked.products.map((s) => `${s.name} (available ${s.available}, requested ${s.requested})`).join("; ")}.${nothing}`);
      problem.extra.variants = checked.variants;
      return problem;
    }
    case "total-too-large":
      return new Problem(409, "order-total-too-large", `The order total ${checked.total} is above the largest amount an order can hold (${centsToMoney(MAX_MONEY_CENTS)}); split it into smaller orders.${nothing}`, {
        extra: { total: checked.total, max: centsToMoney(MAX_MONEY_CENTS) },
      });
    case "unknown-variant": {
      const ambiguous = checked.lines.filter((l) => l.reason === "variant-required");
      if (ambiguous.length > 0) {
        return validationProblem(ambiguous.map((l) => ({ path: `items.${l.index}.variant_id`, message: "This product has several variants: name one with variant_id." })));
      }
      return new Problem(404, "not-found", `No such variant: ${checked.lines.map((l) => (l.variant_id ? `variant ${l.variant_id}` : `product ${l.product_id}`)).join(", ")}.`, { extra: { lines: checked.lines } });
    }
    case "address-not-found":
      return notFound("Address");
    case "shipping-method-not-found":
      return notFound("Shipping method");
    case "shipping-unavailable":
      return conflict("shipping-unavailable", `${checked.method} does not ship to ${checked.country}.${nothing}`, { method: checked.method, country: checked.country });
    case "no-shipping-method":
      return conflict("no-shipping-method", `No shipping method ships to ${checked.country}.${nothing}`, { country: checked.country });
    case "discount-not-found":
      return new Problem(404, "discount-not-found", `There is no discount code ${checked.code}.`, { extra: { code: checked.code } });
    case "discount-inactive":
      return conflict("discount-inactive", `The code ${checked.code} is not active.${nothing}`, { code: checked.code });
    case "discount-not-started":
      return conflict("discount-not-started", `The code ${checked.code} is valid from ${checked.starts_at}.${nothing}`, { code: checked.code, starts_at: checked.starts_at });
    case "discount-expired":
      return conflict("discount-expired", `The code ${checked.code} expired at ${checked.ended_at}.${nothing}`, { code: checked.code, ended_at: checked.ended_at });
    case "discount-used-up":
      return conflict(
        "discount-used-up",
        checked.limit === "usage_limit" ? `The code ${checked.code} has been used up.${nothing}` : `You have used the code ${checked.code} as often as it allows.${nothing}`,
        { code: checked.code, limit: checked.limit },
      );
    case "discount-min-subtotal":
      return conflict("discount-min-subtotal", `The code ${checked.code} needs a subtotal of at least ${checked.min_subtotal}: add ${checked.missing} more.${nothing}`, {
        code: checked.code,
        min_subtotal: checked.min_subtotal,
        missing: checked.missing,
      });
    case "too-many-unpaid":
      return conflict("too-many-unpaid-orders", `You hold ${checked.max} unpaid orders already: pay or cancel one first.${nothing}`, { max: checked.max });
  }
}

/**
 * Places an order in one round trip: shop_place_order takes the stock, redeems the code and writes
 * the order, its copies and its email inside Postgres, holding row locks only while it runs.
 * `requestHash` fingerprints the body for the Idempotency-Key.
 */
export async function placeOrder(db: Database, config: Config, request: CheckoutRequest): Promise<PlaceResult> {
  const checked = await checkout(db, config, request, true);
  if (checked.outcome === "created") return { order: checked.order, replayed: false, bump: { id: checked.bump_id, counts: checked.sold_out, stock: checked.stock }, emailId: checked.email_id };
  if (checked.outcome === "replayed") return { order: checked.order, replayed: true, bump: null, emailId: null };
  if (checked.outcome === "quoted") throw new Error("a committed checkout answered with a quote");
  throw refused(checked);
}

/** The totals the order would have now, refusing exactly what placing it would refuse; writes nothing. */
export async function quote(db: Database, config: Config, request: CheckoutRequest): Promise<QuoteResponse> {
  const checked = await checkout(db, config, request, false);
  if (checked.outcome === "quoted") return checked.quote;
  if (checked.outcome === "created" || checked.outcome === "replayed") throw new Error("a quote placed an order");
  throw refused(checked);
}

/** A guest order by id, readable only with its own access token (compared as a hash). */
export async function getGuestOrder(db: Database, id: number, tokenHash: string): Promise<AdminOrderResponse> {
  const [row] = await db
    .select({ order: orderJson })
    .from(orders)
    .where(and(eq(orders.id, id), isNull(orders.userId), eq(orders.guestTokenHash, tokenHash)))
    .limit(1);
  if (!row) throw notFound("Order");
  return row.order;
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
  /** The notification and the owner's previous one (null for a guest order): lets the Notifier see a push that overtook another. */
  delivery: Delivery | null;
  /** A cancellation returned stock: the catalog bump recorded with it. */
  bump: Bump | null;
  /** Cancelling a paid order wrote this refund, to be sent to the payment provider after the commit. */
  refundId: string | null;
  /** The outbox row of the email for the new status, to send after the response. */
  emailId: number | null;
}

type Changed =
  | { outcome: "changed"; order: AdminOrderResponse; notification: Delivery["notification"] | null; previous_notification_id: number | null; back_in_stock: boolean; bump_id: number | null; stock: StockCell[] | null; refund_id: string | null; email_id: number | null }
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
        delivery: changed.notification ? { notification: changed.notification, previousId: changed.previous_notification_id ?? 0 } : null,
        bump: changed.bump_id === null ? null : { id: changed.bump_id, counts: changed.back_in_stock, stock: changed.stock },
        refundId: changed.refund_id,
        emailId: changed.email_id,
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

export interface ExpiredOrders {
  cancelled: { order: AdminOrderResponse; delivery: Delivery | null; emailId: number | null }[];
  bump: Bump | null;
}

type Expired = {
  cancelled: { order: AdminOrderResponse; notification: Delivery["notification"] | null; previous_notification_id: number | null; email_id: number | null }[];
  back_in_stock: boolean;
  bump_id: number | null;
  stock: StockCell[] | null;
};

/** One batch of the hold sweep (shop_expire_orders): unpaid pending orders past `expires_at` are cancelled and their stock returns. */
export async function expireOrders(db: Database, limit: number): Promise<ExpiredOrders> {
  const { rows } = await db.execute<{ expired: Expired }>(sql`select shop_expire_orders(${limit}) as expired`);
  const expired = rows[0]!.expired;
  return {
    cancelled: expired.cancelled.map((c) => ({
      order: c.order,
      delivery: c.notification ? { notification: c.notification, previousId: c.previous_notification_id ?? 0 } : null,
      emailId: c.email_id,
    })),
    bump: expired.bump_id === null ? null : { id: expired.bump_id, counts: expired.back_in_stock, stock: expired.stock },
  };
}
