import { createRoute } from "@hono/zod-openapi";
import { requireAdmin } from "../auth/guards";
import { IdParam, NoQuery } from "../lib/pagination";
import { bearerSecurity, jsonBody, jsonContent, problemResponses } from "../lib/openapi";
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
  security: bearerSecurity,
  middleware: [requireAdmin] as const,
  request: { query: NoQuery, body: jsonBody(CreateCategorySchema) },
  responses: { 201: jsonContent(CategorySchema, "Created"), ...adminErrors },
});

export const updateCategoryRoute = createRoute({
  operationId: "updateCategory",
  method: "patch",
  path: "/api/categories/{id}",
  tags: ["Catalog"],
  summary: "Update a category (admin)",
  security: bearerSecurity,
  middleware: [requireAdmin] as const,
  request: { params: IdParam, query: NoQuery, body: jsonBody(UpdateCategorySchema) },
  responses: { 200: jsonContent(CategorySchema, "Updated"), ...adminErrors },
});

export const deleteCategoryRoute = createRoute({
  operationId: "deleteCategory",
  method: "delete",
  path: "/api/categories/{id}",
  tags: ["Catalog"],
  summary: "Delete a category (admin); 409 while products reference it",
  security: bearerSecurity,
  middleware: [requireAdmin] as const,
  request: { params: IdParam, query: NoQuery },
  responses: { 204: { description: "Deleted" }, ...adminErrors },
});

export const listProductsRoute = createRoute({
  operationId: "listProducts",
  method: "get",
  path: "/api/products",
  tags: ["Catalog"],
  summary: "List products with filters, ordering, pages or keyset cursors",
  description: `Each product carries its category from the same joined query. ${cached}`,
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
  summary: "Create a product (admin)",
  security: bearerSecurity,
  middleware: [requireAdmin] as const,
  request: { query: NoQuery, body: jsonBody(CreateProductSchema) },
  responses: { 201: jsonContent(ProductSchema, "Created"), ...adminErrors },
});

export const updateProductRoute = createRoute({
  operationId: "updateProduct",
  method: "patch",
  path: "/api/products/{id}",
  tags: ["Catalog"],
  summary: "Update a product (admin)",
  security: bearerSecurity,
  middleware: [requireAdmin] as const,
  request: { params: IdParam, query: NoQuery, body: jsonBody(UpdateProductSchema) },
  responses: { 200: jsonContent(ProductSchema, "Updated"), ...adminErrors },
});

export const deleteProductRoute = createRoute({
  operationId: "deleteProduct",
  method: "delete",
  path: "/api/products/{id}",
  tags: ["Catalog"],
  summary: "Delete a product (admin); ordered products are soft-deleted and kept for history",
  security: bearerSecurity,
  middleware: [requireAdmin] as const,
  request: { params: IdParam, query: NoQuery },
  responses: { 204: { description: "Deleted" }, ...adminErrors },
});

export const changeStockRoute = createRoute({
  operationId: "changeStock",
  method: "post",
  path: "/api/products/{id}/stock",
  tags: ["Catalog"],
  summary: "Add/remove stock atomically or set it (admin); never below 0 (409)",
  security: bearerSecurity,
  middleware: [requireAdmin] as const,
  request: { params: IdParam, query: NoQuery, body: jsonBody(StockChangeSchema) },
  responses: { 200: jsonContent(ProductSchema, "The product with its new stock"), ...adminErrors },
});
