import { currentUser } from "../auth/guards";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import type { AppRouteHandler } from "../lib/openapi";
import { buildPage, pageLinker, pageRequest, pageWindow, readCursor, signCursor } from "../lib/pagination";
import type * as routes from "./discounts.routes";
import * as discounts from "./discounts.service";

export const listDiscounts: AppRouteHandler<typeof routes.listDiscountsRoute> = async (c) => {
  const request = pageRequest(c.req.valid("query"));
  const config = readConfig(c.env);
  const after = request.cursor ? await readCursor(config, request.cursor, "discounts", "") : undefined;
  const { rows, count } = await discounts.listDiscounts(useDb(c), currentUser(c).id, pageWindow(request, after), !request.cursor);
  const page = await buildPage({
    request,
    rows,
    count,
    toItem: (row) => row,
    cursorFor: (row) => signCursor(config, "discounts", "", { value: "", id: row.id }),
    link: pageLinker(new URL(c.req.url).origin, "/api/admin/discounts", {}, [], request.pageSize),
  });
  return c.json(page, 200);
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
