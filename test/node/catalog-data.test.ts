// The demo catalog (npm run dev / serve) and the bulk seed (npm run seed) write products with their
// variants as the API does: a product without options has one variant with its own id, and every
// product's price and stock are the lowest price and the sum of its live variants.
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensureDemoData } from "../../scripts/lib/demo.ts";
import { migrateDatabase } from "../../scripts/lib/migrate.ts";

const name = `catalog_data_${Date.now().toString(36)}`;
let url: string;

async function query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function admin(text: string) {
  const client = new pg.Client({ connectionString: inject("postgresUrl") });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`create database ${name}`);
  const u = new URL(inject("postgresUrl"));
  u.pathname = `/${name}`;
  url = u.toString();
  await migrateDatabase(url);
}, 120_000);

afterAll(async () => {
  await admin(`drop database if exists ${name} with (force)`);
});

/** Products that break an invariant of variants (none expected). */
const broken = () =>
  query<{ id: number }>(`
    select p.id from products p
    left join lateral (select count(*)::int n, min(price) lo, sum(stock)::int total, bool_or(v.id = p.id) own from variants v where v.product_id = p.id and v.deleted_at is null) a on true
    where p.deleted_at is null
      and (a.n = 0 or p.price <> a.lo or p.stock <> a.total or (p.options = '[]'::jsonb and (a.n <> 1 or not a.own)))`);

describe("catalog data written outside the API", () => {
  it("the demo catalog has a T-shirt with Size S/M/L variants, and every product its variants", async () => {
    const made = await ensureDemoData(url, null);
    expect(made.createdCatalog).toBe(true);
    const [shirt] = await query<{ id: number; price: string; stock: number; options: unknown }>("select id, price::text, stock, options from products where name = 'Logo T-Shirt'");
    expect(shirt).toMatchObject({ price: "19.00", stock: 25, options: [{ name: "Size", values: ["S", "M", "L"] }] });
    const sizes = await query<{ options: Record<string, string> }>("select options from variants where product_id = $1 order by position", [shirt!.id]);
    expect(sizes.map((v) => v.options.Size)).toEqual(["S", "M", "L"]);
    expect(await broken()).toEqual([]);
  });

  it("npm run seed gives each product one variant, and every 20th Size S/M/L variants", async () => {
    const before = (await query<{ n: number }>("select count(*)::int n from products"))[0]!.n;
    const root = path.resolve(import.meta.dirname, "../..");
    execFileSync(path.join(root, "node_modules/.bin/node"), ["scripts/seed.ts", "--products", "200", "--categories", "3"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, REDIS_URL: inject("redisUrl") },
      stdio: "pipe",
    });
    const [counts] = await query<{ products: number; sized: number }>(
      "select count(*)::int products, count(*) filter (where options <> '[]'::jsonb)::int sized from products",
    );
    expect(counts!.products - before).toBe(200);
    expect(counts!.sized).toBe(10 + 1);
    expect(await broken()).toEqual([]);
  }, 120_000);
});
