// The sockets scenario's client device: a socket that reconnects after every drop and catches up
// with GET /api/notifications?after=<id> after each connect, de-duplicating by id, with the counts
// and trace that explain a loss.
import WebSocket from "ws";
import { ApiClient, fmtMs, now, sleep, type Res } from "../harness.ts";

const RECONNECT_DEADLINE_MS = 90_000;
/** How long a dropped client stays away before reconnecting. */
const OFFLINE_MIN_MS = 300;
const OFFLINE_MAX_MS = 900;

export interface Note {
  id: number;
  type: string;
  order_id: number;
  from_status: string;
  to_status: string;
  created_at: string;
  read_at: string | null;
}

export const isNote = (m: unknown): m is Note =>
  typeof m === "object" && m !== null && (m as Note).type === "order.status_changed" && Number.isInteger((m as Note).id) && Number.isInteger((m as Note).order_id);

/** One client device: a socket that reconnects, plus catch-up after each connect. */
export class Device {
  readonly name: string;
  readonly seen = new Map<number, Note>();
  /** The id the next catch-up starts after: the highest id seen, except that it stays put while a catch-up is unfinished. */
  maxId = 0;
  /** Highest id that arrived by socket, and how many socket messages came with a lower id than an earlier one. */
  private socketHigh = 0;
  outOfOrder = 0;
  /** A catch-up that did not reach its last page: its `after` must be used again, whatever the socket delivered meanwhile. */
  private catchUpPending = false;
  viaSocket = 0;
  viaCatchUp = 0;
  /** Copies it already had (same id again), by where the second copy came from. */
  dedupSocket = 0;
  dedupCatchUp = 0;
  connects = 0;
  terminated = 0;
  catchUpRequests = 0;
  catchUpFailures = 0;
  malformed: string[] = [];
  errors: string[] = [];
  /** What happened, in order: socket ids, connects, catch-ups, drops (for explaining a loss). */
  readonly trace: string[] = [];
  private socket: WebSocket | null = null;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly http: ApiClient;
  private readonly wsUrl: string;
  private readonly token: string;

  constructor(name: string, http: ApiClient, token: string) {
    this.name = name;
    this.http = http;
    this.token = token;
    this.wsUrl = `${http.base.replace(/^http/, "ws")}/api/notifications/ws?token=${encodeURIComponent(token)}`;
  }

  private accept(n: Note, via: "socket" | "catch-up") {
    if (via === "socket") {
      this.trace.push(String(n.id));
      if (n.id < this.socketHigh) this.outOfOrder++;
      this.socketHigh = Math.max(this.socketHigh, n.id);
    }
    if (this.seen.has(n.id)) {
      if (via === "socket") this.dedupSocket++;
      else this.dedupCatchUp++;
      return;
    }
    this.seen.set(n.id, n);
    if (via === "socket") this.viaSocket++;
    else this.viaCatchUp++;
    if (!this.catchUpPending && n.id > this.maxId) this.maxId = n.id;
  }

  start() {
    this.loop = this.run();
  }

  private async open(): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.wsUrl);
      const onResponse = (_req: unknown, res: { statusCode?: number }) => fail(`HTTP ${res.statusCode}`);
      const onError = (err: Error) => fail(err.message);
      const onClose = () => fail("closed before open");
      const detach = () => {
        socket.off("unexpected-response", onResponse);
        socket.off("error", onError);
        socket.off("close", onClose);
      };
      const fail = (why: string) => {
        detach();
        socket.on("error", () => undefined);
        socket.terminate();
        reject(new Error(why));
      };
      socket.once("open", () => {
        detach();
        resolve(socket);
      });
      socket.on("unexpected-response", onResponse);
      socket.on("error", onError);
      socket.on("close", onClose);
    });
  }

  private async run() {
    while (!this.stopped) {
      // Connect (retrying while the Worker is down), then catch up from the last id seen.
      const t0 = now();
      let socket: WebSocket | null = null;
      while (!this.stopped && !socket) {
        try {
          socket = await this.open();
        } catch (err) {
          if (now() - t0 > RECONNECT_DEADLINE_MS) {
            this.errors.push(`could not reconnect within ${fmtMs(RECONNECT_DEADLINE_MS)}: ${(err as Error).message}`);
            return;
          }
          await sleep(200);
        }
      }
      if (!socket) return;
      if (this.stopped) {
        socket.close();
        return;
      }
      this.connects++;
      this.trace.push("| connect");
      this.socket = socket;
      const closed = new Promise<void>((resolve) => {
        this.wake = resolve;
        socket.on("close", () => resolve());
        socket.on("error", () => undefined);
      });
      socket.on("message", (data) => {
        let msg: unknown;
        try {
          msg = JSON.parse(String(data));
        } catch {
          this.malformed.push(String(data).slice(0, 100));
          return;
        }
        if (isNote(msg)) this.accept(msg, "socket");
        else if ((msg as { type?: string }).type !== "pong") this.malformed.push(String(data).slice(0, 100));
      });
      await this.catchUp(socket);
      await closed;
      if (!this.stopped) this.trace.push("| closed");
      this.socket = null;
      // Like a real client's backoff: changes made meanwhile must come from the catch-up.
      if (!this.stopped) await sleep(OFFLINE_MIN_MS + Math.random() * (OFFLINE_MAX_MS - OFFLINE_MIN_MS));
    }
  }

  /** GET ?after=<highest id seen>, following `next` until null; retried while the socket stays open. */
  private async catchUp(socket: WebSocket) {
    const after = this.maxId;
    this.catchUpPending = true;
    const got: number[] = [];
    let path: string | null = `/api/notifications?after=${after}&page_size=5`;
    while (path && !this.stopped) {
      this.catchUpRequests++;
      const res: Res = await this.http.req("GET", path, { token: this.token });
      if (res.status !== 200) {
        this.catchUpFailures++;
        if (socket.readyState !== WebSocket.OPEN) {
          // The next connect catches up again from the same `after`.
          this.trace.push(`[catch-up after=${after} interrupted: ${got.join(" ") || "none"}]`);
          return;
        }
        await sleep(200);
        continue;
      }
      for (const n of res.body.results ?? []) {
        if (isNote(n)) {
          got.push(n.id);
          this.accept(n, "catch-up");
        } else this.malformed.push(JSON.stringify(n).slice(0, 100));
      }
      path = res.body.next ? ApiClient.pathOf(res.body.next) : null;
    }
    if (this.stopped) return;
    this.catchUpPending = false;
    this.maxId = Math.max(this.maxId, ...this.seen.keys());
    this.trace.push(`[catch-up after=${after}: ${got.join(" ") || "none"}]`);
  }

  /** Drops the connection without a close handshake (like a phone losing signal). */
  terminate() {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.terminated++;
      this.trace.push("| TERMINATE");
      this.socket.terminate();
    }
  }

  get connected(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  async stop() {
    this.stopped = true;
    this.socket?.close();
    this.wake?.();
    await this.loop;
  }
}
