import { createRoute } from "@hono/zod-openapi";
import { adminOnly } from "../auth/guards";
import { IdParam, NoQuery } from "../lib/pagination";
import { jsonBody, jsonContent, problemResponses } from "../lib/openapi";
import {
  CategoryListQuery,
  CategoryPageSchema,
  CategorySchema,
  CreateCategorySchema,
  CreateProductSchema,
  ProductListQuery,
  ProductPageSchema,
  ProductSchema,
  StockChangeSchema,
  UpdateCategorySchema,
  UpdateProductSchema,
} from "./catalog.schemas";

const cached =
  "Served from the Redis cache when fresh (`X-Cache: hit|miss|bypass`); carries an `ETag`, and `If-None-Match` with the current tag answers 304. Unknown query parameters are a 400 naming them.";
const adminErrors = problemResponses(400, 401, 403, 404, 409, 413);

export const listCategoriesRoute = createRoute({
  operationId: "listCategories",
  method: "get",
  path: "/api/categories",
  tags: ["Catalog"],
  summary: "List categories, ordered by name",
  description: cached,
  security: [],
  request: { query: CategoryListQuery },
  responses: { 200: jsonContent(CategoryPageSchema, "A page of categories"), 304: { description: "Not modified" }, ...problemResponses(400) },
});

export const getCategoryRoute = createRoute({
  operationId: "getCategory",
  method: "get",
  path: "/api/categories/{id}",
  tags: ["Catalog"],
  summary: "One category",
  description: cached,
  security: [],
  request: { params: IdParam, query: NoQuery },
  responses: { 200: jsonContent(CategorySchema, "The category"), 304: { description: "Not modified" }, ...problemResponses(400, 404) },
});

export const createCategoryRoute = createRoute({
  operationId: "createCategory",
  method: "post",
  path: "/api/categories",
  tags: ["Catalog"],
  summary: "Create a category (admin)",
  ...adminOnly,
  request: { query: NoQuery, body: jsonBody(CreateCategorySchema) },
  responses: { 201: jsonContent(CategorySchema, "Created"), ...adminErrors },
});

export const updateCategoryRoute = createRoute({
  operationId: "updateCategory",
  method: "patch",
  path: "/api/categories/{id}",
  tags: ["Catalog"],
  summary: "Update a category (admin)",
  ...adminOnly,
  request: { params: IdParam, query: NoQuery, body: jsonBody(UpdateCategorySchema) },
  responses: { 200: jsonContent(CategorySchema, "Updated"), ...adminErrors },
});

export const deleteCategoryRoute = createRoute({
  operationId: "deleteCategory",
  method: "delete",
  path: "/api/categories/{id}",
  tags: ["Catalog"],
  summary: "Delete a category (admin); 409 while products reference it",
  ...adminOnly,
  request: { params: IdParam, query: NoQuery },
  responses: { 204: { description: "Deleted" }, ...adminErrors },
});

export const listProductsRoute = createRoute({
  operationId: "listProducts",
  method: "get",
  path: "/api/products",
  tags: ["Catalog"],
  summary: "List products with filters, ordering, pages or keyset cursors",
  description: `Each product carries its category, options, live variants and images from the same query. \`option=<name>:<value>\` (repeatable) keeps the products that have a live variant with each value given, and works with every other filter, ordering, page and cursor. ${cached}`,
  security: [],
  request: { query: ProductListQuery },
  responses: { 200: jsonContent(ProductPageSchema, "A page of products"), 304: { description: "Not modified" }, ...problemResponses(400) },
});

export const getProductRoute = createRoute({
  operationId: "getProduct",
  method: "get",
  path: "/api/products/{id}",
  tags: ["Catalog"],
  summary: "One product",
  description: cached,
  security: [],
  request: { params: IdParam, query: NoQuery },
  responses: { 200: jsonContent(ProductSchema, "The product"), 304: { description: "Not modified" }, ...problemResponses(400, 404) },
});

export const createProductRoute = createRoute({
  operationId: "createProduct",
  method: "post",
  path: "/api/products",
  tags: ["Catalog"],
  summary: "Create a product with its variants (admin)",
  description:
    "Without `options`: `price` (and optional `stock`, `sku`) make the product's one variant, whose id is the product's (SKU default `SKU-<id>`). With `options` (at most 3): `variants` (1–100) are required, each naming exactly the product's options with allowed values (400 naming the path, e.g. `variants.1.options.Size`), no two alike (400). SKUs are unique across the shop, ignoring case (409 `sku-taken`). The product's `price` is its lowest variant price and `stock` their sum. Product and variants are written in one statement.",
  ...adminOnly,
  request: { query: NoQuery, body: jsonBody(CreateProductSchema) },
  responses: { 201: jsonContent(ProductSchema, "Created"), ...adminErrors },
});

export const updateProductRoute = createRoute({
  operationId: "updateProduct",
  method: "patch",
  path: "/api/products/{id}",
  tags: ["Catalog"],
  summary: "Update a product (admin)",
  description:
    "`price` and `stock` set those of a product's one variant (409 `product-has-variants` for a product with several: change each variant instead). New `options` must still fit every live variant (400 otherwise); a product without options that gets some gives its one variant the first value of each.",
  ...adminOnly,
  request: { params: IdParam, query: NoQuery, body: jsonBody(UpdateProductSchema) },
  responses: { 200: jsonContent(ProductSchema, "Updated"), ...adminErrors },
});

export const deleteProductRoute = createRoute({
  operationId: "deleteProduct",
  method: "delete",
  path: "/api/products/{id}",
  tags: ["Catalog"],
  summary: "Delete a product (admin); ordered products are soft-deleted and kept for history",
  description: "A soft-deleted product's variants are soft-deleted with it (their SKUs are free again); a removed product's variants go with it. Cart lines of it leave the carts.",
  ...adminOnly,
  request: { params: IdParam, query: NoQuery },
  responses: { 204: { description: "Deleted" }, ...adminErrors },
});

export const changeStockRoute = createRoute({
  operationId: "changeStock",
  method: "post",
  path: "/api/products/{id}/stock",
  tags: ["Catalog"],
  summary: "Add/remove stock atomically or set it (admin); never below 0 (409)",
  description: "For a product with one variant: that variant's stock. A product with several variants is 409 `product-has-variants` (use `/api/variants/{id}/stock`).",
  ...adminOnly,
  request: { params: IdParam, query: NoQuery, body: jsonBody(StockChangeSchema) },
  responses: { 200: jsonContent(ProductSchema, "The product with its new stock"), ...adminErrors },
});
