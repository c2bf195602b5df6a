import type { Env } from "../env";

type OrderStatus = "pending" | "shipped" | "delivered" | "cancelled";

/** Exactly the notification shape of API.md; also what each WebSocket receives. */
export interface NotificationMessage {
  id: number;
  type: "order.status_changed";
  order_id: number;
  from_status: OrderStatus;
  to_status: OrderStatus;
  created_at: string;
  read_at: string | null;
}

/** Close code asking clients to reconnect and catch up with ?after=: sent instead of delivering out of order. */
export const RESYNC_CLOSE_CODE = 4000;
/** Header on an upgrade forwarded to the Notifier: the user's newest notification id when the socket was authorised. */
export const UP_TO_HEADER = "x-notifications-up-to";

/** A committed notification and the id of the same user's notification before it (0 if none). */
export interface Delivery {
  notification: NotificationMessage;
  previousId: number;
}

/**
 * Sends committed notifications to every open socket of their owner through the owner's
 * Durable Object. Call after commit (with executionCtx.waitUntil); never throws: a client that
 * misses a push catches up with GET /api/notifications?after=<id>.
 */
export async function pushToUser(env: Env, userId: number, deliveries: Delivery[]): Promise<void> {
  try {
    const stub = env.NOTIFIER.get(env.NOTIFIER.idFromName(String(userId)));
    await stub.notify(userId, deliveries);
  } catch (err) {
    console.warn(JSON.stringify({ level: "warn", msg: "notification push failed", userId, error: err instanceof Error ? err.message : String(err) }));
  }
}
