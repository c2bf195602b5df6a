// What listens on the Worker's Upstash REST port (UPSTASH_REDIS_REST_URL, fixed for the Worker's
// life): the stack's bridge, or while a scenario injects a fault a stand-in on the same port (a
// hole that accepts and never answers, a proxy that holds some requests), or a new bridge after
// one. One owner, so every scenario finds the port in a known state and the cleanup closes
// whatever is there.
import net from "node:net";
import { startUpstashBridge } from "../../scripts/bridges/upstash-bridge.ts";
import type { Stack } from "../../scripts/lib/stack.ts";

export interface Listener {
  close(): Promise<void>;
}

const closed: Listener = { close: async () => undefined };

export class RestEndpoint {
  readonly port: number;
  private current: Listener;
  /** True while a bridge to the stack's Redis serves the port. */
  private bridged = true;
  private readonly stack: Stack;

  constructor(stack: Stack) {
    this.stack = stack;
    this.current = stack.upstashBridge;
    this.port = stack.upstashBridge.port;
  }

  get normal(): boolean {
    return this.bridged;
  }

  /** Closes what listens on the port now, then puts the listener `start` opens on it there. */
  async replace(start: (port: number) => Promise<Listener>): Promise<void> {
    const old = this.current;
    this.current = closed;
    this.bridged = false;
    await old.close();
    this.current = await start(this.port);
  }

  /** The port accepts connections and never answers: every Redis call hangs until the client's timeout. */
  openHole(): Promise<void> {
    return this.replace(openHole);
  }

  /** Back to normal: a new bridge to the stack's Redis on the same port (nothing to do when one is there). */
  async restore(): Promise<void> {
    if (this.bridged) return;
    await this.replace((port) => startUpstashBridge({ redisUrl: this.stack.redis.url, token: this.stack.workerBindings.UPSTASH_REDIS_REST_TOKEN, port }));
    this.bridged = true;
  }

  /** At exit: closes a stand-in or a replacement bridge (the stack closes its own). */
  async close(): Promise<void> {
    if (this.current !== this.stack.upstashBridge) await this.current.close();
    this.current = closed;
  }
}

/** A TCP listener that accepts and never answers: calls hang until the client's own timeout. */
async function openHole(port: number): Promise<Listener> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
    socket.resume(); // read and drop whatever arrives
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
