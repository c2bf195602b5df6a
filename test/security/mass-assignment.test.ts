import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, newUser, PASSWORD, uniqueEmail } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin, stockOf } from "../helpers/fixtures";

// Mass assignment on the routes an ordinary user can call: fields the server owns, sent in a body,
// are refused with 400 problem+json naming the field, and never reach the database.
// snake_case names are the API's; camelCase ones are the drizzle column keys a careless
// `.set({ ...body })` would write.

type User = Awaited<ReturnType<typeof newUser>>;

const LONG_AGO = "2000-01-01T00:00:00.000Z";

let admin: User;
let productId: number;
let otherProductId: number;

beforeAll(async () => {
  admin = await newAdmin();
  const categoryId = (await createCategory(admin.token)).id;
  productId = (await createProduct(admin.token, categoryId, { stock: 100, price: "4.00" })).id;
  otherProductId = (await createProduct(admin.token, categoryId, { stock: 100, price: "9.00" })).id;
});

function expectUnknownField(res: Awaited<ReturnType<typeof api>>, field: string) {
  const problem = expectProblem(res, 400);
  expect(problem.errors, field).toContainEqual({ path: field, message: "Unknown field." });
}

describe("register", () => {
  const owned: Record<string, unknown> = {
    is_admin: true,
    isAdmin: true,
    id: 1,
    user_id: 1,
    status: "active",
    total: "0.01",
    deleted_at: null,
    created_at: LONG_AGO,
    createdAt: LONG_AGO,
    updated_at: LONG_AGO,
    password_hash: "pbkdf2_sha256$1$c2FsdA$aGFzaA",
    passwordHash: "pbkdf2_sha256$1$c2FsdA$aGFzaA",
  };

  it("refuses server-owned fields with 400 and creates no account", async () => {
    for (const [field, value] of Object.entries(owned)) {
      const email = uniqueEmail("mass");
      expectUnknownField(await api("POST", "/api/auth/register", { body: { email, password: PASSWORD, [field]: value } }), field);
      expect(await sql("select id from users where lower(email) = $1", [email]), field).toHaveLength(0);
    }
  });

  it("refuses a __proto__ or constructor payload and creates no account", async () => {
    for (const extra of ['"__proto__": {"is_admin": true, "isAdmin": true}', '"constructor": {"prototype": {"is_admin": true}}']) {
      const email = uniqueEmail("proto");
      const res = await api("POST", "/api/auth/register", { rawBody: `{"email": "${email}", "password": "${PASSWORD}", ${extra}}` });
      expectProblem(res, 400);
      expect(await sql("select id from users where lower(email) = $1", [email]), extra).toHaveLength(0);
    }
    // Nothing leaked onto Object.prototype inside the Worker either: a fresh account is no admin.
    const control = await api("POST", "/api/auth/register", { body: { email: uniqueEmail("control"), password: PASSWORD } });
    expect(control.status).toBe(201);
    expect(control.body.is_admin).toBe(false);
  });
});

describe("PATCH /api/me", () => {
  it("refuses server-owned fields with 400 and applies nothing, not even the allowed ones beside them", async () => {
    const user = await newUser("me");
    const other = await newUser("other");
    const row = async () => (await sql("select email, name, phone, address, is_admin, password_hash, created_at, updated_at from users where id = $1", [user.id]))[0];
    const before = await row();
    const fields: Record<string, unknown> = {
      email: other.email,
      is_admin: true,
      isAdmin: true,
      id: other.id,
      user_id: other.id,
      created_at: LONG_AGO,
      createdAt: LONG_AGO,
      updated_at: LONG_AGO,
      deleted_at: LONG_AGO,
      password_hash: "pbkdf2_sha256$1$c2FsdA$aGFzaA",
      passwordHash: "pbkdf2_sha256$1$c2FsdA$aGFzaA",
    };
    for (const [field, value] of Object.entries(fields)) {
      expectUnknownField(await api("PATCH", "/api/me", { token: user.token, body: { name: "Should Not Apply", [field]: value } }), field);
    }
    expectProblem(await api("PATCH", "/api/me", { token: user.token, rawBody: '{"name": "Should Not Apply", "__proto__": {"is_admin": true}}' }), 400);
    expect(await row()).toEqual(before);
    const me = await api("GET", "/api/me", { token: user.token });
    expect(me.body).toMatchObject({ id: user.id, email: user.email, is_admin: false, name: "" });
  });
});

