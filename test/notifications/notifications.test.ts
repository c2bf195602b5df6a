import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { pushToUser } from "../../src/notifications/push";
import { api, BASE, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin, placeOrder } from "../helpers/fixtures";
import { connect, waitFor } from "../helpers/sockets";

let admin: Awaited<ReturnType<typeof newAdmin>>;
let productId: number;

beforeAll(async () => {
  admin = await newAdmin();
  const cat = await createCategory(admin.token);
  productId = (await createProduct(admin.token, cat.id, { stock: 1000, price: "1.00" })).id;
});

describe("WebSocket upgrade", () => {
  it("refuses a missing or bad token with 401 and no upgrade", async () => {
    const none = await SELF.fetch(`${BASE}/api/notifications/ws`, { headers: { upgrade: "websocket" } });
    expect(none.status).toBe(401);
    expect(none.webSocket).toBeNull();
    expect(none.headers.get("content-type")).toContain("application/problem+json");
    const bad = await SELF.fetch(`${BASE}/api/notifications/ws?token=not-a-token`, { headers: { upgrade: "websocket" } });
    expect(bad.status).toBe(401);
  });

  it("answers 426 to a plain request", async () => {
    const user = await newUser();
    expectProblem(await api("GET", "/api/notifications/ws", { token: user.token }), 426);
  });

  it("accepts the token as a header or as ?token=, and answers ping with pong", async () => {
    const user = await newUser();
    for (const how of ["header", "query"] as const) {
      const socket = await connect(user.token, { how });
      socket.ws.send(JSON.stringify({ type: "ping" }));
      expect(await waitFor(() => socket.received.find((m) => m.type === "pong"))).toEqual({ type: "pong" });
      socket.ws.close(1000, "done");
    }
  });
});

describe("live push", () => {
  it("delivers an admin status change to every socket of the owner and to no one else", async () => {
    const owner = await newUser();
    const stranger = await newUser();
    const orderId = await placeOrder(owner.token, productId);
    const [tab1, tab2, other] = [await connect(owner.token), await connect(owner.token, { how: "header" }), await connect(stranger.token)];
    const res = await api("PATCH", `/api/admin/orders/${orderId}`, { token: admin.token, body: { status: "paid" } });
    expect(res.status).toBe(200);
    for (const tab of [tab1, tab2]) {
      const message = await waitFor(() => tab.received.find((m) => m.order_id === orderId));
      expect(message).toEqual({
        id: expect.any(Number),
        type: "order.status_changed",
        order_id: orderId,
        from_status: "pending",
        to_status: "paid",
        created_at: expect.any(String),
        read_at: null,
      });
    }
    // The stranger's socket is still alive (pong) but got nothing else.
    other.ws.send(JSON.stringify({ type: "ping" }));
    await waitFor(() => other.received.find((m) => m.type === "pong"));
    expect(other.received).toEqual([{ type: "pong" }]);
    const [row] = await sql<{ id: number }>("select id from notifications where order_id = $1", [orderId]);
    expect(tab1.received.find((m) => m.order_id === orderId)!.id).toBe(row!.id);
    for (const s of [tab1, tab2, other]) s.ws.close(1000);
  });

  it("pushes through the Durable Object RPC directly", async () => {
    const user = await newUser();
    const socket = await connect(user.token);
    const message = { id: 42, type: "order.status_changed" as const, order_id: 7, from_status: "pending" as const, to_status: "shipped" as const, created_at: new Date().toISOString(), read_at: null };
    await pushToUser(env, user.id, [{ notification: message, previousId: 0 }]);
    expect(await waitFor(() => socket.received.find((m) => m.id === 42))).toEqual(message);
    socket.ws.close(1000);
  });
});

describe("REST catch-up and read state", () => {
  it("lists newest first, returns exactly the missed ones oldest first with after=, and filters unread", async () => {
    const user = await newUser();
    const orderA = await placeOrder(user.token, productId);
    const orderB = await placeOrder(user.token, productId);
    await api("PATCH", `/api/admin/orders/${orderA}`, { token: admin.token, body: { status: "paid" } });
    const first = (await api("GET", "/api/notifications", { token: user.token })).body.results[0].id as number;
    await api("PATCH", `/api/admin/orders/${orderA}`, { token: admin.token, body: { status: "shipped" } });
    await api("PATCH", `/api/admin/orders/${orderB}`, { token: admin.token, body: { status: "cancelled" } });
    const all = await api("GET", "/api/notifications", { token: user.token });
    expect(all.body.count).toBe(3);
    expect(all.body.results.map((n: { to_status: string }) => n.to_status)).toEqual(["cancelled", "shipped", "paid"]);
    const missed = await api("GET", `/api/notifications?after=${first}`, { token: user.token });
    expect(missed.body.results.map((n: { order_id: number; to_status: string }) => [n.order_id, n.to_status])).toEqual([
      [orderA, "shipped"],
      [orderB, "cancelled"],
    ]);
    const paged = await api("GET", `/api/notifications?after=${first}&page_size=1`, { token: user.token });
    const rest = await api("GET", `/api/notifications?after=${first}&page_size=1&cursor=${encodeURIComponent(paged.body.next_cursor)}`, { token: user.token });
    expect([...paged.body.results, ...rest.body.results].map((n: { id: number }) => n.id)).toEqual(missed.body.results.map((n: { id: number }) => n.id));

    expect((await api("POST", `/api/notifications/${first}/read`, { token: user.token })).status).toBe(204);
    const unread = await api("GET", "/api/notifications?unread=true", { token: user.token });
    expect(unread.body.results.map((n: { id: number }) => n.id)).not.toContain(first);
    expect(unread.body.count).toBe(2);
    const stranger = await newUser();
    expectProblem(await api("POST", `/api/notifications/${first}/read`, { token: stranger.token }), 404);
    expect((await api("GET", "/api/notifications", { token: stranger.token })).body.results).toEqual([]);
    expect((await api("POST", "/api/notifications/read", { token: user.token })).status).toBe(204);
    expect((await api("GET", "/api/notifications?unread=true", { token: user.token })).body.count).toBe(0);
  });

  it("rejects bad parameters and needs a token", async () => {
    const user = await newUser();
    expectProblem(await api("GET", "/api/notifications?after=abc", { token: user.token }), 400);
    expectProblem(await api("GET", "/api/notifications?unread=maybe", { token: user.token }), 400);
    expectProblem(await api("GET", "/api/notifications"), 401);
    expectProblem(await api("POST", "/api/notifications/read"), 401);
  });
});
