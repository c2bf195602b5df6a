// npm run seed -- --products 1000000 --categories 200
// npm run seed -- --products 250000 --variants-per-product 4   (a million variants)
// Uses DATABASE_URL/REDIS_URL, else the running `npm run dev` stack.
// Bulk-creates a large catalog for benchmarks: server-side generate_series in 50k-product statements.
// Each product gets its variants and its picture in the same statement:
// - by default one variant with the product's id, or, for every 20th product, Size S/M/L variants;
// - with --variants-per-product N (2–100), every product has options Size (N values) and Colour
//   (its own colour: 1 product in 8 per colour) and N variants, one per size.
// A product's price is its variants' lowest and its stock their sum. Its picture (--images 0 for
// none) is one of the demo pictures (scripts/lib/demo-images), referenced by content key: `npm run dev`
// has those bytes in its bucket already.
// Large loads run in one transaction that drops the secondary indexes and foreign keys of the tables
// it fills and sets their insert triggers aside (this script writes every variant and option pair itself),
// and restores them at the end from their own definitions: building an index once, and checking a
// foreign key in one join, is far cheaper than doing either row by row. Reads of products wait for
// that transaction, so seed before you benchmark.
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { pngSize } from "../src/images/image-format.ts";
import { DEMO_PICTURES, demoPictureBytes } from "./lib/demo-images/index.ts";
import { localUrls } from "./lib/local-stack.ts";
import { bumpCatalogVersionDirect } from "./lib/redis-version.ts";

const { values } = parseArgs({
  options: {
    products: { type: "string", default: "100000" },
    categories: { type: "string", default: "200" },
    "variants-per-product": { type: "string" },
    images: { type: "string", default: "1" },
    batch: { type: "string", default: "50000" },
    "keep-indexes": { type: "boolean", default: false },
  },
});
const products = Number(values.products);
const categories = Number(values.categories);
const perProduct = values["variants-per-product"] === undefined ? null : Number(values["variants-per-product"]);
const imagesPer = Number(values.images);
const batch = Number(values.batch);
const { databaseUrl: url, redisUrl } = localUrls();
const whole = (n: number, min: number, max = Infinity) => Number.isInteger(n) && n >= min && n <= max;
if (!url || !whole(products, 0) || !whole(categories, 1) || (perProduct !== null && !whole(perProduct, 1, 100)) || !whole(imagesPer, 0, 8) || !whole(batch, 1)) {
  console.error(
    "usage: npm run seed -- --products 1000000 --categories 200 [--variants-per-product 1..100] [--images 0..8] (with `npm run dev` running, or DATABASE_URL=postgres://… set)",
  );
  process.exit(1);
}

