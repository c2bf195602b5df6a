import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort, waitForPort } from "./ports.ts";

export interface RedisServer {
  url: string;
  /** Process id of the redis-server we spawned (undefined while stopped, or for an external Redis). */
  readonly pid: number | undefined;
  /** True between pause() and resume(). */
  readonly paused: boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
  /**
   * Freezes the server (SIGSTOP): connections stay open, data survives, every call hangs until
   * resume(). Fault injection only ("Redis unreachable"); throws for an external Redis.
   */
  pause(): Promise<void>;
  /** Undoes pause() (SIGCONT); queued commands are then answered in order. */
  resume(): Promise<void>;
  /** Kills the server abruptly (SIGKILL): data is lost; start() brings up an empty one on the same port. */
  kill(): Promise<void>;
}

export class MissingRedisError extends Error {
  constructor() {
    super(
      "redis-server was not found on PATH. Install it (Debian/Ubuntu: `sudo apt-get install redis-server`; macOS: `brew install redis`) or set REDIS_URL=redis://host:port.",
    );
    this.name = "MissingRedisError";
  }
}

export function findOnPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return null;
}

/** Spawns redis-server from PATH on a free port, keeping nothing on disk. */
export async function startRedisServer(opts: { port?: number } = {}): Promise<RedisServer> {
  const binary = findOnPath("redis-server");
  if (!binary) throw new MissingRedisError();
  const port = opts.port ?? (await freePort());
  let child: ChildProcess | null = null;

  const launch = async () => {
    child = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    const spawned = child;
    // Never leave a redis-server behind, even when the parent dies without cleaning up.
    process.once("exit", () => spawned.kill("SIGKILL"));
    const exited = new Promise<never>((_, reject) => child?.once("exit", (code) => reject(new Error(`redis-server exited with code ${code}`))));
    await Promise.race([waitForPort("127.0.0.1", port, 10_000), exited]);
  };

  let paused = false;
  const alive = (proc: ChildProcess | null): proc is ChildProcess => proc !== null && proc.exitCode === null && proc.signalCode === null;
  const terminate = async (signal: NodeJS.Signals) => {
    const running = child;
    child = null;
    const wasPaused = paused;
    paused = false;
    if (!alive(running)) return;
    await new Promise<void>((resolve) => {
      running.once("exit", () => resolve());
      running.kill(signal);
      // A stopped process only acts on SIGTERM once it runs again.
      if (wasPaused) running.kill("SIGCONT");
    });
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      const running = child as ChildProcess | null;
      return alive(running) ? running.pid : undefined;
    },
    get paused() {
      return paused;
    },
    stop: () => terminate("SIGTERM"),
    kill: () => terminate("SIGKILL"),
    async start() {
      // Also after the server died by itself: a new one on the same port.
      if (alive(child as ChildProcess | null)) return;
      await launch();
    },
    async pause() {
      const running = child as ChildProcess | null;
      if (!alive(running)) throw new Error("redis-server is not running");
      if (paused) return;
      running.kill("SIGSTOP");
      paused = true;
    },
    async resume() {
      const running = child as ChildProcess | null;
      if (!paused) return;
      paused = false;
      if (alive(running)) running.kill("SIGCONT");
    },
  };
}

export function externalRedis(url: string): RedisServer {
  const refuse = async () => {
    throw new Error("an external Redis (REDIS_URL) cannot be paused or killed by this script");
  };
  return { url, pid: undefined, paused: false, async stop() {}, async start() {}, pause: refuse, async resume() {}, kill: refuse };
}
