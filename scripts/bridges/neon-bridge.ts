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
import { listen } from "./listen.ts";
import { executeSql, SqlSessions, type SqlTarget } from "./neon-http.ts";

/**
 * Requests and connections count once they have crossed (after the inbound hold), so with a delay
 * a request sent after a response (say, from `waitUntil`) is not counted before that response lands.
 */
export interface NeonBridgeCounts {
  /** `POST /sql` requests (each is one round trip of the HTTP path), whatever their outcome. */
  sqlRequests: number;
  /** Statements sent to Postgres for those requests, a batch's BEGIN and COMMIT included. */
  sqlStatements: number;
  /** WebSocket connections accepted (each costs the upgrade's round trip before its first query). */
  wsConnections: number;
  /** WebSocket messages from the driver (each a chunk of the wire protocol, not necessarily a query). */
  wsMessagesIn: number;
  /** `/sql` requests being handled right now (from their arrival). */
  sqlInFlight: number;
  /** WebSocket connections open right now, upgrades still being held included. */
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
  /** Postgres sessions kept per set of credentials for `/sql` (Neon's proxy pools too). */
  sqlPoolSize?: number;
}

const MAX_SQL_BODY_BYTES = 10 * 1024 * 1024;

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
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

/** What the bridge's handlers share: where Postgres is, the current hold, the counters, what is open. */
interface BridgeState {
  target: SqlTarget;
  delayMs: number;
  counts: NeonBridgeCounts;
  /** WebSocket connections and their Postgres sockets. */
  pairs: Set<{ ws: WebSocket; tcp: net.Socket }>;
  wss: WebSocketServer;
  sessions: SqlSessions;
}

/** `POST /sql`: held on the way in and out, executed by neon-http.ts; a caller that leaves aborts it. */
async function handleSql(state: BridgeState, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const path = new URL(req.url ?? "/", "http://bridge").pathname;
  if (path !== "/sql") return sendJson(res, 404, { message: `no such endpoint: ${req.method} ${path}` });
  if (req.method !== "POST") return sendJson(res, 405, { message: "use POST /sql" }, { allow: "POST" });
  const { counts } = state;
  counts.sqlInFlight++;
  const gone = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) gone.abort();
  });
  const reply = async (status: number, body: unknown, headers?: Record<string, string>) => {
    await hold(state.delayMs); // the response crossing back
    sendJson(res, status, body, headers);
  };
  try {
    const body = await readBody(req);
    await hold(state.delayMs); // the request crossing to Postgres
    counts.sqlRequests++;
    if (body === null) return await reply(400, { message: `request is too large (max is ${MAX_SQL_BODY_BYTES} bytes)` });
    const result = await executeSql({ headers: req.headers, body, target: state.target, sessions: state.sessions, signal: gone.signal });
    counts.sqlStatements += result.statements;
    await reply(result.status, result.body, result.headers);
  } catch (err) {
    await reply(500, { message: `bridge error: ${err instanceof Error ? err.message : String(err)}` });
  } finally {
    counts.sqlInFlight--;
  }
}

/** A WebSocket upgrade at `/v2?address=host:port`, for the configured Postgres only. */
async function handleUpgrade(state: BridgeState, req: http.IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  socket.on("error", () => undefined);
  state.counts.wsOpen++;
  socket.once("close", () => state.counts.wsOpen--);
  // The upgrade is a round trip of its own: held for both directions before it is answered.
  await hold(2 * state.delayMs);
  const url = new URL(req.url ?? "/", "http://bridge");
  if (url.pathname !== "/v2") return refuseUpgrade(socket, 404, "not found");
  // Only the configured Postgres: the bridge must not become an open proxy.
  if (url.searchParams.get("address") !== `${state.target.host}:${state.target.port}`) return refuseUpgrade(socket, 403, "address not allowed");
  state.wss.handleUpgrade(req, socket, head, (ws) => connect(state, ws));
}

/** Pipes a WebSocket to a new Postgres connection, each way through a DelayLine; ends when both sides have closed. */
function connect(state: BridgeState, ws: WebSocket): void {
  const { counts, pairs } = state;
  counts.wsConnections++;
  const tcp = net.connect({ host: state.target.host, port: state.target.port });
  tcp.setNoDelay(true);
  const pair = { ws, tcp };
  pairs.add(pair);
  // null = the sender closed: it travels behind the data it sent, like a FIN.
  const toPostgres = new DelayLine<Buffer | null>(
    () => state.delayMs,
    (chunk) => {
      if (!chunk) return tcp.end();
      counts.wsMessagesIn++;
      tcp.write(chunk);
    },
  );
  const toClient = new DelayLine<Buffer | null>(
    () => state.delayMs,
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

export async function startNeonBridge(opts: NeonBridgeOptions): Promise<NeonBridge> {
  const host = opts.host ?? "127.0.0.1";
  const target = { host: opts.postgresHost, port: opts.postgresPort };
  const state: BridgeState = {
    target,
    delayMs: initialDelay(opts.delayMs, "NEON_BRIDGE_DELAY_MS"),
    counts: { sqlRequests: 0, sqlStatements: 0, wsConnections: 0, wsMessagesIn: 0, sqlInFlight: 0, wsOpen: 0 },
    pairs: new Set(),
    wss: new WebSocketServer({ noServer: true }),
    sessions: new SqlSessions(target, { connectTimeoutMs: opts.connectTimeoutMs ?? 5000, poolSize: opts.sqlPoolSize ?? 40 }),
  };
  const server = http.createServer((req, res) => handleSql(state, req, res));
  server.on("upgrade", (req: http.IncomingMessage, socket: Duplex, head: Buffer) => handleUpgrade(state, req, socket, head));
  const port = await listen(server, opts.port ?? 0, host);
  return {
    url: `ws://${host}:${port}/v2`,
    sqlUrl: `http://${host}:${port}/sql`,
    port,
    get delayMs() {
      return state.delayMs;
    },
    setDelay(ms: number) {
      state.delayMs = checkDelay(ms);
    },
    counts: () => ({ ...state.counts }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const { ws, tcp } of state.pairs) {
          tcp.destroy();
          ws.terminate();
        }
        state.pairs.clear();
        state.wss.close();
        server.closeAllConnections();
        server.close(() => void state.sessions.close().then(resolve));
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
