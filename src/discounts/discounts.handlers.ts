import { currentUser } from "../auth/guards";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import { byId, listJson, listRead, type ListDefinition } from "../lib/list-read";
import type { AppRouteHandler } from "../lib/openapi";
import type * as routes from "./discounts.routes";
import * as discounts from "./discounts.service";

const DISCOUNTS: ListDefinition = { kind: "discounts", path: "/api/admin/discounts", params: [] };

export const listDiscounts: AppRouteHandler<typeof routes.listDiscountsRoute> = async (c) => {
  const list = listRead(readConfig(c.env), DISCOUNTS, c.req.valid("query"));
  const { rows, count } = await discounts.listDiscounts(useDb(c), currentUser(c).id, await list.window(), list.counts);
  return listJson(c, await list.page(rows, count, byId, (row) => row));
};

export const getDiscount: AppRouteHandler<typeof routes.getDiscountRoute> = async (c) => {
  return c.json(await discounts.getDiscount(useDb(c), currentUser(c).id, c.req.valid("param").id), 200);
};

export const createDiscount: AppRouteHandler<typeof routes.createDiscountRoute> = async (c) => {
  return c.json(await discounts.createDiscount(useDb(c), currentUser(c).id, c.req.valid("json")), 201);
};

export const updateDiscount: AppRouteHandler<typeof routes.updateDiscountRoute> = async (c) => {
  return c.json(await discounts.updateDiscount(useDb(c), currentUser(c).id, c.req.valid("param").id, c.req.valid("json")), 200);
};

export const deleteDiscount: AppRouteHandler<typeof routes.deleteDiscountRoute> = async (c) => {
  await discounts.deleteDiscount(useDb(c), currentUser(c).id, c.req.valid("param").id);
  return c.body(null, 204);
};
