import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { api, BASE, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin, placeOrder, stockOf } from "../helpers/fixtures";
import { connect, drain, waitFor } from "../helpers/sockets";

// Broken object-level authorization: every user-owned resource, asked for by someone else.

type User = Awaited<ReturnType<typeof newUser>>;

let admin: User;
let categoryId: number;
let productId: number;

beforeAll(async () => {
  admin = await newAdmin();
  categoryId = (await createCategory(admin.token)).id;
  productId = (await createProduct(admin.token, categoryId, { stock: 1000, price: "2.50" })).id;
});

const orderRow = async (id: number) =>
  (await sql<{ status: string; total: string; user_id: number; updated_at: Date }>("select status, total, user_id, updated_at from orders where id = $1", [id]))[0]!;
const countRows = async (table: "order_status_history" | "notifications", orderId: number) =>
  (await sql<{ n: number }>(`select count(*)::int as n from ${table} where order_id = $1`, [orderId]))[0]!.n;
const cartRows = (userId: number) =>
  sql<{ product_id: number; quantity: number }>("select product_id, quantity from cart_items where user_id = $1 order by product_id", [userId]);

describe("orders", () => {
  it("answers 404 for another user's order, as for a missing one", async () => {
    const [alice, bob] = [await newUser("alice"), await newUser("bob")];
    const orderId = await placeOrder(alice.token, productId, 2);
    const theirs = await api("GET", `/api/orders/${orderId}`, { token: bob.token });
    const missing = await api("GET", "/api/orders/999999999", { token: bob.token });
    expectProblem(theirs, 404);
    expectProblem(missing, 404);
    // Same body: nothing (not even the wording) tells Bob that the order exists.
    expect(theirs.body).toEqual(missing.body);
    expect(JSON.stringify(theirs.body)).not.toContain(alice.email);
    expect((await api("GET", `/api/orders/${orderId}`, { token: alice.token })).body.id).toBe(orderId);
  });

  it("answers 404 to cancelling another user's order, as for a missing one, and changes nothing", async () => {
    const [alice, bob] = [await newUser("alice"), await newUser("bob")];
    const orderId = await placeOrder(alice.token, productId, 3);
    const before = await orderRow(orderId);
    const stock = await stockOf(productId);
    const theirs = await api("POST", `/api/orders/${orderId}/cancel`, { token: bob.token });
    const missing = await api("POST", "/api/orders/999999999/cancel", { token: bob.token });
    expectProblem(theirs, 404);
    expect(theirs.body).toEqual(missing.body);
    expect(await orderRow(orderId)).toEqual(before);
    expect(before.status).toBe("pending");
    expect(await stockOf(productId)).toBe(stock);
    expect(await countRows("order_status_history", orderId)).toBe(1);
    expect(await countRows("notifications", orderId)).toBe(0);
  });

  it("lists only the caller's own orders, and refuses query parameters that try to name another user", async () => {
    const [alice, bob] = [await newUser("alice"), await newUser("bob")];
    const aliceOrders = [await placeOrder(alice.token, productId), await placeOrder(alice.token, productId)];
    const named = await api("GET", `/api/orders?user=${alice.id}&user_id=${alice.id}`, { token: bob.token });
    expect(expectProblem(named, 400).errors?.map((e) => e.path).sort()).toEqual(["user", "user_id"]);
    expect(JSON.stringify(named.body)).not.toContain(`"id":${aliceOrders[0]}`);
    const listed = await api("GET", "/api/orders", { token: bob.token });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ count: 0, results: [] });
    // A cursor issued to Alice is bound to her: Bob cannot page with it.
    const page = await api("GET", "/api/orders?page_size=1", { token: alice.token });
    expect(page.body.results.map((o: { id: number }) => o.id)).toEqual([aliceOrders[1]]);
    const replay = await api("GET", `/api/orders?page_size=1&cursor=${encodeURIComponent(page.body.next_cursor)}`, { token: bob.token });
    expectProblem(replay, 400);
    expect(JSON.stringify(replay.body)).not.toContain(`"id":${aliceOrders[0]}`);
    // The admin listing with a user filter is for admins only.
    expectProblem(await api("GET", `/api/admin/orders?user=${alice.id}`, { token: bob.token }), 403);
  });
});

