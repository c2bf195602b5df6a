import { currentUser } from "../auth/guards";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import type { AppRouteHandler } from "../lib/openapi";
import { buildPage, pageLinker, pageRequest, pageWindow, readCursor, signCursor } from "../lib/pagination";
import type * as routes from "./addresses.routes";
import * as addresses from "./addresses.service";

export const listAddresses: AppRouteHandler<typeof routes.listAddressesRoute> = async (c) => {
  const user = currentUser(c);
  const request = pageRequest(c.req.valid("query"));
  const config = readConfig(c.env);
  const scope = `user:${user.id}`;
  const after = request.cursor ? await readCursor(config, request.cursor, "addresses", scope) : undefined;
  const { rows, count } = await addresses.listAddresses(useDb(c), user.id, pageWindow(request, after), !request.cursor);
  const page = await buildPage({
    request,
    rows,
    count,
    toItem: (row) => row,
    cursorFor: (row) => signCursor(config, "addresses", scope, { value: String(row.is_default), id: row.id }),
    link: pageLinker(new URL(c.req.url).origin, "/api/me/addresses", {}, [], request.pageSize),
  });
  return c.json(page, 200);
};

export const createAddress: AppRouteHandler<typeof routes.createAddressRoute> = async (c) => {
  const address = await addresses.createAddress(useDb(c), currentUser(c).id, c.req.valid("json"));
  return c.json(address, 201);
};

export const getAddress: AppRouteHandler<typeof routes.getAddressRoute> = async (c) => {
  return c.json(await addresses.getAddress(useDb(c), currentUser(c).id, c.req.valid("param").id), 200);
};

export const updateAddress: AppRouteHandler<typeof routes.updateAddressRoute> = async (c) => {
  const address = await addresses.updateAddress(useDb(c), currentUser(c).id, c.req.valid("param").id, c.req.valid("json"));
  return c.json(address, 200);
};

export const deleteAddress: AppRouteHandler<typeof routes.deleteAddressRoute> = async (c) => {
  await addresses.deleteAddress(useDb(c), currentUser(c).id, c.req.valid("param").id);
  return c.body(null, 204);
};
