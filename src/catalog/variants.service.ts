import { sql, type SQL } from "drizzle-orm";
import { adminCheck } from "../auth/auth.service";
import type { Database } from "../db/client";
import type { ProductOption } from "../db/schema";
import { conflict, notFound, validationProblem, type FieldError } from "../lib/problem";
import { liveProduct, variantJsonText, type VariantJson } from "./catalog.projection";
import { MAX_VARIANTS, type VariantInput } from "./catalog.schemas";
import { fitsOptions, lockProduct, refuseStock, rethrowSkuTaken, variantStockStatement, type Written } from "./catalog.service";
import { variantOptionProblems } from "./variant-options";

// Variant writes keep the invariants written down above the product writes in catalog.service.ts:
// each locks the product's live variants and the product first, then one statement checks, writes
// the variant and sets the product's price (lowest live variant price) and stock (their sum).

export type VariantRow = VariantJson & { product_id: number };

type VariantCheck = {
  found: boolean;
  variant_found: boolean;
  fits: boolean;
  unique_combo: boolean;
  image_ok: boolean;
  variant_count: number;
  product_options: ProductOption[] | null;
  variant: VariantRow | null;
  bump_id: number | null;
};

const bump = sql.raw(`bump as (insert into catalog_bumps (counts) select true where exists (select 1 from changed) returning id)`);

/** The product's new price and stock: the live variants other than the written one, plus what it became. */
const aggregates = (others: string, written: string) =>
  sql.raw(`price = (select min(a.price) from (select price from ${others} union all select price from ${written}) a),
           stock = (select coalesce(sum(a.stock), 0)::int from (select stock from ${others} union all select stock from ${written}) a)`);

/** The problems of a refused variant write, checked in the order a client fixes them. */
function refuse(check: VariantCheck, given: Record<string, string> | undefined, imageGiven: boolean): never {
  if (!check.found) throw notFound("Product");
  if (!check.variant_found) throw notFound("Variant");
  const errors: FieldError[] = [];
  if (!check.fits) {
    for (const p of variantOptionProblems(check.product_options ?? [], given ?? {})) errors.push({ path: p.path.join("."), message: p.message });
    if (errors.length === 0) errors.push({ path: "options", message: "Must name exactly the product's options, with allowed values." });
  } else if (!check.unique_combo) {
    const hint = (check.product_options ?? []).length === 0 ? " The product has no options: add options to the product first." : "";
    errors.push({ path: "options", message: `Another variant of this product has the same options.${hint}` });
  }
  if (imageGiven && !check.image_ok) errors.push({ path: "image_id", message: "No image of this product with this id." });
  if (errors.length > 0) throw validationProblem(errors);
  if (check.variant_count >= MAX_VARIANTS) throw conflict("too-many-variants", `A product has at most ${MAX_VARIANTS} variants.`, { max_variants: MAX_VARIANTS });
  throw notFound("Variant");
}

const imageOk = (productId: number, imageId: number | null | undefined) =>
  imageId == null ? sql`true` : sql`exists (select 1 from product_images where id = ${imageId} and product_id = ${productId})`;

const variantOut = sql.raw(`(select ${variantJsonText("w")}::jsonb || jsonb_build_object('product_id', w.product_id) from w)`);

export async function createVariant(db: Database, adminId: number, productId: number, input: VariantInput): Promise<Written<VariantRow>> {
  const options = JSON.stringify(input.options ?? {});
  const [, , , { rows }] = await db
    .batch([
      adminCheck(db, adminId),
      ...lockProduct(db, productId),
      db.execute<VariantCheck>(sql`
        with p as (select id, options from products where id = ${productId} and ${liveProduct}),
        vs as (select id, options, price, stock, position from variants where product_id = ${productId} and deleted_at is null),
        chk as (
          select exists (select 1 from p) as found, true as variant_found,
                 coalesce((select ${fitsOptions(sql`${options}::jsonb`, sql`p.options`)} from p), false) as fits,
                 not exists (select 1 from vs where vs.options = ${options}::jsonb) as unique_combo,
                 ${imageOk(productId, input.image_id)} as image_ok,
                 (select count(*)::int from vs) as variant_count),
        go as (select 1 from chk where found and fits and unique_combo and image_ok and variant_count < ${MAX_VARIANTS}),
        w as (
          insert into variants (product_id, sku, options, price, stock, image_id, position)
          select ${productId}, ${input.sku}, ${options}::jsonb, ${input.price}::numeric, ${input.stock ?? 0}::int, ${input.image_id ?? null}::int,
                 coalesce((select max(position) + 1 from vs), 0)
          from go
          returning *),
        changed as (update products set ${aggregates("vs", "w")}, updated_at = now() where id = ${productId} and exists (select 1 from w) returning id),
        ${bump}
        select chk.*, (select options from p) as product_options, ${variantOut} as variant, (select id from bump)::float8 as bump_id from chk`),
    ])
    .catch(rethrowSkuTaken);
  const check = rows[0]!;
  if (!check.variant || !check.bump_id) refuse(check, input.options ?? {}, input.image_id != null);
  return { value: check.variant, bumpId: check.bump_id };
}

