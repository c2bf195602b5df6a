import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, newUser } from "../helpers/api";
import { queuedBehindLock, sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin, stockOf } from "../helpers/fixtures";

// A cart becomes at most one order (the HTTP contract, Orders): of several simultaneous POST /api/orders of one
// user without an Idempotency-Key (a double click) exactly one is 201, and a line added while an
// order is being placed is either in that order or still in the cart, never lost.

let admin: Awaited<ReturnType<typeof newAdmin>>;
let categoryId: number;

beforeAll(async () => {
  admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
});

async function addToCart(token: string, productId: number, quantity: number) {
  const res = await api("POST", "/api/cart/items", { token, body: { product_id: productId, quantity } });
  if (res.status !== 200) throw new Error(`cart: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** Fires `n` checkouts at once; every answer must be 201, or 400 (empty cart) or 409, as problem+json. */
async function doubleClick(token: string, n: number) {
  const results = await Promise.all(Array.from({ length: n }, () => api("POST", "/api/orders", { token })));
  for (const res of results.filter((r) => r.status !== 201)) {
    expect([400, 409], JSON.stringify(res.body)).toContain(res.status);
    expectProblem(res, res.status);
  }
  return results;
}

const ordersOf = (userId: number) => sql<{ id: number }>("select id from orders where user_id = $1", [userId]);

describe("a double click", () => {
  it("places one order from 2 units of one product: one 201, stock taken once", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 10 });
    const user = await newUser("double");
    await addToCart(user.token, p.id, 2);
    const results = await doubleClick(user.token, 5);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(await ordersOf(user.id)).toHaveLength(1);
    expect(await stockOf(p.id)).toBe(8);
    const [sold] = await sql<{ n: number }>("select coalesce(sum(quantity), 0)::int as n from order_items where product_id = $1", [p.id]);
    expect(sold!.n).toBe(2);
    expect(await sql("select 1 from cart_items where user_id = $1", [user.id])).toHaveLength(0);
  });

  it("places one order also when all five clicks are in flight together", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 10 });
    const user = await newUser("double");
    await addToCart(user.token, p.id, 2);
    // The user's row is held a moment, so the five queue up behind it however fast each one is.
    const results = await queuedBehindLock("select 1 from users where id = $1 for update", [user.id], () =>
      Array.from({ length: 5 }, () => api("POST", "/api/orders", { token: user.token })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const res of results.filter((r) => r.status !== 201)) expect(expectProblem(res, 400).type).toBe("urn:problem:empty-cart");
    expect(await ordersOf(user.id)).toHaveLength(1);
    expect(await stockOf(p.id)).toBe(8);
  });

  it("places one order from a cart of several products", async () => {
    const products = await Promise.all([3, 5, 7].map((stock) => createProduct(admin.token, categoryId, { stock })));
    const user = await newUser("double");
    for (const p of products) await addToCart(user.token, p.id, 2);
    const results = await doubleClick(user.token, 5);
    const created = results.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    expect(created[0]!.body.items.map((i: { product_id: number; quantity: number }) => [i.product_id, i.quantity])).toEqual(products.map((p) => [p.id, 2]).sort((a, b) => a[0]! - b[0]!));
    expect(await ordersOf(user.id)).toHaveLength(1);
    expect(await Promise.all(products.map((p) => stockOf(p.id)))).toEqual([1, 3, 5]);
  });
});

describe("a line added while an order is being placed", () => {
  it("is in that order or still in the cart, never lost (20 rounds)", async () => {
    const ROUNDS = 20;
    const user = await newUser("racer");
    const kept = await createProduct(admin.token, categoryId, { stock: 100_000 });
    // One product per round that is not in the cart yet when the round starts (made in SQL: fast).
    const fresh = await sql<{ id: number }>(
      `insert into products (name, price, stock, category_id)
       select 'Race ' || g || ' ' || $2, 1.00, 1000, $1 from generate_series(1, $3) g returning id`,
      [categoryId, crypto.randomUUID().slice(0, 8), ROUNDS],
    );
    const added = new Map<number, number>();
    const count = (productId: number, quantity: number) => added.set(productId, (added.get(productId) ?? 0) + quantity);
    const statuses: number[] = [];

    for (let round = 0; round < ROUNDS; round++) {
      await addToCart(user.token, kept.id, 1);
      count(kept.id, 1);
      const newcomer = fresh[round]!.id;
      // The checkout and two adds at once: a product already in the cart, and one that is not.
      const [order, ...adds] = await Promise.all([
        api("POST", "/api/orders", { token: user.token }),
        api("POST", "/api/cart/items", { token: user.token, body: { product_id: kept.id, quantity: 2 } }),
        api("POST", "/api/cart/items", { token: user.token, body: { product_id: newcomer, quantity: 3 } }),
        api("POST", "/api/cart/items", { token: user.token, body: { product_id: kept.id, quantity: 1 } }),
      ]);
      statuses.push(order.status);
      // Paid at once: a user holds at most 5 unpaid orders, and this one places 20.
      if (order.status === 201) expect((await api("PATCH", `/api/admin/orders/${order.body.id}`, { token: admin.token, body: { status: "paid" } })).status).toBe(200);
      expect(adds.map((r) => r.status)).toEqual([200, 200, 200]);
      count(kept.id, 3);
      count(newcomer, 3);
    }
    // Every checkout found at least the line added before it.
    expect(statuses).toEqual(Array(ROUNDS).fill(201));

    const ordered = await sql<{ product_id: number; n: number }>(
      "select oi.product_id, sum(oi.quantity)::int as n from order_items oi join orders o on o.id = oi.order_id where o.user_id = $1 group by oi.product_id",
      [user.id],
    );
    const inCart = await sql<{ product_id: number; quantity: number }>("select product_id, quantity from cart_items where user_id = $1", [user.id]);
    const accounted = new Map<number, number>();
    for (const row of ordered) accounted.set(row.product_id, (accounted.get(row.product_id) ?? 0) + row.n);
    for (const row of inCart) accounted.set(row.product_id, (accounted.get(row.product_id) ?? 0) + row.quantity);
    expect(Object.fromEntries(accounted)).toEqual(Object.fromEntries(added));
    // Stock was taken for exactly what was ordered.
    const orderedOfKept = ordered.find((r) => r.product_id === kept.id)?.n ?? 0;
    expect(await stockOf(kept.id)).toBe(100_000 - orderedOfKept);
  });
});

describe("round trips", () => {
  it("places an order in one Postgres statement, and changes a status in one round trip", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 10 });
    const user = await newUser("trips");
    const add = await addToCart(user.token, p.id, 2);
    expect(add.headers.get("x-db-round-trips")).toBe("1");
    const placed = await api("POST", "/api/orders", { token: user.token });
    expect(placed.status).toBe(201);
    // One statement in one round trip: no lock can be held while the Worker waits for anything.
    expect(placed.headers.get("x-db-round-trips")).toBe("1");
    expect(placed.headers.get("x-db-statements")).toBe("1");
    // The catalog bump after the commit.
    expect(placed.headers.get("x-cache-round-trips")).toBe("1");
    const shipped = await api("PATCH", `/api/admin/orders/${placed.body.id}`, { token: admin.token, body: { status: "paid" } });
    expect(shipped.status).toBe(200);
    expect(shipped.headers.get("x-db-round-trips")).toBe("1");
    expect(shipped.headers.get("x-db-statements")).toBe("1");
    // A refused checkout and a refused move cost the same single round trip.
    const empty = await api("POST", "/api/orders", { token: user.token });
    expectProblem(empty, 400);
    expect(empty.headers.get("x-db-round-trips")).toBe("1");
    const illegal = await api("PATCH", `/api/admin/orders/${placed.body.id}`, { token: admin.token, body: { status: "pending" } });
    expectProblem(illegal, 409);
    expect(illegal.headers.get("x-db-round-trips")).toBe("1");
  });
});
