// The local stand-in for Neon's proxy, on one host:port (local dev, tests and benchmarks):
// - WebSocket → TCP at `/v2?address=host:port`, for the driver's `Pool`/`Client` (the Postgres wire protocol);
// - `POST /sql`, Neon's SQL-over-HTTP, for the driver's `neon()` (see neon-http.ts).
// Both reach only the configured Postgres. A latency knob holds every message each way
// (NEON_BRIDGE_DELAY_MS, or `setDelay` at run time), and counters tell a benchmark what crossed.
import http from "node:http";
import net from "node:net";
import type { Duplex } from "node:stream";
import { pathToFileURL } from "node:url";
import { WebSocketServer, type WebSocket } from "ws";
import { checkDelay, DelayLine, hold, initialDelay } from "./delay.ts";
import { executeSql } from "./neon-http.ts";

export interface NeonBridgeCounts {
  /** `POST /sql` requests received (each is one round trip of the HTTP path), whatever their outcome. */
  sqlRequests: number;
  /** Statements sent to Postgres for those requests, a batch's BEGIN and COMMIT included. */
  sqlStatements: number;
  /** WebSocket connections accepted (each costs the upgrade's round trip before its first query). */
  wsConnections: number;
  /** WebSocket messages from the driver (each a chunk of the wire protocol, not necessarily a query). */
  wsMessagesIn: number;
  /** `/sql` requests being handled right now. */
  sqlInFlight: number;
  /** WebSocket connections open right now. */
  wsOpen: number;
}

export interface NeonBridge {
  /** `ws://host:port/v2`: what the driver's `wsProxy` points at. */
  url: string;
  /** `http://host:port/sql`: what `neonConfig.fetchEndpoint` points at. */
  sqlUrl: string;
  port: number;
  /** Current hold per message per direction, in ms (one round trip costs twice this). */
  readonly delayMs: number;
  /** Changes the hold for every message from now on; messages already waiting keep their order. */
  setDelay(ms: number): void;
  /** A snapshot of the counters since start. */
  counts(): NeonBridgeCounts;
  close(): Promise<void>;
}

export interface NeonBridgeOptions {
  postgresHost: string;
  postgresPort: number;
  port?: number;
  host?: string;
  /** Hold per message per direction; default `NEON_BRIDGE_DELAY_MS` from the environment, else 0. */
  delayMs?: number;
  /** How long a `/sql` request may wait for a Postgres session (a frozen Postgres answers 500 after it). */
  connectTimeoutMs?: number;
}

const MAX_SQL_BODY_BYTES = 10 * 1024 * 1024;

