import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { admin, base, call, login } from "./browser.ts";

/** A socket plus every message it has received, in order. */
async function connect(token: string) {
  const received: any[] = [];
  const socket = new WebSocket(`${base.replace(/^http/, "ws")}/api/notifications/ws?token=${encodeURIComponent(token)}`);
  socket.on("message", (data) => received.push(JSON.parse(String(data))));
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return { socket, received };
}

async function waitFor<T>(check: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("notifications end to end (wrangler dev, real ws client)", () => {
  it("delivers a status change within 1 s and lets a reconnecting client catch up without duplicates", async () => {
    const adminToken = await login(admin.email, admin.password);
    const category = await call("POST", "/api/categories", { token: adminToken, body: { name: `E2E ${crypto.randomUUID()}`, description: "" } });
    expect(category.status).toBe(201);
    const product = await call("POST", "/api/products", {
      token: adminToken,
      body: { name: "E2E mug", description: "", price: "12.50", stock: 10, category_id: category.body.id },
    });
    expect(product.status).toBe(201);

    const email = `e2e-${crypto.randomUUID()}@example.com`;
    expect((await call("POST", "/api/auth/register", { body: { email, password: "e2e-password-1" } })).status).toBe(201);
    const token = await login(email, "e2e-password-1");
    const orderIds: number[] = [];
    for (let i = 0; i < 2; i++) {
      expect((await call("POST", "/api/cart/items", { token, body: { product_id: product.body.id, quantity: 1 } })).status).toBe(200);
      const order = await call("POST", "/api/orders", { token });
      expect(order.status).toBe(201);
      orderIds.push(order.body.id);
    }

    // `shipped` requires `paid`: the admin records the payment before the socket opens.
    expect((await call("PATCH", `/api/admin/orders/${orderIds[0]}`, { token: adminToken, body: { status: "paid" } })).status).toBe(200);
    const first = await connect(token);
    const shippedAt = Date.now();
    expect((await call("PATCH", `/api/admin/orders/${orderIds[0]}`, { token: adminToken, body: { status: "shipped" } })).status).toBe(200);
    const message = await waitFor(() => first.received.find((m) => m.order_id === orderIds[0] && m.to_status === "shipped"), 1000);
    expect(Date.now() - shippedAt).toBeLessThan(1000);
    expect(message).toEqual({
      id: expect.any(Number),
      type: "order.status_changed",
      order_id: orderIds[0],
      from_status: "paid",
      to_status: "shipped",
      created_at: expect.any(String),
      read_at: null,
    });
    const lastSeen = message.id as number;
    first.socket.close();

    // Offline: two more changes.
    expect((await call("PATCH", `/api/admin/orders/${orderIds[0]}`, { token: adminToken, body: { status: "delivered" } })).status).toBe(200);
    expect((await call("PATCH", `/api/admin/orders/${orderIds[1]}`, { token: adminToken, body: { status: "cancelled" } })).status).toBe(200);

    // Reconnect, then catch up from the last id seen.
    const second = await connect(token);
    const missed = await call("GET", `/api/notifications?after=${lastSeen}`, { token });
    expect(missed.status).toBe(200);
    expect(missed.body.results.map((n: any) => [n.order_id, n.to_status])).toEqual([
      [orderIds[0], "delivered"],
      [orderIds[1], "cancelled"],
    ]);
    const ids = missed.body.results.map((n: any) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id: number) => id > lastSeen)).toBe(true);
    second.socket.send(JSON.stringify({ type: "ping" }));
    expect(await waitFor(() => second.received.find((m) => m.type === "pong"), 1000)).toEqual({ type: "pong" });
    second.socket.close();
  });
});
