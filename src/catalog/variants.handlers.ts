import { currentUser } from "../auth/guards";
import { useDb } from "../db/use";
import type { AppRouteHandler } from "../lib/openapi";
import { committed } from "./catalog.handlers";
import { toVariantResponse } from "./catalog.projection";
import type { VariantDetailResponse } from "./catalog.schemas";
import type * as routes from "./variants.routes";
import * as variants from "./variants.service";

const toVariantDetail = (row: variants.VariantRow): VariantDetailResponse => ({ ...toVariantResponse(row), product_id: row.product_id });

export const createVariant: AppRouteHandler<typeof routes.createVariantRoute> = async (c) => {
  const db = useDb(c);
  const row = await committed(c, db, await variants.createVariant(db, currentUser(c).id, c.req.valid("param").id, c.req.valid("json")));
  return c.json(toVariantDetail(row), 201);
};

export const updateVariant: AppRouteHandler<typeof routes.updateVariantRoute> = async (c) => {
  const db = useDb(c);
  const { id, variant_id } = c.req.valid("param");
  const row = await committed(c, db, await variants.updateVariant(db, currentUser(c).id, id, variant_id, c.req.valid("json")));
  return c.json(toVariantDetail(row), 200);
};

export const deleteVariant: AppRouteHandler<typeof routes.deleteVariantRoute> = async (c) => {
  const db = useDb(c);
  const { id, variant_id } = c.req.valid("param");
  await committed(c, db, await variants.deleteVariant(db, currentUser(c).id, id, variant_id));
  return c.body(null, 204);
};

export const changeVariantStock: AppRouteHandler<typeof routes.changeVariantStockRoute> = async (c) => {
  const db = useDb(c);
  const row = await committed(c, db, await variants.changeVariantStock(db, currentUser(c).id, c.req.valid("param").id, c.req.valid("json")));
  return c.json(toVariantDetail(row), 200);
};
