import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { pushToUser, type NotificationMessage } from "../../src/notifications/push";
import { api, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin, placeOrder } from "../helpers/fixtures";
import { connect, drain, waitFor } from "../helpers/sockets";

let admin: Awaited<ReturnType<typeof newAdmin>>;
let productId: number;

beforeAll(async () => {
  admin = await newAdmin();
  const category = await createCategory(admin.token);
  productId = (await createProduct(admin.token, category.id, { stock: 1000, price: "1.00" })).id;
});

/** A committed notification written straight into Postgres, as a status change would leave it. */
async function committedNotification(userId: number, orderId: number): Promise<NotificationMessage> {
  const [row] = await sql<{ id: number; created_at: Date }>(
    "insert into notifications (user_id, order_id, from_status, to_status) values ($1, $2, 'pending', 'shipped') returning id, created_at",
    [userId, orderId],
  );
  return { id: row!.id, type: "order.status_changed", order_id: orderId, from_status: "pending", to_status: "shipped", created_at: new Date(row!.created_at).toISOString(), read_at: null };
}

const notifications = (received: Record<string, unknown>[]) => received.filter((m) => m.type === "order.status_changed");

describe("delivery order", () => {
  it("sends a notification that a later push overtook first, from Postgres, and never sends it twice", async () => {
    const user = await newUser("overtaken");
    const orderId = await placeOrder(user.token, productId);
    const socket = await connect(user.token);
    const first = await committedNotification(user.id, orderId);
    const second = await committedNotification(user.id, orderId);
    // The second push arrives before the first one.
    await pushToUser(env, user.id, [{ notification: second, previousId: first.id }]);
    await waitFor(() => (notifications(socket.received).length >= 2 ? true : undefined));
    await pushToUser(env, user.id, [{ notification: first, previousId: 0 }]);
    await drain(socket);
    expect(notifications(socket.received)).toEqual([first, second]);
    socket.ws.close(1000);
  });

  it("delivers concurrent status changes of one user's orders complete and in increasing id order", async () => {
    const user = await newUser("burst");
    const orderIds: number[] = [];
    for (let i = 0; i < 6; i++) orderIds.push(await placeOrder(user.token, productId));
    const socket = await connect(user.token);
    const results = await Promise.all(orderIds.map((id) => api("PATCH", `/api/admin/orders/${id}`, { token: admin.token, body: { status: "shipped" } })));
    expect(results.map((r) => r.status)).toEqual(orderIds.map(() => 200));
    await waitFor(() => (notifications(socket.received).length >= 6 ? true : undefined));
    await drain(socket);
    const stored = await sql<{ id: number }>("select id from notifications where user_id = $1 order by id", [user.id]);
    expect(notifications(socket.received).map((m) => m.id)).toEqual(stored.map((r) => r.id));
    socket.ws.close(1000);
  });

  it("starts a new socket where the user's notifications stand, leaving earlier ones to the REST catch-up", async () => {
    const user = await newUser("late");
    const orderId = await placeOrder(user.token, productId);
    const before = await committedNotification(user.id, orderId);
    const socket = await connect(user.token);
    // A push for a notification from before the socket connected (a slow one) is not replayed to it.
    await pushToUser(env, user.id, [{ notification: before, previousId: 0 }]);
    expect((await api("PATCH", `/api/admin/orders/${orderId}`, { token: admin.token, body: { status: "shipped" } })).status).toBe(200);
    await waitFor(() => (notifications(socket.received).length >= 1 ? true : undefined));
    await drain(socket);
    expect(notifications(socket.received).map((m) => m.to_status)).toEqual(["shipped"]);
    expect(notifications(socket.received)[0]!.id).toBeGreaterThan(before.id);
    const catchUp = await api("GET", "/api/notifications?after=0", { token: user.token });
    expect(catchUp.body.results.map((n: { id: number }) => n.id)[0]).toBe(before.id);
    socket.ws.close(1000);
  });
});