export async function updateVariant(db: Database, adminId: number, productId: number, variantId: number, input: Partial<VariantInput>): Promise<Written<VariantRow>> {
  const options = input.options === undefined ? null : JSON.stringify(input.options);
  const imageGiven = input.image_id !== undefined;
  const [, , , { rows }] = await db
    .batch([
      adminCheck(db, adminId),
      ...lockProduct(db, productId),
      db.execute<VariantCheck>(sql`
        with p as (select id, options from products where id = ${productId} and ${liveProduct}),
        target as (select * from variants where id = ${variantId} and product_id = ${productId} and deleted_at is null and exists (select 1 from p)),
        others as (select options, price, stock from variants where product_id = ${productId} and deleted_at is null and id <> ${variantId}),
        chk as (
          select exists (select 1 from p) as found, exists (select 1 from target) as variant_found,
                 coalesce((select ${fitsOptions(sql`coalesce(${options}::jsonb, target.options)`, sql`p.options`)} from p, target), false) as fits,
                 not exists (select 1 from others, target where others.options = coalesce(${options}::jsonb, target.options)) as unique_combo,
                 ${imageOk(productId, input.image_id)} as image_ok,
                 0 as variant_count),
        go as (select 1 from chk where found and variant_found and fits and unique_combo and image_ok),
        w as (
          update variants set
            sku = coalesce(${input.sku ?? null}::text, sku),
            options = coalesce(${options}::jsonb, options),
            price = coalesce(${input.price ?? null}::numeric, price),
            stock = coalesce(${input.stock ?? null}::int, stock),
            image_id = case when ${imageGiven} then ${input.image_id ?? null}::int else image_id end,
            updated_at = now()
          where id = ${variantId} and exists (select 1 from go)
          returning *),
        changed as (update products set ${aggregates("others", "w")}, updated_at = now() where id = ${productId} and exists (select 1 from w) returning id),
        ${bump}
        select chk.*, (select options from p) as product_options, ${variantOut} as variant, (select id from bump)::float8 as bump_id from chk`),
    ])
    .catch(rethrowSkuTaken);
  const check = rows[0]!;
  if (!check.variant || !check.bump_id) refuse(check, input.options ?? {}, imageGiven);
  return { value: check.variant, bumpId: check.bump_id };
}

/**
 * Variants that were ever ordered are soft-deleted (kept for order history, their SKU free again);
 * others are removed, and cart lines of them with them. The last live variant of a product stays (409).
 */
export async function deleteVariant(db: Database, adminId: number, productId: number, variantId: number): Promise<Written<null>> {
  const [, , , { rows }] = await db.batch([
    adminCheck(db, adminId),
    ...lockProduct(db, productId),
    db.execute<{ found: boolean; has_others: boolean; bump_id: number | null }>(sql`
      with target as (
        select id, exists (select 1 from order_items where variant_id = variants.id) as ordered from variants
        where id = ${variantId} and product_id = ${productId} and deleted_at is null
          and exists (select 1 from products where id = ${productId} and ${liveProduct})),
      others as (select price, stock from variants where product_id = ${productId} and deleted_at is null and id <> ${variantId}),
      go as (select * from target where exists (select 1 from others)),
      soft as (update variants set deleted_at = now(), updated_at = now() where id in (select id from go where ordered) returning id),
      hard as (delete from variants where id in (select id from go where not ordered) returning id),
      gone as (select id from soft union all select id from hard),
      changed as (
        update products set price = (select min(price) from others), stock = (select coalesce(sum(stock), 0)::int from others), updated_at = now()
        where id = ${productId} and exists (select 1 from gone) returning id),
      ${bump}
      select exists (select 1 from target) as found, exists (select 1 from others) as has_others, (select id from bump)::float8 as bump_id`),
  ]);
  const row = rows[0]!;
  if (!row.found) throw notFound("Variant");
  if (!row.has_others || !row.bump_id) throw conflict("last-variant", "A product keeps at least one variant: delete the product instead.");
  return { value: null, bumpId: row.bump_id };
}

/** `{delta}` or `{stock}` for one variant, as for a product's stock: one statement, never below 0 (409). */
export async function changeVariantStock(db: Database, adminId: number, variantId: number, change: { delta: number } | { stock: number }): Promise<Written<VariantRow>> {
  const [, { rows }] = await db.batch([adminCheck(db, adminId), variantStockStatement(db, sql`v.id = ${variantId}` as SQL, change)]);
  const row = rows[0]!;
  if (row.variant && row.bump_id) return { value: row.variant, bumpId: row.bump_id };
  if (row.current === null) throw notFound("Variant");
  refuseStock(change, row.product_id ?? 0, row.current, row.name ?? "", variantId);
}
