import { api, newUser } from "./api";
import { sql } from "./db";

/**
 * A fresh user made admin directly in Postgres (the API itself can never grant is_admin), with
 * tokens refreshed after it: the access token carries the admin claim from then on.
 */
export async function newAdmin() {
  const user = await newUser("admin");
  await sql("update users set is_admin = true where id = $1", [user.id]);
  const res = await api("POST", "/api/auth/refresh", { body: { refresh: user.refresh } });
  if (res.status !== 200) throw new Error(`refresh after promotion: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...user, token: res.body.access as string, refresh: res.body.refresh as string };
}

export async function createCategory(adminToken: string, name = `Cat ${crypto.randomUUID()}`) {
  const res = await api("POST", "/api/categories", { token: adminToken, body: { name, description: "test" } });
  if (res.status !== 201) throw new Error(`create category: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; name: string };
}

export async function createProduct(adminToken: string, categoryId: number, fields: Record<string, unknown> = {}) {
  const res = await api("POST", "/api/products", {
    token: adminToken,
    body: { name: `Product ${crypto.randomUUID().slice(0, 8)}`, description: "test", price: "10.00", stock: 10, category_id: categoryId, ...fields },
  });
  if (res.status !== 201) throw new Error(`create product: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; name: string; price: string; stock: number };
}

/** Puts `quantity` of a product in the cart and places an order; returns the order id. */
export async function placeOrder(token: string, productId: number, quantity = 1): Promise<number> {
  const cart = await api("POST", "/api/cart/items", { token, body: { product_id: productId, quantity } });
  if (cart.status !== 200) throw new Error(`cart: ${cart.status} ${JSON.stringify(cart.body)}`);
  const res = await api("POST", "/api/orders", { token });
  if (res.status !== 201) throw new Error(`order: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as number;
}

export const stockOf = async (productId: number) =>
  (await sql<{ stock: number }>("select stock from products where id = $1", [productId]))[0]!.stock;
