import { currentUser } from "../auth/guards";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import { listJson, listRead, type ListDefinition } from "../lib/list-read";
import type { AppRouteHandler } from "../lib/openapi";
import type * as routes from "./addresses.routes";
import * as addresses from "./addresses.service";

const ADDRESSES: ListDefinition = { kind: "addresses", path: "/api/me/addresses", params: [] };

export const listAddresses: AppRouteHandler<typeof routes.listAddressesRoute> = async (c) => {
  const user = currentUser(c);
  const list = listRead(readConfig(c.env), ADDRESSES, c.req.valid("query"), `user:${user.id}`);
  const { rows, count } = await addresses.listAddresses(useDb(c), user.id, await list.window(), list.counts);
  return listJson(c, await list.page(rows, count, (row) => ({ value: String(row.is_default), id: row.id }), (row) => row));
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
