import { eq, sql, type SQL } from "drizzle-orm";
import { adminCheck } from "../auth/auth.service";
import type { Database } from "../db/client";
import { boundedCount, estimatedCount, toCount } from "../db/counts";
import { taxRates } from "../db/schema";
import type { Count, KeysetPosition, PageWindow } from "../lib/pagination";
import { conflict, notFound } from "../lib/problem";
import type { TaxRateChanges, TaxRateInput, TaxRateResponse } from "./tax-rates.schemas";

/** A rate as the API shows it: the whole country's region ('') is null. */
const rateColumns = sql.raw("id, country, nullif(region, '') as region, rate::text as rate, shop_iso(created_at) as created_at, shop_iso(updated_at) as updated_at");

const rateExists = () => conflict("tax-rate-exists", "A tax rate for this country and region already exists; change that one instead.");

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export async function listTaxRates(db: Database, adminId: number, country: string | undefined, window: PageWindow<KeysetPosition>, withCount: boolean) {
  const where = country === undefined ? undefined : eq(taxRates.country, country);
  const conditions = [where, window.after ? sql`id > ${window.after.id}` : undefined].filter((part): part is SQL => part !== undefined);
  const filter = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const rows = db.execute<TaxRateResponse>(sql`select ${rateColumns} from tax_rates ${filter} order by id limit ${window.limit} offset ${window.offset}`);
  if (!withCount) {
    const [, page] = await db.batch([adminCheck(db, adminId), rows]);
    return { rows: page.rows, count: null };
  }
  const [, page, counted, plan] = await db.batch([adminCheck(db, adminId), rows, boundedCount(db, taxRates, where), estimatedCount(db, taxRates, where)]);
  return { rows: page.rows, count: toCount(counted, plan) as Count };
}

export async function getTaxRate(db: Database, adminId: number, id: number): Promise<TaxRateResponse> {
  const [, { rows }] = await db.batch([adminCheck(db, adminId), db.execute<TaxRateResponse>(sql`select ${rateColumns} from tax_rates where id = ${id}`)]);
  if (!rows[0]) throw notFound("Tax rate");
  return rows[0];
}

/** The unique index on (country, lower(region)) decides duplicates, also between simultaneous requests. */
export async function createTaxRate(db: Database, adminId: number, input: TaxRateInput): Promise<TaxRateResponse> {
  const [, { rows }] = await db.batch([
    adminCheck(db, adminId),
    db.execute<TaxRateResponse>(sql`
      insert into tax_rates (country, region, rate) values (${input.country}, ${input.region}, ${input.rate})
      on conflict do nothing returning ${rateColumns}`),
  ]);
  if (!rows[0]) throw rateExists();
  return rows[0];
}

export async function updateTaxRate(db: Database, adminId: number, id: number, input: TaxRateChanges): Promise<TaxRateResponse> {
  const changes = [
    input.country === undefined ? undefined : sql`country = ${input.country}`,
    input.region === undefined ? undefined : sql`region = ${input.region}`,
    input.rate === undefined ? undefined : sql`rate = ${input.rate}`,
    sql`updated_at = now()`,
  ].filter((part): part is SQL => part !== undefined);
  try {
    const [, { rows }] = await db.batch([
      adminCheck(db, adminId),
      db.execute<TaxRateResponse>(sql`update tax_rates set ${sql.join(changes, sql`, `)} where id = ${id} returning ${rateColumns}`),
    ]);
    if (!rows[0]) throw notFound("Tax rate");
    return rows[0];
  } catch (err) {
    if (isUniqueViolation(err)) throw rateExists();
    throw err;
  }
}

export async function deleteTaxRate(db: Database, adminId: number, id: number): Promise<void> {
  const [, { rows }] = await db.batch([adminCheck(db, adminId), db.execute<{ id: number }>(sql`delete from tax_rates where id = ${id} returning id`)]);
  if (!rows[0]) throw notFound("Tax rate");
}
