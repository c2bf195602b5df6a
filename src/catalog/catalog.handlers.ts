import type { Context } from "hono";
import type { TypedResponse } from "hono/types";
import { currentUser } from "../auth/guards";
import type { AppEnv } from "../context";
import type { Database } from "../db/client";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import type { AppRouteHandler } from "../lib/openapi";
import { buildPage, canonicalQuery, pageLinker, pageRequest, pageWindow, readCursor, signCursor, type Page, type PageRequest } from "../lib/pagination";
import { cachedRead, type Loaded } from "./catalog-cache";
import { bumpCatalogVersion } from "./catalog-version";
import { toProductResponse } from "./catalog.projection";
import { StockMarks } from "./stock-cache";
import type * as routes from "./catalog.routes";
import { CATEGORY_LIST_PARAMS, PRODUCT_LIST_PARAMS, type CategoryResponse, type ProductFilters, type ProductResponse } from "./catalog.schemas";
import * as catalog from "./catalog.service";

/** Cached bodies are served as stored bytes; the loader's type is what the route's schema checks. */
async function cached<T>(c: Context<AppEnv>, key: string, load: Parameters<typeof cachedRead<T>>[2], countKey?: string) {
  return (await cachedRead<T>(c, key, load, countKey)) as unknown as TypedResponse<T, 200, "json">;
}

/** The cache key of a read: the path and its parsed, canonical query (order and spelling do not matter). */
const cacheKey = (pathAndQuery: string) => `catalog:v3:${pathAndQuery}`;

/** A list page's key: the canonical link to the page itself, as its own links are built. */
const listCacheKey = (link: ReturnType<typeof pageLinker>, request: PageRequest) =>
  cacheKey(link({ page: request.page === 1 ? undefined : request.page, cursor: request.cursor }));

export function toCategoryResponse(row: catalog.CategoryRow): CategoryResponse {
  return { id: row.id, name: row.name, description: row.description, created_at: row.createdAt.toISOString(), updated_at: row.updatedAt.toISOString() };
}

/** Every admin catalog write raises the catalog versions (cached reads and counts) after it committed. */
export async function committed<T>(c: Context<AppEnv>, db: Database, written: catalog.Written<T>): Promise<T> {
  await bumpCatalogVersion(c, db, { id: written.bumpId, counts: true });
  return written.value;
}

export const listCategories: AppRouteHandler<typeof routes.listCategoriesRoute> = async (c) => {
  const query = c.req.valid("query");
  const request = pageRequest(query);
  const config = readConfig(c.env);
  const link = pageLinker("", "/api/categories", {}, CATEGORY_LIST_PARAMS, request.pageSize);
  return cached<Page<CategoryResponse>>(c, listCacheKey(link, request), async () => {
    const after = request.cursor ? await readCursor(config, request.cursor, "categories", "") : undefined;
    const { rows, count } = await catalog.listCategories(useDb(c), pageWindow(request, after), !request.cursor);
    const body = await buildPage({
      request,
      rows,
      count,
      toItem: toCategoryResponse,
      cursorFor: (row) => signCursor(config, "categories", "", { value: row.name, id: row.id }),
      link,
    });
    return { body };
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

/** The filters a count depends on (not ordering or page): one cached count per filter set. */
function filterKey(f: ProductFilters): string {
  return canonicalQuery(f, PRODUCT_LIST_PARAMS.filter((name) => name !== "ordering"));
}

export const listProducts: AppRouteHandler<typeof routes.listProductsRoute> = async (c) => {
  const { page: _page, page_size: _size, cursor: _cursor, ...filters } = c.req.valid("query");
  const request = pageRequest(c.req.valid("query"));
  const config = readConfig(c.env);
  const ordering = filters.ordering ?? "id";
  const link = pageLinker("", "/api/products", { ...filters, ordering: ordering === "id" ? undefined : ordering }, PRODUCT_LIST_PARAMS, request.pageSize);
  const filtered = filterKey(filters);
  // A cursor is bound to its filters and ordering: one from another query is refused.
  const scope = `${filtered}|${ordering}`;
  const countKey = request.cursor ? undefined : `catalog:count:v2:${filtered}`;
  return cached<Page<ProductResponse>>(
    c,
    listCacheKey(link, request),
    async (cachedCount): Promise<Loaded<Page<ProductResponse>>> => {
      const after = request.cursor ? await readCursor(config, request.cursor, "products", scope) : undefined;
      const { rows, count } = await catalog.listProducts(useDb(c), filters, pageWindow(request, after), !request.cursor && !cachedCount);
      const marks = new StockMarks();
      const body = await buildPage({
        request,
        rows,
        count: cachedCount ?? count,
        toItem: (row) => toProductResponse(row, "", marks),
        cursorFor: (row) => signCursor(config, "products", scope, { value: row.sortValue, id: row.id }),
        link,
      });
      return { body, count, marks };
    },
    countKey,
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
