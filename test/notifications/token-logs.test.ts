import { afterEach, describe, expect, it, vi } from "vitest";
import { Notifier } from "../../src/notifications/notifier";
import { BASE, newUser } from "../helpers/api";
import { closedBy, drain, type Socket } from "../helpers/sockets";
import { callWorker, captureConsole } from "../helpers/worker";

// Browsers put the access token in the socket URL (?token=). It must never reach a log line the
// Worker or the Notifier writes. The Worker, the Notifier and these tests share one isolate in the
// workers pool, so spying on `console` here sees every line either of them writes.

afterEach(() => {
  vi.restoreAllMocks();
});

const call = callWorker;

const upgrade = (token: string) => new Request(`${BASE}/api/notifications/ws?token=${encodeURIComponent(token)}`, { headers: { upgrade: "websocket" } });

function expectNoToken(lines: string[], token: string) {
  for (const line of lines) {
    expect(line).not.toContain(token);
    expect(line).not.toContain(encodeURIComponent(token));
    expect(line).not.toMatch(/[?&]token=/);
  }
}

describe("?token= in logs", () => {
  it("is not in the error log line of an upgrade that fails because Postgres is down", async () => {
    const user = await newUser("token-log-down");
    const lines = captureConsole();
    const res = await call(upgrade(user.token), { DATABASE_URL: "postgres://postgres:password@127.0.0.1:9/shop" });
    expect(res.status).toBe(503);
    // The error handler did log this request (by its path), so the check below is not vacuous.
    expect(lines.some((line) => line.includes("/api/notifications/ws"))).toBe(true);
    expectNoToken(lines, user.token);
  });

  it("is in no line written while a socket opened with it is accepted, pinged and ended by logout", async () => {
    const user = await newUser("token-log-life");
    const notifierFetch = vi.spyOn(Notifier.prototype, "fetch");
    const lines = captureConsole();
    const res = await call(upgrade(user.token));
    expect(res.status).toBe(101);
    const socket: Socket = { ws: res.webSocket!, received: [] };
    socket.ws.addEventListener("message", (event) => {
      socket.received.push(JSON.parse(String(event.data)));
    });
    socket.ws.addEventListener("close", (event) => {
      socket.closed = { code: event.code, reason: event.reason };
    });
    socket.ws.accept();
    await drain(socket);
    const logout = await call(new Request(`${BASE}/api/auth/logout`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ refresh: user.refresh }) }));
    expect(logout.status).toBe(204);
    expect((await closedBy(socket)).code).toBe(4001);
    expectNoToken(lines, user.token);
    // The Notifier never even holds it: the Worker forwards the upgrade without it.
    expect(notifierFetch).toHaveBeenCalledTimes(1);
    const forwarded = notifierFetch.mock.calls[0]![0] as Request;
    expect(forwarded.url).not.toContain("token=");
    expect(forwarded.headers.get("authorization")).toBeNull();
    expect([...forwarded.headers].map(([, value]) => value).join(" ")).not.toContain(user.token);
  });
});
