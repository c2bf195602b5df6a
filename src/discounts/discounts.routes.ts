import { createRoute } from "@hono/zod-openapi";
import { adminOnly } from "../auth/guards";
import { jsonBody, jsonContent, problemResponses } from "../lib/openapi";
import { IdParam, NoQuery } from "../lib/pagination";
import { CreateDiscountSchema, DiscountListQuery, DiscountPageSchema, DiscountSchema, UpdateDiscountSchema } from "./discounts.schemas";

const tags = ["Admin"];
const rules =
  "`code`: 1–64 of A–Z, a–z, 0–9, '-', '_', unique regardless of case (409 `discount-code-taken`). `value`: a percent 0.01–100 for `percent`, an amount above 0 for `fixed`, ignored (stored as 0) for `free_shipping`. `ends_at` must be after `starts_at`. Limits are whole numbers from 1, or null for none. `times_used` is the server's.";

export const listDiscountsRoute = createRoute({
  operationId: "listDiscounts",
  method: "get",
  path: "/api/admin/discounts",
  tags,
  summary: "All discount codes, by id (admin)",
  ...adminOnly,
  request: { query: DiscountListQuery },
  responses: { 200: jsonContent(DiscountPageSchema, "A page of discounts"), ...problemResponses(400, 401, 403) },
});

export const getDiscountRoute = createRoute({
  operationId: "getDiscount",
  method: "get",
  path: "/api/admin/discounts/{id}",
  tags,
  summary: "One discount code (admin)",
  ...adminOnly,
  request: { params: IdParam, query: NoQuery },
  responses: { 200: jsonContent(DiscountSchema, "The discount"), ...problemResponses(400, 401, 403, 404) },
});

export const createDiscountRoute = createRoute({
  operationId: "createDiscount",
  method: "post",
  path: "/api/admin/discounts",
  tags,
  summary: "Create a discount code (admin)",
  description: rules,
  ...adminOnly,
  request: { query: NoQuery, body: jsonBody(CreateDiscountSchema) },
  responses: { 201: jsonContent(DiscountSchema, "Created"), ...problemResponses(400, 401, 403, 409, 413) },
});

export const updateDiscountRoute = createRoute({
  operationId: "updateDiscount",
  method: "patch",
  path: "/api/admin/discounts/{id}",
  tags,
  summary: "Change a discount code (admin)",
  description: `Only the fields sent change; the rules hold for the result (a new \`value\` is checked against the stored \`kind\`, one date against the other). \`usage_limit\` below \`times_used\` is 409 \`usage-limit-below-uses\`. ${rules}`,
  ...adminOnly,
  request: { params: IdParam, query: NoQuery, body: jsonBody(UpdateDiscountSchema) },
  responses: { 200: jsonContent(DiscountSchema, "Updated"), ...problemResponses(400, 401, 403, 404, 409, 413) },
});

export const deleteDiscountRoute = createRoute({
  operationId: "deleteDiscount",
  method: "delete",
  path: "/api/admin/discounts/{id}",
  tags,
  summary: "Delete a discount code (admin)",
  description: "Orders keep the code and the amount it took off. To stop a code but keep its history, set `active: false` instead.",
  ...adminOnly,
  request: { params: IdParam, query: NoQuery },
  responses: { 204: { description: "Deleted" }, ...problemResponses(400, 401, 403, 404) },
});
