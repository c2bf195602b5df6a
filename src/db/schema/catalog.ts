import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

export const categories = pgTable(
  "categories",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("categories_name_lower_key").on(sql`lower(${t.name})`),
    // Category lists are ordered by name with id as the keyset tie-breaker.
    index("categories_name_id_idx").on(t.name, t.id),
  ],
);

const live = sql`deleted_at IS NULL`;

export const products = pgTable(
  "products",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    price: numeric("price", { precision: 12, scale: 2 }).notNull(),
    stock: integer("stock").notNull().default(0),
    /** Counts every change of `stock` (a trigger): the cache orders stock values by it (src/catalog/stock-cache.ts). */
    stockVersion: bigint("stock_version", { mode: "number" }).notNull().default(0),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "restrict" }),
    /** `[{ name, values }]`, at most 3: what a variant's `options` must name. */
    options: jsonb("options").$type<ProductOption[]>().notNull().default([]),
    /**
     * The `name:value` pairs of its live variants' options, kept by a trigger on variants
     * (src/db/functions/shop_product_option_values.sql): what the list filter `option=` tests, on
     * the product row and its own GIN index rather than through a lookup of variants per product.
     */
    optionValues: text("option_values").array().notNull().default(sql`'{}'::text[]`),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("products_stock_nonnegative", sql`${t.stock} >= 0`),
    check("products_price_nonnegative", sql`${t.price} >= 0`),
    // One index per listing filter / keyset ordering; all partial on live rows.
    index("products_live_id_idx").on(t.id).where(live),
    index("products_category_id_idx").on(t.categoryId, t.id).where(live),
    // The ordering indexes also carry the columns the price and stock filters test (after id, so
    // the order is unchanged): a page that walks one of them with such a filter finds its ids
    // without visiting the table (an index-only scan), however many rows the filter skips.
    index("products_price_id_idx").on(t.price, t.id, t.stock).where(live),
    index("products_name_id_idx").on(t.name, t.id, t.price, t.stock).where(live),
    index("products_created_at_id_idx").on(t.createdAt, t.id, t.price, t.stock).where(live),
    index("products_in_stock_id_idx").on(t.id).where(sql`stock > 0 AND deleted_at IS NULL`),
    index("products_out_of_stock_id_idx").on(t.id).where(sql`stock = 0 AND deleted_at IS NULL`),
    // Within a category every ordering walks its own index, so a category page reads at most that
    // category's rows, whatever other filter it has (category_id_idx serves id; these the others).
    index("products_category_price_id_idx").on(t.categoryId, t.price, t.id).where(live),
    index("products_category_name_id_idx").on(t.categoryId, t.name, t.id).where(live),
    index("products_category_created_at_id_idx").on(t.categoryId, t.createdAt, t.id).where(live),
    index("products_name_trgm_idx").using("gin", sql`lower(${t.name}) gin_trgm_ops`),
    index("products_option_values_idx").using("gin", t.optionValues).where(live),
    // Searches of one or two characters have no trigram: they match the start of the name instead.
    index("products_name_prefix_idx").using("btree", sql`lower(${t.name}) text_pattern_ops`, t.id).where(live),
  ],
);

export interface ProductOption {
  name: string;
  values: string[];
}

/**
 * What is sold: a product's SKU with its own price and stock. `products.price` is the lowest live
 * variant price and `products.stock` the sum of live variant stock, kept by every writer of either
 * in the same statement (list filters and orderings stay on the products' indexes). Ids come from
 * the products' sequence: a product without options has one variant with the product's own id.
 */
export const variants = pgTable(
  "variants",
  {
    id: integer("id").primaryKey().default(sql`nextval('products_id_seq'::regclass)`),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    sku: text("sku").notNull(),
    /** `{ "Size": "M" }`: one value for each of the product's options. */
    options: jsonb("options").$type<Record<string, string>>().notNull().default({}),
    price: numeric("price", { precision: 12, scale: 2 }).notNull(),
    stock: integer("stock").notNull().default(0),
    /** Counts every change of `stock` (a trigger), as on products. */
    stockVersion: bigint("stock_version", { mode: "number" }).notNull().default(0),
    imageId: integer("image_id"),
    position: integer("position").notNull().default(0),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("variants_stock_nonnegative", sql`${t.stock} >= 0`),
    check("variants_price_nonnegative", sql`${t.price} >= 0`),
    uniqueIndex("variants_sku_lower_key").on(sql`lower(${t.sku})`).where(sql`deleted_at IS NULL`),
    index("variants_product_id_idx").on(t.productId, t.id).where(sql`deleted_at IS NULL`),
    index("variants_product_fk_idx").on(t.productId),
  ],
);

/**
 * Outbox of catalog cache invalidations: a write that changes catalog data adds a row in its own
 * transaction. The request raises the Redis versions after the commit and deletes the row; if it
 * dies in between, the scheduled sweep finds the row and raises them instead.
 */
/**
 * Every `name:value` pair any variant ever had (the trigger of products.option_values adds them;
 * none is removed): the list filter checks its pairs here first, so a pair no product has is
 * answered without reading products.
 */
export const optionPairs = pgTable("option_pairs", {
  pair: text("pair").primaryKey(),
});

export const catalogBumps = pgTable("catalog_bumps", {
  id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  /** The write may change which products a filter matches, so cached counts go too. */
  counts: boolean("counts").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
