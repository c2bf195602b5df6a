import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, newUser } from "../helpers/api";
import { queuedBehindLock, sql } from "../helpers/db";
import { createCategory, newAdmin } from "../helpers/fixtures";

// A cart holds at most 100 lines (the HTTP contract, Cart): the 101st product is 409 `cart-full` and adds
// nothing; more of a product already there is fine; lines of deleted products do not count; and
// the limit holds for simultaneous adds. Every cart write is one round trip to Postgres.

const MAX_LINES = 100;

let categoryId: number;
/** Products made in SQL (fast): 100 to fill a cart, and spares to try the 101st with. */
let filler: number[];
let spare: number[];

beforeAll(async () => {
  const admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
  const rows = await sql<{ id: number }>(
    "insert into products (name, price, stock, category_id) select 'Limit ' || g, 2.50, 50, $1 from generate_series(1, $2) g returning id",
    [categoryId, MAX_LINES + 10],
  );
  // Each gets its one variant, with the product's id, from the products_default_variant trigger.
  const ids = rows.map((r) => r.id).sort((a, b) => a - b);
  filler = ids.slice(0, MAX_LINES);
  spare = ids.slice(MAX_LINES);
});

/** A new user whose cart holds the first `lines` filler products, one unit each, written in SQL. */
async function userWithLines(lines: number) {
  const user = await newUser("limit");
  await sql("insert into cart_items (user_id, product_id, variant_id, quantity) select $1, id, id, 1 from unnest($2::int[]) id", [user.id, filler.slice(0, lines)]);
  return user;
}

const lineCount = async (userId: number) => (await sql<{ n: number }>("select count(*)::int as n from cart_items where user_id = $1", [userId]))[0]!.n;
const add = (token: string, productId: number, quantity = 1) => api("POST", "/api/cart/items", { token, body: { product_id: productId, quantity } });

function expectCartFull(res: Awaited<ReturnType<typeof api>>) {
  const problem = expectProblem(res, 409);
  expect(problem.type).toBe("urn:problem:cart-full");
  expect(res.body).toMatchObject({ max_lines: MAX_LINES });
}

describe("a full cart", () => {
  it("refuses a 101st product with 409 cart-full and adds nothing, but takes more of a product it holds", async () => {
    const user = await userWithLines(MAX_LINES);
    const refused = await add(user.token, spare[0]!);
    expectCartFull(refused);
    expect(refused.headers.get("x-db-round-trips")).toBe("1");
    expect(await lineCount(user.id)).toBe(MAX_LINES);
    expect(await sql("select 1 from cart_items where user_id = $1 and product_id = $2", [user.id, spare[0]])).toHaveLength(0);

    const more = await add(user.token, filler[0]!, 2);
    expect(more.status).toBe(200);
    expect(more.body.items).toHaveLength(MAX_LINES);
    expect(more.body.items.find((i: { product: { id: number } }) => i.product.id === filler[0]).quantity).toBe(3);
    expect((await api("PATCH", `/api/cart/items/${filler[1]}`, { token: user.token, body: { quantity: 4 } })).status).toBe(200);

    // Removing a line makes room for exactly one other product.
    expect((await api("DELETE", `/api/cart/items/${filler[2]}`, { token: user.token })).status).toBe(200);
    expect((await add(user.token, spare[0]!)).status).toBe(200);
    expectCartFull(await add(user.token, spare[1]!));

    // A cart at the limit still becomes one order, in one round trip.
    const order = await api("POST", "/api/orders", { token: user.token });
    expect(order.status).toBe(201);
    expect(order.body.items).toHaveLength(MAX_LINES);
    expect(order.headers.get("x-db-round-trips")).toBe("1");
    expect(await lineCount(user.id)).toBe(0);
  });

  it("does not count lines of deleted products", async () => {
    const user = await userWithLines(MAX_LINES);
    // Soft-deleted (the way a product that was ever ordered is deleted): its line stays in the table
    // but is neither listed nor counted, so there is room for one more product.
    await sql("update products set deleted_at = now() where id = $1", [filler[99]]);
    try {
      const added = await add(user.token, spare[2]!);
      expect(added.status).toBe(200);
      expect(added.body.items).toHaveLength(MAX_LINES);
      expect(await lineCount(user.id)).toBe(MAX_LINES + 1);
      expectCartFull(await add(user.token, spare[3]!));
    } finally {
      await sql("update products set deleted_at = null where id = $1", [filler[99]]);
    }
  });

  it("lets at most one of several simultaneous adds of new products into a cart at 99 lines", async () => {
    const user = await userWithLines(MAX_LINES - 1);
    const results = await Promise.all(spare.slice(4, 9).map((id) => add(user.token, id)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const res of results.filter((r) => r.status !== 200)) expectCartFull(res);
    expect(await lineCount(user.id)).toBe(MAX_LINES);

    // The same with all five in flight together: the user's row is held a moment, so they queue.
    const again = await userWithLines(MAX_LINES - 1);
    const queued = await queuedBehindLock("select 1 from users where id = $1 for update", [again.id], () => spare.slice(4, 9).map((id) => add(again.token, id)));
    expect(queued.filter((r) => r.status === 200)).toHaveLength(1);
    for (const res of queued.filter((r) => r.status !== 200)) expectCartFull(res);
    expect(await lineCount(again.id)).toBe(MAX_LINES);
  });
});

describe("cart writes", () => {
  it("are one round trip each", async () => {
    const user = await newUser("cart-trips");
    const [a, b] = spare;
    for (const res of [
      await add(user.token, a!, 2),
      await add(user.token, b!),
      await api("PATCH", `/api/cart/items/${a}`, { token: user.token, body: { quantity: 1 } }),
      await api("DELETE", `/api/cart/items/${b}`, { token: user.token }),
      await api("DELETE", "/api/cart", { token: user.token }),
      // Refusals too: past the stock, and a line that is not there.
      await add(user.token, a!, 51),
      await api("DELETE", `/api/cart/items/${b}`, { token: user.token }),
    ]) {
      expect(res.headers.get("x-db-round-trips"), `${res.status} ${JSON.stringify(res.body)}`).toBe("1");
      expect(res.headers.get("x-cache-round-trips")).toBe("0");
    }
    expect(await lineCount(user.id)).toBe(0);
  });
});
