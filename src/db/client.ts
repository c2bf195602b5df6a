import { neon, neonConfig } from "@neondatabase/serverless";
import { drizzle, type NeonHttpDatabase } from "drizzle-orm/neon-http";
import type { Config } from "../env";
import { countRoundTrip, countStatements } from "../lib/round-trips";
import { fetchWithin } from "../lib/timeout";
import * as schema from "./schema";

/**
 * The Worker's database: Neon's SQL-over-HTTP. Each query, or each batch (`db.batch([...])`, one
 * non-interactive transaction), is one HTTPS request, and the runtime reuses the connection between
 * requests, so a request pays no connect or TLS handshake of its own. Decisions that need data are
 * made inside Postgres (SQL functions, src/db/functions/), so nothing here is interactive.
 */
export type Database = NeonHttpDatabase<typeof schema>;

const databases = new Map<string, Database>();

/**
 * Local development: the neon bridge serves Neon's HTTP endpoint at `/sql` on the same host:port
 * as its WebSocket path (`NEON_WS_PROXY` = `host:port/v2`). In production neither is set and the
 * driver talks to Neon itself.
 */
function endpointFor(proxy: string | undefined): string | undefined {
  if (!proxy) return undefined;
  const hostPort = proxy.replace(/^[a-z]+:\/\//, "").split("/")[0];
  return `http://${hostPort}/sql`;
}

/** Every HTTP query is bounded, so an unreachable Postgres is a 503 within `timeoutMs`, not a hang. */
function configureDriver(config: Config): void {
  const endpoint = endpointFor(config.NEON_WS_PROXY || undefined);
  if (endpoint) neonConfig.fetchEndpoint = () => endpoint;
  const timeoutMs = config.DATABASE_TIMEOUT_MS;
  neonConfig.fetchFunction = (input: RequestInfo | URL, init?: RequestInit) => {
    countRoundTrip("db");
    countStatements(init?.body);
    return fetchWithin(input, init, timeoutMs);
  };
}

/** One client per isolate and database URL: it holds no socket, only configuration. */
export function databaseFor(config: Config): Database {
  let db = databases.get(config.DATABASE_URL);
  if (!db) {
    configureDriver(config);
    db = drizzle({ client: neon(config.DATABASE_URL), schema });
    databases.set(config.DATABASE_URL, db);
  }
  return db;
}
