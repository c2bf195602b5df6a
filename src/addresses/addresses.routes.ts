import { createRoute } from "@hono/zod-openapi";
import { requireUser } from "../auth/guards";
import { bearerSecurity, jsonBody, jsonContent, problemResponses } from "../lib/openapi";
import { IdParam, NoQuery } from "../lib/pagination";
import { ADDRESS_LIMIT, AddressListQuery, AddressPageSchema, AddressSchema, CreateAddressSchema, UpdateAddressSchema } from "./addresses.schemas";

const tags = ["Addresses"];

export const listAddressesRoute = createRoute({
  operationId: "listAddresses",
  method: "get",
  path: "/api/me/addresses",
  tags,
  summary: "The caller's address book",
  description: `At most ${ADDRESS_LIMIT} addresses: the default first, then the most recently added.`,
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { query: AddressListQuery },
  responses: { 200: jsonContent(AddressPageSchema, "A page of addresses"), ...problemResponses(400, 401) },
});

export const createAddressRoute = createRoute({
  operationId: "createAddress",
  method: "post",
  path: "/api/me/addresses",
  tags,
  summary: "Add an address",
  description: `A book holds at most ${ADDRESS_LIMIT} addresses: one more is 409 \`address-limit\`, also when several are added at once. The first address becomes the default; \`is_default: true\` moves the default to the new one. \`country\` is an ISO 3166-1 alpha-2 code in either case (stored upper case); an unknown one is 400.`,
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { query: NoQuery, body: jsonBody(CreateAddressSchema) },
  responses: { 201: jsonContent(AddressSchema, "The new address"), ...problemResponses(400, 401, 409, 413) },
});

export const getAddressRoute = createRoute({
  operationId: "getAddress",
  method: "get",
  path: "/api/me/addresses/{id}",
  tags,
  summary: "One of the caller's addresses",
  description: "Another user's address is 404, exactly like a missing one.",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { params: IdParam, query: NoQuery },
  responses: { 200: jsonContent(AddressSchema, "The address"), ...problemResponses(400, 401, 404) },
});

export const updateAddressRoute = createRoute({
  operationId: "updateAddress",
  method: "patch",
  path: "/api/me/addresses/{id}",
  tags,
  summary: "Change an address or make it the default",
  description: "Only the fields sent change; `null` clears an optional line. `is_default: true` makes it the default (the previous default stops being one, in the same transaction). Another user's address is 404.",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { params: IdParam, query: NoQuery, body: jsonBody(UpdateAddressSchema) },
  responses: { 200: jsonContent(AddressSchema, "The changed address"), ...problemResponses(400, 401, 404, 413) },
});

export const deleteAddressRoute = createRoute({
  operationId: "deleteAddress",
  method: "delete",
  path: "/api/me/addresses/{id}",
  tags,
  summary: "Delete an address",
  description: "Deleting the default makes the most recently added remaining address the default. Orders keep their own copy of the address. Another user's address is 404.",
  security: bearerSecurity,
  middleware: [requireUser] as const,
  request: { params: IdParam, query: NoQuery },
  responses: { 204: { description: "Deleted" }, ...problemResponses(400, 401, 404) },
});