function refuseUpgrade(socket: Duplex, status: number, message: string) {
  if (!socket.writable) return socket.destroy();
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  // Neon's proxy allows any origin too; harmless here and keeps a browser client working.
  res.writeHead(status, { "content-type": "application/json", "access-control-allow-origin": "*", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_SQL_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function startNeonBridge(opts: NeonBridgeOptions): Promise<NeonBridge> {
  const host = opts.host ?? "127.0.0.1";
  const target = { host: opts.postgresHost, port: opts.postgresPort };
  const allowed = `${opts.postgresHost}:${opts.postgresPort}`;
  let delayMs = initialDelay(opts.delayMs, "NEON_BRIDGE_DELAY_MS");
  const counts: NeonBridgeCounts = { sqlRequests: 0, sqlStatements: 0, wsConnections: 0, wsMessagesIn: 0, sqlInFlight: 0, wsOpen: 0 };
  const pairs = new Set<{ ws: WebSocket; tcp: net.Socket }>();
  const wss = new WebSocketServer({ noServer: true });

  const server = http.createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://bridge").pathname;
    if (path !== "/sql") return sendJson(res, 404, { message: `no such endpoint: ${req.method} ${path}` });
    if (req.method !== "POST") return sendJson(res, 405, { message: "use POST /sql" }, { allow: "POST" });
    counts.sqlRequests++;
    counts.sqlInFlight++;
    const gone = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) gone.abort();
    });
    try {
      const body = await readBody(req);
      await hold(delayMs); // the request crossing to Postgres
      if (body === null) return await reply(400, { message: `request is too large (max is ${MAX_SQL_BODY_BYTES} bytes)` });
      const result = await executeSql({ headers: req.headers, body, target, connectTimeoutMs: opts.connectTimeoutMs ?? 5000, signal: gone.signal });
      counts.sqlStatements += result.statements;
      await reply(result.status, result.body, result.headers);
    } catch (err) {
      await reply(500, { message: `bridge error: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      counts.sqlInFlight--;
    }
    async function reply(status: number, body: unknown, headers?: Record<string, string>) {
      await hold(delayMs); // the response crossing back
      sendJson(res, status, body, headers);
    }
  });

  server.on("upgrade", async (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => undefined);
    // The upgrade is a round trip of its own: held for both directions before it is answered.
    await hold(2 * delayMs);
    const url = new URL(req.url ?? "/", "http://bridge");
    if (url.pathname !== "/v2") return refuseUpgrade(socket, 404, "not found");
    // Only the configured Postgres: the bridge must not become an open proxy.
    if (url.searchParams.get("address") !== allowed) return refuseUpgrade(socket, 403, "address not allowed");
    wss.handleUpgrade(req, socket, head, (ws) => connect(ws));
  });

  function connect(ws: WebSocket) {
    counts.wsConnections++;
    counts.wsOpen++;
    const tcp = net.connect({ host: opts.postgresHost, port: opts.postgresPort });
    tcp.setNoDelay(true);
    const pair = { ws, tcp };
    pairs.add(pair);
    // null = the sender closed: it travels behind the data it sent, like a FIN.
    const toPostgres = new DelayLine<Buffer | null>(
      () => delayMs,
      (chunk) => (chunk ? tcp.write(chunk) : tcp.end()),
    );
    const toClient = new DelayLine<Buffer | null>(
      () => delayMs,
      (chunk) => {
        if (ws.readyState !== ws.OPEN) return;
        if (chunk) ws.send(chunk);
        else ws.close();
      },
    );
    let tcpDone = false;
    let wsDone = false;
    const settle = () => {
      if (!tcpDone || !wsDone || !pairs.has(pair)) return;
      pairs.delete(pair);
      counts.wsOpen--;
      toPostgres.close();
      toClient.close();
      tcp.destroy();
    };
    tcp.on("data", (chunk) => toClient.push(chunk));
    const tcpClosed = () => {
      if (tcpDone) return;
      tcpDone = true;
      toClient.push(null);
      settle();
    };
    tcp.on("error", tcpClosed);
    tcp.on("close", tcpClosed);
    ws.on("message", (data: Buffer | ArrayBuffer | Buffer[]) => {
      counts.wsMessagesIn++;
      toPostgres.push(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer));
    });
    const wsClosed = () => {
      if (wsDone) return;
      wsDone = true;
      toPostgres.push(null);
      // Nothing can reach a closed socket: stop holding data for it.
      toClient.close();
      settle();
    };
    ws.on("error", wsClosed);
    ws.on("close", wsClosed);
  }

  // Small request/response pairs: without this, Nagle + delayed ACK adds ~40 ms per call.
  server.on("connection", (socket) => socket.setNoDelay(true));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `ws://${host}:${port}/v2`,
    sqlUrl: `http://${host}:${port}/sql`,
    port,
    get delayMs() {
      return delayMs;
    },
    setDelay(ms: number) {
      delayMs = checkDelay(ms);
    },
    counts: () => ({ ...counts }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const { ws, tcp } of pairs) {
          tcp.destroy();
          ws.terminate();
        }
        pairs.clear();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bridge = await startNeonBridge({
    postgresHost: process.env.PG_HOST ?? "127.0.0.1",
    postgresPort: Number(process.env.PG_PORT ?? 5432),
    port: Number(process.env.PORT ?? 0),
  });
  const delay = bridge.delayMs ? `, holding each message ${bridge.delayMs} ms each way` : "";
  console.log(`neon bridge on ${bridge.url} and ${bridge.sqlUrl} → ${process.env.PG_HOST ?? "127.0.0.1"}:${process.env.PG_PORT ?? 5432}${delay}`);
}
