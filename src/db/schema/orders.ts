import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { ORDER_STATUSES, PAYMENT_STATUSES } from "../../shared/contract";
import { products, variants } from "./catalog";
import { users } from "./users";

export const orderStatus = pgEnum("order_status", ORDER_STATUSES);
export const paymentStatus = pgEnum("payment_status", PAYMENT_STATUSES);

export const cartItems = pgTable(
  "cart_items",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    variantId: integer("variant_id")
      .notNull()
      .references(() => variants.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.variantId] }),
    check("cart_items_quantity_positive", sql`${t.quantity} > 0`),
    index("cart_items_variant_idx").on(t.variantId),
  ],
);

export const orders = pgTable(
  "orders",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** Null for a guest order (then `email` says whose it is). */
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    email: text("email"),
    guestTokenHash: text("guest_token_hash"),
    status: orderStatus("status").notNull().default("pending"),
    currency: text("currency").notNull().default("usd"),
    subtotal: numeric("subtotal", { precision: 12, scale: 2 }).notNull(),
    discountTotal: numeric("discount_total", { precision: 12, scale: 2 }).notNull().default("0"),
    shippingTotal: numeric("shipping_total", { precision: 12, scale: 2 }).notNull().default("0"),
    taxTotal: numeric("tax_total", { precision: 12, scale: 2 }).notNull().default("0"),
    taxRate: numeric("tax_rate", { precision: 5, scale: 2 }).notNull().default("0"),
    total: numeric("total", { precision: 12, scale: 2 }).notNull(),
    shippingAddress: jsonb("shipping_address"),
    shippingMethod: jsonb("shipping_method"),
    discountCode: text("discount_code"),
    paymentStatus: paymentStatus("payment_status").notNull().default("unpaid"),
    paymentMethod: text("payment_method"),
    paymentIntent: text("payment_intent"),
    amountPaid: numeric("amount_paid", { precision: 12, scale: 2 }).notNull().default("0"),
    amountRefunded: numeric("amount_refunded", { precision: 12, scale: 2 }).notNull().default("0"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    /** When an unpaid pending order is cancelled by itself and its stock returns. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    // Idempotency-Key and a fingerprint of the request it came with; unique per user.
    idempotencyKey: text("idempotency_key"),
    requestHash: text("request_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("orders_user_idempotency_key").on(t.userId, t.idempotencyKey),
    index("orders_user_id_idx").on(t.userId, t.id),
    index("orders_status_id_idx").on(t.status, t.id),
    check("orders_owner", sql`${t.userId} IS NOT NULL OR ${t.email} IS NOT NULL`),
    check("orders_refund_within_paid", sql`${t.amountRefunded} <= ${t.amountPaid}`),
    index("orders_expiring_idx").on(t.expiresAt, t.id).where(sql`status = 'pending' AND payment_status = 'unpaid' AND expires_at IS NOT NULL`),
    index("orders_user_unpaid_idx").on(t.userId).where(sql`status = 'pending' AND payment_status = 'unpaid'`),
    index("orders_guest_email_idx").on(sql`lower(${t.email})`).where(sql`user_id IS NULL`),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "restrict" }),
    variantId: integer("variant_id")
      .notNull()
      .references(() => variants.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    sku: text("sku").notNull(),
    options: jsonb("options").$type<Record<string, string>>().notNull().default({}),
    imageUrl: text("image_url"),
    unitPrice: numeric("unit_price", { precision: 12, scale: 2 }).notNull(),
    quantity: integer("quantity").notNull(),
    discount: numeric("discount", { precision: 12, scale: 2 }).notNull().default("0"),
    tax: numeric("tax", { precision: 12, scale: 2 }).notNull().default("0"),
  },
  (t) => [
    index("order_items_variant_idx").on(t.variantId),
    index("order_items_order_idx").on(t.orderId, t.id),
    index("order_items_product_idx").on(t.productId),
    check("order_items_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

export const orderStatusHistory = pgTable(
  "order_status_history",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    fromStatus: orderStatus("from_status"),
    toStatus: orderStatus("to_status").notNull(),
    changedBy: integer("changed_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_status_history_order_idx").on(t.orderId, t.id)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    type: text("type").notNull().default("order.status_changed"),
    fromStatus: orderStatus("from_status").notNull(),
    toStatus: orderStatus("to_status").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_id_idx").on(t.userId, t.id),
    index("notifications_user_unread_idx").on(t.userId, t.id).where(sql`read_at IS NULL`),
  ],
);
