import { createRoute } from "@hono/zod-openapi";
import { adminOnly } from "../auth/guards";
import { jsonBody, jsonContent, problemResponses } from "../lib/openapi";
import { IdParam, NoQuery } from "../lib/pagination";
import { CreateTaxRateSchema, TaxRateListQuery, TaxRatePageSchema, TaxRateSchema, UpdateTaxRateSchema } from "./tax-rates.schemas";

const tags = ["Admin"];
const rules =
  "A rate is a percentage with two decimals (`\"20.00\"`, 0–100; a number or a decimal string is accepted). `region` null or absent: the whole country; a region's own rate wins over its country's, and applies to goods and shipping. One rate per country and region (regions compare case-insensitively): a second is 409 `tax-rate-exists`.";

export const listTaxRatesRoute = createRoute({
  operationId: "listTaxRates",
  method: "get",
  path: "/api/admin/tax-rates",
  tags,
  summary: "All tax rates, by id (admin)",
  ...adminOnly,
  request: { query: TaxRateListQuery },
  responses: { 200: jsonContent(TaxRatePageSchema, "A page of tax rates"), ...problemResponses(400, 401, 403) },
});

export const getTaxRateRoute = createRoute({
  operationId: "getTaxRate",
  method: "get",
  path: "/api/admin/tax-rates/{id}",
  tags,
  summary: "One tax rate (admin)",
  ...adminOnly,
  request: { params: IdParam, query: NoQuery },
  responses: { 200: jsonContent(TaxRateSchema, "The tax rate"), ...problemResponses(400, 401, 403, 404) },
});

export const createTaxRateRoute = createRoute({
  operationId: "createTaxRate",
  method: "post",
  path: "/api/admin/tax-rates",
  tags,
  summary: "Create a tax rate (admin)",
  description: rules,
  ...adminOnly,
  request: { query: NoQuery, body: jsonBody(CreateTaxRateSchema) },
  responses: { 201: jsonContent(TaxRateSchema, "Created"), ...problemResponses(400, 401, 403, 409, 413) },
});

export const updateTaxRateRoute = createRoute({
  operationId: "updateTaxRate",
  method: "patch",
  path: "/api/admin/tax-rates/{id}",
  tags,
  summary: "Change a tax rate (admin)",
  description: `Only the fields sent change. ${rules}`,
  ...adminOnly,
  request: { params: IdParam, query: NoQuery, body: jsonBody(UpdateTaxRateSchema) },
  responses: { 200: jsonContent(TaxRateSchema, "Updated"), ...problemResponses(400, 401, 403, 404, 409, 413) },
});

export const deleteTaxRateRoute = createRoute({
  operationId: "deleteTaxRate",
  method: "delete",
  path: "/api/admin/tax-rates/{id}",
  tags,
  summary: "Delete a tax rate (admin)",
  description: "Orders keep the tax they were placed with.",
  ...adminOnly,
  request: { params: IdParam, query: NoQuery },
  responses: { 204: { description: "Deleted" }, ...problemResponses(400, 401, 403, 404) },
});
