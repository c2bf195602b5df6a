import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";

let admin: Awaited<ReturnType<typeof newAdmin>>;
let categoryId: number;

beforeAll(async () => {
  admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
});

const cartRows = (userId: number) => sql<{ product_id: number; quantity: number }>("select product_id, quantity from cart_items where user_id = $1 order by product_id", [userId]);

describe("cart", () => {
  it("adds, adds again to the same line, sets, removes and empties, with exact totals", async () => {
    const user = await newUser();
    const a = await createProduct(admin.token, categoryId, { price: "0.10", stock: 10 });
    const b = await createProduct(admin.token, categoryId, { price: "19.99", stock: 5 });
    expect((await api("GET", "/api/cart", { token: user.token })).body).toEqual({ items: [], total: "0.00" });
    let res = await api("POST", "/api/cart/items", { token: user.token, body: { product_id: a.id } });
    expect(res.status).toBe(200);
    res = await api("POST", "/api/cart/items", { token: user.token, body: { product_id: a.id, quantity: 2 } });
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ quantity: 3, line_total: "0.30", product: { id: a.id, price: "0.10", category: { id: categoryId } } });
    res = await api("POST", "/api/cart/items", { token: user.token, body: { product_id: b.id, quantity: 3 } });
    expect(res.body.total).toBe("60.27");
    res = await api("PATCH", `/api/cart/items/${b.id}`, { token: user.token, body: { quantity: 1 } });
    expect(res.body.total).toBe("20.29");
    res = await api("DELETE", `/api/cart/items/${a.id}`, { token: user.token });
    expect(res.body.items.map((i: { product: { id: number } }) => i.product.id)).toEqual([b.id]);
    expect((await api("DELETE", "/api/cart", { token: user.token })).status).toBe(204);
    expect(await cartRows(user.id)).toEqual([]);
  });

  it("rejects bad input and leaves the cart unchanged", async () => {
    const user = await newUser();
    const p = await createProduct(admin.token, categoryId, { stock: 2 });
    await api("POST", "/api/cart/items", { token: user.token, body: { product_id: p.id, quantity: 1 } });
    const before = await cartRows(user.id);
    expectProblem(await api("POST", "/api/cart/items", { token: user.token, body: { product_id: p.id, quantity: 2 } }), 409);
    expectProblem(await api("POST", "/api/cart/items", { token: user.token, body: { product_id: p.id, quantity: 0 } }), 400);
    expectProblem(await api("POST", "/api/cart/items", { token: user.token, body: { product_id: p.id, quantity: 1.5 } }), 400);
    expectProblem(await api("POST", "/api/cart/items", { token: user.token, body: { product_id: p.id, quantity: "2" } }), 400);
    expectProblem(await api("POST", "/api/cart/items", { token: user.token, body: { product_id: 999999999 } }), 404);
    expectProblem(await api("POST", "/api/cart/items", { token: user.token, body: { product_id: p.id, user_id: 1 } }), 400);
    expectProblem(await api("PATCH", `/api/cart/items/${p.id}`, { token: user.token, body: { quantity: 3 } }), 409);
    expectProblem(await api("PATCH", `/api/cart/items/${p.id}`, { token: user.token, body: { quantity: 0 } }), 400);
    expectProblem(await api("DELETE", `/api/cart/items/999999999`, { token: user.token }), 404);
    expect(await cartRows(user.id)).toEqual(before);
  });

  it("refuses a deleted product", async () => {
    const user = await newUser();
    const p = await createProduct(admin.token, categoryId);
    await sql("update products set deleted_at = now() where id = $1", [p.id]);
    expectProblem(await api("POST", "/api/cart/items", { token: user.token, body: { product_id: p.id } }), 404);
  });

  it("needs a token and keeps carts per user", async () => {
    expectProblem(await api("GET", "/api/cart"), 401);
    const [u1, u2] = [await newUser(), await newUser()];
    const p = await createProduct(admin.token, categoryId);
    await api("POST", "/api/cart/items", { token: u1.token, body: { product_id: p.id } });
    expect((await api("GET", "/api/cart", { token: u2.token })).body.items).toEqual([]);
    expectProblem(await api("DELETE", `/api/cart/items/${p.id}`, { token: u2.token }), 404);
    expect(await cartRows(u1.id)).toHaveLength(1);
  });
});
