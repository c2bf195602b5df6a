import { and, asc, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { adminCheck } from "../auth/auth.service";
import type { Database } from "../db/client";
import { categories, products } from "../db/schema";
import { boundedCount, estimatedCount, toCount } from "../db/counts";
import { sqlState } from "../lib/errors";
import type { Count, KeysetPosition, PageWindow } from "../lib/pagination";
import { conflict, insufficientStock, notFound, Problem, validationProblem } from "../lib/problem";
import { liveProduct, productWithCategory, type ProductWithCategoryRow } from "./catalog.projection";
import { MAX_STOCK, type Ordering, type ProductFilters } from "./catalog.schemas";

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
export function productDetailQuery(db: Database, id: number) {
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

export interface ProductInput {
  name: string;
  description?: string;
  price: string;
  stock?: number;
  category_id: number;
}

type ProductWrite = {
  id: number;
  name: string;
  description: string;
  price: string;
  stock: number;
  created_at: string;
  updated_at: string;
  category_id: number;
  category_name: string;
  bump_id: number;
};

function toProductRow(row: ProductWrite): ProductWithCategoryRow {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    price: row.price,
    stock: row.stock,
    createdAt: timestamp(row.created_at),
    updatedAt: timestamp(row.updated_at),
    categoryId: row.category_id,
    categoryName: row.category_name,
  };
}

/** The written product with its category's name, and the bump: the tail of every product write. */
const writtenProduct = sql.raw(`
  select changed.id, changed.name, changed.description, changed.price, changed.stock, changed.created_at, changed.updated_at,
         c.id as category_id, c.name as category_name, (select id from bump)::float8 as bump_id
  from changed join categories c on c.id = changed.category_id`);

const noSuchCategory = () => validationProblem([{ path: "category_id", message: "No category with this id." }]);

export async function createProduct(db: Database, adminId: number, input: ProductInput): Promise<Written<ProductWithCategoryRow>> {
  const [, { rows }] = await db.batch([
    adminCheck(db, adminId),
    db.execute<ProductWrite>(sql`
      with changed as (
        insert into products (name, description, price, stock, category_id)
        select ${input.name}, ${input.description ?? ""}, ${input.price}, ${input.stock ?? 0}, id from categories where id = ${input.category_id}
        returning *),
      ${bumpAfter("changed")}
      ${writtenProduct}`),
  ]);
  const row = rows[0];
  if (!row) throw noSuchCategory();
  return { value: toProductRow(row), bumpId: row.bump_id };
}

export async function updateProduct(db: Database, adminId: number, id: number, input: Partial<ProductInput>): Promise<Written<ProductWithCategoryRow>> {
  const changes = [
    input.name === undefined ? undefined : sql`name = ${input.name}`,
    input.description === undefined ? undefined : sql`description = ${input.description}`,
    input.price === undefined ? undefined : sql`price = ${input.price}`,
    input.stock === undefined ? undefined : sql`stock = ${input.stock}`,
    input.category_id === undefined ? undefined : sql`category_id = ${input.category_id}`,
    sql`updated_at = now()`,
  ].filter((part): part is SQL => part !== undefined);
  const categoryOk = input.category_id === undefined ? sql`true` : sql`exists (select 1 from categories where id = ${input.category_id})`;
  const [, { rows }] = await db.batch([
    adminCheck(db, adminId),
    db.execute<ProductWrite & { found: boolean }>(sql`
      with changed as (update products set ${sql.join(changes, sql`, `)} where id = ${id} and ${liveProduct} and ${categoryOk} returning *),
      ${bumpAfter("changed")},
      written as (${writtenProduct})
      select written.*, true as found from written
      union all
      select null, null, null, null, null, null, null, null, null, null, exists (select 1 from products where id = ${id} and ${liveProduct})
      where not exists (select 1 from changed)`),
  ]);
  const row = rows[0]!;
  if (row.id === null) throw row.found ? noSuchCategory() : notFound("Product");
  return { value: toProductRow(row), bumpId: row.bump_id };
}

/**
 * Products that were ever ordered are soft-deleted (kept for order history); others are removed.
 * The row lock orders this against a checkout taking the same product: if an order commits first,
 * the hard delete fails on order_items' foreign key and answers 409.
 */
export async function deleteProduct(db: Database, adminId: number, id: number): Promise<Written<null>> {
  const [, { rows }] = await db.batch([
    adminCheck(db, adminId),
    db.execute<{ bump_id: number | null }>(sql`
      with target as (
        select id, exists (select 1 from order_items where product_id = products.id) as ordered
        from products where id = ${id} and ${liveProduct} for update),
      soft as (update products set deleted_at = now(), updated_at = now() where id in (select id from target where ordered) returning id),
      hard as (delete from products where id in (select id from target where not ordered) returning id),
      changed as (select id from soft union all select id from hard),
      ${bumpAfter("changed")}
      select (select id from bump)::float8 as bump_id`),
  ]);
  const bumpId = rows[0]?.bump_id;
  if (!bumpId) throw notFound("Product");
  return { value: null, bumpId };
}

/** `{delta}` is one conditional UPDATE (atomic under concurrency); `{stock}` sets the value. */
export async function changeStock(db: Database, adminId: number, id: number, change: { delta: number } | { stock: number }): Promise<Written<ProductWithCategoryRow>> {
  const next = "delta" in change ? sql`stock + ${change.delta}` : sql`${change.stock}`;
  const [, { rows }] = await db.batch([
    adminCheck(db, adminId),
    db.execute<ProductWrite & { current: number | null; current_name: string | null }>(sql`
      with changed as (
        update products set stock = ${next}, updated_at = now()
        where id = ${id} and ${liveProduct} and ${next} between 0 and ${MAX_STOCK}
        returning *),
      ${bumpAfter("changed")},
      written as (${writtenProduct})
      select written.*, null::int as current, null::text as current_name from written
      union all
      select null, null, null, null, null, null, null, null, null, null, products.stock, products.name
      from (select 1) one left join products on products.id = ${id} and ${liveProduct}
      where not exists (select 1 from changed)`),
  ]);
  const row = rows[0]!;
  if (row.id !== null) return { value: toProductRow(row), bumpId: row.bump_id };
  if (row.current === null) throw notFound("Product");
  if ("delta" in change && change.delta > 0) {
    throw new Problem(409, "stock-limit", `Stock cannot exceed ${MAX_STOCK.toLocaleString("en-US")} (now: ${row.current}).`, { extra: { stock: row.current, max: MAX_STOCK } });
  }
  const requested = "delta" in change ? -change.delta : change.stock;
  throw insufficientStock([{ product_id: id, name: row.current_name ?? "", requested, available: row.current }], `Stock cannot go below 0 (available: ${row.current}).`);
}
