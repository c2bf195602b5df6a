import { and, asc, count, desc, eq, gte, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Executor } from "../db/client";
import { categories, orderItems, products } from "../db/schema";
import type { Env } from "../env";
import { buildPage, readCursor, signCursor, type Page, type PageRequest } from "../lib/pagination";
import { conflict, notFound, Problem, validationProblem } from "../lib/problem";
import {
  MAX_STOCK,
  toProductResponse,
  type CategoryResponse,
  type Ordering,
  type ProductListFilters,
  type ProductResponse,
  type ProductWithCategoryRow,
} from "./catalog.schemas";

type CategoryRow = typeof categories.$inferSelect;

export function toCategoryResponse(row: CategoryRow): CategoryResponse {
  return { id: row.id, name: row.name, description: row.description, created_at: row.createdAt.toISOString(), updated_at: row.updatedAt.toISOString() };
}

const live = isNull(products.deletedAt);

const productColumns = {
  id: products.id,
  name: products.name,
  description: products.description,
  price: products.price,
  stock: products.stock,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
  categoryId: categories.id,
  categoryName: categories.name,
};

// ── categories ───────────────────────────────────────────────────────────────

const categoryCursor = z.object({ k: z.literal("categories"), name: z.string(), id: z.number().int() });

export async function listCategories(db: Executor, env: Env, url: string, request: PageRequest): Promise<Page<CategoryResponse>> {
  let after: SQL | undefined;
  if (request.cursor) {
    const c = await readCursor(env, request.cursor, categoryCursor);
    after = sql`(${categories.name}, ${categories.id}) > (${c.name}, ${c.id})`;
  }
  const rowsQuery = db
    .select()
    .from(categories)
    .where(after)
    .orderBy(asc(categories.name), asc(categories.id))
    .limit(request.pageSize + 1)
    .offset(request.cursor ? 0 : (request.page - 1) * request.pageSize);
  // Sequential on purpose: one pooled connection, not two handshakes.
  const rows = await rowsQuery;
  const total = request.cursor ? null : await db.select({ n: count() }).from(categories);
  return buildPage({
    url,
    request,
    rows,
    count: total ? Number(total[0]?.n ?? 0) : null,
    toItem: toCategoryResponse,
    cursorFor: (row) => signCursor(env, { k: "categories", name: row.name, id: row.id }),
  });
}

export async function getCategory(db: Executor, id: number): Promise<CategoryRow> {
  const [row] = await db.select().from(categories).where(eq(categories.id, id)).limit(1);
  if (!row) throw notFound("Category");
  return row;
}

const nameTaken = () => conflict("category-name-taken", "A category with this name already exists.");

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export async function createCategory(db: Executor, input: { name: string; description?: string }): Promise<CategoryRow> {
  const [row] = await db.insert(categories).values({ name: input.name, description: input.description ?? "" }).onConflictDoNothing().returning();
  if (!row) throw nameTaken();
  return row;
}

