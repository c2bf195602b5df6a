import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { api, newUser } from "../helpers/api";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";
import { owedBump } from "../../src/catalog/catalog-version";
import { redisCommand } from "../helpers/redis";
import { callWorker, REDIS_DOWN } from "../helpers/worker";

let admin: Awaited<ReturnType<typeof newAdmin>>;
let categoryId: number;

beforeAll(async () => {
  admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
});

/** Calls the Worker as if Redis did not answer. */
const withRedisDown = (method: string, path: string, token: string, body: unknown) =>
  callWorker(
    new Request(`http://shop.test${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }),
    REDIS_DOWN,
  );

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("catalog cache version", () => {
  it("never serves an entry from before the version key was lost", async () => {
    const p = await createProduct(admin.token, categoryId, { price: "1.00" });
    const path = `/api/products/${p.id}`;
    // An entry stamped while the version key is missing, the way a fresh or flushed Redis starts.
    const before = Date.now() * 1000;
    await redisCommand("DEL", "catalog:ver");
    expect((await api("GET", path)).headers.get("x-cache")).toBe("miss");
    // The miss seeds the key after its response went out (or a concurrent read did): wait for it.
    await waitUntil(async () => Number(await redisCommand("GET", "catalog:ver")) >= before, 5000);
    expect((await api("PATCH", path, { token: admin.token, body: { price: "2.00" } })).status).toBe(200);
    // The key is lost again (eviction, flush): a restart of the count must not match the old stamp.
    await redisCommand("DEL", "catalog:ver");
    const res = await api("GET", path);
    expect(res.headers.get("x-cache")).toBe("miss");
    expect(res.body.price).toBe("2.00");
  });

  it("does not serve a stale entry after a write whose version bump Redis refused", async () => {
    const p = await createProduct(admin.token, categoryId, { price: "5.00", stock: 3 });
    const path = `/api/products/${p.id}`;
    await api("GET", path);
    const cached = await api("GET", path);
    expect(cached.headers.get("x-cache")).toBe("hit");
    const etag = cached.headers.get("etag")!;
    // The write commits in Postgres while Redis does not answer; the entry above survives in Redis.
    const write = await withRedisDown("PATCH", path, admin.token, { price: "6.50" });
    expect(write.status).toBe(200);
    const res = await api("GET", path);
    expect(res.body.price).toBe("6.50");
    expect(res.headers.get("x-cache")).not.toBe("hit");
    expect((await api("GET", path, { headers: { "if-none-match": etag } })).status).toBe(200);
  });

  it("keeps a bump owed while the reads that carry it still find Redis down", async () => {
    const p = await createProduct(admin.token, categoryId, { price: "3.00" });
    const path = `/api/products/${p.id}`;
    await api("GET", path);
    expect((await api("GET", path)).headers.get("x-cache")).toBe("hit");
    expect((await withRedisDown("PATCH", path, admin.token, { price: "3.50" })).status).toBe(200);
    // This isolate now owes the bump (the keeper may pay it too, from its own invocation).
    expect(owedBump()).not.toBeNull();
    // A read during the outage carries the bump, fails to reach Redis and answers from Postgres:
    // the bump must still be owed, or the first read after recovery would serve the old entry.
    const during = await withRedisDown("GET", path, admin.token, undefined);
    expect(during.headers.get("x-cache")).toBe("bypass");
    expect(((await during.json()) as { price: string }).price).toBe("3.50");
    expect(owedBump()).not.toBeNull();
    const after = await api("GET", path);
    expect(after.body.price).toBe("3.50");
    expect(owedBump()).toBeNull();
  });

  it("pays an owed bump from the keeper as soon as Redis answers", async () => {
    await api("GET", "/api/categories"); // makes sure the version exists
    const before = Number(await redisCommand("GET", "catalog:ver"));
    const keeper = env.CATALOG_VERSION_KEEPER.get(env.CATALOG_VERSION_KEEPER.idFromName("catalog"));
    await keeper.owe();
    await waitUntil(async () => Number(await redisCommand("GET", "catalog:ver")) > before, 5000);
  });
});

describe("cached product counts", () => {
  async function order(productId: number, quantity: number) {
    const buyer = await newUser("count");
    expect((await api("POST", "/api/cart/items", { token: buyer.token, body: { product_id: productId, quantity } })).status).toBe(200);
    const placed = await api("POST", "/api/orders", { token: buyer.token });
    expect(placed.status).toBe(201);
    return placed.body.id as number;
  }

  it("keeps the count through ordinary orders and changes it when stock reaches or leaves 0", async () => {
    const category = (await createCategory(admin.token)).id;
    const plenty = await createProduct(admin.token, category, { stock: 50 });
    const lastUnits = await createProduct(admin.token, category, { stock: 2 });
    const inStock = `/api/products?category=${category}&in_stock=true`;
    const first = await api("GET", inStock);
    expect(first.body.count).toBe(2);
    // One round trip: the page, its bounded count and the planner's estimate in one batch.
    expect(first.headers.get("x-db-round-trips")).toBe("1");
    expect(first.headers.get("x-db-statements")).toBe("3");

    // An order that leaves stock behind changes the page's stock but not which rows match: the page
    // is not recounted (a hit; or, if another file's admin write raised the version meanwhile, a
    // miss that reads the rows only, its count cached).
    await order(plenty.id, 1);
    const afterOrder = await api("GET", inStock);
    expect(afterOrder.body.results.find((p: { id: number }) => p.id === plenty.id).stock).toBe(49);
    expect(afterOrder.body.count).toBe(2);
    expect(Number(afterOrder.headers.get("x-db-statements") ?? 0)).toBeLessThanOrEqual(1);

    // Taking the last units changes membership: the count follows at once.
    const orderId = await order(lastUnits.id, 2);
    expect((await api("GET", inStock)).body.count).toBe(1);
    expect((await api("GET", `/api/products?category=${category}&in_stock=false`)).body.count).toBe(1);

    // Cancelling returns the units: back in stock, back in the count.
    expect((await api("PATCH", `/api/admin/orders/${orderId}`, { token: admin.token, body: { status: "cancelled" } })).status).toBe(200);
    expect((await api("GET", inStock)).body.count).toBe(2);
  });

  it("recounts after an admin write", async () => {
    const category = (await createCategory(admin.token)).id;
    await createProduct(admin.token, category, { name: "Counted Lamp" });
    const path = `/api/products?category=${category}&search=counted`;
    expect((await api("GET", path)).body.count).toBe(1);
    const second = await createProduct(admin.token, category, { name: "Counted Chair" });
    expect((await api("GET", path)).body.count).toBe(2);
    expect((await api("PATCH", `/api/products/${second.id}`, { token: admin.token, body: { name: "Plain Chair" } })).status).toBe(200);
    expect((await api("GET", path)).body.count).toBe(1);
  });
});
