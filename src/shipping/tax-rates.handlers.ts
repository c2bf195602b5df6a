import { currentUser } from "../auth/guards";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import { byId, listJson, listRead, type ListDefinition } from "../lib/list-read";
import type { AppRouteHandler } from "../lib/openapi";
import type * as routes from "./tax-rates.routes";
import * as taxRates from "./tax-rates.service";

const TAX_RATES: ListDefinition = { kind: "tax-rates", path: "/api/admin/tax-rates", params: ["country"] };

export const listTaxRates: AppRouteHandler<typeof routes.listTaxRatesRoute> = async (c) => {
  const query = c.req.valid("query");
  const list = listRead(readConfig(c.env), TAX_RATES, query);
  const { rows, count } = await taxRates.listTaxRates(useDb(c), currentUser(c).id, query.country, await list.window(), list.counts);
  return listJson(c, await list.page(rows, count, byId, (row) => row));
};

export const getTaxRate: AppRouteHandler<typeof routes.getTaxRateRoute> = async (c) => {
  return c.json(await taxRates.getTaxRate(useDb(c), currentUser(c).id, c.req.valid("param").id), 200);
};

export const createTaxRate: AppRouteHandler<typeof routes.createTaxRateRoute> = async (c) => {
  return c.json(await taxRates.createTaxRate(useDb(c), currentUser(c).id, c.req.valid("json")), 201);
};

export const updateTaxRate: AppRouteHandler<typeof routes.updateTaxRateRoute> = async (c) => {
  return c.json(await taxRates.updateTaxRate(useDb(c), currentUser(c).id, c.req.valid("param").id, c.req.valid("json")), 200);
};

export const deleteTaxRate: AppRouteHandler<typeof routes.deleteTaxRateRoute> = async (c) => {
  await taxRates.deleteTaxRate(useDb(c), currentUser(c).id, c.req.valid("param").id);
  return c.body(null, 204);
};
