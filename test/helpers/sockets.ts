import { SELF } from "cloudflare:test";
import { expect } from "vitest";
import { BASE } from "./api";

export interface Socket {
  ws: WebSocket;
  received: Record<string, unknown>[];
  /** How the server closed it, once it has. */
  closed?: { code: number; reason: string };
}

/** Opens a notifications WebSocket the way a browser does (?token=) or a server client does (header). */
export async function connect(token: string, opts: { how?: "header" | "query"; query?: string } = {}): Promise<Socket> {
  const how = opts.how ?? "query";
  const params = new URLSearchParams(opts.query ?? "");
  if (how === "query") params.set("token", token);
  const qs = params.toString();
  const headers: Record<string, string> = { upgrade: "websocket" };
  if (how === "header") headers.authorization = `Bearer ${token}`;
  const res = await SELF.fetch(`${BASE}/api/notifications/ws${qs ? `?${qs}` : ""}`, { headers });
  expect(res.status).toBe(101);
  const ws = res.webSocket!;
  const socket: Socket = { ws, received: [] };
  ws.addEventListener("message", (event) => {
    socket.received.push(JSON.parse(String(event.data)));
  });
  ws.addEventListener("close", (event) => {
    socket.closed = { code: event.code, reason: event.reason };
  });
  ws.accept();
  return socket;
}

export async function waitFor<T>(check: () => T | undefined, ms = 2000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Waits until the server closes the socket; returns the close code and reason. */
export function closedBy(socket: Socket, ms = 5000): Promise<{ code: number; reason: string }> {
  return waitFor(() => socket.closed, ms);
}

/** Pings a socket and waits for the pong: everything pushed before it has arrived by then. */
export async function drain(socket: Socket): Promise<void> {
  const pongs = socket.received.filter((m) => m.type === "pong").length;
  socket.ws.send(JSON.stringify({ type: "ping" }));
  await waitFor(() => (socket.received.filter((m) => m.type === "pong").length > pongs ? true : undefined));
}

export const notificationsIn = (socket: Socket) => socket.received.filter((m) => m.type === "order.status_changed");
