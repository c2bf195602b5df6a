import { SELF } from "cloudflare:test";
import { expect } from "vitest";
import { api, BASE } from "../helpers/api";
import { sql } from "../helpers/db";

export interface Socket {
  ws: WebSocket;
  received: Record<string, unknown>[];
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
  const received: Record<string, unknown>[] = [];
  ws.addEventListener("message", (event) => received.push(JSON.parse(String(event.data))));
  ws.accept();
  return { ws, received };
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

/** Pings a socket and waits for the pong: everything pushed before it has arrived by then. */
export async function drain(socket: Socket): Promise<void> {
  const pongs = socket.received.filter((m) => m.type === "pong").length;
  socket.ws.send(JSON.stringify({ type: "ping" }));
  await waitFor(() => (socket.received.filter((m) => m.type === "pong").length > pongs ? true : undefined));
}

/** Puts `quantity` of a product in the cart and places an order; returns the order id. */
export async function placeOrder(token: string, productId: number, quantity = 1): Promise<number> {
  const cart = await api("POST", "/api/cart/items", { token, body: { product_id: productId, quantity } });
  if (cart.status !== 200) throw new Error(`cart: ${cart.status} ${JSON.stringify(cart.body)}`);
  const res = await api("POST", "/api/orders", { token });
  if (res.status !== 201) throw new Error(`order: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as number;
}

export const stockOf = async (productId: number) =>
  (await sql<{ stock: number }>("select stock from products where id = $1", [productId]))[0]!.stock;

/** Valid JSON followed by whitespace (still valid JSON) up to exactly `bytes` bytes. */
export function paddedJson(value: unknown, bytes: number): string {
  const json = JSON.stringify(value);
  const size = new TextEncoder().encode(json).length;
  if (size > bytes) throw new Error("value is already larger than the padding target");
  return json + " ".repeat(bytes - size);
}

export const MAX_BODY_BYTES = 64 * 1024;
