// npm run seed -- --products 1000000 --categories 200
// Uses DATABASE_URL/REDIS_URL, else the running `npm run dev` stack.
// Bulk-creates a large catalog for benchmarks: server-side generate_series in 50k-row statements.
// Each product gets its variants in the same statement: one with the product's id, or, for every
// 20th product, Size S/M/L variants (the product's price their lowest, its stock their sum).
// Large loads run in one transaction that drops the secondary indexes of products and variants and rebuilds them
// at the end from their own definitions (building an index once is far cheaper than maintaining it
// row by row); reads of products wait for that transaction, so seed before you benchmark.
import { parseArgs } from "node:util";
import pg from "pg";
import { localUrls } from "./lib/local-stack.ts";
import { bumpCatalogVersionDirect } from "./lib/redis-version.ts";

const { values } = parseArgs({
  options: {
    products: { type: "string", default: "100000" },
    categories: { type: "string", default: "200" },
    batch: { type: "string", default: "50000" },
    "keep-indexes": { type: "boolean", default: false },
  },
});
const products = Number(values.products);
const categories = Number(values.categories);
const batch = Number(values.batch);
const { databaseUrl: url, redisUrl } = localUrls();
if (!url || !Number.isInteger(products) || products < 0 || !Number.isInteger(categories) || categories < 1) {
  console.error("usage: npm run seed -- --products 1000000 --categories 200 (with `npm run dev` running, or DATABASE_URL=postgres://… set)");
  process.exit(1);
}

function bar(done: number, total: number, started: number): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  const secs = (Date.now() - started) / 1000;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done.toLocaleString()}/${total.toLocaleString()} ${secs.toFixed(1)}s`;
}

// Bulk loads outlast the database's statement_timeout for ordinary sessions (drizzle/0003): lift it here.
const client = new pg.Client({ connectionString: url, options: "-c statement_timeout=0 -c lock_timeout=0" });
await client.connect();
const started = Date.now();
// Below this many rows index maintenance costs less than a rebuild of the whole table's indexes.
const rebuildIndexes = !values["keep-indexes"] && products >= 100_000;
try {
  await client.query("begin");
  const { rows: indexes } = rebuildIndexes
    ? await client.query<{ name: string; definition: string }>(
        `select indexname as name, indexdef as definition from pg_indexes
         where schemaname = current_schema() and tablename in ('products', 'variants') and indexname not in ('products_pkey', 'variants_pkey')`,
      )
    : { rows: [] };
  for (const index of indexes) await client.query(`drop index ${client.escapeIdentifier(index.name)}`);
  const run = Date.now().toString(36);
  // Categories named per run so seeding twice adds rather than collides.
  const { rows: cats } = await client.query<{ id: number }>(
    `insert into categories (name, description)
     select 'Seed ' || $1 || ' #' || g, 'Generated category ' || g from generate_series(1, $2::int) g
     returning id`,
    [run, categories],
  );
  const firstCategory = Math.min(...cats.map((c) => c.id));
  for (let offset = 0; offset < products; offset += batch) {
    const n = Math.min(batch, products - offset);
    // Prices 0.99–999.99 with a long tail; about 8% out of stock; created_at spread over a year.
    await client.query(
      `with p as (
         insert into products (name, description, price, stock, category_id, options, created_at, updated_at)
         select 'Product ' || (o + g) || ' ' || (array['Red','Blue','Green','Steel','Oak','Linen','Glass','Amber'])[1 + (o + g) % 8],
                'Generated product ' || (o + g),
                round((0.99 + power(random(), 3) * 999)::numeric, 2),
                case when random() < 0.08 then 0 else (random() * 500)::int end,
                $3::int + ((o + g) % $4::int),
                case when (o + g) % 20 = 0 then '[{"name":"Size","values":["S","M","L"]}]'::jsonb else '[]'::jsonb end,
                now() - (random() * interval '365 days'),
                now()
         from generate_series(1, $2::int) g, (select $1::int as o) s
         returning id, price, stock, options),
       plain as (
         insert into variants (id, product_id, sku, price, stock)
         select id, id, 'SKU-' || id, price, stock from p where options = '[]'::jsonb returning id)
       insert into variants (product_id, sku, options, price, stock, position)
       select p.id, 'SKU-' || p.id || '-' || s.size, jsonb_build_object('Size', s.size), p.price + s.extra,
              case when s.position < 2 then p.stock / 3 else p.stock - 2 * (p.stock / 3) end, s.position
       from p cross join (values ('S', 0, 0.00), ('M', 1, 0.00), ('L', 2, 2.00)) as s(size, position, extra)
       where p.options <> '[]'::jsonb`,
      [offset, n, firstCategory, categories],
    );
    process.stdout.write(`\r${bar(offset + n, products, started)}`);
  }
  process.stdout.write("\n");
  if (indexes.length) {
    const t = Date.now();
    await client.query("set local maintenance_work_mem = '512MB'");
    for (const index of indexes) await client.query(index.definition);
    console.log(`rebuilt ${indexes.length} indexes in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  await client.query("commit");
  // VACUUM sets the visibility map, so counts and keyset pages can use index-only scans.
  await client.query("vacuum analyze products");
  await client.query("vacuum analyze variants");
  await bumpCatalogVersionDirect(redisUrl);
  console.log(`seeded ${products.toLocaleString()} products in ${categories} categories in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  await client.query("rollback").catch(() => undefined);
  throw err;
} finally {
  await client.end();
}
