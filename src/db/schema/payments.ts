import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orders } from "./orders";

/** Stripe Checkout Sessions created for orders; at most one `open` per order is handed out. */
export const paymentSessions = pgTable(
  "payment_sessions",
  {
    /** Stripe's session id (cs_…). */
    id: text("id").primaryKey(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    amount: numeric("amount", { precision: 12, scale: 2 }).notNull(),
    currency: text("currency").notNull(),
    url: text("url").notNull(),
    /** open | complete | expired */
    status: text("status").notNull().default("open"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("payment_sessions_order_idx").on(t.orderId, t.createdAt)],
);

/** Every webhook event handled, by Stripe's event id: written in the same statement as its change, so each is handled once. */
export const stripeEvents = pgTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  orderId: integer("order_id"),
  /** What handling it did: paid, amount-mismatch, unknown-order, refunded-after-cancel, ignored, … */
  outcome: text("outcome").notNull(),
  /** shop_stripe_event's whole result, returned to a redelivery so it can redo the after-work. */
  result: jsonb("result"),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Refunds of an order. The row's id is the Stripe idempotency key of its refund call. */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    amount: numeric("amount", { precision: 12, scale: 2 }).notNull(),
    restocked: boolean("restocked").notNull().default(false),
    reason: text("reason").notNull().default(""),
    /** pending | succeeded | failed */
    status: text("status").notNull().default("pending"),
    stripeRefundId: text("stripe_refund_id"),
    idempotencyKey: text("idempotency_key"),
    requestHash: text("request_hash"),
    createdBy: integer("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("refunds_amount_positive", sql`${t.amount} > 0`),
    index("refunds_order_idx").on(t.orderId, t.createdAt),
    uniqueIndex("refunds_order_idempotency_key").on(t.orderId, t.idempotencyKey),
  ],
);
