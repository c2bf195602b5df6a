import { DurableObject } from "cloudflare:workers";
import { openDatabase } from "../db/client";
import { readConfig, type Env } from "../env";
import type { NotifierRpc } from "./notifier.contract";
import { notificationsBetween } from "./notifications.service";
import { RESYNC_CLOSE_CODE, UP_TO_HEADER, type Delivery, type NotificationMessage } from "./push";

const PONG = JSON.stringify({ type: "pong" });
/** The newest notification id every open socket has been sent (or was told to fetch over REST). */
const LAST_DELIVERED = "lastDeliveredId";

/**
 * One per user (idFromName(user id)). Holds that user's WebSockets with the hibernation API, so
 * idle sockets cost nothing, and pushes each committed notification to all of them. The Worker
 * authenticates before forwarding an upgrade here, so only the owner's sockets ever join.
 *
 * Delivery is in id order without gaps, so "resume from the highest id seen" is always safe for a
 * client: pushes travel independently and can overtake each other, so a push whose predecessor
 * has not been delivered first gets the missed ones from Postgres, in order. If that fails, the
 * sockets are closed with 4000 (resync) rather than sent anything out of order.
 */
export class Notifier extends DurableObject<Env> implements NotifierRpc {
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return new Response("expected a WebSocket upgrade", { status: 426 });
    }
    // With no socket open nothing was promised to anyone: start from where the user's
    // notifications stood at connect time; the client catches up to there over REST.
    const upTo = Number(request.headers.get(UP_TO_HEADER));
    if (this.ctx.getWebSockets().length === 0 && Number.isInteger(upTo) && upTo >= 0) {
      await this.ctx.storage.put(LAST_DELIVERED, upTo);
    }
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  /** Sends the deliveries, and any they overtook, to every open socket in id order; returns how many sockets got them. */
  async notify(userId: number, deliveries: Delivery[]): Promise<number> {
    const sockets = this.ctx.getWebSockets();
    if (sockets.length === 0) return 0;
    let last = await this.ctx.storage.get<number>(LAST_DELIVERED);
    const outgoing: NotificationMessage[] = [];
    for (const { notification, previousId } of [...deliveries].sort((a, b) => a.notification.id - b.notification.id)) {
      if (last !== undefined && notification.id <= last) continue; // sent already (or fetched by a gap fill)
      if (last !== undefined && previousId > last) {
        try {
          outgoing.push(...(await this.missed(userId, last, notification.id)));
        } catch (err) {
          console.warn(JSON.stringify({ level: "warn", msg: "notification gap not filled; asking clients to resync", userId, error: err instanceof Error ? err.message : String(err) }));
          await this.resync(sockets);
          return 0;
        }
      }
      outgoing.push(notification);
      last = notification.id;
    }
    if (outgoing.length === 0) return 0;
    await this.ctx.storage.put(LAST_DELIVERED, last);
    let delivered = 0;
    for (const socket of sockets) {
      try {
        for (const message of outgoing) socket.send(JSON.stringify(message));
        delivered++;
      } catch {
        // A socket closing mid-send: its client catches up with ?after= on reconnect.
      }
    }
    return delivered;
  }

  private async missed(userId: number, after: number, before: number): Promise<NotificationMessage[]> {
    const config = readConfig(this.env);
    const handle = openDatabase(config.DATABASE_URL, config.NEON_WS_PROXY || undefined);
    try {
      return await notificationsBetween(handle.db, userId, after, before);
    } finally {
      this.ctx.waitUntil(handle.close());
    }
  }

  /** Nothing may be sent past a gap: every client reconnects and catches up from what it has. */
  private async resync(sockets: WebSocket[]): Promise<void> {
    await this.ctx.storage.delete(LAST_DELIVERED);
    for (const socket of sockets) {
      try {
        socket.close(RESYNC_CLOSE_CODE, "resync: reconnect and fetch ?after=<last id seen>");
      } catch {
        // already closed
      }
    }
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
    const reply = code === 1005 || code === 1006 || code < 1000 || code >= 5000 ? 1000 : code;
    try {
      socket.close(reply, reason);
    } catch {
      // already closed
    }
  }

  override async webSocketError(socket: WebSocket): Promise<void> {
    try {
      socket.close(1011, "error");
    } catch {
      // already closed
    }
  }
}
