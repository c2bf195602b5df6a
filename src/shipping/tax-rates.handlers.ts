import { currentUser } from "../auth/guards";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import type { AppRouteHandler } from "../lib/openapi";
import { buildPage, pageLinker, pageRequest, pageWindow, readCursor, signCursor } from "../lib/pagination";
import type * as routes from "./tax-rates.routes";
import * as taxRates from "./tax-rates.service";

export const listTaxRates: AppRouteHandler<typeof routes.listTaxRatesRoute> = async (c) => {
  const { country, ...query } = c.req.valid("query");
  const request = pageRequest(query);
  const config = readConfig(c.env);
  const scope = `country:${country ?? ""}`;
  const after = request.cursor ? await readCursor(config, request.cursor, "tax-rates", scope) : undefined;
  const { rows, count } = await taxRates.listTaxRates(useDb(c), currentUser(c).id, country, pageWindow(request, after), !request.cursor);
  const page = await buildPage({
    request,
    rows,
    count,
    toItem: (row) => row,
    cursorFor: (row) => signCursor(config, "tax-rates", scope, { value: "", id: row.id }),
    link: pageLinker(new URL(c.req.url).origin, "/api/admin/tax-rates", { country }, ["country"], request.pageSize),
  });
  return c.json(page, 200);
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
