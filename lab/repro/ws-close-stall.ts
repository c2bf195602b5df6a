// node lab/repro/ws-close-stall.ts — a minimal reproduction, apart from the shop, of the stall
// lab/bench/close-latency.ts found: under plain workerd (the build wrangler ships), a Durable
// Object closes a WebSocket it accepted, and a Node `ws` client's close event comes only when the
// TCP connection ends. Three objects, 60 lines of Worker: hibernatable (ctx.acceptWebSocket) and
// regular (ws.accept()) sockets, closed by the server 100 ms after the upgrade; prints how long the
// client waited for `close` after it received the close frame.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import WebSocket from "ws";
import { freePort } from "../../scripts/lib/ports.ts";
import { workerdBinary } from "../../scripts/lib/workerd.ts";

const worker = `
import { DurableObject } from "cloudflare:workers";
export class Hibernating extends DurableObject {
  async fetch() {
    const [client, server] = Object.values(new WebSocketPair());
    this.ctx.acceptWebSocket(server);
    setTimeout(() => server.close(4001, "bye"), 100);
    return new Response(null, { status: 101, webSocket: client });
  }
  webSocketClose() {}
}
export class HibernatingNoHandler extends DurableObject {
  async fetch() {
    const [client, server] = Object.values(new WebSocketPair());
    this.ctx.acceptWebSocket(server);
    setTimeout(() => server.close(4001, "bye"), 100);
    return new Response(null, { status: 101, webSocket: client });
  }
}
export class HibernatingAsksClient extends DurableObject {
  async fetch() {
    const [client, server] = Object.values(new WebSocketPair());
    this.ctx.acceptWebSocket(server);
    setTimeout(() => server.send("close 4001"), 100);
    return new Response(null, { status: 101, webSocket: client });
  }
  webSocketClose() {}
}
export class Regular extends DurableObject {
  async fetch() {
    const [client, server] = Object.values(new WebSocketPair());
    server.accept();
    setTimeout(() => server.close(4001, "bye"), 100);
    return new Response(null, { status: 101, webSocket: client });
  }
}
export default {
  fetch(request, env) {
    const name = new URL(request.url).pathname.slice(1);
    const ns = env[name];
    if (!ns) return new Response("", { status: 404 });
    return ns.get(ns.idFromName("one")).fetch(request);
  },
};`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ws-close-"));
fs.writeFileSync(path.join(dir, "worker.js"), worker);
const port = await freePort();
const classes = ["Hibernating", "HibernatingNoHandler", "HibernatingAsksClient", "Regular"];
fs.writeFileSync(
  path.join(dir, "config.capnp"),
  `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .w)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const w :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2026-08-01",
  compatibilityFlags = ["nodejs_compat"],
  durableObjectNamespaces = [${classes.map((c) => `(className = "${c}", uniqueKey = "${c}")`).join(", ")}],
  durableObjectStorage = (inMemory = void),
  bindings = [${classes.map((c) => `(name = "${c}", durableObjectNamespace = "${c}")`).join(", ")}],
);
`,
);
const child = spawn(workerdBinary(), ["serve", path.join(dir, "config.capnp"), "--experimental"], { stdio: ["ignore", "inherit", "inherit"] });
try {
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`).catch(() => null);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await new Promise((r) => setTimeout(r, 500));
  for (const name of classes) {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/${name}`);
    let frameAt = 0;
    const result = await new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve("no close event within 20 s"), 20_000);
      // `ws` reads the close frame (and answers it) before it emits close; its socket's end marks the frame.
      ws.on("open", () => {
        (ws as unknown as { _socket: import("node:net").Socket })._socket.prependListener("data", (chunk: Buffer) => {
          if (!frameAt && chunk[0] === 0x88) frameAt = performance.now();
        });
      });
      // The workaround's protocol: the server asks, the client closes (a client-initiated close).
      ws.on("message", (data) => {
        const m = /^close (\d+)$/.exec(String(data));
        if (m) {
          frameAt = performance.now();
          ws.close(Number(m[1]), "asked");
        }
      });
      ws.on("close", (code) => {
        clearTimeout(timer);
        resolve(`close ${code} ${frameAt ? `${Math.round(performance.now() - frameAt)} ms after the close frame` : "(frame not seen)"}`);
      });
      ws.on("error", (err) => resolve(`error: ${err.message}`));
    });
    console.log(`${name.padEnd(22)} ${result}`);
    ws.terminate();
  }
} finally {
  child.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
}
