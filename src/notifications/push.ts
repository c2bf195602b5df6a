import type { Env } from "../env";
import type { Delivery } from "./notifier.contract";

export type { Delivery, NotificationMessage } from "./notifier.contract";

function notifierOf(env: Env, userId: number) {
  return env.NOTIFIER.get(env.NOTIFIER.idFromName(String(userId)));
}

function warn(msg: string, userId: number, err: unknown): void {
  console.warn(JSON.stringify({ level: "warn", msg, userId, error: err instanceof Error ? err.message : String(err) }));
}

/**
 * Sends committed notifications to every open socket of their owner through the owner's
 * Durable Object. Call after commit (with executionCtx.waitUntil); never throws: a client that
 * misses a push catches up with GET /api/notifications?after=<id>.
 */
export async function pushToUser(env: Env, userId: number, deliveries: Delivery[]): Promise<void> {
  try {
    await notifierOf(env, userId).notify(userId, deliveries);
  } catch (err) {
    warn("notification push failed", userId, err);
  }
}

/**
 * Closes the sockets of an ended session (logout, refresh-token reuse) with 4001. Call after the
 * revocation committed (afterResponse); never throws: the session is revoked either way, and a
 * socket this misses is still closed when its access token expires.
 */
export async function endSessionSockets(env: Env, userId: number, sessionId: string): Promise<void> {
  try {
    await notifierOf(env, userId).closeSession(sessionId);
  } catch (err) {
    warn("closing an ended session's sockets failed", userId, err);
  }
}

/** Closes every socket of the user with 4001 (a password reset ended all their sessions). Never throws. */
export async function endUserSockets(env: Env, userId: number): Promise<void> {
  try {
    await notifierOf(env, userId).closeAll();
  } catch (err) {
    warn("closing a user's sockets failed", userId, err);
  }
}
