import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin, placeOrder } from "../helpers/fixtures";

// Mass assignment on admin writes: even an admin cannot set ids, timestamps, soft-delete markers,
// derived fields or an order's owner and total through a body. Refused with 400, never applied.

type User = Awaited<ReturnType<typeof newUser>>;

const LONG_AGO = "2000-01-01T00:00:00.000Z";

let admin: User;
let categoryId: number;
let otherCategoryId: number;

beforeAll(async () => {
  admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
  otherCategoryId = (await createCategory(admin.token)).id;
});

function expectUnknownField(res: Awaited<ReturnType<typeof api>>, field: string) {
  const problem = expectProblem(res, 400);
  expect(problem.errors, field).toContainEqual({ path: field, message: "Unknown field." });
}

const productRow = async (id: number) =>
  (await sql("select name, description, price, stock, category_id, deleted_at, created_at, updated_at from products where id = $1", [id]))[0];
const categoryRow = async (id: number) => (await sql("select name, description, created_at, updated_at from categories where id = $1", [id]))[0];

describe("products", () => {
  it("refuses server-owned fields on create and writes no product", async () => {
    const name = `Mass ${crypto.randomUUID()}`;
    const valid = { name, price: "3.00", stock: 5, category_id: categoryId };
    const fields: Record<string, unknown> = {
      id: 1,
      deleted_at: LONG_AGO,
      deletedAt: LONG_AGO,
      created_at: LONG_AGO,
      updated_at: LONG_AGO,
      in_stock: false,
      category: { id: otherCategoryId, name: "x" },
      categoryId: otherCategoryId,
      is_admin: true,
      user_id: admin.id,
    };
    for (const [field, value] of Object.entries(fields)) {
      expectUnknownField(await api("POST", "/api/products", { token: admin.token, body: { ...valid, [field]: value } }), field);
    }
    expect(await sql("select id from products where name = $1", [name])).toHaveLength(0);
    // Control: the same body without the extra field is accepted.
    const created = await api("POST", "/api/products", { token: admin.token, body: valid });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name, price: "3.00", stock: 5, in_stock: true, category: { id: categoryId } });
  });

  it("refuses server-owned fields on update and leaves the row as it was", async () => {
    const product = await createProduct(admin.token, categoryId, { price: "5.00", stock: 7 });
    const before = await productRow(product.id);
    const fields: Record<string, unknown> = {
      id: product.id + 1,
      deleted_at: LONG_AGO,
      deletedAt: LONG_AGO,
      created_at: LONG_AGO,
      updated_at: LONG_AGO,
      in_stock: false,
      category: { id: otherCategoryId },
      categoryId: otherCategoryId,
    };
    for (const [field, value] of Object.entries(fields)) {
      expectUnknownField(await api("PATCH", `/api/products/${product.id}`, { token: admin.token, body: { price: "0.05", [field]: value } }), field);
    }
    expect(await productRow(product.id)).toEqual(before);
  });

  it("cannot bring a soft-deleted product back through deleted_at", async () => {
    const product = await createProduct(admin.token, categoryId);
    await sql("update products set deleted_at = now() where id = $1", [product.id]);
    const res = await api("PATCH", `/api/products/${product.id}`, { token: admin.token, body: { deleted_at: null } });
    expectUnknownField(res, "deleted_at");
    const [row] = await sql<{ deleted_at: Date | null }>("select deleted_at from products where id = $1", [product.id]);
    expect(row!.deleted_at).not.toBeNull();
    expectProblem(await api("GET", `/api/products/${product.id}`), 404);
  });
});

describe("categories", () => {
  it("refuses server-owned fields on create and writes no category", async () => {
    const name = `Mass ${crypto.randomUUID()}`;
    for (const [field, value] of Object.entries({ id: 1, created_at: LONG_AGO, createdAt: LONG_AGO, updated_at: LONG_AGO, deleted_at: LONG_AGO })) {
      expectUnknownField(await api("POST", "/api/categories", { token: admin.token, body: { name, description: "d", [field]: value } }), field);
    }
    expect(await sql("select id from categories where name = $1", [name])).toHaveLength(0);
  });

  it("refuses server-owned fields on update and leaves the row as it was", async () => {
    const category = await createCategory(admin.token);
    const before = await categoryRow(category.id);
    for (const [field, value] of Object.entries({ id: otherCategoryId, created_at: LONG_AGO, createdAt: LONG_AGO, updated_at: LONG_AGO, deleted_at: LONG_AGO })) {
      expectUnknownField(await api("PATCH", `/api/categories/${category.id}`, { token: admin.token, body: { name: `Renamed ${crypto.randomUUID()}`, [field]: value } }), field);
    }
    expect(await categoryRow(category.id)).toEqual(before);
    expect(await categoryRow(otherCategoryId)).toMatchObject({ description: "test" });
  });
});

describe("PATCH /api/admin/orders/{id}", () => {
  it("takes only a status: total, owner, id, items and timestamps are refused and never applied", async () => {
    const customer = await newUser("customer");
    const productId = (await createProduct(admin.token, categoryId, { price: "6.00", stock: 10 })).id;
    const orderId = await placeOrder(customer.token, productId, 2);
    const row = async () => (await sql("select user_id, status, total, created_at, updated_at from orders where id = $1", [orderId]))[0];
    const before = await row();
    const fields: Record<string, unknown> = {
      total: "0.01",
      user_id: admin.id,
      userId: admin.id,
      id: 1,
      items: [],
      created_at: LONG_AGO,
      updated_at: LONG_AGO,
      is_admin: true,
    };
    for (const [field, value] of Object.entries(fields)) {
      expectUnknownField(await api("PATCH", `/api/admin/orders/${orderId}`, { token: admin.token, body: { status: "paid", [field]: value } }), field);
    }
    expect(await row()).toEqual(before);
    expect(await sql("select id from order_status_history where order_id = $1", [orderId])).toHaveLength(1);
    expect(await sql("select id from notifications where order_id = $1", [orderId])).toHaveLength(0);
    // Control: the status alone goes through, and the total and owner stay the server's.
    const shipped = await api("PATCH", `/api/admin/orders/${orderId}`, { token: admin.token, body: { status: "paid" } });
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({ id: orderId, status: "paid", total: "12.00", user_id: customer.id });
  });
});