export async function updateCategory(db: Executor, id: number, input: { name?: string; description?: string }): Promise<CategoryRow> {
  try {
    const [row] = await db.update(categories).set({ ...input, updatedAt: sql`now()` }).where(eq(categories.id, id)).returning();
    if (!row) throw notFound("Category");
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

export async function deleteCategory(db: Executor, id: number): Promise<void> {
  // Soft-deleted products keep their category for order history, so they block deletion too.
  const [used] = await db.select({ id: products.id }).from(products).where(eq(products.categoryId, id)).limit(1);
  if (used) throw conflict("category-in-use", "Products still reference this category; move or delete them first.");
  const deleted = await db.delete(categories).where(eq(categories.id, id)).returning({ id: categories.id });
  if (deleted.length === 0) throw notFound("Category");
}

// ── products ────────────────────────────────────────────────────────────────

const orderColumns: Record<string, AnyPgColumn> = { id: products.id, price: products.price, name: products.name, created_at: products.createdAt };

const productCursor = z.object({
  k: z.literal("products"),
  o: z.string(),
  f: z.string(),
  v: z.string(),
  id: z.number().int(),
});

/** The filters that a cursor is bound to: a cursor from another query is refused. */
function filterFingerprint(f: ProductListFilters): string {
  return JSON.stringify([f.category ?? null, f.min_price ?? null, f.max_price ?? null, f.in_stock ?? null, f.search ?? null]);
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

function productFilters(f: ProductListFilters): SQL[] {
  const where: SQL[] = [live];
  if (f.category !== undefined) where.push(eq(products.categoryId, f.category));
  if (f.min_price !== undefined) where.push(gte(products.price, f.min_price));
  if (f.max_price !== undefined) where.push(lte(products.price, f.max_price));
  if (f.in_stock === "true") where.push(sql`${products.stock} > 0`);
  if (f.in_stock === "false") where.push(eq(products.stock, 0));
  if (f.search !== undefined) where.push(sql`lower(${products.name}) like ${`%${escapeLike(f.search.toLowerCase())}%`}`);
  return where;
}

/** Counts the rows of a filter set, or answers from a cache keyed by `filterKey`. */
export type CountRows = (filterKey: string, count: () => Promise<number>) => Promise<number>;

const countDirectly: CountRows = (_key, count) => count();

/** Where a keyset page starts: the previous page's last sort value (as text) and id. */
export interface KeysetPosition {
  value: string;
  id: number;
}

/**
 * The SQL of a product list page, built but not run: one joined query for the rows (one more than
 * the page, so the caller knows whether there is a next one) and one for the count. Keyset
 * positions compare (sort column, id) rows, served by the (column, id) indexes.
 * scripts/explain.ts runs EXPLAIN on exactly these at a million rows.
 */
export function productListQueries(db: Executor, filters: ProductListFilters, page: { pageSize: number; offset: number; after?: KeysetPosition }) {
  const ordering: Ordering = filters.ordering ?? "id";
  const descending = ordering.startsWith("-");
  const field = descending ? ordering.slice(1) : ordering;
  const column = orderColumns[field]!;
  const where = productFilters(filters);
  if (page.after) {
    const { value, id } = page.after;
    const cast = field === "price" ? sql`${value}::numeric` : field === "created_at" ? sql`${value}::timestamptz` : field === "id" ? sql`${value}::int` : sql`${value}`;
    where.push(descending ? sql`(${column}, ${products.id}) < (${cast}, ${id})` : sql`(${column}, ${products.id}) > (${cast}, ${id})`);
  }
  const direction = descending ? desc : asc;
  return {
    rows: db
      .select({ ...productColumns, sortValue: sql<string>`${column}::text` })
      .from(products)
      .innerJoin(categories, eq(products.categoryId, categories.id))
      .where(and(...where))
      .orderBy(direction(column), direction(products.id))
      .limit(page.pageSize + 1)
      .offset(page.offset),
    count: db.select({ n: count() }).from(products).where(and(...productFilters(filters))),
  };
}

/** One page of products with their categories (page numbers or a keyset cursor bound to the query). */
export async function listProducts(
  db: Executor,
  env: Env,
  url: string,
  filters: ProductListFilters,
  request: PageRequest,
  countRows: CountRows = countDirectly,
): Promise<Page<ProductResponse>> {
  const ordering: Ordering = filters.ordering ?? "id";
  const fingerprint = filterFingerprint(filters);
  let after: KeysetPosition | undefined;
  if (request.cursor) {
    const c = await readCursor(env, request.cursor, productCursor);
    if (c.o !== ordering || c.f !== fingerprint) {
      throw validationProblem([{ path: "cursor", message: "This cursor belongs to another ordering or filter set." }], "The cursor does not match this query.");
    }
    after = { value: c.v, id: c.id };
  }
  const queries = productListQueries(db, filters, { pageSize: request.pageSize, offset: request.cursor ? 0 : (request.page - 1) * request.pageSize, after });
  // Sequential on purpose: one pooled connection, not two handshakes. The exact count is a scan
  // at a million rows; countRows lets the caller cache it per filter set (see cachedCount).
  const rows = await queries.rows;
  const total = request.cursor ? null : await countRows(fingerprint, async () => Number((await queries.count)[0]?.n ?? 0));
  return buildPage({
    url,
    request,
    rows,
    count: total,
    toItem: toProductResponse,
    cursorFor: (row) => signCursor(env, { k: "products", o: ordering, f: fingerprint, v: row.sortValue, id: row.id }),
  });
}

export async function getProduct(db: Executor, id: number): Promise<ProductResponse> {
  const [row] = await db
    .select(productColumns)
    .from(products)
    .innerJoin(categories, eq(products.categoryId, categories.id))
    .where(and(eq(products.id, id), live))
    .limit(1);
  if (!row) throw notFound("Product");
  return toProductResponse(row as ProductWithCategoryRow);
}

async function assertCategoryExists(db: Executor, id: number): Promise<void> {
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).limit(1);
  if (!row) throw validationProblem([{ path: "category_id", message: "No category with this id." }]);
}

export interface ProductInput {
  name: string;
  description?: string;
  price: string;
  stock?: number;
  category_id: number;
}

export async function createProduct(db: Executor, input: ProductInput): Promise<ProductResponse> {
  await assertCategoryExists(db, input.category_id);
  const [row] = await db
    .insert(products)
    .values({ name: input.name, description: input.description ?? "", price: input.price, stock: input.stock ?? 0, categoryId: input.category_id })
    .returning({ id: products.id });
  return getProduct(db, row!.id);
}

export async function updateProduct(db: Executor, id: number, input: Partial<ProductInput>): Promise<ProductResponse> {
  if (input.category_id !== undefined) await assertCategoryExists(db, input.category_id);
  const changes: Partial<typeof products.$inferInsert> = {};
  if (input.name !== undefined) changes.name = input.name;
  if (input.description !== undefined) changes.description = input.description;
  if (input.price !== undefined) changes.price = input.price;
  if (input.stock !== undefined) changes.stock = input.stock;
  if (input.category_id !== undefined) changes.categoryId = input.category_id;
  const updated = await db
    .update(products)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(products.id, id), live))
    .returning({ id: products.id });
  if (updated.length === 0) throw notFound("Product");
  return getProduct(db, id);
}

