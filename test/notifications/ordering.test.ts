import { env, runInDurableObject } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { NotifierRpc } from "../../src/notifications/notifier.contract";
import { pushToUser, type NotificationMessage } from "../../src/notifications/push";
import { api, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin, placeOrder } from "../helpers/fixtures";
import { closedBy, connect, drain, notificationsIn, waitFor } from "../helpers/sockets";

let admin: Awaited<ReturnType<typeof newAdmin>>;
let productId: number;

afterEach(() => {
  vi.restoreAllMocks();
});

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

/** The Notifier's gap fill: the read from Postgres a push makes when it overtook others. */
type GapFill = (userId: number, after: number, before: number) => Promise<NotificationMessage[]>;

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
    // Five: the most unpaid orders one user may hold.
    for (let i = 0; i < 5; i++) orderIds.push(await placeOrder(user.token, productId));
    const socket = await connect(user.token);
    const results = await Promise.all(orderIds.map((id) => api("PATCH", `/api/admin/orders/${id}`, { token: admin.token, body: { status: "paid" } })));
    expect(results.map((r) => r.status)).toEqual(orderIds.map(() => 200));
    await waitFor(() => (notifications(socket.received).length >= 5 ? true : undefined));
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
    expect((await api("PATCH", `/api/admin/orders/${orderId}`, { token: admin.token, body: { status: "paid" } })).status).toBe(200);
    await waitFor(() => (notifications(socket.received).length >= 1 ? true : undefined));
    await drain(socket);
    expect(notifications(socket.received).map((m) => m.to_status)).toEqual(["paid"]);
    expect(notifications(socket.received)[0]!.id).toBeGreaterThan(before.id);
    const catchUp = await api("GET", "/api/notifications?after=0", { token: user.token });
    expect(catchUp.body.results.map((n: { id: number }) => n.id)[0]).toBe(before.id);
    socket.ws.close(1000);
  });

  it("sends each id once and in increasing order when two pushes arrive while a gap fill is slow", async () => {
    const user = await newUser("interleaved");
    const orderId = await placeOrder(user.token, productId);
    const socket = await connect(user.token);
    const [first, second, third] = [await committedNotification(user.id, orderId), await committedNotification(user.id, orderId), await committedNotification(user.id, orderId)];
    const stub = env.NOTIFIER.get(env.NOTIFIER.idFromName(String(user.id)));
    // Inside the object: hold its gap fill (the real one, from Postgres) until two more pushes have
    // arrived, as a slow read would. Only this instance is touched; nothing in src/ knows of tests.
    await runInDurableObject(stub, async (instance: NotifierRpc) => {
      const notifier = instance as NotifierRpc & { missed: GapFill };
      const realFill = notifier.missed;
      expect(realFill).toBeTypeOf("function");
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let fillStarted!: () => void;
      const started = new Promise<void>((resolve) => (fillStarted = resolve));
      notifier.missed = async (...args) => {
        fillStarted();
        await held;
        return realFill.apply(notifier, args);
      };
      try {
        // The third arrives first: the first and second were not sent yet, so it fills the gap.
        const overtaking = notifier.notify(user.id, [{ notification: third, previousId: second.id }]);
        await started;
        const late = [notifier.notify(user.id, [{ notification: first, previousId: 0 }]), notifier.notify(user.id, [{ notification: second, previousId: first.id }])];
        release();
        await Promise.all([overtaking, ...late]);
      } finally {
        Reflect.deleteProperty(notifier, "missed");
      }
    });
    await drain(socket);
    expect(notificationsIn(socket).map((m) => m.id)).toEqual([first.id, second.id, third.id]);
    expect(await runInDurableObject(stub, (_instance, state) => state.storage.get("lastDeliveredId"))).toBe(third.id);
    socket.ws.close(1000);
  });

  it("closes the sockets with 4000 when a gap cannot be filled, and the pushes after it still go out", async () => {
    const user = await newUser("resync");
    const orderId = await placeOrder(user.token, productId);
    const socket = await connect(user.token);
    const [first, second] = [await committedNotification(user.id, orderId), await committedNotification(user.id, orderId)];
    const stub = env.NOTIFIER.get(env.NOTIFIER.idFromName(String(user.id)));
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await runInDurableObject(stub, async (instance: NotifierRpc) => {
      const notifier = instance as NotifierRpc & { missed: GapFill };
      // The gap fill fails as a Postgres read would.
      notifier.missed = () => Promise.reject(new Error("connection terminated"));
      try {
        expect(await notifier.notify(user.id, [{ notification: second, previousId: first.id }])).toBe(0);
      } finally {
        Reflect.deleteProperty(notifier, "missed");
      }
    });
    expect((await closedBy(socket)).code).toBe(4000);
    expect(notificationsIn(socket)).toEqual([]);
    // The client reconnects (and catches up over REST); the object takes the next push as usual.
    const again = await connect(user.token);
    const third = await committedNotification(user.id, orderId);
    await pushToUser(env, user.id, [{ notification: third, previousId: second.id }]);
    await drain(again);
    expect(notificationsIn(again)).toEqual([third]);
    again.ws.close(1000);
  });
});
