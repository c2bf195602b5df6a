import { sql, type SQL } from "drizzle-orm";
import { adminCheck } from "../auth/auth.service";
import type { Database } from "../db/client";
import { boundedCount, estimatedCount, toCount } from "../db/counts";
import { discounts } from "../db/schema";
import type { Count, KeysetPosition, PageWindow } from "../lib/pagination";
import { conflict, notFound, validationProblem, type FieldError } from "../lib/problem";
import { discountErrors, type DiscountChanges, type DiscountInput, type DiscountResponse } from "./discounts.schemas";

/** A discount row `d` as the API shows it, built by Postgres. */
const discountJson = sql.raw(`json_build_object(
  'id', d.id, 'code', d.code, 'kind', d.kind, 'value', d.value::text, 'min_subtotal', d.min_subtotal::text,
  'starts_at', shop_iso(d.starts_at), 'ends_at', shop_iso(d.ends_at), 'usage_limit', d.usage_limit,
  'per_customer_limit', d.per_customer_limit, 'active', d.active, 'times_used', d.times_used,
  'created_at', shop_iso(d.created_at), 'updated_at', shop_iso(d.updated_at))`);

const codeTaken = () => conflict("discount-code-taken", "A discount with this code already exists (codes are case-insensitive).");

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export async function listDiscounts(db: Database, adminId: number, window: PageWindow<KeysetPosition>, withCount: boolean) {
  const after = window.after ? sql`where d.id > ${window.after.id}` : sql``;
  const rows = db.execute<{ discount: DiscountResponse }>(sql`select ${discountJson} as discount from discounts d ${after} order by d.id limit ${window.limit} offset ${window.offset}`);
  if (!withCount) {
    const [, page] = await db.batch([adminCheck(db, adminId), rows]);
    return { rows: page.rows.map((r) => r.discount), count: null };
  }
  const [, page, counted, plan] = await db.batch([adminCheck(db, adminId), rows, boundedCount(db, discounts, undefined), estimatedCount(db, discounts, undefined)]);
  return { rows: page.rows.map((r) => r.discount), count: toCount(counted, plan) as Count };
}

export async function getDiscount(db: Database, adminId: number, id: number): Promise<DiscountResponse> {
  const [, { rows }] = await db.batch([adminCheck(db, adminId), db.execute<{ discount: DiscountResponse }>(sql`select ${discountJson} as discount from discounts d where d.id = ${id}`)]);
  if (!rows[0]) throw notFound("Discount");
  return rows[0].discount;
}

/** The unique index on lower(code) decides a taken code, also between simultaneous requests. */
export async function createDiscount(db: Database, adminId: number, input: DiscountInput): Promise<DiscountResponse> {
  const value = input.kind === "free_shipping" ? "0" : input.value!;
  const [, { rows }] = await db.batch([
    adminCheck(db, adminId),
    db.execute<{ discount: DiscountResponse }>(sql`
      insert into discounts as d (code, kind, value, min_subtotal, starts_at, ends_at, usage_limit, per_customer_limit, active)
      values (${input.code}, ${input.kind}, ${value}, ${input.min_subtotal ?? null}, ${input.starts_at ?? null}, ${input.ends_at ?? null},
              ${input.usage_limit ?? null}, ${input.per_customer_limit ?? null}, ${input.active ?? true})
      on conflict do nothing
      returning ${discountJson} as discount`),
  ]);
  if (!rows[0]) throw codeTaken();
  return rows[0].discount;
}

type Patched = { discount: DiscountResponse | null; value_ok: boolean | null; dates_ok: boolean | null; limit_ok: boolean | null; times_used: number | null };

/**
 * Changes the fields sent in one statement. Rules that involve the stored row (a new value against
 * the stored kind, one date against the other stored one, a usage limit against the uses so far)
 * are conditions of the UPDATE, so a checkout redeeming the code meanwhile cannot slip between the
 * check and the write; when they fail, the same statement says which.
 */
export async function updateDiscount(db: Database, adminId: number, id: number, input: DiscountChanges): Promise<DiscountResponse> {
  const kind = input.kind === undefined ? sql`kind` : sql`${input.kind}::discount_kind`;
  const givenValue = input.value === undefined ? sql`value` : sql`${input.value}::numeric`;
  const value = sql`(case when ${kind} = 'free_shipping' then 0 else ${givenValue} end)`;
  const startsAt = input.starts_at === undefined ? sql`starts_at` : sql`${input.starts_at}::timestamptz`;
  const endsAt = input.ends_at === undefined ? sql`ends_at` : sql`${input.ends_at}::timestamptz`;
  const usageLimit = input.usage_limit === undefined ? sql`usage_limit` : sql`${input.usage_limit}::int`;
  const valueOk = sql`(case ${kind} when 'percent' then ${value} between 0.01 and 100 when 'fixed' then ${value} > 0 else true end)`;
  const datesOk = sql`(${startsAt} is null or ${endsAt} is null or ${endsAt} > ${startsAt})`;
  const limitOk = sql`(${usageLimit} is null or ${usageLimit} >= times_used)`;
  const changes = [
    input.code === undefined ? undefined : sql`code = ${input.code}`,
    sql`kind = ${kind}`,
    sql`value = ${value}`,
    input.min_subtotal === undefined ? undefined : sql`min_subtotal = ${input.min_subtotal}`,
    sql`starts_at = ${startsAt}`,
    sql`ends_at = ${endsAt}`,
    sql`usage_limit = ${usageLimit}`,
    input.per_customer_limit === undefined ? undefined : sql`per_customer_limit = ${input.per_customer_limit}`,
    input.active === undefined ? undefined : sql`active = ${input.active}`,
    sql`updated_at = now()`,
  ].filter((part): part is SQL => part !== undefined);
  let rows: Patched[];
  try {
    [, { rows }] = await db.batch([
      adminCheck(db, adminId),
      db.execute<Patched>(sql`
        with changed as (update discounts set ${sql.join(changes, sql`, `)} where id = ${id} and ${valueOk} and ${datesOk} and ${limitOk} returning *)
        select ${discountJson} as discount, null::boolean as value_ok, null::boolean as dates_ok, null::boolean as limit_ok, null::int as times_used from changed d
        union all
        select null, ${valueOk}, ${datesOk}, ${limitOk}, times_used from discounts where id = ${id} and not exists (select 1 from changed)`),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken();
    throw err;
  }
  const row = rows[0];
  if (!row) throw notFound("Discount");
  if (row.discount) return row.discount;
  const errors: FieldError[] = [];
  if (row.value_ok === false) errors.push({ path: "value", message: "Must fit the kind: a percent discount is 0.01–100, a fixed one more than 0." });
  if (row.dates_ok === false) errors.push({ path: "ends_at", message: discountErrors.endsBeforeStart });
  if (errors.length > 0) throw validationProblem(errors);
  throw conflict("usage-limit-below-uses", `The code was already used ${row.times_used} times: usage_limit cannot be lower.`, { times_used: row.times_used });
}

/** Orders keep the code and the amount it took off, so a code that was used can still be deleted. */
export async function deleteDiscount(db: Database, adminId: number, id: number): Promise<void> {
  const [, { rows }] = await db.batch([adminCheck(db, adminId), db.execute<{ id: number }>(sql`delete from discounts where id = ${id} returning id`)]);
  if (!rows[0]) throw notFound("Discount");
}
