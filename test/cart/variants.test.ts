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

type Variant = { id: number; sku: string; options: Record<string, string>; price: string; stock: number };

/** A product with Size S/M/L variants at 10, 12 and 14, stock 1, 2 and 3. */
async function shirt() {
  const t = crypto.randomUUID().slice(0, 8);
  const res = await api("POST", "/api/products", {
    token: admin.token,
    body: {
      name: `Cart shirt ${t}`,
      category_id: categoryId,
      options: [{ name: "Size", values: ["S", "M", "L"] }],
      variants: [
        { sku: `CS-${t}-S`, options: { Size: "S" }, price: "10.00", stock: 1 },
        { sku: `CS-${t}-M`, options: { Size: "M" }, price: "12.00", stock: 2 },
        { sku: `CS-${t}-L`, options: { Size: "L" }, price: "14.00", stock: 3 },
      ],
    },
  });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; variants: Variant[] };
}

const lines = (userId: number) =>
  sql<{ product_id: number; variant_id: number; quantity: number }>("select product_id, variant_id, quantity from cart_items where user_id = $1 order by variant_id", [userId]);

describe("cart lines of variants", () => {
  it("adds by variant_id, one line per variant, totalled at each variant's price", async () => {
    const user = await newUser();
    const p = await shirt();
    const [s, m] = p.variants as [Variant, Variant];
    let res = await api("POST", "/api/cart/items", { token: user.token, body: { variant_id: m.id, quantity: 2 } });
    expect(res.status).toBe(200);
    res = await api("POST", "/api/cart/items", { token: user.token, body: { variant_id: s.id } });
    expect(res.body.items).toEqual([
      expect.objectContaining({ variant_id: m.id, quantity: 2, line_total: "24.00", variant: { id: m.id, sku: m.sku, options: { Size: "M" }, price: "12.00", stock: 2, in_stock: true } }),
      expect.objectContaining({ variant_id: s.id, quantity: 1, line_total: "10.00", variant: expect.objectContaining({ id: s.id, price: "10.00" }) }),
    ]);
    expect(res.body.items[0].product).toMatchObject({ id: p.id, price: "10.00", stock: 6, options: [{ name: "Size", values: ["S", "M", "L"] }] });
    expect(res.body.total).toBe("34.00");
    expect(await lines(user.id)).toEqual([
      { product_id: p.id, variant_id: s.id, quantity: 1 },
      { product_id: p.id, variant_id: m.id, quantity: 2 },
    ]);

    res = await api("PATCH", `/api/cart/items/${m.id}`, { token: user.token, body: { quantity: 1 } });
    expect(res.body.total).toBe("22.00");
    expectProblem(await api("PATCH", `/api/cart/items/${m.id}`, { token: user.token, body: { quantity: 3 } }), 409);
    res = await api("DELETE", `/api/cart/items/${s.id}`, { token: user.token });
    expect(res.body.items.map((i: { variant_id: number }) => i.variant_id)).toEqual([m.id]);
  });

  it("checks stock per variant", async () => {
    const user = await newUser();
    const [s, m] = (await shirt()).variants as [Variant, Variant];
    const refused = await api("POST", "/api/cart/items", { token: user.token, body: { variant_id: s.id, quantity: 2 } });
    const problem = expectProblem(refused, 409);
    expect(problem.type).toBe("urn:problem:insufficient-stock");
    expect(refused.body.products).toEqual([expect.objectContaining({ variant_id: s.id, requested: 2, available: 1 })]);
    expect((await api("POST", "/api/cart/items", { token: user.token, body: { variant_id: m.id, quantity: 2 } })).status).toBe(200);
    expect(await lines(user.id)).toEqual([expect.objectContaining({ variant_id: m.id, quantity: 2 })]);
  });

  it("takes product_id alone for a one-variant product and asks for variant_id otherwise", async () => {
    const user = await newUser();
    const plain = await createProduct(admin.token, categoryId, { price: "2.50", stock: 5 });
    const res = await api("POST", "/api/cart/items", { token: user.token, body: { product_id: plain.id, quantity: 2 } });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ variant_id: plain.id, quantity: 2, line_total: "5.00", product: { id: plain.id } });

    const p = await shirt();
    const asked = expectProblem(await api("POST", "/api/cart/items", { token: user.token, body: { product_id: p.id } }), 400);
    expect(asked.errors?.map((e) => e.path)).toEqual(["variant_id"]);
    // Both given: the variant must be the product's.
    expect((await api("POST", "/api/cart/items", { token: user.token, body: { product_id: p.id, variant_id: p.variants[2]!.id } })).status).toBe(200);
    expectProblem(await api("POST", "/api/cart/items", { token: user.token, body: { product_id: plain.id, variant_id: p.variants[1]!.id } }), 404);
    expectProblem(await api("POST", "/api/cart/items", { token: user.token, body: { quantity: 1 } }), 400);
    expectProblem(await api("POST", "/api/cart/items", { token: user.token, body: { variant_id: 999999999 } }), 404);
    expect((await lines(user.id)).map((l) => l.variant_id)).toEqual([plain.id, p.variants[2]!.id].sort((a, b) => a - b));
  });

  it("drops lines of deleted variants from the listing and the total", async () => {
    const user = await newUser();
    const p = await shirt();
    const [s, m, l] = p.variants as [Variant, Variant, Variant];
    for (const v of [s, m, l]) await api("POST", "/api/cart/items", { token: user.token, body: { variant_id: v.id } });
    // Hard-deleted: the line goes with it.
    expect((await api("DELETE", `/api/products/${p.id}/variants/${s.id}`, { token: admin.token })).status).toBe(204);
    // Soft-deleted (an ordered variant): the line stays in the table but is neither listed nor counted.
    await sql("update variants set deleted_at = now() where id = $1", [m.id]);
    const cart = await api("GET", "/api/cart", { token: user.token });
    expect(cart.body.items.map((i: { variant_id: number }) => i.variant_id)).toEqual([l.id]);
    expect(cart.body.total).toBe("14.00");
    expect((await lines(user.id)).map((x) => x.variant_id)).toEqual([m.id, l.id]);
    expectProblem(await api("POST", "/api/cart/items", { token: user.token, body: { variant_id: m.id } }), 404);
  });

  it("writes in one round trip", async () => {
    const user = await newUser();
    const [s] = (await shirt()).variants as [Variant];
    for (const res of [
      await api("POST", "/api/cart/items", { token: user.token, body: { variant_id: s.id } }),
      await api("PATCH", `/api/cart/items/${s.id}`, { token: user.token, body: { quantity: 1 } }),
      await api("GET", "/api/cart", { token: user.token }),
    ]) {
      expect(res.headers.get("x-db-round-trips")).toBe("1");
      expect(res.headers.get("x-cache-round-trips")).toBe("0");
    }
  });
});
