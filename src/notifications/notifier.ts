import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";
import type { NotificationMessage } from "./push";

const PONG = JSON.stringify({ type: "pong" });

/**
 * One per user (idFromName(user id)). Holds that user's WebSockets with the hibernation API, so
 * idle sockets cost nothing, and pushes each committed notification to all of them. The Worker
 * authenticates before forwarding an upgrade here, so only the owner's sockets ever join.
 */
export class Notifier extends DurableObject<Env> {
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return new Response("expected a WebSocket upgrade", { status: 426 });
    }
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  /** Sends every message to every open socket; returns how many sockets got them. */
  async notify(messages: NotificationMessage[]): Promise<number> {
    let delivered = 0;
    for (const socket of this.ctx.getWebSockets()) {
      try {
        for (const message of messages) socket.send(JSON.stringify(message));
        delivered++;
      } catch {
        // A socket closing mid-send: its client catches up with ?after= on reconnect.
      }
    }
    return delivered;
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
