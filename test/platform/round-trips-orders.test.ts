/**
 * Round trips on the critical path, pinned per endpoint (docs/design/round-trips.md): cart, orders, notifications and
 * the WebSocket upgrade. How they are counted and the budget: see round-trips.test.ts.
 *
 * | request (state)                                       | db | cache | why |
 * |-------------------------------------------------------|----|-------|-----|
 * | any guarded route without a token (401)               | 0  | 0     | the guard reads only the JWT |
 * | GET /api/cart                                         | 1  | 0     | one joined SELECT |
 * | POST /api/cart/items, PATCH/DELETE /api/cart/items/…  | 1  | 0     | one batch: lock the user row, the change, the cart |
 * | DELETE /api/cart                                      | 1  | 0     | one DELETE |
 * | POST /api/orders (new order)                          | 1  | 1     | `select shop_place_order(…)`, then the stock cells it moved (the bump) |
 * | POST /api/orders (the same Idempotency-Key again)     | 1  | 0     | the function replays the stored order; nothing to bump |
 * | POST /api/orders (not enough stock, 409)              | 1  | 0     | the function returns the shortfalls; nothing taken, no bump |
 * | GET /api/orders, GET /api/orders/{id}                 | 1  | 0     | one batch (page, bounded count, estimate) / one SELECT |
 * | POST /api/orders/{id}/cancel                          | 1  | 1     | `select shop_change_order_status(…)`, then the bump (stock went back) |
 * | GET /api/admin/orders                                 | 1  | 0     | one batch starting with the admin check |
 * | GET /api/admin/orders as a shopper (403)              | 0  | 0     | requireAdmin: the token carries no admin claim |
 * | GET /api/admin/orders as a revoked admin (403)        | 1  | 0     | the token still says admin; the admin check aborts the batch |
 * | PATCH /api/admin/orders/{id} → paid                   | 1  | 0     | one function call; the push goes after the response |
 * | PATCH /api/admin/orders/{id} → cancelled              | 1  | 1     | the same, then the bump (stock went back) |
 * | GET /api/notifications                                | 1  | 0     | one batch (page, bounded count, estimate) |
 * | POST /api/notifications/{id}/read, …/read             | 1  | 0     | one UPDATE each |
 * | GET /api/notifications/ws (upgrade, 101)              | 1  | 0     | the user's newest notification id; the Durable Object's own work is not the Worker's request |
 */
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { api, BASE, newUser, type ApiResponse } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin, placeOrder } from "../helpers/fixtures";

type Trips = { status: number; db: string | null; cache: string | null };

function trips(res: Pick<ApiResponse, "status" | "headers">): Trips {
  return { status: res.status, db: res.headers.get("x-db-round-trips"), cache: res.headers.get("x-cache-round-trips") };
}

const pin = (status: number, db: number, cache: number): Trips => ({ status, db: String(db), cache: String(cache) });

let admin: string;
let shopper: Awaited<ReturnType<typeof newUser>>;
let plenty: number;
let other: number;

beforeAll(async () => {
  admin = (await newAdmin()).token;
  const category = (await createCategory(admin)).id;
  plenty = (await createProduct(admin, category, { stock: 1000 })).id;
  other = (await createProduct(admin, category, { stock: 1000 })).id;
  shopper = await newUser("rt-orders");
});

describe("round trips: cart", () => {
  it("a guarded route without a token is refused before any store is asked", async () => {
    expect(trips(await api("GET", "/api/cart"))).toEqual(pin(401, 0, 0));
  });

  it("every cart endpoint is one round trip to Postgres and none to Redis", async () => {
    const token = shopper.token;
    expect(trips(await api("POST", "/api/cart/items", { token, body: { product_id: plenty, quantity: 2 } }))).toEqual(pin(200, 1, 0));
    expect(trips(await api("POST", "/api/cart/items", { token, body: { product_id: other, quantity: 1 } }))).toEqual(pin(200, 1, 0));
    const cart = await api("GET", "/api/cart", { token });
    expect(trips(cart)).toEqual(pin(200, 1, 0));
    expect(cart.body.items).toHaveLength(2);
    expect(trips(await api("PATCH", `/api/cart/items/${plenty}`, { token, body: { quantity: 3 } }))).toEqual(pin(200, 1, 0));
    expect(trips(await api("DELETE", `/api/cart/items/${other}`, { token }))).toEqual(pin(200, 1, 0));
    expect(trips(await api("DELETE", "/api/cart", { token }))).toEqual(pin(204, 1, 0));
  });
});

