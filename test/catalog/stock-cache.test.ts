import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { redisFor } from "../../src/lib/redis";
import { readConfig } from "../../src/env";
import { addAdvance, addFill, STOCK_CELLS_KEY } from "../../src/catalog/stock-cache";
import { api, newUser, type ApiResponse } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";
import { redisCommand } from "../helpers/redis";
import { callWorker, REDIS_DOWN } from "../helpers/worker";

// Orders and cancellations move stock, not the catalog's content: cached pages and details survive
// them (a hit after an order), while every answer shows the stock of the last committed order
// (src/catalog/stock-cache.ts, docs/design/caching.md).

type Variant = { id: number; stock: number; in_stock: boolean };
type Product = { id: number; stock: number; in_stock: boolean; variants: Variant[] };

let admin: Awaited<ReturnType<typeof newAdmin>>;
let categoryId: number;

beforeAll(async () => {
  admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
});

/** Reads until the answer is a hit: other files' admin writes raise the one catalog version at any time. */
async function hit<T = any>(path: string): Promise<ApiResponse<T>> {
  let res: ApiResponse<T>;
  for (let attempt = 1; ; attempt++) {
    res = await api<T>("GET", path);
    if (res.headers.get("x-cache") === "hit" || attempt === 6) return res;
  }
}

async function buy(lines: { variant_id?: number; product_id?: number; quantity: number }[]) {
  const buyer = await newUser("stock");
  for (const line of lines) expect((await api("POST", "/api/cart/items", { token: buyer.token, body: line })).status).toBe(200);
  const placed = await api("POST", "/api/orders", { token: buyer.token });
  expect(placed.status).toBe(201);
  return { buyer, orderId: placed.body.id as number };
}

const dbStock = async (productId: number) => (await sql<{ stock: number }>("select stock from products where id = $1", [productId]))[0]!.stock;

