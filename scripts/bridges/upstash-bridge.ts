// Upstash REST → Redis bridge: speaks what @upstash/redis sends, against a real Redis (local dev and tests).
// A latency knob holds every request before it reaches Redis and every response before it is sent
// (UPSTASH_BRIDGE_DELAY_MS, or `setDelay` at run time), and counters tell a benchmark what crossed.
import http from "node:http";
import { pathToFileURL } from "node:url";
import { checkDelay, hold, initialDelay } from "./delay.ts";
import { listen } from "./listen.ts";
import { RespClient, RespError, type RespValue } from "./resp.ts";

/**
 * Requests count once they have crossed (after the inbound hold), so with a delay a request sent
 * after a response (say, from `waitUntil`) is not counted before that response lands.
 */
export interface UpstashBridgeCounts {
  /** HTTP requests (each is one round trip to Upstash), whatever their outcome. */
  requests: number;
  /** Redis commands in them (a pipeline or transaction counts each command; MULTI/EXEC not counted). */
  commands: number;
  /** Requests being handled right now. */
  inFlight: number;
}

export interface UpstashBridge {
  url: string;
  port: number;
  token: string;
  /** Current hold per message per direction, in ms (one round trip costs twice this). */
  readonly delayMs: number;
  /** Changes the hold for every request from now on. */
  setDelay(ms: number): void;
  /** A snapshot of the counters since start. */
  counts(): UpstashBridgeCounts;
  close(): Promise<void>;
}

type Command = (string | number)[];
type Reply = { result: unknown } | { error: string };

function isCommand(value: unknown): value is Command {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string" || typeof v === "number");
}

/** With `Upstash-Encoding: base64`, every string result but "OK" travels base64-encoded (the client decodes it). */
function encodeResult(value: RespValue, base64: boolean): unknown {
  if (value instanceof RespError) return value.message;
  if (Array.isArray(value)) return value.map((v) => encodeResult(v, base64));
  if (typeof value === "string" && base64 && value !== "OK") return Buffer.from(value, "utf8").toString("base64");
  return value;
}

function toReply(value: RespValue, base64: boolean): Reply {
  if (value instanceof RespError) return { error: value.message };
  return { result: encodeResult(value, base64) };
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : null;
}

function sendNow(res: http.ServerResponse, status: number, body: unknown) {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** What the request handler shares with the bridge: the Redis connection, the token, the current hold, the counters. */
interface BridgeState {
  redis: RespClient;
  token: string;
  delayMs: number;
  counts: UpstashBridgeCounts;
}

/** Status and body for an authorised request with a well-formed body: one command, a pipeline or a transaction. */
async function execute(state: BridgeState, method: string | undefined, path: string, body: unknown, base64: boolean): Promise<[status: number, body: unknown]> {
  if (path === "" && method === "POST") {
    if (!isCommand(body)) return [400, { error: "ERR the request body must be a command array" }];
    state.counts.commands++;
    const [reply] = await state.redis.send([body]);
    const out = toReply(reply ?? null, base64);
    return ["error" in out ? 400 : 200, out];
  }
  if ((path === "/pipeline" || path === "/multi-exec") && method === "POST") {
    if (!Array.isArray(body) || !body.every(isCommand)) return [400, { error: "ERR the request body must be an array of command arrays" }];
    state.counts.commands += body.length;
    if (path === "/pipeline") {
      const replies = await state.redis.send(body);
      return [200, replies.map((r) => toReply(r, base64))];
    }
    const replies = await state.redis.send([["MULTI"], ...body, ["EXEC"]]);
    const exec = replies[replies.length - 1];
    if (exec instanceof RespError) return [400, { error: exec.message }];
    if (!Array.isArray(exec)) return [400, { error: "ERR transaction aborted" }];
    return [200, exec.map((r) => toReply(r, base64))];
  }
  return [404, { error: `ERR unknown endpoint ${method} ${path || "/"}` }];
}

/** One request: held on the way in and out, counted once it has crossed, refused without the token. */
async function handle(state: BridgeState, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  // The request crosses to Redis, the answer crosses back: each held once, whatever it says.
  const send = async (status: number, body: unknown) => {
    await hold(state.delayMs);
    sendNow(res, status, body);
  };
  let body: unknown;
  let malformed = false;
  try {
    body = await readBody(req);
  } catch {
    malformed = true;
  }
  await hold(state.delayMs);
  state.counts.requests++;
  try {
    if (req.headers.authorization !== `Bearer ${state.token}`) return await send(401, { error: "Unauthorized" });
    const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
    const path = new URL(req.url ?? "/", "http://bridge").pathname.replace(/\/+$/, "");
    if (malformed) return await send(400, { error: "ERR failed to parse request body as JSON" });
    const [status, out] = await execute(state, req.method, path, body, base64);
    return await send(status, out);
  } catch (err) {
    // Redis unreachable: answer at once so the client fails fast and the Worker falls back to Postgres.
    return await send(503, { error: `ERR redis unavailable: ${err instanceof Error ? err.message : String(err)}` });
  }
}

export async function startUpstashBridge(opts: {
  redisUrl: string;
  token: string;
  port?: number;
  host?: string;
  /** Hold per message per direction; default `UPSTASH_BRIDGE_DELAY_MS` from the environment, else 0. */
  delayMs?: number;
}): Promise<UpstashBridge> {
  const host = opts.host ?? "127.0.0.1";
  const state: BridgeState = {
    redis: new RespClient(opts.redisUrl),
    token: opts.token,
    delayMs: initialDelay(opts.delayMs, "UPSTASH_BRIDGE_DELAY_MS"),
    counts: { requests: 0, commands: 0, inFlight: 0 },
  };
  const server = http.createServer(async (req, res) => {
    state.counts.inFlight++;
    try {
      await handle(state, req, res);
    } finally {
      state.counts.inFlight--;
    }
  });
  server.keepAliveTimeout = 5000;
  const port = await listen(server, opts.port ?? 0, host);
  return {
    url: `http://${host}:${port}`,
    port,
    token: opts.token,
    get delayMs() {
      return state.delayMs;
    },
    setDelay(ms: number) {
      state.delayMs = checkDelay(ms);
    },
    counts: () => ({ ...state.counts }),
    close: () =>
      new Promise<void>((resolve) => {
        state.redis.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bridge = await startUpstashBridge({
    redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    token: process.env.UPSTASH_TOKEN ?? "dev-token",
    port: Number(process.env.PORT ?? 0),
  });
  const delay = bridge.delayMs ? `, holding each message ${bridge.delayMs} ms each way` : "";
  console.log(`upstash bridge listening on ${bridge.url} (token ${bridge.token}) → ${process.env.REDIS_URL ?? "redis://127.0.0.1:6379"}${delay}`);
}