describe("cart", () => {
  it("keeps every cart route to the caller's own lines", async () => {
    const [alice, bob] = [await newUser("alice"), await newUser("bob")];
    expect((await api("POST", "/api/cart/items", { token: alice.token, body: { product_id: productId, quantity: 2 } })).status).toBe(200);

    expectProblem(await api("GET", `/api/cart?user=${alice.id}&user_id=${alice.id}`, { token: bob.token }), 400);
    expect((await api("GET", "/api/cart", { token: bob.token })).body).toEqual({ items: [], total: "0.00" });
    expectProblem(await api("PATCH", `/api/cart/items/${productId}`, { token: bob.token, body: { quantity: 5 } }), 404);
    expectProblem(await api("DELETE", `/api/cart/items/${productId}`, { token: bob.token }), 404);
    expect((await api("DELETE", "/api/cart", { token: bob.token })).status).toBe(204);
    // Adding the same product goes to Bob's own line, not onto Alice's.
    const added = await api("POST", "/api/cart/items", { token: bob.token, body: { product_id: productId, quantity: 1 } });
    expect(added.body.items.map((i: { quantity: number }) => i.quantity)).toEqual([1]);
    expect(await cartRows(alice.id)).toEqual([{ product_id: productId, quantity: 2 }]);
    expect(await cartRows(bob.id)).toEqual([{ product_id: productId, quantity: 1 }]);

    // Bob's order is made from Bob's cart only; Alice's cart survives it.
    const order = await api("POST", "/api/orders", { token: bob.token });
    expect(order.status).toBe(201);
    expect(order.body.items.map((i: { quantity: number }) => i.quantity)).toEqual([1]);
    expect(order.body.total).toBe("2.50");
    expect(await cartRows(alice.id)).toEqual([{ product_id: productId, quantity: 2 }]);
    expect((await api("GET", "/api/cart", { token: alice.token })).body.total).toBe("5.00");
  });
});

describe("notifications", () => {
  it("never lists or marks read another user's notifications", async () => {
    const [alice, bob] = [await newUser("alice"), await newUser("bob")];
    const orderId = await placeOrder(alice.token, productId);
    expect((await api("PATCH", `/api/admin/orders/${orderId}`, { token: admin.token, body: { status: "paid" } })).status).toBe(200);
    const [note] = await sql<{ id: number; user_id: number }>("select id, user_id from notifications where order_id = $1", [orderId]);
    expect(note!.user_id).toBe(alice.id);

    for (const query of ["", "?after=0", "?unread=true"]) {
      const res = await api("GET", `/api/notifications${query}`, { token: bob.token });
      expect(res.status).toBe(200);
      expect(res.body.results).toEqual([]);
    }
    expectProblem(await api("GET", `/api/notifications?user=${alice.id}`, { token: bob.token }), 400);
    const theirs = await api("POST", `/api/notifications/${note!.id}/read`, { token: bob.token });
    const missing = await api("POST", "/api/notifications/999999999/read", { token: bob.token });
    expectProblem(theirs, 404);
    expect(theirs.body).toEqual(missing.body);
    expect((await api("POST", "/api/notifications/read", { token: bob.token })).status).toBe(204);

    const [row] = await sql<{ read_at: Date | null }>("select read_at from notifications where id = $1", [note!.id]);
    expect(row!.read_at).toBeNull();
    const unread = await api("GET", "/api/notifications?unread=true", { token: alice.token });
    expect(unread.body.results.map((n: { id: number }) => n.id)).toEqual([note!.id]);
  });

  it("never pushes a user's notification to another user's socket, and refuses a socket whose query names anyone", async () => {
    const [alice, bob] = [await newUser("alice"), await newUser("bob")];
    const orderId = await placeOrder(alice.token, productId);
    const aliceSocket = await connect(alice.token, { how: "header" });
    const refused = await SELF.fetch(`${BASE}/api/notifications/ws?user=${alice.id}&user_id=${alice.id}&id=${alice.id}`, {
      headers: { upgrade: "websocket", authorization: `Bearer ${bob.token}` },
    });
    expect(refused.status).toBe(400);
    expect(refused.webSocket).toBeNull();
    await refused.body?.cancel();
    const bobSockets = [await connect(bob.token), await connect(bob.token, { how: "header" })];
    expect((await api("PATCH", `/api/admin/orders/${orderId}`, { token: admin.token, body: { status: "paid" } })).status).toBe(200);
    const message = await waitFor(() => aliceSocket.received.find((m) => m.order_id === orderId));
    expect(message).toMatchObject({ type: "order.status_changed", to_status: "paid" });
    for (const socket of bobSockets) {
      await drain(socket);
      expect(socket.received).toEqual([{ type: "pong" }]);
    }
    for (const socket of [aliceSocket, ...bobSockets]) socket.ws.close(1000);
  });
});

// Admin routes and catalog writes: test/security/admin-routes.test.ts, derived from the OpenAPI document.
