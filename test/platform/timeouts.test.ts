import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, newUser, type ApiResponse } from "../helpers/api";
import { openTransaction, sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin, stockOf } from "../helpers/fixtures";

// Every database session has lock_timeout 500 ms and statement_timeout 800 ms (drizzle/0003), so
// nothing an outsider triggers waits on a lock or holds one for long; a request cut short by them
// is a 503 naming db (API.md, Conventions), never a 500.

let admin: Awaited<ReturnType<typeof newAdmin>>;
let categoryId: number;

beforeAll(async () => {
  admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
});

/** A 503 problem that names the database and says when to retry, answered long before the 5 s client timeout. */
function expectDbUnavailable(res: ApiResponse, startedAt: number) {
  const problem = expectProblem(res, 503);
  expect(problem.detail).toMatch(/\bdb\b/);
  expect(res.body).toMatchObject({ db: "down" });
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  // lock_timeout ends the wait, not the Worker's 5 s timeout for a database that does not answer.
  expect(Date.now() - startedAt).toBeLessThan(4000);
}

async function timed(request: () => Promise<ApiResponse>) {
  const startedAt = Date.now();
  return { res: await request(), startedAt };
}

describe("a product row locked by someone else", () => {
  it("makes a stock change, a checkout and a cart add answer 503 within the lock timeout, and they work once it is released", async () => {
    const p = await createProduct(admin.token, categoryId, { stock: 5 });
    const user = await newUser("locked");
    const other = await newUser("locked");
    expect((await api("POST", "/api/cart/items", { token: user.token, body: { product_id: p.id, quantity: 2 } })).status).toBe(200);

    const tx = await openTransaction();
    try {
      await tx.query("select 1 from products where id = $1 for update", [p.id]);
      const stock = await timed(() => api("POST", `/api/products/${p.id}/stock`, { token: admin.token, body: { delta: 1 } }));
      expectDbUnavailable(stock.res, stock.startedAt);
      const order = await timed(() => api("POST", "/api/orders", { token: user.token }));
      expectDbUnavailable(order.res, order.startedAt);
      // A cart line's foreign-key check needs a share lock on the product row.
      const add = await timed(() => api("POST", "/api/cart/items", { token: other.token, body: { product_id: p.id } }));
      expectDbUnavailable(add.res, add.startedAt);
    } finally {
      await tx.end();
    }

    // Nothing was half done, and everything works again.
    expect(await stockOf(p.id)).toBe(5);
    expect(await sql("select id from orders where user_id = $1", [user.id])).toHaveLength(0);
    expect((await api("POST", `/api/products/${p.id}/stock`, { token: admin.token, body: { delta: 1 } })).body.stock).toBe(6);
    expect((await api("POST", "/api/orders", { token: user.token })).status).toBe(201);
    expect((await api("POST", "/api/cart/items", { token: other.token, body: { product_id: p.id } })).status).toBe(200);
    expect(await stockOf(p.id)).toBe(4);
  });
});