/** Products that were ever ordered are soft-deleted (kept for order history); others are removed. */
export async function deleteProduct(db: Executor, id: number): Promise<void> {
  const [ordered] = await db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.productId, id)).limit(1);
  const gone = ordered
    ? await db.update(products).set({ deletedAt: sql`now()`, updatedAt: sql`now()` }).where(and(eq(products.id, id), live)).returning({ id: products.id })
    : await db.delete(products).where(and(eq(products.id, id), live)).returning({ id: products.id });
  if (gone.length === 0) throw notFound("Product");
}

/** `{delta}` is one conditional UPDATE (atomic under concurrency); `{stock}` sets the value. */
export async function changeStock(db: Executor, id: number, change: { delta: number } | { stock: number }): Promise<ProductResponse> {
  const next = "delta" in change ? sql`${products.stock} + ${change.delta}` : sql`${change.stock}`;
  const updated = await db
    .update(products)
    .set({ stock: next, updatedAt: sql`now()` })
    .where(and(eq(products.id, id), live, "delta" in change ? sql`${products.stock} + ${change.delta} between 0 and ${MAX_STOCK}` : undefined))
    .returning({ id: products.id });
  if (updated.length === 0) {
    const [exists] = await db.select({ stock: products.stock }).from(products).where(and(eq(products.id, id), live)).limit(1);
    if (!exists) throw notFound("Product");
    if ("delta" in change && change.delta > 0) {
      throw new Problem(409, "stock-limit", `Stock cannot exceed ${MAX_STOCK.toLocaleString("en-US")} (now: ${exists.stock}).`, { extra: { stock: exists.stock, max: MAX_STOCK } });
    }
    throw new Problem(409, "insufficient-stock", `Stock cannot go below 0 (available: ${exists.stock}).`, { extra: { available: exists.stock } });
  }
  return getProduct(db, id);
}
