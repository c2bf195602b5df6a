import type { Context } from "hono";
import type { TypedResponse } from "hono/types";
import { currentUser } from "../auth/guards";
import type { AppEnv } from "../context";
import type { Database } from "../db/client";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import type { AppRouteHandler } from "../lib/openapi";
import { listRead, type ListDefinition } from "../lib/list-read";
import type { Page } from "../lib/pagination";
import { cachedRead, type Loaded } from "./catalog-cache";
import { bumpCatalogVersion } from "./catalog-version";
import { toProductResponse } from "./catalog.projection";
import { StockMarks } from "./stock-cache";
import type * as routes from "./catalog.routes";
import { CATEGORY_LIST_PARAMS, PRODUCT_LIST_PARAMS, type CategoryResponse, type ProductResponse } from "./catalog.schemas";
import * as catalog from "./catalog.service";

/** Cached bodies are served as stored bytes; the loader's type is what the route's schema checks. */
async function cached<T>(c: Context<AppEnv>, key: string, load: Parameters<typeof cachedRead<T>>[2], countKey?: string) {
  return (await cachedRead<T>(c, key, load, countKey)) as unknown as TypedResponse<T, 200, "json">;
}

/** The cache key of a read: the path and its parsed, canonical query (a list page's ListRead.key). */
const cacheKey = (pathAndQuery: string) => `catalog:v3:${pathAndQuery}`;

const CATEGORIES: ListDefinition = { kind: "categories", path: "/api/categories", params: CATEGORY_LIST_PARAMS };
const PRODUCTS: ListDefinition = { kind: "products", path: "/api/products", params: PRODUCT_LIST_PARAMS, ordering: "id" };

export function toCategoryResponse(row: catalog.CategoryRow): CategoryResponse {
  return { id: row.id, name: row.name, description: row.description, created_at: row.createdAt.toISOString(), updated_at: row.updatedAt.toISOString() };
}

/** Every admin catalog write raises the catalog versions (cached reads and counts) after it committed. */
export async function committed<T>(c: Context<AppEnv>, db: Database, written: catalog.Written<T>): Promise<T> {
  await bumpCatalogVersion(c, db, { id: written.bumpId, counts: true });
  return written.value;
}

export const listCategories: AppRouteHandler<typeof routes.listCategoriesRoute> = async (c) => {
  const list = listRead(readConfig(c.env), CATEGORIES, c.req.valid("query"));
  return cached<Page<CategoryResponse>>(c, cacheKey(list.key), async () => {
    const { rows, count } = await catalog.listCategories(useDb(c), await list.window(), list.counts);
    return { body: await list.page(rows, count, (row) => ({ value: row.name, id: row.id }), toCategoryResponse) };
  });
};

export const getCategory: AppRouteHandler<typeof routes.getCategoryRoute> = async (c) => {
  const { id } = c.req.valid("param");
  return cached<CategoryResponse>(c, cacheKey(`/api/categories/${id}`), async () => ({ body: toCategoryResponse(await catalog.getCategory(useDb(c), id)) }));
};

export const createCategory: AppRouteHandler<typeof routes.createCategoryRoute> = async (c) => {
  const db = useDb(c);
  const row = await committed(c, db, await catalog.createCategory(db, currentUser(c).id, c.req.valid("json")));
  return c.json(toCategoryResponse(row), 201);
};

export const updateCategory: AppRouteHandler<typeof routes.updateCategoryRoute> = async (c) => {
  const db = useDb(c);
  const row = await committed(c, db, await catalog.updateCategory(db, currentUser(c).id, c.req.valid("param").id, c.req.valid("json")));
  return c.json(toCategoryResponse(row), 200);
};

export const deleteCategory: AppRouteHandler<typeof routes.deleteCategoryRoute> = async (c) => {
  const db = useDb(c);
  await committed(c, db, await catalog.deleteCategory(db, currentUser(c).id, c.req.valid("param").id));
  return c.body(null, 204);
};

export const listProducts: AppRouteHandler<typeof routes.listProductsRoute> = async (c) => {
  const { page: _page, page_size: _size, cursor: _cursor, ...filters } = c.req.valid("query");
  const list = listRead(readConfig(c.env), PRODUCTS, c.req.valid("query"));
  return cached<Page<ProductResponse>>(
    c,
    cacheKey(list.key),
    async (cachedCount): Promise<Loaded<Page<ProductResponse>>> => {
      const { rows, count } = await catalog.listProducts(useDb(c), filters, await list.window(), list.counts && !cachedCount);
      const marks = new StockMarks();
      const body = await list.page(rows, cachedCount ?? count, (row) => ({ value: row.sortValue, id: row.id }), (row) => toProductResponse(row, "", marks));
      return { body, count, marks };
    },
    // One cached count per filter set (not ordering or page); none when paging by cursor.
    list.counts ? `catalog:count:v2:${list.countScope}` : undefined,
  );
};

export const getProduct: AppRouteHandler<typeof routes.getProductRoute> = async (c) => {
  const { id } = c.req.valid("param");
  return cached<ProductResponse>(c, cacheKey(`/api/products/${id}`), async () => {
    const marks = new StockMarks();
    return { body: toProductResponse(await catalog.getProduct(useDb(c), id), "", marks), marks };
  });
};

export const createProduct: AppRouteHandler<typeof routes.createProductRoute> = async (c) => {
  const db = useDb(c);
  const row = await committed(c, db, await catalog.createProduct(db, currentUser(c).id, c.req.valid("json")));
  return c.json(toProductResponse(row, new URL(c.req.url).origin), 201);
};

export const updateProduct: AppRouteHandler<typeof routes.updateProductRoute> = async (c) => {
  const db = useDb(c);
  const row = await committed(c, db, await catalog.updateProduct(db, currentUser(c).id, c.req.valid("param").id, c.req.valid("json")));
  return c.json(toProductResponse(row, new URL(c.req.url).origin), 200);
};

export const deleteProduct: AppRouteHandler<typeof routes.deleteProductRoute> = async (c) => {
  const db = useDb(c);
  await committed(c, db, await catalog.deleteProduct(db, currentUser(c).id, c.req.valid("param").id));
  return c.body(null, 204);
};

export const changeStock: AppRouteHandler<typeof routes.changeStockRoute> = async (c) => {
  const db = useDb(c);
  const row = await committed(c, db, await catalog.changeStock(db, currentUser(c).id, c.req.valid("param").id, c.req.valid("json")));
  return c.json(toProductResponse(row, new URL(c.req.url).origin), 200);
};
