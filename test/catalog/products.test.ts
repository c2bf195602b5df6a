import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";
import { callWorker, REDIS_DOWN } from "../helpers/worker";

let admin: Awaited<ReturnType<typeof newAdmin>>;
let categoryId: number;
let categoryName: string;
let fixture: { id: number; name: string; price: string; stock: number }[];

beforeAll(async () => {
  admin = await newAdmin();
  const cat = await createCategory(admin.token);
  categoryId = cat.id;
  categoryName = cat.name;
  const specs: [string, string, number][] = [
    ["Alpha Lamp", "5.00", 3],
    ["beta lamp", "12.50", 0],
    ["Gamma Chair", "12.50", 7],
    ["Delta 100% Desk", "99.99", 1],
    ["Epsilon chair", "0.99", 0],
  ];
  fixture = [];
  for (const [name, price, stock] of specs) fixture.push(await createProduct(admin.token, categoryId, { name, price, stock }));
});

const list = (query: string) => api("GET", `/api/products?category=${categoryId}&${query}`);
const names = (res: { body: { results: { name: string }[] } }) => res.body.results.map((p) => p.name);

describe("product reads", () => {
  it("returns the product shape with its category", async () => {
    const res = await api("GET", `/api/products/${fixture[0]!.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: fixture[0]!.id,
      name: "Alpha Lamp",
      description: "test",
      price: "5.00",
      stock: 3,
      in_stock: true,
      category: { id: categoryId, name: categoryName },
      options: [],
      variants: [{ id: fixture[0]!.id, sku: `SKU-${fixture[0]!.id}`, options: {}, price: "5.00", stock: 3, in_stock: true, image_id: null }],
      images: [],
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
  });

  it.each([
    ["min_price=12.50", ["beta lamp", "Gamma Chair", "Delta 100% Desk"]],
    ["max_price=12.5", ["Alpha Lamp", "beta lamp", "Gamma Chair", "Epsilon chair"]],
    ["min_price=1&max_price=13", ["Alpha Lamp", "beta lamp", "Gamma Chair"]],
    ["in_stock=true", ["Alpha Lamp", "Gamma Chair", "Delta 100% Desk"]],
    ["in_stock=false", ["beta lamp", "Epsilon chair"]],
    ["search=LAMP", ["Alpha Lamp", "beta lamp"]],
    ["search=100%25", ["Delta 100% Desk"]],
    ["search=_", []],
  ])("filters %s", async (query, expected) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(expected);
    expect(res.body.count).toBe(expected.length);
  });

  it.each([
    ["price", ["Epsilon chair", "Alpha Lamp", "beta lamp", "Gamma Chair", "Delta 100% Desk"]],
    ["-price", ["Delta 100% Desk", "Gamma Chair", "beta lamp", "Alpha Lamp", "Epsilon chair"]],
    ["name", ["Alpha Lamp", "Delta 100% Desk", "Epsilon chair", "Gamma Chair", "beta lamp"]],
    ["created_at", ["Alpha Lamp", "beta lamp", "Gamma Chair", "Delta 100% Desk", "Epsilon chair"]],
    ["-created_at", ["Epsilon chair", "Delta 100% Desk", "Gamma Chair", "beta lamp", "Alpha Lamp"]],
  ])("orders by %s (ties broken by id)", async (ordering, expected) => {
    const res = await list(`ordering=${ordering}`);
    expect(names(res)).toEqual(ordering === "name" ? [...expected].sort((a, b) => (a < b ? -1 : 1)) : expected);
  });

  it("pages with full next/previous links", async () => {
    const first = await list("page_size=2");
    expect(first.body.count).toBe(5);
    expect(names(first)).toEqual(["Alpha Lamp", "beta lamp"]);
    expect(first.body.previous).toBeNull();
    const next = new URL(first.body.next);
    expect(next.searchParams.get("page")).toBe("2");
    const second = await api("GET", `${next.pathname}${next.search}`);
    expect(names(second)).toEqual(["Gamma Chair", "Delta 100% Desk"]);
    expect(second.body.previous).toMatch(/page=1/);
    const last = await list("page_size=2&page=3");
    expect(last.body.next).toBeNull();
    expect(last.body.next_cursor).toBeNull();
  });

  it.each([
    "min_price=20&max_price=10",
    "ordering=stock",
    "page=0",
    "page_size=1000",
    "page_size=0",
    "page=abc",
    "min_price=abc",
    "min_price=1.234",
    "min_price=-1",
    "in_stock=maybe",
    "category=x",
    "cursor=forged.cursor",
  ])("rejects %s with 400", async (query) => {
    const problem = expectProblem(await list(query), 400);
    expect(problem.errors?.length).toBeGreaterThan(0);
  });

  it("hides and 404s soft-deleted products, keeping them for order history", async () => {
    const p = await createProduct(admin.token, categoryId, { name: "Ordered Thing" });
    const customer = await newUser();
    const [order] = await sql<{ id: number }>("insert into orders (user_id, subtotal, total) values ($1, 10.00, 10.00) returning id", [customer.id]);
    await sql("insert into order_items (order_id, product_id, variant_id, name, sku, unit_price, quantity) values ($1, $2, $2, 'Ordered Thing', 'SKU', 10.00, 1)", [order!.id, p.id]);
    expect((await api("DELETE", `/api/products/${p.id}`, { token: admin.token })).status).toBe(204);
    expectProblem(await api("GET", `/api/products/${p.id}`), 404);
    expect(names(await list("search=ordered"))).toEqual([]);
    const [row] = await sql<{ deleted_at: string | null }>("select deleted_at from products where id = $1", [p.id]);
    expect(row!.deleted_at).not.toBeNull();
  });

  it("hard-deletes a product that was never ordered", async () => {
    const p = await createProduct(admin.token, categoryId, { name: "Never Ordered" });
    expect((await api("DELETE", `/api/products/${p.id}`, { token: admin.token })).status).toBe(204);
    expect(await sql("select id from products where id = $1", [p.id])).toHaveLength(0);
  });
});

describe("keyset cursors", () => {
  it("walks every row exactly once while rows are inserted between pages", async () => {
    const cat = await createCategory(admin.token);
    const original: number[] = [];
    for (let i = 0; i < 7; i++) original.push((await createProduct(admin.token, cat.id, { name: `Walk ${i}`, price: `${(i % 3) + 1}.00` })).id);
    for (const ordering of ["id", "price", "-price", "name", "-created_at"]) {
      const seen: number[] = [];
      let res = await api("GET", `/api/products?category=${cat.id}&ordering=${ordering}&page_size=3&cursor=`);
      expect(res.status).toBe(400); // an empty cursor is not a cursor
      res = await api("GET", `/api/products?category=${cat.id}&ordering=${ordering}&page_size=3`);
      for (let guard = 0; guard < 10; guard++) {
        seen.push(...res.body.results.map((p: { id: number }) => p.id));
        if (!res.body.next_cursor) break;
        await createProduct(admin.token, cat.id, { name: `Walk late ${ordering} ${guard}`, price: "2.00" });
        res = await api("GET", `/api/products?category=${cat.id}&ordering=${ordering}&page_size=3&cursor=${encodeURIComponent(res.body.next_cursor)}`);
        expect(res.status).toBe(200);
        expect(res.body.count).toBeNull();
      }
      expect(new Set(seen).size).toBe(seen.length);
      for (const id of original) expect(seen).toContain(id);
    }
  });

  it("refuses a cursor used with another ordering or a tampered cursor", async () => {
    const res = await list("page_size=2&ordering=price");
    const cursor: string = res.body.next_cursor;
    expectProblem(await list(`page_size=2&ordering=name&cursor=${encodeURIComponent(cursor)}`), 400);
    const [payload, sig] = cursor.split(".");
    const tampered = `${payload!.slice(0, -2)}AA.${sig}`;
    expectProblem(await list(`page_size=2&ordering=price&cursor=${encodeURIComponent(tampered)}`), 400);
  });
});

describe("cache", () => {
  it("serves a repeat read from Redis with no SQL, and a write shows at once with a new ETag", async () => {
    const p = await createProduct(admin.token, categoryId, { name: "Cache Probe", price: "3.00" });
    const path = `/api/products?category=${categoryId}&search=cache%20probe`;
    const miss = await api("GET", path);
    expect(miss.headers.get("x-cache")).toBe("miss");
    expect(miss.headers.get("x-db-round-trips")).toBe("1");
    expect(miss.headers.get("x-cache-round-trips")).toBe("1");
    const hit = await api("GET", path);
    expect(hit.headers.get("x-cache")).toBe("hit");
    expect(hit.headers.get("x-db-round-trips")).toBe("0");
    expect(hit.headers.get("x-cache-round-trips")).toBe("1");
    expect(hit.body).toEqual(miss.body);
    const etag = hit.headers.get("etag")!;
    const notModified = await api("GET", path, { headers: { "if-none-match": etag } });
    expect(notModified.status).toBe(304);
    expect((await api("PATCH", `/api/products/${p.id}`, { token: admin.token, body: { price: "4.25" } })).status).toBe(200);
    const after = await api("GET", path);
    expect(after.headers.get("x-cache")).toBe("miss");
    expect(after.body.results[0].price).toBe("4.25");
    expect(after.headers.get("etag")).not.toBe(etag);
    expect((await api("GET", path, { headers: { "if-none-match": etag } })).status).toBe(200);
  });

  it("invalidates detail reads on a stock change", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 4 });
    await api("GET", `/api/products/${p.id}`);
    expect((await api("GET", `/api/products/${p.id}`)).headers.get("x-cache")).toBe("hit");
    expect((await api("POST", `/api/products/${p.id}/stock`, { token: admin.token, body: { delta: -4 } })).body.stock).toBe(0);
    const res = await api("GET", `/api/products/${p.id}`);
    expect(res.body).toMatchObject({ stock: 0, in_stock: false });
  });

  it("runs at most 2 SQL statements for a page of 100 products with categories", async () => {
    const cat = await createCategory(admin.token);
    await sql(
      "insert into products (name, price, stock, category_id) select 'Bulk ' || g, 1.00, 1, $1 from generate_series(1, 120) g",
      [cat.id],
    );
    const res = await api("GET", `/api/products?category=${cat.id}&page_size=100&ordering=-price`);
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(100);
    expect(res.body.results.every((p: { category: { name: string } }) => p.category.name === cat.name)).toBe(true);
    // The page, its categories and its count: one joined query in one round trip, never one per row.
    expect(res.headers.get("x-db-round-trips")).toBe("1");
  });

  it("answers from Postgres with 200 when Redis is unreachable", async () => {
    const res = await callWorker(new Request(`http://shop.test/api/products?category=${categoryId}&ordering=price`), REDIS_DOWN);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-cache")).toBe("bypass");
    const body = (await res.json()) as { results: { id: number }[] };
    const expected = await sql<{ id: number }>("select id from products where category_id = $1 and deleted_at is null order by price, id limit 10", [categoryId]);
    expect(body.results.map((p) => p.id)).toEqual(expected.map((r) => r.id));
  });
});

describe("admin writes", () => {
  it("keeps stock within 0 and 1,000,000,000: a delta past either end is 409 and changes nothing", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 1_000_000_000 });
    const over = await api("POST", `/api/products/${p.id}/stock`, { token: admin.token, body: { delta: 1_000_000_000 } });
    expect(expectProblem(over, 409).type).toBe("urn:problem:stock-limit");
    const under = await api("POST", `/api/products/${p.id}/stock`, { token: admin.token, body: { delta: -1_000_000_001 } });
    expectProblem(under, 400);
    expect((await sql<{ stock: number }>("select stock from products where id = $1", [p.id]))[0]!.stock).toBe(1_000_000_000);
    expect((await api("POST", `/api/products/${p.id}/stock`, { token: admin.token, body: { delta: -1 } })).body.stock).toBe(999_999_999);
    expect((await api("POST", `/api/products/${p.id}/stock`, { token: admin.token, body: { delta: 1 } })).body.stock).toBe(1_000_000_000);
  });

  it("validates product bodies and money", async () => {
    for (const body of [
      { name: "x", price: "1.999", category_id: categoryId },
      { name: "x", price: -1, category_id: categoryId },
      { name: "x", price: "abc", category_id: categoryId },
      { name: "x", price: "1.00", category_id: categoryId, stock: -1 },
      { name: "x", price: "1.00", category_id: categoryId, stock: 1.5 },
      { name: "x", price: "1.00", category_id: 999999999 },
      { name: "x", price: "1.00", category_id: categoryId, is_admin: true },
    ]) {
      expectProblem(await api("POST", "/api/products", { token: admin.token, body }), 400);
    }
    const ok = await api("POST", "/api/products", { token: admin.token, body: { name: "Float Price", price: 19.9, category_id: categoryId } });
    expect(ok.status).toBe(201);
    expect(ok.body.price).toBe("19.90");
  });

  it("refuses product writes from anonymous and ordinary users", async () => {
    const user = await newUser();
    const p = fixture[0]!;
    expectProblem(await api("PATCH", `/api/products/${p.id}`, { body: { price: "1.00" } }), 401);
    expectProblem(await api("PATCH", `/api/products/${p.id}`, { token: user.token, body: { price: "1.00" } }), 403);
    expectProblem(await api("POST", `/api/products/${p.id}/stock`, { token: user.token, body: { delta: 5 } }), 403);
    expectProblem(await api("DELETE", `/api/products/${p.id}`, { token: user.token }), 403);
    expect((await api("GET", `/api/products/${p.id}`)).body.price).toBe("5.00");
  });

  it("changes stock atomically: 10 concurrent removals of 1 from 5 → 5 succeed, stock 0", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 5 });
    const results = await Promise.all(Array.from({ length: 10 }, () => api("POST", `/api/products/${p.id}/stock`, { token: admin.token, body: { delta: -1 } })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    const [row] = await sql<{ stock: number }>("select stock from products where id = $1", [p.id]);
    expect(row!.stock).toBe(0);
    expect((await api("POST", `/api/products/${p.id}/stock`, { token: admin.token, body: { stock: 8 } })).body.stock).toBe(8);
    expectProblem(await api("POST", `/api/products/${p.id}/stock`, { token: admin.token, body: { stock: 1, delta: 1 } }), 400);
  });
});