describe("cart", () => {
  const cartRows = (userId: number) =>
    sql<{ product_id: number; quantity: number }>("select product_id, quantity from cart_items where user_id = $1 order by product_id", [userId]);

  it("refuses owner, price and bookkeeping fields when adding, and adds nothing to anyone's cart", async () => {
    const [user, other] = [await newUser("cart"), await newUser("victim")];
    const fields: Record<string, unknown> = {
      user_id: other.id,
      userId: other.id,
      price: "0.01",
      unit_price: "0.01",
      line_total: "0.01",
      total: "0.01",
      id: 1,
      created_at: LONG_AGO,
    };
    for (const [field, value] of Object.entries(fields)) {
      expectUnknownField(await api("POST", "/api/cart/items", { token: user.token, body: { product_id: productId, quantity: 1, [field]: value } }), field);
    }
    expect(await cartRows(user.id)).toEqual([]);
    expect(await cartRows(other.id)).toEqual([]);
  });

  it("refuses owner, product and price fields when setting a quantity, and leaves the line as it was", async () => {
    const [user, other] = [await newUser("cart"), await newUser("victim")];
    expect((await api("POST", "/api/cart/items", { token: user.token, body: { product_id: productId, quantity: 2 } })).status).toBe(200);
    const fields: Record<string, unknown> = { user_id: other.id, userId: other.id, product_id: otherProductId, price: "0.01", line_total: "0.01", created_at: LONG_AGO };
    for (const [field, value] of Object.entries(fields)) {
      expectUnknownField(await api("PATCH", `/api/cart/items/${productId}`, { token: user.token, body: { quantity: 1, [field]: value } }), field);
    }
    expect(await cartRows(user.id)).toEqual([{ product_id: productId, quantity: 2 }]);
    expect(await cartRows(other.id)).toEqual([]);
    expect((await api("GET", "/api/cart", { token: user.token })).body.total).toBe("8.00");
  });
});

describe("POST /api/orders", () => {
  it("refuses any field in the body, takes no stock, and then orders at the server's prices", async () => {
    const [user, other] = [await newUser("order"), await newUser("victim")];
    expect((await api("POST", "/api/cart/items", { token: user.token, body: { product_id: productId, quantity: 3 } })).status).toBe(200);
    const stock = await stockOf(productId);
    const fields: Record<string, unknown> = {
      user_id: other.id,
      userId: other.id,
      id: 1,
      status: "delivered",
      total: "0.01",
      created_at: LONG_AGO,
      deleted_at: LONG_AGO,
      items: [{ product_id: productId, quantity: 3, unit_price: "0.01" }],
    };
    for (const [field, value] of Object.entries(fields)) {
      expectUnknownField(await api("POST", "/api/orders", { token: user.token, body: { [field]: value } }), field);
    }
    expect(await sql("select id from orders where user_id = any($1)", [[user.id, other.id]])).toHaveLength(0);
    expect(await stockOf(productId)).toBe(stock);
    // Control: the same cart orders fine without a body, at the catalog price.
    const order = await api("POST", "/api/orders", { token: user.token });
    expect(order.status).toBe(201);
    expect(order.body).toMatchObject({ status: "pending", total: "12.00" });
    const [row] = await sql<{ user_id: number; status: string; total: string }>("select user_id, status, total from orders where id = $1", [order.body.id]);
    expect(row).toEqual({ user_id: user.id, status: "pending", total: "12.00" });
  });
});
