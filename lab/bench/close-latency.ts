// node lab/bench/close-latency.ts [dev|serve] [--keepalive] — how long after a logout a Node
// `ws` client sees the 4001 close, on a throwaway stack. What it shows (serve, workerd of this
// repository's wrangler): the close frame reaches the client within ~50 ms, the client answers and
// half-closes, but the Worker's side of the TCP connection ends only ~10 s later, when the Notifier
// hibernates; with --keepalive (a second socket of the same user pinging every 500 ms, so the object
// never hibernates) it does not end within 20 s at all. So the stall is the runtime holding a
// hibernatable WebSocket whose close handshake is complete until its Durable Object hibernates,
// not the Notifier's close path; `ws` fires `close` only when the TCP connection ends.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { freePort } from "../../scripts/lib/ports.ts";
import { parseRuntime, startRuntime } from "../../scripts/lib/runtime.ts";
import { startStack } from "../../scripts/lib/stack.ts";

const kind = parseRuntime(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "serve");
const keepalive = process.argv.includes("--keepalive");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ah-close-"));
const stack = await startStack({ dataDir: path.join(dataDir, "pg"), persistent: false });
const worker = await startRuntime(kind, {
  port: await freePort(),
  bindings: { ...stack.workerBindings, JWT_SECRET: `x-${crypto.randomUUID()}-${crypto.randomUUID()}`, PASSWORD_PEPPER: "x-pepper-0123456789abcdef0123456789abcdef" },
  persistTo: path.join(dataDir, "worker-state"),
  processGroup: true,
  timeoutMs: 120_000,
});
try {
  const base = worker.url;
  const post = async (p: string, body: unknown, token?: string) => {
    const r = await fetch(base + p, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    return { status: r.status, body: r.status === 204 ? null : await r.json() };
  };
  for (let round = 0; round < 2; round++) {
    const email = `c-${crypto.randomUUID()}@example.com`;
    await post("/api/auth/register", { email, password: "password-123" });
    const tokens = (await post("/api/auth/login", { email, password: "password-123" })).body as { access: string; refresh: string };
    const ws = new WebSocket(`${base.replace(/^http/, "ws")}/api/notifications/ws?token=${tokens.access}`);
    await new Promise((r) => ws.once("open", r));
    let keep: WebSocket | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    if (keepalive) {
      const other = (await post("/api/auth/login", { email, password: "password-123" })).body as { access: string };
      keep = new WebSocket(`${base.replace(/^http/, "ws")}/api/notifications/ws?token=${other.access}`);
      await new Promise((r) => keep!.once("open", r));
      timer = setInterval(() => keep!.send(JSON.stringify({ type: "ping" })), 500);
    }
    const events: string[] = [];
    const t0 = Date.now();
    ws.on("ping", () => events.push(`ping ${Date.now() - t0}`));
    const closed = new Promise<void>((resolve) => {
      ws.on("close", (code) => { events.push(`close ${code} ${Date.now() - t0}`); resolve(); });
    });
    // @ts-expect-error internal: when the close frame arrives
    ws._receiver.on("conclude", (code: number) => events.push(`close frame ${code} ${Date.now() - t0}`));
    (ws as unknown as { _socket: import("node:net").Socket })._socket.on("end", () => events.push(`tcp end ${Date.now() - t0}`));
    (ws as unknown as { _socket: import("node:net").Socket })._socket.on("close", () => events.push(`tcp close ${Date.now() - t0}`));
    const out = await post("/api/auth/logout", { refresh: tokens.refresh });
    events.push(`logout ${out.status} ${Date.now() - t0}`);
    await Promise.race([closed, new Promise((r) => setTimeout(r, 20000))]);
    clearInterval(timer);
    keep?.terminate();
    console.log(`[${kind}] round ${round}${keepalive ? " keepalive" : ""}: ${events.join(" | ")}`);
  }
} finally {
  await worker.stop();
  await stack.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
