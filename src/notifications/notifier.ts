import { DurableObject } from "cloudflare:workers";
import { databaseFor } from "../db/client";
import { readConfig, type Env } from "../env";
import { withTimeout } from "../lib/timeout";
import { CloseCode, MAX_SOCKETS_PER_USER, UpgradeHeader, type Delivery, type NotificationMessage, type NotifierRpc } from "./notifier.contract";
import { notificationsBetween } from "./notifications.service";

const PONG = JSON.stringify({ type: "pong" });
/** The newest notification id every open socket has been sent (or was told to fetch over REST). */
const LAST_DELIVERED = "lastDeliveredId";
/**
 * Pushes and accepts wait for a gap fill in progress, so it is bounded: past this the sockets get a
 * resync (4000) and the clients catch up over REST, rather than every push and upgrade hanging.
 */
const GAP_FILL_TIMEOUT_MS = 5000;
/** How many sockets this object has accepted, ever: gives each socket its place in accept order. */
const ACCEPTED = "socketsAccepted";

/** What each socket carries through hibernation (serializeAttachment), so an alarm can still judge it. */
interface SocketTag {
  /** The session (refresh-token family) of the access token it was opened with. */
  sessionId: string;
  /** When that access token expires, ms since the epoch: the socket ends then too. */
  expiresAt: number;
  /** Its place in accept order; Date.now() does not move within one event in workerd, so times would tie. */
  accepted: number;
}

function tagOf(socket: WebSocket): SocketTag | null {
  const tag: unknown = socket.deserializeAttachment();
  if (typeof tag !== "object" || tag === null) return null;
  const { sessionId, expiresAt, accepted } = tag as Record<string, unknown>;
  if (typeof sessionId !== "string" || typeof expiresAt !== "number" || typeof accepted !== "number") return null;
  return { sessionId, expiresAt, accepted };
}

/** A non-negative integer header the Worker set; null when it is missing or anything else. */
function countHeader(request: Request, name: string): number | null {
  const value = request.headers.get(name);
  return value !== null && /^[0-9]{1,15}$/.test(value) ? Number(value) : null;
}

/**
 * One per user (idFromName(user id)). Holds that user's WebSockets with the hibernation API, so
 * idle sockets cost nothing, and pushes each committed notification to all of them. The Worker
 * authenticates before forwarding an upgrade here, so only the owner's sockets ever join.
 *
 * Delivery is in id order without gaps, so "resume from the highest id seen" is always safe for a
 * client: pushes travel independently and can overtake each other, so a push whose predecessor
 * has not been delivered first gets the missed ones from Postgres, in order. If that fails, the
 * sockets are closed with 4000 (resync) rather than sent anything out of order.
 *
 * Pushes and accepts run one at a time (`serially`): a push waiting on its gap fill would otherwise
 * let another push run with the same "last delivered" id, and both would send the same
 * notifications, in two orders.
 *
 * A socket lives no longer than its session: its access token's expiry (an alarm), logout and
 * refresh-token reuse (closeSession) close it with 4001. A user holds at most 20 sockets.
 */
