import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort, waitForPort } from "./ports.ts";

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
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

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once("exit", () => resolve());
        running.kill("SIGTERM");
      });
    },
    async start() {
      if (child) return;
      await launch();
    },
  };
}

export function externalRedis(url: string): RedisServer {
  return { url, async stop() {}, async start() {} };
}
