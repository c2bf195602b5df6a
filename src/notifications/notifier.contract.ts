// What the Worker may call on a user's Notifier (the class implements it), and the wire constants
// both sides share. Nothing here imports anything that leads back to env.ts, so the Worker's side
// can use these without loading the Durable Object's module (which itself reads the config).
import type { NotificationMessage } from "./notification-message";

export type { NotificationMessage };

/** A committed notification and the id of the same user's notification before it (0 if none). */
export interface Delivery {
  notification: NotificationMessage;
  previousId: number;
}

export interface NotifierRpc extends Rpc.DurableObjectBranded {
  /** Sends the deliveries (and any they overtook) to every open socket in id order; returns how many sockets got them. */
  notify(userId: number, deliveries: Delivery[]): Promise<number>;
  /** Closes the sockets opened with access tokens of this session with SESSION_ENDED; returns how many. */
  closeSession(sessionId: string): Promise<number>;
  /** Closes every socket of the user with SESSION_ENDED (all sessions ended: password reset); returns how many. */
  closeAll(): Promise<number>;
}

/** Close codes a client must know: shared with the storefront (src/shared/contract.ts). */
export { CloseCode } from "../shared/contract";

export const MAX_SOCKETS_PER_USER = 20;

/**
 * Headers the Worker sets on an upgrade it forwards to the Notifier, after authenticating it: what
 * the Notifier needs to know about the socket. A client cannot reach the Notifier directly.
 */
export const UpgradeHeader = {
  /** The user's newest notification id when the socket was authorised. */
  upTo: "x-notifications-up-to",
  /** The session (refresh-token family) of the access token. */
  session: "x-notifications-session",
  /** When the access token expires, ms since the epoch. */
  expiresAt: "x-notifications-expires-at",
} as const;
