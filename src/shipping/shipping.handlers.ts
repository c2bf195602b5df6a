import { currentUser } from "../auth/guards";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import { byId, listJson, listRead, type ListDefinition } from "../lib/list-read";
import type { AppRouteHandler } from "../lib/openapi";
import type * as routes from "./shipping.routes";
import * as shipping from "./shipping.service";

const SHIPPING_METHODS: ListDefinition = { kind: "shipping-methods", path: "/api/shipping-methods", params: ["country"] };
const ADMIN_SHIPPING_METHODS: ListDefinition = { kind: "admin-shipping-methods", path: "/api/admin/shipping-methods", params: [] };

export const listShippingMethods: AppRouteHandler<typeof routes.listShippingMethodsRoute> = async (c) => {
  const query = c.req.valid("query");
  const list = listRead(readConfig(c.env), SHIPPING_METHODS, query);
  const { rows, count } = await shipping.listMethodsFor(useDb(c), query.country, await list.window(), list.counts);
  return listJson(c, await list.page(rows, count, (row) => ({ value: row.price, id: row.id }), (row) => row));
};

export const adminListShippingMethods: AppRouteHandler<typeof routes.adminListShippingMethodsRoute> = async (c) => {
  const list = listRead(readConfig(c.env), ADMIN_SHIPPING_METHODS, c.req.valid("query"));
  const { rows, count } = await shipping.adminListMethods(useDb(c), currentUser(c).id, await list.window(), list.counts);
  return listJson(c, await list.page(rows, count, byId, (row) => row));
};

export const adminGetShippingMethod: AppRouteHandler<typeof routes.adminGetShippingMethodRoute> = async (c) => {
  return c.json(await shipping.adminGetMethod(useDb(c), currentUser(c).id, c.req.valid("param").id), 200);
};

export const createShippingMethod: AppRouteHandler<typeof routes.createShippingMethodRoute> = async (c) => {
  return c.json(await shipping.createMethod(useDb(c), currentUser(c).id, c.req.valid("json")), 201);
};

export const updateShippingMethod: AppRouteHandler<typeof routes.updateShippingMethodRoute> = async (c) => {
  return c.json(await shipping.updateMethod(useDb(c), currentUser(c).id, c.req.valid("param").id, c.req.valid("json")), 200);
};

export const deleteShippingMethod: AppRouteHandler<typeof routes.deleteShippingMethodRoute> = async (c) => {
  await shipping.deleteMethod(useDb(c), currentUser(c).id, c.req.valid("param").id);
  return c.body(null, 204);
};
