import { sql } from "drizzle-orm";
import { boolean, check, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { orders } from "./orders";
import { users } from "./users";

/** A user's address book: at most 20 each, at most one default. Orders keep a copy, never a reference. */
export const addresses = pgTable(
  "addresses",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    line1: text("line1").notNull(),
    line2: text("line2").notNull().default(""),
    city: text("city").notNull(),
    region: text("region").notNull().default(""),
    postalCode: text("postal_code").notNull().default(""),
    /** ISO 3166-1 alpha-2, upper case. */
    country: text("country").notNull(),
    phone: text("phone").notNull().default(""),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("addresses_country_alpha2", sql`${t.country} ~ '^[A-Z]{2}$'`),
    index("addresses_user_id_idx").on(t.userId, t.id),
    uniqueIndex("addresses_one_default").on(t.userId).where(sql`is_default`),
  ],
);

export const shippingMethods = pgTable(
  "shipping_methods",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    price: numeric("price", { precision: 12, scale: 2 }).notNull(),
    /** Shipping is free when the goods (after discount) reach this amount; null: never free. */
    freeOver: numeric("free_over", { precision: 12, scale: 2 }),
    /** ISO 3166-1 alpha-2 codes this method ships to. */
    countries: text("countries").array().notNull().default(sql`'{}'`),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("shipping_methods_price_nonnegative", sql`${t.price} >= 0`), index("shipping_methods_countries_idx").using("gin", t.countries)],
);

/** A rate per country, optionally per region (`''`: the whole country); the most specific applies. */
export const taxRates = pgTable(
  "tax_rates",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    country: text("country").notNull(),
    region: text("region").notNull().default(""),
    /** Percent, e.g. 20.00. */
    rate: numeric("rate", { precision: 5, scale: 2 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("tax_rates_rate_range", sql`${t.rate} >= 0 AND ${t.rate} <= 100`), uniqueIndex("tax_rates_country_region_key").on(t.country, sql`lower(${t.region})`)],
);

export const discountKind = pgEnum("discount_kind", ["percent", "fixed", "free_shipping"]);

/** Discount codes. `times_used` is raised by the checkout statement that redeems the code, under its row lock. */
export const discounts = pgTable(
  "discounts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    code: text("code").notNull(),
    kind: discountKind("kind").notNull(),
    /** Percent (0–100) for `percent`, an amount for `fixed`, unused for `free_shipping`. */
    value: numeric("value", { precision: 12, scale: 2 }).notNull().default("0"),
    minSubtotal: numeric("min_subtotal", { precision: 12, scale: 2 }),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    usageLimit: integer("usage_limit"),
    perCustomerLimit: integer("per_customer_limit"),
    timesUsed: integer("times_used").notNull().default(0),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("discounts_within_limit", sql`${t.usageLimit} IS NULL OR ${t.timesUsed} <= ${t.usageLimit}`),
    uniqueIndex("discounts_code_lower_key").on(sql`lower(${t.code})`),
  ],
);

/** One row per order that used a code: the per-customer limit counts these (by email, so guests count too). */
export const discountRedemptions = pgTable(
  "discount_redemptions",
  {
    orderId: integer("order_id")
      .primaryKey()
      .references(() => orders.id, { onDelete: "cascade" }),
    discountId: integer("discount_id")
      .notNull()
      .references(() => discounts.id, { onDelete: "cascade" }),
    userId: integer("user_id"),
    email: text("email").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("discount_redemptions_customer_idx").on(t.discountId, sql`lower(${t.email})`)],
);