describe("stock apart from the cached content", () => {
  it("a cached detail and list stay hits through an order and a cancellation, and show the stock of each", async () => {
    const category = (await createCategory(admin.token)).id;
    const p = await createProduct(admin.token, category, { stock: 50 });
    const detail = `/api/products/${p.id}`;
    const list = `/api/products?category=${category}`;
    expect((await hit<Product>(detail)).headers.get("x-cache")).toBe("hit");
    expect((await hit(list)).headers.get("x-cache")).toBe("hit");

    const { buyer, orderId } = await buy([{ product_id: p.id, quantity: 3 }]);
    // Every answer after the order's response shows its stock, hit or not.
    for (const res of [await api<Product>("GET", detail), await hit<Product>(detail)]) expect([res.body.stock, res.body.variants[0]!.stock]).toEqual([47, 47]);
    const afterOrder = await hit<Product>(detail);
    expect(afterOrder.headers.get("x-cache")).toBe("hit");
    expect(afterOrder.headers.get("x-db-round-trips")).toBe("0");
    const listed = await hit(list);
    expect(listed.headers.get("x-cache")).toBe("hit");
    expect(listed.body.results[0].stock).toBe(47);

    expect((await api("POST", `/api/orders/${orderId}/cancel`, { token: buyer.token })).status).toBe(200);
    const afterCancel = await hit<Product>(detail);
    expect([afterCancel.headers.get("x-cache"), afterCancel.body.stock, afterCancel.body.variants[0]!.stock]).toEqual(["hit", 50, 50]);
    expect(await dbStock(p.id)).toBe(50);
  });

  it("follows each variant and the product's sum", async () => {
    const t = crypto.randomUUID().slice(0, 8);
    const made = await api<Product>("POST", "/api/products", {
      token: admin.token,
      body: {
        name: `Tee ${t}`,
        category_id: categoryId,
        options: [{ name: "Size", values: ["S", "M"] }],
        variants: [
          { sku: `ST-${t}-S`, options: { Size: "S" }, price: "10.00", stock: 5 },
          { sku: `ST-${t}-M`, options: { Size: "M" }, price: "11.00", stock: 7 },
        ],
      },
    });
    expect(made.status).toBe(201);
    const [small, medium] = made.body.variants as [Variant, Variant];
    const detail = `/api/products/${made.body.id}`;
    await hit(detail);
    await buy([{ variant_id: medium.id, quantity: 2 }]);
    const res = await hit<Product>(detail);
    expect(res.headers.get("x-cache")).toBe("hit");
    expect([res.body.stock, res.body.variants.map((v) => [v.id, v.stock, v.in_stock])]).toEqual([
      10,
      [
        [small.id, 5, true],
        [medium.id, 5, true],
      ],
    ]);
  });

  it("changes the ETag when stock moves: a conditional read with the old one gets the new stock", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 9 });
    const detail = `/api/products/${p.id}`;
    const before = await hit(detail);
    const etag = before.headers.get("etag")!;
    expect((await api("GET", detail, { headers: { "if-none-match": etag } })).status).toBe(304);
    await buy([{ product_id: p.id, quantity: 1 }]);
    const after = await api<Product>("GET", detail, { headers: { "if-none-match": etag } });
    expect([after.status, after.body.stock]).toEqual([200, 8]);
    expect(after.headers.get("etag")).not.toBe(etag);
  });

  it("shows the right stock after 6 simultaneous orders, whatever order their cache writes landed in", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 100 });
    const detail = `/api/products/${p.id}`;
    await hit(detail);
    const buyers = await Promise.all(Array.from({ length: 6 }, () => newUser("rush")));
    for (const b of buyers) expect((await api("POST", "/api/cart/items", { token: b.token, body: { product_id: p.id, quantity: 1 } })).status).toBe(200);
    const placed = await Promise.all(buyers.map((b) => api("POST", "/api/orders", { token: b.token })));
    expect(placed.map((r) => r.status)).toEqual(Array(6).fill(201));
    const res = await hit<Product>(detail);
    expect([res.body.stock, res.body.variants[0]!.stock, await dbStock(p.id)]).toEqual([94, 94, 94]);
  });

  it("does not show stock an order took while Redis refused its write", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 6 });
    const detail = `/api/products/${p.id}`;
    expect((await hit(detail)).body.stock).toBe(6);
    const buyer = await newUser("outage");
    expect((await api("POST", "/api/cart/items", { token: buyer.token, body: { product_id: p.id, quantity: 2 } })).status).toBe(200);
    // The order commits in Postgres while Redis does not answer: its cells stay behind in Redis.
    const placed = await callWorker(new Request("http://shop.test/api/orders", { method: "POST", headers: { authorization: `Bearer ${buyer.token}` } }), REDIS_DOWN);
    expect(placed.status).toBe(201);
    // This isolate owes the bump and pays it with its next read; the answer is Postgres's.
    expect((await api<Product>("GET", detail)).body.stock).toBe(4);
  });
});

describe("stock cells in Redis", () => {
  const redis = () => redisFor(readConfig(env));
  const cell = async (field: string) => (await redisCommand("HGET", STOCK_CELLS_KEY, field)) as string | null;

  it("keeps the newest stock whatever order a writer's and a read's fill reach Redis in, and never a cell of an older version", async () => {
    // Other files' admin writes may raise the version meanwhile (a writer then writes under the new
    // one): the run is repeated until one ran under a single version.
    for (let attempt = 1; ; attempt++) {
      const version = String(await redisCommand("GET", "catalog:ver"));
      const field = `v${900_000_000 + Math.floor(Math.random() * 90_000_000)}`;
      const seen: (string | null)[] = [];
      // An order (stock_version 4) lands first; a read that loaded before it (3) fills after it.
      await addAdvance(redis().pipeline(), [[field, 4, 39]]).exec();
      await addFill(redis().pipeline(), version, [[field, 3, 40]]).exec();
      seen.push(await cell(field));
      // Late writers of older values change nothing; a newer one moves the cell.
      await addAdvance(redis().pipeline(), [[field, 2, 41]]).exec();
      seen.push(await cell(field));
      await addAdvance(redis().pipeline(), [[field, 5, 38]]).exec();
      seen.push(await cell(field));
      // A fill from before a version bump cannot replace a cell of the newer version.
      await addFill(redis().pipeline(), String(Number(version) - 1), [[field, 9, 1]]).exec();
      seen.push(await cell(field));
      if (String(await redisCommand("GET", "catalog:ver")) !== version && attempt < 5) continue;
      expect(seen).toEqual([`${version}:4:39`, `${version}:4:39`, `${version}:5:38`, `${version}:5:38`]);
      return;
    }
  });

});