function bar(done: number, total: number, started: number): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  const secs = (Date.now() - started) / 1000;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done.toLocaleString()}/${total.toLocaleString()} ${secs.toFixed(1)}s`;
}

const COLOURS = ["Red", "Blue", "Green", "Steel", "Oak", "Linen", "Glass", "Amber"];
const SIZES = ["XS", "S", "M", "L", "XL", "2XL", "3XL", "4XL"];
/** The n sizes of a product with n variants: the named ones, then "Size 9", "Size 10", … */
const sizes = (n: number) => Array.from({ length: n }, (_, i) => SIZES[i] ?? `Size ${i + 1}`);

/** The demo pictures as image rows: the key is their SHA-256 (what an upload of the same bytes stores). */
const pictures = DEMO_PICTURES.map((picture) => {
  const bytes = demoPictureBytes(picture);
  const size = pngSize(bytes)!;
  return { key: createHash("sha256").update(bytes).digest("hex"), width: size.width, height: size.height, byte_size: bytes.byteLength, alt: picture.alt };
});

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const textArray = (items: string[]) => `array[${items.map(literal).join(", ")}]`;
const jsonbArray = (items: string[]) => `${textArray(items)}::jsonb[]`;

/** What options look like in rows, built once here: each row then takes its value from a small array (cheaper than building JSON per row). */
const optionValues = {
  /** A product's options, by its colour (index into COLOURS). */
  product: COLOURS.map((colour) => JSON.stringify(perProduct === null || perProduct === 1 ? [] : [{ name: "Size", values: sizes(perProduct) }, { name: "Colour", values: [colour] }])),
  /** A variant's options, at colour × perProduct + size. */
  variant: perProduct === null || perProduct === 1 ? [] : COLOURS.flatMap((colour) => sizes(perProduct).map((size) => JSON.stringify({ Size: size, Colour: colour }))),
};

/**
 * The variants of the products in `p` (id, n: the product's number, c: its colour, price, stock).
 * Without `perProduct`: the default shape. With it: `perProduct` variants each, the
 * first at the product's price, the others a little dearer, the stock split between them.
 */
function variantsSql(): string {
  if (perProduct === null) {
    return `plain as (
       insert into variants (id, product_id, sku, price, stock)
       select id, id, 'SKU-' || id, price, stock from p where n % 20 <> 0),
     sized as (
       insert into variants (product_id, sku, options, price, stock, position)
       select p.id, 'SKU-' || p.id || '-' || s.size, jsonb_build_object('Size', s.size), p.price + s.extra,
              case when s.position < 2 then p.stock / 3 else p.stock - 2 * (p.stock / 3) end, s.position
       from p cross join (values ('S', 0, 0.00), ('M', 1, 0.00), ('L', 2, 2.00)) as s(size, position, extra)
       where p.n % 20 = 0)`;
  }
  if (perProduct === 1) return `plain as (insert into variants (id, product_id, sku, price, stock) select id, id, 'SKU-' || id, price, stock from p)`;
  const k = perProduct;
  return `sized as (
     insert into variants (product_id, sku, options, price, stock, position)
     select p.id, 'SKU-' || p.id || '-' || i, (${jsonbArray(optionValues.variant)})[1 + p.c * ${k} + i], p.price + least(i, 1) * (i % 3),
            case when i < ${k - 1} then p.stock / ${k} else p.stock - ${k - 1} * (p.stock / ${k}) end, i
     from p cross join generate_series(0, ${k - 1}) i)`;
}

/** A product's options: none, Size S/M/L for every 20th (default shape), or by its colour. */
const optionsSql = () => (perProduct === null ? `case when n % 20 = 0 then '[{"name":"Size","values":["S","M","L"]}]'::jsonb else '[]'::jsonb end` : `(${jsonbArray(optionValues.product)})[1 + c]`);

/** Its variants' `name:value` pairs (products.option_values, which the trigger on variants would otherwise write row by row). */
function optionPairsSql(): string {
  if (perProduct === null) return `case when n % 20 = 0 then ${textArray(["Size:L", "Size:M", "Size:S"])} else '{}'::text[] end`;
  if (perProduct === 1) return `'{}'::text[]`;
  return `${textArray(sizes(perProduct).map((size) => `Size:${size}`))} || ('Colour:' || (${textArray(COLOURS)})[1 + c])`;
}

// Bulk loads outlast the database's statement_timeout for ordinary sessions (drizzle/0003): lift it here.
const client = new pg.Client({ connectionString: url, options: "-c statement_timeout=0 -c lock_timeout=0" });
await client.connect();
const started = Date.now();
// Below this many rows index maintenance costs less than a rebuild of the whole table's indexes.
const rebuild = !values["keep-indexes"] && products >= 100_000;
const tables = ["products", "variants", "product_images"];
const phases: string[] = [];
const phase = (what: string, since: number) => phases.push(`${what} ${((Date.now() - since) / 1000).toFixed(1)} s`);
try {
  await client.query("begin");
  let t = Date.now();
  const { rows: indexes } = rebuild
    ? await client.query<{ name: string; definition: string }>(
        `select i.indexname as name, i.indexdef as definition from pg_indexes i
         where i.schemaname = current_schema() and i.tablename = any($1)
           and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.contype in ('p', 'u'))`,
        [tables],
      )
    : { rows: [] };
  const { rows: foreignKeys } = rebuild
    ? await client.query<{ table: string; name: string; definition: string }>(
        `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
         where contype = 'f' and conrelid = any(select (current_schema() || '.' || t)::regclass from unnest($1::text[]) t)`,
        [tables],
      )
    : { rows: [] };
  // The insert triggers that are on (products' default variant, variants' option pairs): this
  // script writes what they would. Update triggers (stock versions) never fire here.
  const { rows: triggers } = rebuild
    ? await client.query<{ table: string; name: string }>(
        `select tgrelid::regclass::text as table, tgname as name from pg_trigger
         where tgrelid = any(select (current_schema() || '.' || t)::regclass from unnest($1::text[]) t) and not tgisinternal and tgenabled <> 'D' and tgtype & 4 = 4`,
        [tables],
      )
    : { rows: [] };
  for (const fk of foreignKeys) await client.query(`alter table ${fk.table} drop constraint ${client.escapeIdentifier(fk.name)}`);
  for (const index of indexes) await client.query(`drop index ${client.escapeIdentifier(index.name)}`);
  for (const trigger of triggers) await client.query(`alter table ${trigger.table} disable trigger ${client.escapeIdentifier(trigger.name)}`);
  if (rebuild) phase(`dropped ${indexes.length} indexes, ${foreignKeys.length} foreign keys and ${triggers.length} insert trigger(s) in`, t);
  const run = Date.now().toString(36);
  // Categories named per run so seeding twice adds rather than collides.
  const { rows: cats } = await client.query<{ id: number }>(
    `insert into categories (name, description)
     select 'Seed ' || $1 || ' #' || g, 'Generated category ' || g from generate_series(1, $2::int) g
     returning id`,
    [run, categories],
  );
  const firstCategory = Math.min(...cats.map((c) => c.id));
  const imagesSql =
    imagesPer === 0
      ? ""
      : `, pictures as (
           insert into product_images (product_id, key, content_type, width, height, byte_size, alt, position)
           select p.id, pic.key, 'image/png', pic.width, pic.height, pic.byte_size, pic.alt, k - 1
           from p cross join generate_series(1, ${imagesPer}) k
           join (values ${pictures.map((pic, i) => `(${i}, ${literal(pic.key)}, ${pic.width}, ${pic.height}, ${pic.byte_size}, ${literal(pic.alt)})`).join(", ")}) as pic(i, key, width, height, byte_size, alt)
             on pic.i = (p.n + k) % ${pictures.length})`;
  t = Date.now();
  for (let offset = 0; offset < products; offset += batch) {
    const n = Math.min(batch, products - offset);
    // Prices 0.99–999.99 with a long tail; about 8% out of stock; created_at spread over a year. The
    // products' ids are drawn first, so their variants and pictures are written beside them.
    await client.query(
      `with p as materialized (
         select nextval('products_id_seq')::int as id, o + g as n, (o + g) % 8 as c,
                round((0.99 + power(random(), 3) * 999)::numeric, 2) as price,
                case when random() < 0.08 then 0 else (random() * 500)::int end as stock
         from generate_series(1, $2::int) g, (select $1::int as o) s),
       product as (
         insert into products (id, name, description, price, stock, category_id, options, option_values, created_at, updated_at) overriding system value
         select id, 'Product ' || n || ' ' || (${textArray(COLOURS)})[1 + c], 'Generated product ' || n, price, stock, $3::int + (n % $4::int), ${optionsSql()}, ${optionPairsSql()},
                now() - (random() * interval '365 days'), now()
         from p),
       ${variantsSql()}${imagesSql}
       select 1`,
      [offset, n, firstCategory, categories],
    );
    process.stdout.write(`\r${bar(offset + n, products, started)}`);
  }
  process.stdout.write("\n");
  phase("rows written in", t);
  // The pairs the filter may look for (the variants' trigger records them when it is on).
  const pairs = perProduct === null ? ["Size:S", "Size:M", "Size:L"] : perProduct === 1 ? [] : [...sizes(perProduct).map((size) => `Size:${size}`), ...COLOURS.map((c) => `Colour:${c}`)];
  await client.query("insert into option_pairs (pair) select unnest($1::text[]) on conflict do nothing", [pairs]);
  if (rebuild) {
    t = Date.now();
    await client.query("set local maintenance_work_mem = '512MB'");
    for (const index of indexes) await client.query(index.definition);
    phase(`${indexes.length} indexes rebuilt in`, t);
    t = Date.now();
    for (const fk of foreignKeys) await client.query(`alter table ${fk.table} add constraint ${client.escapeIdentifier(fk.name)} ${fk.definition}`);
    for (const trigger of triggers) await client.query(`alter table ${trigger.table} enable trigger ${client.escapeIdentifier(trigger.name)}`);
    phase(`${foreignKeys.length} foreign keys checked in`, t);
  }
  await client.query("commit");
  t = Date.now();
  // VACUUM sets the visibility map, so counts and keyset pages can use index-only scans.
  for (const table of tables) await client.query(`vacuum analyze ${table}`);
  phase("vacuum analyze", t);
  await bumpCatalogVersionDirect(redisUrl);
  const sized = Math.floor(products / 20);
  const variants = perProduct === null ? products + 2 * sized : products * perProduct;
  console.log(phases.join("; "));
  console.log(
    `seeded ${products.toLocaleString()} products with ${variants.toLocaleString()} variants and ${(products * imagesPer).toLocaleString()} pictures in ${categories} categories in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (err) {
  await client.query("rollback").catch(() => undefined);
  throw err;
} finally {
  await client.end();
}
