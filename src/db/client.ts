import { neonConfig, Pool, type PoolClient } from "@neondatabase/serverless";
import { drizzle, type NeonDatabase } from "drizzle-orm/neon-serverless";
import * as schema from "./schema";

export type Database = NeonDatabase<typeof schema>;
/** A database handle or an open transaction: services accept either. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface DbHandle {
  db: Database;
  /** SQL statements sent through this handle's pool (counted at the driver, for X-Db-Queries). */
  queries: () => number;
  close: () => Promise<void>;
}

let configuredProxy: string | undefined;

/** Local development: route the Neon driver through the ws→TCP bridge instead of Neon's proxy. */
function configureProxy(proxy: string | undefined) {
  if (!proxy || proxy === configuredProxy) return;
  neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
  configuredProxy = proxy;
}

/**
 * A pool per request: Workers must not share sockets across requests.
 * The pool opens no connection until the first query, so a cache hit costs nothing here.
 */
export function openDatabase(databaseUrl: string, proxy: string | undefined): DbHandle {
  configureProxy(proxy);
  const pool = new Pool({ connectionString: databaseUrl, connectionTimeoutMillis: 5000, max: 5 });
  let count = 0;
  let closing = false;
  // A dropped socket must not become an unhandled error that kills the isolate. Once the pool is
  // ending, its sockets closing under it is expected, not worth a log line.
  pool.on("error", (err: Error) => {
    if (!closing) console.error(JSON.stringify({ level: "error", msg: "pg pool error", error: err.message }));
  });
  pool.on("connect", (client: PoolClient) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      count += 1;
      return query(...args);
    };
  });
  return {
    db: drizzle({ client: pool, schema }),
    queries: () => count,
    close: () => {
      closing = true;
      return pool.end().catch(() => undefined);
    },
  };
}
