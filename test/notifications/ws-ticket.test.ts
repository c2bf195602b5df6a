import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, BASE, expectProblem, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { closedBy, waitFor, type Socket } from "../helpers/sockets";

// No token in a URL: a browser asks POST /api/notifications/ws-ticket (with its access token in the
// header) for a single-use, 30-second ticket and opens the socket with ?ticket=. The ticket stands
// for that access token's session: logout closes the socket with 4001 like any other.

const ticketFor = (token: string) => api<{ ticket: string; expires_in: number }>("POST", "/api/notifications/ws-ticket", { token });

const upgrade = (ticket: string, headers: Record<string, string> = { upgrade: "websocket" }) =>
  SELF.fetch(`${BASE}/api/notifications/ws?ticket=${encodeURIComponent(ticket)}`, { headers });

async function open(ticket: string): Promise<Socket> {
  const res = await upgrade(ticket);
  expect(res.status).toBe(101);
  const ws = res.webSocket!;
  const socket: Socket = { ws, received: [] };
  ws.addEventListener("message", (event) => socket.received.push(JSON.parse(String(event.data))));
  ws.addEventListener("close", (event) => {
    socket.closed = { code: event.code, reason: event.reason };
  });
  ws.accept();
  return socket;
}

async function problemOf(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  return (await res.json()) as { type: string; detail: string };
}

describe("a socket ticket", () => {
  it("opens one socket, once, in one Postgres round trip to issue", async () => {
    const user = await newUser("ticket");
    const issued = await ticketFor(user.token);
    expect(issued.status).toBe(201);
    expect(issued.body).toEqual({ ticket: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), expires_in: expect.any(Number) });
    expect(issued.body.expires_in).toBeGreaterThan(0);
    expect(issued.body.expires_in).toBeLessThanOrEqual(30);
    expect([issued.headers.get("x-db-round-trips"), issued.headers.get("x-cache-round-trips")]).toEqual(["1", "0"]);

    const socket = await open(issued.body.ticket);
    socket.ws.send(JSON.stringify({ type: "ping" }));
    await waitFor(() => (socket.received.some((m) => m.type === "pong") ? true : undefined));
    // Used up: the same ticket opens nothing.
    await problemOf(await upgrade(issued.body.ticket), 401);
    socket.ws.close(1000);
  });

  it("is stored hashed, never as itself", async () => {
    const user = await newUser("ticket-hash");
    const { ticket } = (await ticketFor(user.token)).body;
    const rows = await sql<{ ticket_hash: string }>("select ticket_hash from ws_tickets where user_id = $1", [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.ticket_hash).not.toContain(ticket);
  });

  it("is refused once expired, and when unknown or malformed", async () => {
    const user = await newUser("ticket-expired");
    const { ticket } = (await ticketFor(user.token)).body;
    await sql("update ws_tickets set expires_at = now() - interval '1 second' where user_id = $1", [user.id]);
    await problemOf(await upgrade(ticket), 401);
    await problemOf(await upgrade("A".repeat(43)), 401);
    await problemOf(await upgrade("not a ticket"), 401);
  });

  it("is not used up by a request that is not an upgrade", async () => {
    const user = await newUser("ticket-426");
    const { ticket } = (await ticketFor(user.token)).body;
    await problemOf(await upgrade(ticket, {}), 426);
    const socket = await open(ticket);
    socket.ws.close(1000);
  });

  it("needs an access token to be issued", async () => {
    expectProblem(await api("POST", "/api/notifications/ws-ticket"), 401);
    expectProblem(await api("POST", "/api/notifications/ws-ticket", { token: "not-a-token" }), 401);
  });

  it("opens a socket of that session: logout closes it with 4001", async () => {
    const user = await newUser("ticket-logout");
    const socket = await open((await ticketFor(user.token)).body.ticket);
    expect((await api("POST", "/api/auth/logout", { body: { refresh: user.refresh } })).status).toBe(204);
    expect((await closedBy(socket)).code).toBe(4001);
  });
});
