// An HTTP proxy for the Worker's Upstash REST port that forwards every request to a bridge except
// the ones it is told to hold: those it reads, keeps open and never answers (like a Redis call in
// flight when its invocation dies). Closing it drops the held connections and closes the bridge.
import http from "node:http";
import { ALL_CATALOG_VERSION_KEYS } from "../../../src/catalog/catalog-version-keys.ts";
import { startUpstashBridge, type UpstashBridge } from "../../../scripts/bridges/upstash-bridge.ts";
import { now, sleep } from "../harness.ts";
import type { Listener } from "../rest-endpoint.ts";

export interface HeldRequest {
  /** On the run's monotonic clock. */
  at: number;
  path: string;
  commands: unknown;
}

export interface HoldingProxy extends Listener {
  /** Requests held so far (never answered), in order of arrival. */
  readonly held: HeldRequest[];
  /** Requests passed on to the bridge. */
  forwarded(): number;
  /**
   * Resolves once `count` requests are held, or `graceMs` after the first one was (the others may
   * never come), or after `timeoutMs` with none held.
   */
  waitForHeld(count: number, graceMs: number, timeoutMs: number): Promise<void>;
}

/** A /pipeline or /multi-exec body that raises a catalog version (an INCR of one of its keys): the bump after a catalog write. */
export function raisesCatalogVersion(path: string, commands: unknown): boolean {
  if (!/^\/(pipeline|multi-exec)\/?$/.test(path) || !Array.isArray(commands)) return false;
  return commands.some((c) => Array.isArray(c) && String(c[0]).toLowerCase() === "incr" && ALL_CATALOG_VERSION_KEYS.includes(String(c[1])));
}

const HOP_BY_HOP = new Set(["host", "connection", "keep-alive", "content-length", "transfer-encoding"]);

async function readAll(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parse(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return null;
  }
}

/** Passes one request on to the bridge and its answer back. */
async function forward(bridge: UpstashBridge, req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string" && !HOP_BY_HOP.has(name)) headers[name] = value;
  try {
    const answer = await fetch(`${bridge.url}${req.url ?? "/"}`, { method: req.method, headers, body: req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(body) });
    const text = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    res.end(text);
  } catch (err) {
    res.writeHead(502, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: `ERR proxy: ${err instanceof Error ? err.message : String(err)}` }));
  }
}

/** Listens on `port`; a bridge of its own (any free port) to `redisUrl` answers what is not held. */
export async function startHoldingProxy(opts: { port: number; redisUrl: string; token: string; hold: (path: string, commands: unknown) => boolean }): Promise<HoldingProxy> {
  const bridge = await startUpstashBridge({ redisUrl: opts.redisUrl, token: opts.token, port: 0 });
  const held: HeldRequest[] = [];
  let forwarded = 0;
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const body = await readAll(req);
    const path = new URL(req.url ?? "/", "http://proxy").pathname;
    const commands = parse(body);
    if (opts.hold(path, commands)) {
      held.push({ at: now(), path, commands });
      return; // never answered: the connection stays open until the client or close() drops it
    }
    forwarded++;
    await forward(bridge, req, res, body);
  };
  // A client that goes away mid-request (the Worker killed) is no error of the run's.
  const server = http.createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  server.on("connection", (socket) => socket.setNoDelay(true));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(opts.port, "127.0.0.1", () => resolve());
    });
  } catch (err) {
    await bridge.close();
    throw err;
  }
  return {
    held,
    forwarded: () => forwarded,
    async waitForHeld(count, graceMs, timeoutMs) {
      const t0 = now();
      while (held.length < count && now() - t0 < timeoutMs && !(held.length > 0 && now() - held[0]!.at >= graceMs)) await sleep(2);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bridge.close();
    },
  };
}
