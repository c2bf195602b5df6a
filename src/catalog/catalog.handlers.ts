import type { RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { useDb } from "../db/use";
import { cachedCount, cachedRead } from "./catalog-cache";
import { bumpCatalogVersion } from "./catalog-version";
import { pageRequest } from "../lib/pagination";
import type * as routes from "./catalog.routes";
import * as catalog from "./catalog.service";

type Handler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

/** Every admin catalog write invalidates all cached catalog reads and counts, after it has committed. */
async function invalidate(c: Context<AppEnv>) {
  await bumpCatalogVersion(c, { counts: true });
}

export const listCategories: Handler<typeof routes.listCategoriesRoute> = (c) => {
  const query = c.req.valid("query");
  return cachedRead(c, () => catalog.listCategories(useDb(c), c.env, c.req.url, pageRequest(query))) as never;
};

export const getCategory: Handler<typeof routes.getCategoryRoute> = (c) => {
  const { id } = c.req.valid("param");
  return cachedRead(c, async () => catalog.toCategoryResponse(await catalog.getCategory(useDb(c), id))) as never;
};

export const createCategory: Handler<typeof routes.createCategoryRoute> = async (c) => {
  const row = await catalog.createCategory(useDb(c), c.req.valid("json"));
  await invalidate(c);
  return c.json(catalog.toCategoryResponse(row), 201);
};

export const updateCategory: Handler<typeof routes.updateCategoryRoute> = async (c) => {
  const row = await catalog.updateCategory(useDb(c), c.req.valid("param").id, c.req.valid("json"));
  await invalidate(c);
  return c.json(catalog.toCategoryResponse(row), 200);
};

export const deleteCategory: Handler<typeof routes.deleteCategoryRoute> = async (c) => {
  await catalog.deleteCategory(useDb(c), c.req.valid("param").id);
  await invalidate(c);
  return c.body(null, 204);
};

export const listProducts: Handler<typeof routes.listProductsRoute> = (c) => {
  const query = c.req.valid("query");
  return cachedRead(c, () => catalog.listProducts(useDb(c), c.env, c.req.url, query, pageRequest(query), (key, count) => cachedCount(c, key, count))) as never;
};

export const getProduct: Handler<typeof routes.getProductRoute> = (c) => {
  const { id } = c.req.valid("param");
  return cachedRead(c, () => catalog.getProduct(useDb(c), id)) as never;
};

export const createProduct: Handler<typeof routes.createProductRoute> = async (c) => {
  const product = await catalog.createProduct(useDb(c), c.req.valid("json"));
  await invalidate(c);
  return c.json(product, 201);
};

export const updateProduct: Handler<typeof routes.updateProductRoute> = async (c) => {
  const product = await catalog.updateProduct(useDb(c), c.req.valid("param").id, c.req.valid("json"));
  await invalidate(c);
  return c.json(product, 200);
};

export const deleteProduct: Handler<typeof routes.deleteProductRoute> = async (c) => {
  await catalog.deleteProduct(useDb(c), c.req.valid("param").id);
  await invalidate(c);
  return c.body(null, 204);
};

export const changeStock: Handler<typeof routes.changeStockRoute> = async (c) => {
  const product = await catalog.changeStock(useDb(c), c.req.valid("param").id, c.req.valid("json"));
  await invalidate(c);
  return c.json(product, 200);
};
