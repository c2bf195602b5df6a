// An HTTP proxy put between the Worker and the Stripe stand-in (and between the stand-in and the
// Worker's webhook route) that fails on command, the ways a payment provider's outage reaches a
// client: the connection dropped before an answer (`reset`), refused (`refuse`: nothing listens),
// no answer at all (`hang`), a Stripe-shaped 500 (`error`), or the request done at Stripe and its
// answer lost on the way back (`lost`). `pass` forwards everything unchanged.
import http from "node:http";
import type net from "node:net";
import { listen } from "../../../scripts/bridges/listen.ts";

export type GateMode = "pass" | "reset" | "refuse" | "hang" | "error" | "lost";

export interface GateRecord {
  method: string;
  path: string;
  mode: GateMode;
  /** The upstream's status when it was asked (pass, lost), else what the client got. */
  status: number | string;
  /** The upstream's JSON answer, when it was asked. */
  answer?: unknown;
}

export interface Gate {
  url: string;
  port: number;
  readonly mode: GateMode;
  setMode(mode: GateMode): Promise<void>;
  /** Every request that reached the gate (while it listened). */
  readonly records: GateRecord[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(["host", "connection", "keep-alive", "content-length", "transfer-encoding", "content-encoding"]);

async function readAll(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startGate(target: string): Promise<Gate> {
  let mode: GateMode = "pass";
  const records: GateRecord[] = [];
  const sockets = new Set<net.Socket>();
  const held = new Set<http.IncomingMessage>();

  const server = http.createServer((req, res) => {
    void (async () => {
      const body = await readAll(req).catch(() => Buffer.alloc(0));
      const record: GateRecord = { method: req.method ?? "GET", path: req.url ?? "/", mode, status: "" };
      records.push(record);
      if (mode === "reset") {
        record.status = "reset";
        req.socket.destroy();
        return;
      }
      if (mode === "hang") {
        record.status = "no answer";
        held.add(req);
        return;
      }
      if (mode === "error") {
        record.status = 500;
        res.writeHead(500, { "content-type": "application/json", "request-id": `req_gate_${records.length}` });
        res.end(JSON.stringify({ error: { type: "api_error", message: "An unknown error occurred (fault injection)." } }));
        return;
      }
      const lose = mode === "lost";
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string" && !HOP_BY_HOP.has(name)) headers[name] = value;
      let answer: Response;
      let bytes: Buffer;
      try {
        answer = await fetch(`${target}${req.url ?? "/"}`, { method: req.method, headers, body: req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(body), redirect: "manual", signal: AbortSignal.timeout(30_000) });
        bytes = Buffer.from(await answer.arrayBuffer());
      } catch (err) {
        // The upstream dropped it (the stand-in's own outage): so does the gate.
        record.status = `upstream: ${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message}`;
        req.socket.destroy();
        return;
      }
      record.status = answer.status;
      try {
        record.answer = JSON.parse(bytes.toString("utf8"));
      } catch {
        // not JSON
      }
      if (lose) {
        req.socket.destroy();
        return;
      }
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name)) out[name] = value;
      });
      res.writeHead(answer.status, out);
      res.end(bytes);
    })();
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  const host = "127.0.0.1";
  const port = await listen(server, 0, host);

  const dropHeld = () => {
    for (const req of held) req.socket.destroy();
    held.clear();
  };
  const closeServer = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });

  return {
    url: `http://${host}:${port}`,
    port,
    get mode() {
      return mode;
    },
    records,
    async setMode(next) {
      if (next === mode) return;
      const was = mode;
      mode = next;
      if (was === "hang") dropHeld();
      if (next === "refuse") await closeServer();
      // Back on the same port (the Worker's binding names it); nothing else takes a loopback port this fast.
      if (was === "refuse") await listen(server, port, host);
    },
    async close() {
      dropHeld();
      if (mode !== "refuse") await closeServer();
      mode = "refuse";
    },
  };
}