describe("round trips: orders", () => {
  it("POST /api/orders: one call to Postgres, then the bump; a replay and a refusal skip the bump", async () => {
    const buyer = await newUser("rt-buyer");
    expect((await api("POST", "/api/cart/items", { token: buyer.token, body: { product_id: plenty, quantity: 1 } })).status).toBe(200);
    const key = crypto.randomUUID();
    const placed = await api("POST", "/api/orders", { token: buyer.token, headers: { "idempotency-key": key } });
    expect(trips(placed)).toEqual(pin(201, 1, 1));
    const replayed = await api("POST", "/api/orders", { token: buyer.token, headers: { "idempotency-key": key } });
    expect(trips(replayed)).toEqual(pin(201, 1, 0));
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");

    // More than the stock: the shortfall is decided inside the same call, and nothing is bumped.
    const scarce = (await createProduct(admin, (await createCategory(admin)).id, { stock: 1 })).id;
    expect((await api("POST", "/api/cart/items", { token: buyer.token, body: { product_id: scarce, quantity: 1 } })).status).toBe(200);
    expect((await api("POST", `/api/products/${scarce}/stock`, { token: admin, body: { stock: 0 } })).status).toBe(200);
    expect(trips(await api("POST", "/api/orders", { token: buyer.token }))).toEqual(pin(409, 1, 0));
  });

  it("GET /api/orders, GET /api/orders/{id}, POST /api/orders/{id}/cancel", async () => {
    const buyer = await newUser("rt-history");
    const first = await placeOrder(buyer.token, plenty);
    const second = await placeOrder(buyer.token, other);
    const list = await api("GET", "/api/orders", { token: buyer.token });
    expect(trips(list)).toEqual(pin(200, 1, 0));
    expect(list.body.count).toBe(2);
    expect(trips(await api("GET", `/api/orders/${first}`, { token: buyer.token }))).toEqual(pin(200, 1, 0));
    // Cancelling puts the stock back: the catalog bump follows the commit.
    expect(trips(await api("POST", `/api/orders/${second}/cancel`, { token: buyer.token }))).toEqual(pin(200, 1, 1));
  });

  it("admin orders: the list and the status change carry the admin check in their own round trip", async () => {
    const buyer = await newUser("rt-admin-orders");
    const toShip = await placeOrder(buyer.token, plenty);
    const toCancel = await placeOrder(buyer.token, other);
    expect(trips(await api("GET", `/api/admin/orders?user=${buyer.id}&status=pending`, { token: admin }))).toEqual(pin(200, 1, 0));
    expect(trips(await api("GET", `/api/admin/orders?user=${buyer.id}`, { token: buyer.token }))).toEqual(pin(403, 0, 0));
    expect(trips(await api("PATCH", `/api/admin/orders/${toShip}`, { token: buyer.token, body: { status: "paid" } }))).toEqual(pin(403, 0, 0));
    expect(trips(await api("PATCH", `/api/admin/orders/${toShip}`, { token: admin, body: { status: "paid" } }))).toEqual(pin(200, 1, 0));
    expect(trips(await api("PATCH", `/api/admin/orders/${toCancel}`, { token: admin, body: { status: "cancelled" } }))).toEqual(pin(200, 1, 1));
  });

  it("a revoked admin: the token still says admin, so the admin check in the batch refuses (one round trip)", async () => {
    const former = await newAdmin();
    await sql("update users set is_admin = false where id = $1", [former.id]);
    expect(trips(await api("GET", "/api/admin/orders", { token: former.token }))).toEqual(pin(403, 1, 0));
  });
});

describe("round trips: notifications", () => {
  let buyer: Awaited<ReturnType<typeof newUser>>;
  let notificationId: number;

  beforeAll(async () => {
    buyer = await newUser("rt-notified");
    for (let i = 0; i < 2; i++) {
      const order = await placeOrder(buyer.token, plenty);
      expect((await api("PATCH", `/api/admin/orders/${order}`, { token: admin, body: { status: "paid" } })).status).toBe(200);
    }
  });

  it("GET /api/notifications and marking read: one round trip to Postgres each", async () => {
    const list = await api("GET", "/api/notifications", { token: buyer.token });
    expect(trips(list)).toEqual(pin(200, 1, 0));
    expect(list.body.count).toBe(2);
    notificationId = list.body.results[0].id;
    expect(trips(await api("POST", `/api/notifications/${notificationId}/read`, { token: buyer.token }))).toEqual(pin(204, 1, 0));
    expect(trips(await api("POST", "/api/notifications/read", { token: buyer.token }))).toEqual(pin(204, 1, 0));
  });

  it("GET /api/notifications/ws: the upgrade reads one id from Postgres", async () => {
    const res = await SELF.fetch(`${BASE}/api/notifications/ws?token=${encodeURIComponent(buyer.token)}`, { headers: { upgrade: "websocket" } });
    const ws = res.webSocket;
    ws?.accept();
    ws?.close(1000, "done");
    expect(trips(res)).toEqual(pin(101, 1, 0));
  });
});