export class Notifier extends DurableObject<Env> implements NotifierRpc {
  /** The tail of the pushes and accepts waiting their turn. In memory: an object with work in flight does not hibernate. */
  private queue: Promise<unknown> = Promise.resolve();

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return new Response("expected a WebSocket upgrade", { status: 426 });
    }
    const sessionId = request.headers.get(UpgradeHeader.session);
    const expiresAt = countHeader(request, UpgradeHeader.expiresAt);
    const upTo = countHeader(request, UpgradeHeader.upTo);
    if (!sessionId || expiresAt === null || upTo === null) {
      return new Response("expected an upgrade authorised by the Worker", { status: 400 });
    }
    const socket = await this.serially(() => this.accept({ sessionId, expiresAt }, upTo));
    return new Response(null, { status: 101, webSocket: socket });
  }

  /** Sends the deliveries, and any they overtook, to every open socket in id order; returns how many sockets got them. */
  notify(userId: number, deliveries: Delivery[]): Promise<number> {
    return this.serially(() => this.deliver(userId, deliveries));
  }

  async closeSession(sessionId: string): Promise<number> {
    let closed = 0;
    for (const socket of this.openSockets()) {
      if (tagOf(socket)?.sessionId !== sessionId) continue;
      this.close(socket, CloseCode.sessionEnded, "session ended: log in again");
      closed++;
    }
    return closed;
  }

  async closeAll(): Promise<number> {
    const sockets = this.openSockets();
    for (const socket of sockets) this.close(socket, CloseCode.sessionEnded, "signed out everywhere: log in again");
    return sockets.length;
  }

  /** Closes the sockets whose access token expired, then waits for the next one to expire. */
  override async alarm(): Promise<void> {
    await this.armExpiryAlarm();
  }

  override async webSocketMessage(socket: WebSocket, message: string | ArrayBuffer): Promise<void> {
    if (typeof message !== "string") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      socket.send(JSON.stringify({ type: "error", detail: "Messages must be JSON." }));
      return;
    }
    if (typeof parsed === "object" && parsed !== null && (parsed as { type?: unknown }).type === "ping") socket.send(PONG);
  }

  override async webSocketClose(socket: WebSocket, code: number, reason: string): Promise<void> {
    // 1005 ("no status") and 1006 cannot be sent back; answer with a normal closure.
    this.close(socket, code === 1005 || code === 1006 || code < 1000 || code >= 5000 ? 1000 : code, reason);
  }

  override async webSocketError(socket: WebSocket): Promise<void> {
    this.close(socket, 1011, "error");
  }

  /** Runs `work` after every push and accept before it has finished, whatever their outcome. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async accept(session: Omit<SocketTag, "accepted">, upTo: number): Promise<WebSocket> {
    // With no socket open nothing was promised to anyone: start from where the user's
    // notifications stood at connect time; the client catches up to there over REST.
    if (this.liveSockets().length === 0) await this.ctx.storage.put(LAST_DELIVERED, upTo);
    const accepted = ((await this.ctx.storage.get<number>(ACCEPTED)) ?? 0) + 1;
    await this.ctx.storage.put(ACCEPTED, accepted);
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    pair[1].serializeAttachment({ ...session, accepted } satisfies SocketTag);
    this.closeOldestBeyondLimit();
    await this.armExpiryAlarm();
    return pair[0];
  }

  private closeOldestBeyondLimit(): void {
    const open = this.openSockets();
    if (open.length <= MAX_SOCKETS_PER_USER) return;
    // Sockets without a tag (accepted before tags existed) count as the oldest.
    const byAge = open.map((socket) => ({ socket, accepted: tagOf(socket)?.accepted ?? 0 })).sort((a, b) => a.accepted - b.accepted);
    for (const { socket } of byAge.slice(0, open.length - MAX_SOCKETS_PER_USER)) {
      this.close(socket, CloseCode.tooManySockets, `too many sockets: at most ${MAX_SOCKETS_PER_USER} per user`);
    }
  }

  private async deliver(userId: number, deliveries: Delivery[]): Promise<number> {
    if (this.liveSockets().length === 0) return 0;
    let last = await this.ctx.storage.get<number>(LAST_DELIVERED);
    const outgoing: NotificationMessage[] = [];
    for (const { notification, previousId } of [...deliveries].sort((a, b) => a.notification.id - b.notification.id)) {
      if (last !== undefined && notification.id <= last) continue; // sent already (or fetched by a gap fill)
      if (last !== undefined && previousId > last) {
        try {
          outgoing.push(...(await withTimeout(this.missed(userId, last, notification.id), GAP_FILL_TIMEOUT_MS)));
        } catch (err) {
          console.warn(JSON.stringify({ level: "warn", msg: "notification gap not filled; asking clients to resync", userId, error: err instanceof Error ? err.message : String(err) }));
          await this.resync();
          return 0;
        }
      }
      outgoing.push(notification);
      last = notification.id;
    }
    if (outgoing.length === 0) return 0;
    await this.ctx.storage.put(LAST_DELIVERED, last);
    const frames = outgoing.map((message) => JSON.stringify(message));
    let delivered = 0;
    for (const socket of this.liveSockets()) {
      try {
        for (const frame of frames) socket.send(frame);
        delivered++;
      } catch {
        // A socket closing mid-send: its client catches up with ?after= on reconnect.
      }
    }
    return delivered;
  }

  private async missed(userId: number, after: number, before: number): Promise<NotificationMessage[]> {
    return notificationsBetween(databaseFor(readConfig(this.env)), userId, after, before);
  }

  /** Nothing may be sent past a gap: every client reconnects and catches up from what it has. */
  private async resync(): Promise<void> {
    await this.ctx.storage.delete(LAST_DELIVERED);
    for (const socket of this.openSockets()) this.close(socket, CloseCode.resync, "resync: reconnect and fetch ?after=<last id seen>");
  }

  /** Sockets still open (a socket we closed stays listed until its client answers the close). */
  private openSockets(): WebSocket[] {
    return this.ctx.getWebSockets().filter((socket) => socket.readyState === WebSocket.OPEN);
  }

  /**
   * The open sockets whose session has not expired. Closes the expired ones on the way, so a
   * push never reaches a socket past its token's expiry even if the alarm is late.
   */
  private liveSockets(): WebSocket[] {
    const now = Date.now();
    return this.openSockets().filter((socket) => {
      // No tag: accepted before sockets carried their session; it logs in again.
      if ((tagOf(socket)?.expiresAt ?? 0) > now) return true;
      this.close(socket, CloseCode.sessionEnded, "access token expired: refresh and reconnect");
      return false;
    });
  }

  /**
   * Closes the expired sockets and sets the alarm for the earliest expiry among the others, unless
   * it is set earlier already (an alarm that finds nothing due just sets the next one).
   */
  private async armExpiryAlarm(): Promise<void> {
    const expiries = this.liveSockets().flatMap((socket) => tagOf(socket)?.expiresAt ?? []);
    if (expiries.length === 0) return;
    const next = Math.min(...expiries);
    const current = await this.ctx.storage.getAlarm();
    if (current === null || next < current) await this.ctx.storage.setAlarm(next);
  }

  /** Every close and error, ours or the client's, ends here. */
  private close(socket: WebSocket, code: number, reason: string): void {
    try {
      socket.close(code, reason);
    } catch {
      // already closed
    }
  }
}
