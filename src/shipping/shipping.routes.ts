import { createRoute } from "@hono/zod-openapi";
import { adminOnly } from "../auth/guards";
import { jsonBody, jsonContent, problemResponses } from "../lib/openapi";
import { IdParam, NoQuery } from "../lib/pagination";
import {
  AdminShippingMethodListQuery,
  AdminShippingMethodPageSchema,
  AdminShippingMethodSchema,
  CreateShippingMethodSchema,
  ShippingMethodPageSchema,
  ShippingMethodQuery,
  UpdateShippingMethodSchema,
} from "./shipping.schemas";

const adminTags = ["Admin"];

export const listShippingMethodsRoute = createRoute({
  operationId: "listShippingMethods",
  method: "get",
  path: "/api/shipping-methods",
  tags: ["Shipping"],
  summary: "The shipping methods that ship to a country, cheapest first",
  description: "`country` (required) is an ISO 3166-1 alpha-2 code in either case; an unknown code is 400. Only active methods are listed.",
  security: [],
  request: { query: ShippingMethodQuery },
  responses: { 200: jsonContent(ShippingMethodPageSchema, "A page of shipping methods"), ...problemResponses(400) },
});

export const adminListShippingMethodsRoute = createRoute({
  operationId: "adminListShippingMethods",
  method: "get",
  path: "/api/admin/shipping-methods",
  tags: adminTags,
  summary: "All shipping methods, active or not, by id (admin)",
  ...adminOnly,
  request: { query: AdminShippingMethodListQuery },
  responses: { 200: jsonContent(AdminShippingMethodPageSchema, "A page of shipping methods"), ...problemResponses(400, 401, 403) },
});

export const adminGetShippingMethodRoute = createRoute({
  operationId: "adminGetShippingMethod",
  method: "get",
  path: "/api/admin/shipping-methods/{id}",
  tags: adminTags,
  summary: "One shipping method (admin)",
  ...adminOnly,
  request: { params: IdParam, query: NoQuery },
  responses: { 200: jsonContent(AdminShippingMethodSchema, "The shipping method"), ...problemResponses(400, 401, 403, 404) },
});

export const createShippingMethodRoute = createRoute({
  operationId: "createShippingMethod",
  method: "post",
  path: "/api/admin/shipping-methods",
  tags: adminTags,
  summary: "Create a shipping method (admin)",
  description: "`countries`: 1–249 ISO 3166-1 alpha-2 codes in either case, stored upper case, deduplicated and sorted. `free_over` null (or absent): shipping is never free.",
  ...adminOnly,
  request: { query: NoQuery, body: jsonBody(CreateShippingMethodSchema) },
  responses: { 201: jsonContent(AdminShippingMethodSchema, "Created"), ...problemResponses(400, 401, 403, 413) },
});

export const updateShippingMethodRoute = createRoute({
  operationId: "updateShippingMethod",
  method: "patch",
  path: "/api/admin/shipping-methods/{id}",
  tags: adminTags,
  summary: "Change a shipping method (admin)",
  description: "Only the fields sent change; `countries` replaces the whole list. Orders already placed keep the name and price they were placed with.",
  ...adminOnly,
  request: { params: IdParam, query: NoQuery, body: jsonBody(UpdateShippingMethodSchema) },
  responses: { 200: jsonContent(AdminShippingMethodSchema, "Updated"), ...problemResponses(400, 401, 403, 404, 413) },
});

export const deleteShippingMethodRoute = createRoute({
  operationId: "deleteShippingMethod",
  method: "delete",
  path: "/api/admin/shipping-methods/{id}",
  tags: adminTags,
  summary: "Delete a shipping method (admin)",
  description: "Orders that used it keep their own copy of its name and price. To stop offering a method but keep it, set `active: false` instead.",
  ...adminOnly,
  request: { params: IdParam, query: NoQuery },
  responses: { 204: { description: "Deleted" }, ...problemResponses(400, 401, 403, 404) },
});
