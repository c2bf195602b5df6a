import { and, asc, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { adminCheck } from "../auth/auth.service";
import type { Database } from "../db/client";
import { categories, products } from "../db/schema";
import { boundedCount, estimatedCount, toCount } from "../db/counts";
import { sqlState } from "../lib/errors";
import type { Count, KeysetPosition, PageWindow } from "../lib/pagination";
import { conflict, insufficientStock, notFound, Problem, validationProblem } from "../lib/problem";
import { liveProduct, productWithCategory, variantJson, type ProductWithCategoryRow, type VariantJson } from "./catalog.projection";
import { MAX_STOCK, type CreateProductInput, type Ordering, type ProductFilters, type UpdateProductInput } from "./catalog.schemas";
import { firstValues, variantOptionProblems } from "./variant-options";

export type CategoryRow = typeof categories.$inferSelect;

/** A write's result and the id of the catalog bump it recorded in its own transaction (see catalog-version.ts). */
export interface Written<T> {
  value: T;
  bumpId: number;
}

// ── reading ─────────────────────────────────────────────────────────────────

/** The SQL of a category list page, built but not run (the EXPLAIN report runs exactly these). */
export function categoryListQueries(db: Database, window: PageWindow<KeysetPosition>) {
  const after = window.after ? sql`(${categories.name}, ${categories.id}) > (${window.after.value}, ${window.after.id})` : undefined;
  return {
    rows: db.select().from(categories).where(after).orderBy(asc(categories.name), asc(categories.id)).limit(window.limit).offset(window.offset),
    count: boundedCount(db, categories, undefined),
    estimate: estimatedCount(db, categories, undefined),
  };
}

export async function listCategories(db: Database, window: PageWindow<KeysetPosition>, withCount: boolean): Promise<{ rows: CategoryRow[]; count: Count | null }> {
  const queries = categoryListQueries(db, window);
  if (!withCount) return { rows: await queries.rows, count: null };
  const [page, counted, plan] = await db.batch([queries.rows, queries.count, queries.estimate]);
  return { rows: page, count: toCount(counted, plan) };
}

export function categoryDetailQuery(db: Database, id: number) {
  return db.select().from(categories).where(eq(categories.id, id)).limit(1);
}

export async function getCategory(db: Database, id: number): Promise<CategoryRow> {
  const [row] = await categoryDetailQuery(db, id);
  if (!row) throw notFound("Category");
  return row;
}

/** A text[] literal's element, quoted: a value may hold commas, quotes or backslashes. */
const arrayElement = (text: string) => `"${text.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;

const orderColumns: Record<string, AnyPgColumn> = { id: products.id, price: products.price, name: products.name, created_at: products.createdAt };

/**
 * The filters every product query applies. Searches of three or more characters match anywhere in
 * the name (the trigram index); shorter ones match the start of the name (a btree prefix index), as
 * a one- or two-letter substring has no trigram and would scan the table.
 */
export function productFilters(f: ProductFilters): SQL[] {
  const where: SQL[] = [liveProduct];
  if (f.category !== undefined) where.push(eq(products.categoryId, f.category));
  if (f.min_price !== undefined) where.push(gte(products.price, f.min_price));
  if (f.max_price !== undefined) where.push(lte(products.price, f.max_price));
  if (f.in_stock === "true") where.push(sql`${products.stock} > 0`);
  if (f.in_stock === "false") where.push(eq(products.stock, 0));
  // Each pair: the product has a live variant with that value. Its option_values holds exactly those
  // `name:value` pairs (a trigger on variants keeps it), so every pair is one containment test on
  // the product row, with its GIN index (products_option_values_idx) when that is the cheaper way.
  // A pair no variant ever had is caught first, by the primary key of option_pairs: the check has no
  // column of products in it, so Postgres runs it once before the scan and reads no product when it
  // fails (an ordering index walk would otherwise read every row looking for a match).
  if (f.option?.length) {
    const pairs = [...new Set(f.option)];
    const wanted = `{${pairs.map(arrayElement).join(",")}}`;
    where.push(sql`(select count(*) from option_pairs where pair = any(${wanted}::text[])) = ${pairs.length}`);
    where.push(sql`${products.optionValues} @> ${wanted}::text[]`);
  }
  if (f.search !== undefined) {
    const term = f.search.replace(/[\\%_]/g, (ch) => `\\${ch}`);
    where.push(sql`lower(${products.name}) like ${f.search.length >= 3 ? `%${term}%` : `${term}%`}`);
  }
  return where;
}

/**
 * The SQL of a product list page, built but not run (the EXPLAIN report runs exactly these, see
 * docs/explain-1m.md):
 * - rows: one more than the page, ordered by (sort column, id) and, with a cursor, after its keyset
 *   position. The page's ids are found first, on the indexes alone where they hold every column the
 *   filters need (a deep page number then skips its rows without reading them), and only the page's
 *   rows are read and joined to their category.
 * - count: bounded, walking the index of the filter that narrows it best (see countOrder).
 * - estimate: the planner's, for beyond the bound.
 */
export function productListQueries(db: Database, filters: ProductFilters, window: PageWindow<KeysetPosition>) {
  const ordering: Ordering = filters.ordering ?? "id";
  const descending = ordering.startsWith("-");
  const field = descending ? ordering.slice(1) : ordering;
  const column = orderColumns[field]!;
  const where = productFilters(filters);
  const matching = and(...where);
  if (window.after) {
    const { value, id } = window.after;
    const cast = field === "price" ? sql`${value}::numeric` : field === "created_at" ? sql`${value}::timestamptz` : field === "id" ? sql`${value}::int` : sql`${value}`;
    where.push(descending ? sql`(${column}, ${products.id}) < (${cast}, ${id})` : sql`(${column}, ${products.id}) > (${cast}, ${id})`);
  }
  const direction = descending ? desc : asc;
  const page = db
    .select({ id: products.id })
    .from(products)
    .where(and(...where))
    .orderBy(direction(column), direction(products.id))
    .limit(window.limit)
    .offset(window.offset)
    .as("page");
  return {
    rows: db
      .select({ ...productWithCategory, sortValue: sql<string>`${column}::text` })
      .from(page)
      .innerJoin(products, eq(products.id, page.id))
      .innerJoin(categories, eq(products.categoryId, categories.id))
      .orderBy(direction(column), direction(products.id)),
    count: boundedCount(db, products, matching, countOrder(filters)),
    estimate: estimatedCount(db, products, matching),
  };
}

/**
 * The order a bounded count walks: one an index of its filters gives, so the planner walks that
 * index (or sorts the few rows a selective filter finds) instead of reading the table. A price
 * range walks the price index; everything else the id order of its own index (category, in stock,
 * out of stock, all live rows).
 */
function countOrder(f: ProductFilters): AnyPgColumn[] {
  const priced = f.min_price !== undefined || f.max_price !== undefined;
  return priced && f.category === undefined ? [products.price, products.id] : [products.id];
}

export type ProductListRow = ProductWithCategoryRow & { sortValue: string };

/** One page of products with their categories, and the count when asked: one round trip. */
export async function listProducts(db: Database, filters: ProductFilters, window: PageWindow<KeysetPosition>, withCount: boolean): Promise<{ rows: ProductListRow[]; count: Count | null }> {
  const queries = productListQueries(db, filters, window);
  if (!withCount) return { rows: await queries.rows, count: null };
  const [rows, counted, plan] = await db.batch([queries.rows, queries.count, queries.estimate]);
  return { rows, count: toCount(counted, plan) };
}

/** The SQL of a product detail read, built but not run (the EXPLAIN report runs it too). */
export function productDetailQuery(db: Database, id: number | SQL) {
  return db
    .select(productWithCategory)
    .from(products)
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .where(and(eq(products.id, id), liveProduct))
    .limit(1);
}

export async function getProduct(db: Database, id: number): Promise<ProductWithCategoryRow> {
  const [row] = await productDetailQuery(db, id);
  if (!row) throw notFound("Product");
  return row;
}

// ── admin writes: one batch each, starting with the admin check ─────────────

/** Raw statements get timestamptz as Postgres text (drizzle's neon-http turns parsing off); columns of builders come as Dates. */
const timestamp = (text: string) => new Date(text);

const nameTaken = () => conflict("category-name-taken", "A category with this name already exists.");

/** A bump row recorded by the same statement as the write, only when the write changed a row. */
const bumpAfter = (cte: string) => sql.raw(`bump as (insert into catalog_bumps (counts) select true where exists (select 1 from ${cte}) returning id)`);

type CategoryWrite = {
  id: number;
  name: string;
  description: string;
  created_at: string;
  updated_at: string;
  bump_id: number;
};

function toCategoryRow(row: CategoryWrite): CategoryRow {
  return { id: row.id, name: row.name, description: row.description, createdAt: timestamp(row.created_at), updatedAt: timestamp(row.updated_at) };
}

export async function createCategory(db: Database, adminId: number, input: { name: string; description?: string }): Promise<Written<CategoryRow>> {
  const [, { rows }] = await db.batch([
    adminCheck(db, adminId),
    db.execute<CategoryWrite>(sql`
      with changed as (insert into categories (name, description) values (${input.name}, ${input.description ?? ""}) on conflict do nothing returning *),
      ${bumpAfter("changed")}
      select changed.*, (select id from bump)::float8 as bump_id from changed`),
  ]);
  const row = rows[0];
  if (!row) throw nameTaken();
  return { value: toCategoryRow(row), bumpId: row.bump_id };
}

export async function updateCategory(db: Database, adminId: number, id: number, input: { name?: string; description?: string }): Promise<Written<CategoryRow>> {
  const changes = [
    input.name === undefined ? undefined : sql`name = ${input.name}`,
    input.description === undefined ? undefined : sql`description = ${input.description}`,
    sql`updated_at = now()`,
  ].filter((part): part is SQL => part !== undefined);
  try {
    const [, { rows }] = await db.batch([
      adminCheck(db, adminId),
      db.execute<CategoryWrite>(sql`
        with changed as (update categories set ${sql.join(changes, sql`, `)} where id = ${id} returning *),
        ${bumpAfter("changed")}
        select changed.*, (select id from bump)::float8 as bump_id from changed`),
    ]);
    const row = rows[0];
    if (!row) throw notFound("Category");
    return { value: toCategoryRow(row), bumpId: row.bump_id };
  } catch (err) {
    if (sqlState(err) === "23505") throw nameTaken();
    throw err;
  }
}

/** Soft-deleted products keep their category for order history, so they block its deletion too. */
export async function deleteCategory(db: Database, adminId: number, id: number): Promise<Written<null>> {
  const [, { rows }] = await db.batch([
    adminCheck(db, adminId),
    db.execute<{ deleted: boolean; in_use: boolean; bump_id: number | null }>(sql`
      with changed as (delete from categories c where c.id = ${id} and not exists (select 1 from products p where p.category_id = c.id) returning id),
      ${bumpAfter("changed")}
      select exists (select 1 from changed) as deleted, exists (select 1 from products where category_id = ${id}) as in_use, (select id from bump)::float8 as bump_id`),
  ]);
  const row = rows[0]!;
  if (row.in_use) throw conflict("category-in-use", "Products still reference this category; move or delete them first.");
  if (!row.deleted || !row.bump_id) throw notFound("Category");
  return { value: null, bumpId: row.bump_id };
}

// ── products and their variants ─────────────────────────────────────────────
//
// Invariants every writer below keeps, in the statement that writes (and that checkout relies on):
// - a live product has at least one live variant; a product without options has exactly one, whose
//   id is the product's own id;
// - products.price is the lowest live variant price and products.stock the sum of live variant
//   stock;
// - every live variant names exactly its product's options, with allowed values, no two alike.
// Writes that depend on more than one variant lock the product's live variants (by id), then the
// product, in statements before the write (the lock order of the checkout functions): the write
// then sees a snapshot nobody can change under it, and the aggregates it computes are exact.

/** Locks a product's live variants in id order, then the product (two statements, same batch). */
export function lockProduct(db: Database, productId: number | SQL) {
  return [
    db.execute(sql`select id from variants where product_id = ${productId} and deleted_at is null order by id for no key update`),
    db.execute(sql`select id from products where id = ${productId} and deleted_at is null for no key update`),
  ] as const;
}

/** True when `given` (jsonb object) names exactly the options of `options` (jsonb array), each with an allowed value. */
export const fitsOptions = (given: SQL, options: SQL) =>
  sql`((select count(*) from jsonb_object_keys(${given})) = jsonb_array_length(${options})
    and not exists (select 1 from jsonb_array_elements(${options}) o where not coalesce(jsonb_exists(o->'values', ${given}->>(o->>'name')), false)))`;

/** A write's product is read back by the batch's last statement: the write names it here (transaction-local). */
const rememberProduct = (id: SQL) => sql`set_config('shop.product_id', ${id}::text, true)`;
const rememberedProduct = sql`nullif(current_setting('shop.product_id', true), '')::int`;

export const skuTaken = () => conflict("sku-taken", "Another variant already has this SKU (SKUs are unique across the shop, ignoring case).");

/** A unique violation of the SKU index (the whole batch rolled back): 409. */
export function rethrowSkuTaken(err: unknown): never {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505" && String((e as { constraint?: unknown }).constraint ?? "").includes("sku")) throw skuTaken();
  }
  throw err;
}

const noSuchCategory = () => validationProblem([{ path: "category_id", message: "No category with this id." }]);
export const productHasVariants = () =>
  conflict("product-has-variants", "This product has several variants: change price and stock on each variant (/api/products/{id}/variants/{variant_id}, /api/variants/{id}/stock).");

/**
 * One statement writes the product and its variants. Without options: the one variant has the
 * product's id (and the SKU given, or `SKU-<id>`). With options: each variant gets its own id from
 * the same sequence, and the product's price and stock are their minimum and sum.
 */
export async function createProduct(db: Database, adminId: number, input: CreateProductInput): Promise<Written<ProductWithCategoryRow>> {
  const options = input.options ?? [];
  let write: SQL;
  if (options.length === 0) {
    const only = input.variants?.[0] ?? { sku: input.sku, price: input.price!, stock: input.stock };
    write = sql`
      with changed as (
        insert into products (name, description, price, stock, category_id)
        select ${input.name}, ${input.description ?? ""}, ${only.price}::numeric, ${only.stock ?? 0}::int, id from categories where id = ${input.category_id}
        returning id, price, stock),
      variant as (
        insert into variants (id, product_id, sku, price, stock)
        select id, id, coalesce(${only.sku ?? null}::text, 'SKU-' || id), price, stock from changed returning id),
      ${bumpAfter("changed")}
      select ${rememberProduct(sql`changed.id`)} as id, (select id from bump)::float8 as bump_id from changed`;
  } else {
    const rows = input.variants!.map((v, position) => ({ sku: v.sku, options: v.options ?? {}, price: v.price, stock: v.stock ?? 0, position }));
    write = sql`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(sku text, options jsonb, price numeric(12,2), stock int, position int)),
      changed as (
        insert into products (name, description, price, stock, category_id, options)
        select ${input.name}, ${input.description ?? ""}, (select min(price) from input), (select sum(stock)::int from input), id, ${JSON.stringify(options)}::jsonb
        from categories where id = ${input.category_id}
        returning id),
      variant as (
        insert into variants (product_id, sku, options, price, stock, position)
        select changed.id, input.sku, input.options, input.price, input.stock, input.position from changed cross join input returning id),
      ${bumpAfter("changed")}
      select ${rememberProduct(sql`changed.id`)} as id, (select id from bump)::float8 as bump_id from changed`;
  }
  const [, { rows }, read] = await db
    .batch([adminCheck(db, adminId), db.execute<{ id: string; bump_id: number }>(write), productDetailQuery(db, rememberedProduct)])
    .catch(rethrowSkuTaken);
  const row = rows[0];
  if (!row || !read[0]) throw noSuchCategory();
  return { value: read[0], bumpId: row.bump_id };
}

type ProductCheck = {
  found: boolean;
  category_ok: boolean;
  options_ok: boolean;
  variant_count: number;
  variants: { sku: string; options: Record<string, string> }[] | null;
  bump_id: number | null;
};

/**
 * `price` and `stock` are those of the product's one variant (409 when it has several). New
 * `options` must fit every live variant (400 naming the first that does not); a product without
 * options that gets some gives its one variant the first value of each.
 */
export async function updateProduct(db: Database, adminId: number, id: number, input: UpdateProductInput): Promise<Written<ProductWithCategoryRow>> {
  const newOptions = input.options === undefined ? null : JSON.stringify(input.options);
  const first = input.options === undefined ? null : JSON.stringify(firstValues(input.options));
  const priced = input.price !== undefined || input.stock !== undefined;
  const changes = [
    input.name === undefined ? undefined : sql`name = ${input.name}`,
    input.description === undefined ? undefined : sql`description = ${input.description}`,
    input.price === undefined ? undefined : sql`price = ${input.price}`,
    input.stock === undefined ? undefined : sql`stock = ${input.stock}`,
    input.category_id === undefined ? undefined : sql`category_id = ${input.category_id}`,
    newOptions === null ? undefined : sql`options = ${newOptions}::jsonb`,
    sql`updated_at = now()`,
  ].filter((part): part is SQL => part !== undefined);
  const categoryOk = input.category_id === undefined ? sql`true` : sql`exists (select 1 from categories where id = ${input.category_id})`;
  // A product without options getting some: its one variant takes the first value of each.
  const adopt = sql`(${newOptions}::jsonb is not null and (select options from p) = '[]'::jsonb and jsonb_array_length(${newOptions}::jsonb) > 0 and (select count(*) from vs) = 1)`;
  const optionsOk =
    newOptions === null ? sql`true` : sql`not exists (select 1 from vs where not ${fitsOptions(sql`(case when ${adopt} then ${first}::jsonb else vs.options end)`, sql`${newOptions}::jsonb`)})`;
  const [, , , { rows }, read] = await db.batch([
    adminCheck(db, adminId),
    ...lockProduct(db, id),
    db.execute<ProductCheck>(sql`
      with p as (select id, options from products where id = ${id} and ${liveProduct}),
      vs as (select id, sku, options from variants where product_id = ${id} and deleted_at is null),
      chk as (
        select exists (select 1 from p) as found, ${categoryOk} as category_ok, ${optionsOk} as options_ok, (select count(*)::int from vs) as variant_count,
               ${adopt} as adopt),
      go as (select 1 from chk where found and category_ok and options_ok and (${!priced} or variant_count <= 1)),
      v as (
        update variants set
          price = coalesce(${input.price ?? null}::numeric, price),
          stock = coalesce(${input.stock ?? null}::int, stock),
          options = case when (select adopt from chk) then ${first}::jsonb else options end,
          updated_at = now()
        where product_id = ${id} and deleted_at is null and exists (select 1 from go) and (${priced} or (select adopt from chk))
        returning id),
      changed as (update products set ${sql.join(changes, sql`, `)} where id = ${id} and exists (select 1 from go) returning id),
      ${bumpAfter("changed")}
      select chk.found, chk.category_ok, chk.options_ok, chk.variant_count,
             (select json_agg(json_build_object('sku', sku, 'options', options) order by id) from vs) as variants,
             (select id from bump)::float8 as bump_id
      from chk`),
    productDetailQuery(db, id),
  ]);
  const check = rows[0]!;
  if (!check.found) throw notFound("Product");
  if (!check.category_ok) throw noSuchCategory();
  if (!check.options_ok) {
    const misfit = (check.variants ?? []).find((v) => variantOptionProblems(input.options!, v.options).length > 0);
    const why = misfit ? variantOptionProblems(input.options!, misfit.options).map((p) => `${p.path.slice(1).join(".")}: ${p.message}`).join(" ") : "";
    throw validationProblem([{ path: "options", message: `Every variant must still fit the options; variant ${misfit?.sku ?? ""} does not (${why.trim()}).` }]);
  }
  if (priced && check.variant_count > 1) throw productHasVariants();
  if (!check.bump_id || !read[0]) throw notFound("Product");
  return { value: read[0], bumpId: check.bump_id };
}

/**
 * Products that were ever ordered are soft-deleted (kept for order history) with their variants
 * (so their SKUs are free again); others are removed with their variants. The variants and then
 * the product are locked first (the checkout's lock order): if an order commits first, the hard
 * delete fails on order_items' foreign key and answers 409.
 */
export async function deleteProduct(db: Database, adminId: number, id: number): Promise<Written<null>> {
  const [, , { rows }] = await db.batch([
    adminCheck(db, adminId),
    lockProduct(db, id)[0],
    db.execute<{ bump_id: number | null }>(sql`
      with target as (
        select id, exists (select 1 from order_items where product_id = products.id) as ordered
        from products where id = ${id} and ${liveProduct} for update),
      soft as (update products set deleted_at = now(), updated_at = now() where id in (select id from target where ordered) returning id),
      soft_variants as (update variants set deleted_at = now(), updated_at = now() where product_id in (select id from soft) and deleted_at is null),
      hard as (delete from products where id in (select id from target where not ordered) returning id),
      changed as (select id from soft union all select id from hard),
      ${bumpAfter("changed")}
      select (select id from bump)::float8 as bump_id`),
  ]);
  const bumpId = rows[0]?.bump_id;
  if (!bumpId) throw notFound("Product");
  return { value: null, bumpId };
}

type StockWrite = { variant: (VariantJson & { product_id: number }) | null; current: number | null; product_id: number | null; name: string | null; bump_id: number | null };

/**
 * The stock of one variant: `{delta}` or `{stock}`, never below 0 nor above MAX_STOCK, one statement.
 * The variant row is locked and read (its latest committed stock), written, and the product's stock
 * moves by the same difference: under simultaneous changes each one applies to what the previous
 * left, and the product's sum stays exact. `which` selects the variant (by id, or a product's only one).
 */
export function variantStockStatement(db: Database, which: SQL, change: { delta: number } | { stock: number }) {
  const next = "delta" in change ? sql`old.stock + ${change.delta}::int` : sql`${change.stock}::int`;
  return db.execute<StockWrite>(sql`
    with old as (
      select v.id, v.product_id, v.stock from variants v
      where ${which} and v.deleted_at is null and exists (select 1 from products p where p.id = v.product_id and p.deleted_at is null)
      for no key update),
    cv as (
      update variants set stock = ${next}, updated_at = now() from old
      where variants.id = old.id and ${next} between 0 and ${MAX_STOCK}
      returning variants.*, ${next} - old.stock as diff),
    changed as (
      update products set stock = products.stock + cv.diff, updated_at = now() from cv where products.id = cv.product_id returning products.id),
    ${bumpAfter("changed")}
    select (select ${variantJson("cv")}::jsonb || jsonb_build_object('product_id', cv.product_id) from cv) as variant,
           (select stock from old) as current,
           (select product_id from old) as product_id,
           (select p.name from old join products p on p.id = old.product_id) as name,
           (select id from bump)::float8 as bump_id`);
}

/** Turns a refused stock change into its problem (the variant exists: `current` is its stock). */
export function refuseStock(change: { delta: number } | { stock: number }, productId: number, current: number, name: string, variantId?: number): never {
  if ("delta" in change && change.delta > 0) {
    throw new Problem(409, "stock-limit", `Stock cannot exceed ${MAX_STOCK.toLocaleString("en-US")} (now: ${current}).`, { extra: { stock: current, max: MAX_STOCK } });
  }
  const requested = "delta" in change ? -change.delta : change.stock;
  const shortage = { product_id: productId, name, requested, available: current, ...(variantId === undefined ? {} : { variant_id: variantId }) };
  throw insufficientStock([shortage], `Stock cannot go below 0 (available: ${current}).`);
}

/** The product route: the stock of a product's only variant (409 for a product with several). */
export async function changeStock(db: Database, adminId: number, id: number, change: { delta: number } | { stock: number }): Promise<Written<ProductWithCategoryRow>> {
  const only = sql`v.product_id = ${id} and (select count(*) from variants c where c.product_id = ${id} and c.deleted_at is null) = 1`;
  const [, { rows }, count, read] = await db.batch([
    adminCheck(db, adminId),
    variantStockStatement(db, only, change),
    db.execute<{ n: number; live: boolean }>(
      sql`select (select count(*)::int from variants where product_id = ${id} and deleted_at is null) as n, exists (select 1 from products where id = ${id} and ${liveProduct}) as live`,
    ),
    productDetailQuery(db, id),
  ]);
  const row = rows[0]!;
  if (row.variant && row.bump_id && read[0]) return { value: read[0], bumpId: row.bump_id };
  const { n, live } = count.rows[0]!;
  if (!live || n === 0) throw notFound("Product");
  if (n > 1) throw productHasVariants();
  refuseStock(change, id, row.current ?? 0, row.name ?? "");
}
