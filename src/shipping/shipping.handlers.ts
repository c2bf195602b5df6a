import { currentUser } from "../auth/guards";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import type { AppRouteHandler } from "../lib/openapi";
import { buildPage, pageLinker, pageRequest, pageWindow, readCursor, signCursor } from "../lib/pagination";
import type * as routes from "./shipping.routes";
import * as shipping from "./shipping.service";

export const listShippingMethods: AppRouteHandler<typeof routes.listShippingMethodsRoute> = async (c) => {
  const { country, ...query } = c.req.valid("query");
  const request = pageRequest(query);
  const config = readConfig(c.env);
  const scope = `country:${country}`;
  const after = request.cursor ? await readCursor(config, request.cursor, "shipping-methods", scope) : undefined;
  const { rows, count } = await shipping.listMethodsFor(useDb(c), country, pageWindow(request, after), !request.cursor);
  const page = await buildPage({
    request,
    rows,
    count,
    toItem: (row) => row,
    cursorFor: (row) => signCursor(config, "shipping-methods", scope, { value: row.price, id: row.id }),
    link: pageLinker(new URL(c.req.url).origin, "/api/shipping-methods", { country }, ["country"], request.pageSize),
  });
  return c.json(page, 200);
};

export const adminListShippingMethods: AppRouteHandler<typeof routes.adminListShippingMethodsRoute> = async (c) => {
  const request = pageRequest(c.req.valid("query"));
  const config = readConfig(c.env);
  const after = request.cursor ? await readCursor(config, request.cursor, "admin-shipping-methods", "") : undefined;
  const { rows, count } = await shipping.adminListMethods(useDb(c), currentUser(c).id, pageWindow(request, after), !request.cursor);
  const page = await buildPage({
    request,
    rows,
    count,
    toItem: (row) => row,
    cursorFor: (row) => signCursor(config, "admin-shipping-methods", "", { value: "", id: row.id }),
    link: pageLinker(new URL(c.req.url).origin, "/api/admin/shipping-methods", {}, [], request.pageSize),
  });
  return c.json(page, 200);
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
