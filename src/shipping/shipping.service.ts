import { sql, type SQL } from "drizzle-orm";
import { adminCheck } from "../auth/auth.service";
import type { Database } from "../db/client";
import { boundedCount, estimatedCount, toCount } from "../db/counts";
import { shippingMethods } from "../db/schema";
import type { Count, KeysetPosition, PageWindow } from "../lib/pagination";
import { notFound } from "../lib/problem";
import type { AdminShippingMethodResponse, ShippingMethodChanges, ShippingMethodInput, ShippingMethodResponse } from "./shipping.schemas";

/** A method as anyone sees it, and as an admin does (raw statements return these names). */
const publicColumns = sql.raw("id, name, price::text as price, free_over::text as free_over, countries");
const adminColumns = sql.raw(
  "id, name, price::text as price, free_over::text as free_over, countries, active, shop_iso(created_at) as created_at, shop_iso(updated_at) as updated_at",
);

/** Codes are checked ISO alpha-2 codes (two letters), so the array literal needs no quoting. */
const textArray = (codes: string[]) => sql`${`{${codes.join(",")}}`}::text[]`;

/**
 * Active methods that ship to `country` (the GIN index on countries), cheapest first; keyset on
 * (price, id). The ORDER BY names the table's column: a bare `price` would be the text alias.
 */
export async function listMethodsFor(db: Database, country: string, window: PageWindow<KeysetPosition>, withCount: boolean) {
  const where = sql`${shippingMethods.active} and ${shippingMethods.countries} @> ${textArray([country])}`;
  const after = window.after ? sql`and (price, id) > (${window.after.value}::numeric, ${window.after.id})` : sql``;
  const rows = db.execute<ShippingMethodResponse>(sql`
    select ${publicColumns} from shipping_methods where ${where} ${after}
    order by shipping_methods.price, shipping_methods.id limit ${window.limit} offset ${window.offset}`);
  if (!withCount) return { rows: (await rows).rows, count: null };
  const [page, counted, plan] = await db.batch([rows, boundedCount(db, shippingMethods, where), estimatedCount(db, shippingMethods, where)]);
  return { rows: page.rows, count: toCount(counted, plan) as Count };
}

/** Every method, active or not, by id: behind the admin check, in the same round trip. */
export async function adminListMethods(db: Database, adminId: number, window: PageWindow<KeysetPosition>, withCount: boolean) {
  const after = window.after ? sql`where id > ${window.after.id}` : sql``;
  const rows = db.execute<AdminShippingMethodResponse>(sql`select ${adminColumns} from shipping_methods ${after} order by id limit ${window.limit} offset ${window.offset}`);
  if (!withCount) {
    const [, page] = await db.batch([adminCheck(db, adminId), rows]);
    return { rows: page.rows, count: null };
  }
  const [, page, counted, plan] = await db.batch([adminCheck(db, adminId), rows, boundedCount(db, shippingMethods, undefined), estimatedCount(db, shippingMethods, undefined)]);
  return { rows: page.rows, count: toCount(counted, plan) as Count };
}

export async function adminGetMethod(db: Database, adminId: number, id: number): Promise<AdminShippingMethodResponse> {
  const [, { rows }] = await db.batch([adminCheck(db, adminId), db.execute<AdminShippingMethodResponse>(sql`select ${adminColumns} from shipping_methods where id = ${id}`)]);
  if (!rows[0]) throw notFound("Shipping method");
  return rows[0];
}

export async function createMethod(db: Database, adminId: number, input: ShippingMethodInput): Promise<AdminShippingMethodResponse> {
  const [, { rows }] = await db.batch([
    adminCheck(db, adminId),
    db.execute<AdminShippingMethodResponse>(sql`
      insert into shipping_methods (name, price, free_over, countries, active)
      values (${input.name}, ${input.price}, ${input.free_over ?? null}, ${textArray(input.countries)}, ${input.active ?? true})
      returning ${adminColumns}`),
  ]);
  return rows[0]!;
}

export async function updateMethod(db: Database, adminId: number, id: number, input: ShippingMethodChanges): Promise<AdminShippingMethodResponse> {
  const changes = [
    input.name === undefined ? undefined : sql`name = ${input.name}`,
    input.price === undefined ? undefined : sql`price = ${input.price}`,
    input.free_over === undefined ? undefined : sql`free_over = ${input.free_over}`,
    input.countries === undefined ? undefined : sql`countries = ${textArray(input.countries)}`,
    input.active === undefined ? undefined : sql`active = ${input.active}`,
    sql`updated_at = now()`,
  ].filter((part): part is SQL => part !== undefined);
  const [, { rows }] = await db.batch([
    adminCheck(db, adminId),
    db.execute<AdminShippingMethodResponse>(sql`update shipping_methods set ${sql.join(changes, sql`, `)} where id = ${id} returning ${adminColumns}`),
  ]);
  if (!rows[0]) throw notFound("Shipping method");
  return rows[0];
}

/** Orders keep a copy of the method's name and price, so a method that was used can still be deleted. */
export async function deleteMethod(db: Database, adminId: number, id: number): Promise<void> {
  const [, { rows }] = await db.batch([adminCheck(db, adminId), db.execute<{ id: number }>(sql`delete from shipping_methods where id = ${id} returning id`)]);
  if (!rows[0]) throw notFound("Shipping method");
}
