import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin, stockOf } from "../helpers/fixtures";

let admin: Awaited<ReturnType<typeof newAdmin>>;
let categoryId: number;

beforeAll(async () => {
  admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
});

async function userWithCart(lines: [number, number][]) {
  const user = await newUser();
  for (const [productId, quantity] of lines) {
    const res = await api("POST", "/api/cart/items", { token: user.token, body: { product_id: productId, quantity } });
    if (res.status !== 200) throw new Error(`cart: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return user;
}

describe("placing an order", () => {
  it("takes stock, snapshots prices, totals exactly, empties the cart and records history", async () => {
    const a = await createProduct(admin.token, categoryId, { price: "0.10", stock: 10 });
    const b = await createProduct(admin.token, categoryId, { price: "19.99", stock: 5 });
    const user = await userWithCart([[a.id, 3], [b.id, 2]]);
    const res = await api("POST", "/api/orders", { token: user.token });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: "pending",
      total: "40.28",
      items: [
        { product_id: a.id, name: a.name, unit_price: "0.10", quantity: 3, line_total: "0.30" },
        { product_id: b.id, name: b.name, unit_price: "19.99", quantity: 2, line_total: "39.98" },
      ],
    });
    expect(await stockOf(a.id)).toBe(7);
    expect(await stockOf(b.id)).toBe(3);
    expect((await api("GET", "/api/cart", { token: user.token })).body.items).toEqual([]);
    // A later price change does not touch the order.
    await api("PATCH", `/api/products/${b.id}`, { token: admin.token, body: { price: "25.00" } });
    const again = await api("GET", `/api/orders/${res.body.id}`, { token: user.token });
    expect(again.body.items[1].unit_price).toBe("19.99");
    const history = await sql<{ from_status: string | null; to_status: string }>("select from_status, to_status from order_status_history where order_id = $1", [res.body.id]);
    expect(history).toEqual([{ from_status: null, to_status: "pending" }]);
    // The catalog cache shows the new stock at once.
    expect((await api("GET", `/api/products/${a.id}`)).body.stock).toBe(7);
  });

  it("answers 400 for an empty cart", async () => {
    const user = await newUser();
    expectProblem(await api("POST", "/api/orders", { token: user.token }), 400);
  });

  it("answers 409 naming every short product, takes nothing, and never orders a deleted product", async () => {
    const a = await createProduct(admin.token, categoryId, { stock: 5 });
    const b = await createProduct(admin.token, categoryId, { stock: 5 });
    const c = await createProduct(admin.token, categoryId, { stock: 5 });
    const user = await userWithCart([[a.id, 2], [b.id, 5], [c.id, 1]]);
    await sql("update products set stock = 1 where id = $1", [b.id]);
    await sql("update products set deleted_at = now() where id = $1", [c.id]);
    const res = await api("POST", "/api/orders", { token: user.token });
    const problem = expectProblem(res, 409) as unknown as { products: { product_id: number; available: number; requested: number }[] };
    // The deleted product left the cart (the HTTP contract, Cart): it is not short, it is simply not ordered.
    expect(problem.products).toEqual([{ product_id: b.id, name: b.name, requested: 5, available: 1 }]);
    expect(await stockOf(a.id)).toBe(5);
    expect(await stockOf(b.id)).toBe(1);
    expect((await api("GET", "/api/cart", { token: user.token })).body.items.map((i: { product: { id: number } }) => i.product.id)).toEqual([a.id, b.id]);
    expect(await sql("select id from orders where user_id = $1", [user.id])).toHaveLength(0);
    // With b back in stock the order takes a and b, and never c.
    await sql("update products set stock = 5 where id = $1", [b.id]);
    const placed = await api("POST", "/api/orders", { token: user.token });
    expect(placed.status).toBe(201);
    expect(placed.body.items.map((i: { product_id: number }) => i.product_id)).toEqual([a.id, b.id].sort((x, y) => x - y));
    expect(await stockOf(c.id)).toBe(5);
  });

  it("refuses fields such as total or status in the body", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 5 });
    const user = await userWithCart([[p.id, 1]]);
    expectProblem(await api("POST", "/api/orders", { token: user.token, body: { total: "0.01" } }), 400);
    expectProblem(await api("POST", "/api/orders", { token: user.token, body: { status: "delivered" } }), 400);
    expect(await stockOf(p.id)).toBe(5);
  });

  it("never oversells: 20 users race for 5 units → exactly 5 orders, stock 0, losers keep their carts", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 20 });
    const users = await Promise.all(Array.from({ length: 20 }, () => userWithCart([[p.id, 1]])));
    await sql("update products set stock = 5 where id = $1", [p.id]);
    const results = await Promise.all(users.map((u) => api("POST", "/api/orders", { token: u.token })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409)).toHaveLength(15);
    expect(await stockOf(p.id)).toBe(0);
    const losers = users.filter((_, i) => results[i]!.status === 409);
    for (const loser of losers.slice(0, 3)) expect((await api("GET", "/api/cart", { token: loser.token })).body.items).toHaveLength(1);
    const [sold] = await sql<{ n: number }>("select coalesce(sum(quantity), 0)::int as n from order_items where product_id = $1", [p.id]);
    expect(sold!.n).toBe(5);
  });
});

describe("amounts at the limit", () => {
  it("refuses an order whose total does not fit an order, takes nothing, and keeps the cart readable", async () => {
    const p = await createProduct(admin.token, categoryId, { price: "9999999999.99", stock: 1000 });
    const user = await userWithCart([[p.id, 200]]);
    const cart = await api("GET", "/api/cart", { token: user.token });
    expect(cart.status).toBe(200);
    expect(cart.body).toMatchObject({ items: [{ quantity: 200, line_total: "1999999999998.00" }], total: "1999999999998.00" });
    const res = await api("POST", "/api/orders", { token: user.token });
    expect(expectProblem(res, 409).type).toBe("urn:problem:order-total-too-large");
    expect(res.body).toMatchObject({ total: "1999999999998.00", max: "9999999999.99" });
    expect(await stockOf(p.id)).toBe(1000);
    expect(await sql("select id from orders where user_id = $1", [user.id])).toHaveLength(0);
    expect((await api("GET", "/api/cart", { token: user.token })).body.items).toHaveLength(1);
    // One unit fits exactly at the largest amount.
    expect((await api("PATCH", `/api/cart/items/${p.id}`, { token: user.token, body: { quantity: 1 } })).status).toBe(200);
    const placed = await api("POST", "/api/orders", { token: user.token });
    expect(placed.status).toBe(201);
    expect(placed.body.total).toBe("9999999999.99");
  });
});

describe("Idempotency-Key", () => {
  it("replays the first answer for the same key and body, and refuses another body", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 5 });
    const user = await userWithCart([[p.id, 1]]);
    const headers = { "idempotency-key": `key-${crypto.randomUUID()}` };
    const first = await api("POST", "/api/orders", { token: user.token, headers });
    expect(first.status).toBe(201);
    const second = await api("POST", "/api/orders", { token: user.token, headers });
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expectProblem(await api("POST", "/api/orders", { token: user.token, headers, body: { note: "other" } }), 409);
    expect(await stockOf(p.id)).toBe(4);
    // Keys are per user: another user may use the same key.
    const other = await userWithCart([[p.id, 1]]);
    const theirs = await api("POST", "/api/orders", { token: other.token, headers });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
  });

  it("creates one order when the same key is sent 10 times at once", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 50 });
    const user = await userWithCart([[p.id, 2]]);
    const headers = { "idempotency-key": `burst-${crypto.randomUUID()}` };
    const results = await Promise.all(Array.from({ length: 10 }, () => api("POST", "/api/orders", { token: user.token, headers })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await sql("select id from orders where user_id = $1", [user.id])).toHaveLength(1);
    expect(await stockOf(p.id)).toBe(48);
  });

  it("rejects a malformed key", async () => {
    const user = await newUser();
    expectProblem(await api("POST", "/api/orders", { token: user.token, headers: { "idempotency-key": "x".repeat(300) } }), 400);
  });
});

describe("history and cancellation", () => {
  it("lists own orders newest first, paginated, and hides other users' orders as 404", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 10 });
    const user = await newUser();
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      await api("POST", "/api/cart/items", { token: user.token, body: { product_id: p.id } });
      ids.push((await api("POST", "/api/orders", { token: user.token })).body.id);
    }
    const page1 = await api("GET", "/api/orders?page_size=2", { token: user.token });
    expect(page1.body.count).toBe(3);
    expect(page1.body.results.map((o: { id: number }) => o.id)).toEqual([ids[2], ids[1]]);
    expect(page1.body.results[0].items).toHaveLength(1);
    const page2 = await api("GET", `/api/orders?page_size=2&cursor=${encodeURIComponent(page1.body.next_cursor)}`, { token: user.token });
    expect(page2.body.results.map((o: { id: number }) => o.id)).toEqual([ids[0]]);
    const stranger = await newUser();
    expectProblem(await api("GET", `/api/orders/${ids[0]}`, { token: stranger.token }), 404);
    expectProblem(await api("POST", `/api/orders/${ids[0]}/cancel`, { token: stranger.token }), 404);
    expect((await api("GET", "/api/orders", { token: stranger.token })).body.results).toEqual([]);
    expectProblem(await api("GET", "/api/orders/999999999", { token: user.token }), 404);
  });

  it("cancels a pending order, returns its stock, and refuses to cancel twice", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 4 });
    const user = await userWithCart([[p.id, 3]]);
    const order = (await api("POST", "/api/orders", { token: user.token })).body;
    expect(await stockOf(p.id)).toBe(1);
    const res = await api("POST", `/api/orders/${order.id}/cancel`, { token: user.token });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe("cancelled");
    expect(await stockOf(p.id)).toBe(4);
    expectProblem(await api("POST", `/api/orders/${order.id}/cancel`, { token: user.token }), 409);
    const notes = await sql<{ to_status: string }>("select to_status from notifications where order_id = $1", [order.id]);
    expect(notes).toEqual([{ to_status: "cancelled" }]);
  });
});

describe("admin status changes", () => {
  it("moves pending → paid → shipped → delivered with history and notifications, and refuses other moves", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 4 });
    const user = await userWithCart([[p.id, 1]]);
    const order = (await api("POST", "/api/orders", { token: user.token })).body;
    expectProblem(await api("PATCH", `/api/admin/orders/${order.id}`, { token: user.token, body: { status: "paid" } }), 403);
    const bad = expectProblem(await api("PATCH", `/api/admin/orders/${order.id}`, { token: admin.token, body: { status: "shipped" } }), 409) as unknown as { allowed: string[] };
    expect(bad.allowed).toEqual(["paid", "cancelled"]);
    // An admin records an offline payment.
    const paid = (await api("PATCH", `/api/admin/orders/${order.id}`, { token: admin.token, body: { status: "paid" } })).body;
    expect(paid).toMatchObject({ status: "paid", payment_status: "paid", payment_method: "manual", amount_paid: order.total, expires_at: null });
    expectProblem(await api("POST", `/api/orders/${order.id}/cancel`, { token: user.token }), 409);
    expect((await api("PATCH", `/api/admin/orders/${order.id}`, { token: admin.token, body: { status: "shipped" } })).body.status).toBe("shipped");
    expect((await api("PATCH", `/api/admin/orders/${order.id}`, { token: admin.token, body: { status: "delivered" } })).body.status).toBe("delivered");
    expectProblem(await api("PATCH", `/api/admin/orders/${order.id}`, { token: admin.token, body: { status: "pending" } }), 409);
    expectProblem(await api("PATCH", `/api/admin/orders/${order.id}`, { token: admin.token, body: { status: "lost" } }), 400);
    expectProblem(await api("PATCH", `/api/admin/orders/999999999`, { token: admin.token, body: { status: "shipped" } }), 404);
    const history = await sql<{ from_status: string; to_status: string; changed_by: number }>("select from_status, to_status, changed_by from order_status_history where order_id = $1 order by id", [order.id]);
    expect(history.slice(1)).toEqual([
      { from_status: "pending", to_status: "paid", changed_by: admin.id },
      { from_status: "paid", to_status: "shipped", changed_by: admin.id },
      { from_status: "shipped", to_status: "delivered", changed_by: admin.id },
    ]);
    const notes = await sql<{ user_id: number; from_status: string; to_status: string }>("select user_id, from_status, to_status from notifications where order_id = $1 order by id", [order.id]);
    expect(notes).toEqual([
      { user_id: user.id, from_status: "pending", to_status: "paid" },
      { user_id: user.id, from_status: "paid", to_status: "shipped" },
      { user_id: user.id, from_status: "shipped", to_status: "delivered" },
    ]);
  });

  it("lets one of two racing PATCHes win: one 200, one 409, one history row, one notification", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 4 });
    const user = await userWithCart([[p.id, 1]]);
    const order = (await api("POST", "/api/orders", { token: user.token })).body;
    const results = await Promise.all([0, 1].map(() => api("PATCH", `/api/admin/orders/${order.id}`, { token: admin.token, body: { status: "paid" } })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await sql("select id from order_status_history where order_id = $1 and to_status = 'paid'", [order.id])).toHaveLength(1);
    expect(await sql("select id from notifications where order_id = $1", [order.id])).toHaveLength(1);
  });

  it("lists all orders with status and user filters", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 4 });
    const user = await userWithCart([[p.id, 1]]);
    const order = (await api("POST", "/api/orders", { token: user.token })).body;
    const res = await api("GET", `/api/admin/orders?user=${user.id}&status=pending`, { token: admin.token });
    expect(res.status).toBe(200);
    expect(res.body.results.map((o: { id: number; user_id: number }) => [o.id, o.user_id])).toEqual([[order.id, user.id]]);
    expect((await api("GET", `/api/admin/orders?user=${user.id}&status=shipped`, { token: admin.token })).body.results).toEqual([]);
    expectProblem(await api("GET", "/api/admin/orders?status=lost", { token: admin.token }), 400);
    expectProblem(await api("GET", "/api/admin/orders", { token: user.token }), 403);
  });

  it("restocks when an admin cancels", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 4 });
    const user = await userWithCart([[p.id, 4]]);
    const order = (await api("POST", "/api/orders", { token: user.token })).body;
    expect(await stockOf(p.id)).toBe(0);
    expect((await api("PATCH", `/api/admin/orders/${order.id}`, { token: admin.token, body: { status: "cancelled" } })).status).toBe(200);
    expect(await stockOf(p.id)).toBe(4);
  });
});
