import { env } from "cloudflare:test";
import { neonConfig, Pool } from "@neondatabase/serverless";
import { inject } from "vitest";

/** A pool of one connection to the test Postgres, through the bridge's WebSocket path. */
function onePool(): Pool {
  const proxy = env.NEON_WS_PROXY;
  if (proxy) {
    neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  // Test set-up (bulk inserts, ANALYZE) is not an outsider: no statement timeout for these sessions.
  // Their row locks still make the Worker's own statements meet its lock_timeout.
  return new Pool({ connectionString: inject("postgresUrl"), max: 1, options: "-c statement_timeout=0" });
}

/**
 * Reads and writes Postgres directly (through the same bridge, not through the app),
 * so tests can check what was really stored and set up what the API cannot (admins).
 */
export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const pool = onePool();
  // The socket closing after end() surfaces as an error event; it is expected here.
  pool.on("error", () => undefined);
  try {
    const result = await pool.query(text, params);
    return result.rows as T[];
  } finally {
    await pool.end();
  }
}

export interface OpenTransaction {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Commits what it wrote and closes the connection. */
  commit(): Promise<void>;
  /** Rolls back and closes the connection: every lock taken in it is released. Harmless after commit(). */
  end(): Promise<void>;
}

/**
 * An interactive transaction straight to Postgres that stays open until `end()`, so a test can hold
 * row locks (BEGIN; SELECT … FOR UPDATE) while requests run against the Worker. The database's own
 * idle_in_transaction_session_timeout (5 s) ends it if a test forgets to.
 */
export async function openTransaction(): Promise<OpenTransaction> {
  const pool = onePool();
  pool.on("error", () => undefined);
  const client = await pool.connect();
  await client.query("begin");
  let ended = false;
  const finish = async (statement: "commit" | "rollback") => {
    if (ended) return;
    ended = true;
    try {
      await client.query(statement);
    } finally {
      client.release();
      await pool.end();
    }
  };
  return {
    query: async (text, params = []) => (await client.query(text, params)).rows,
    commit: () => finish("commit"),
    end: () => finish("rollback").catch(() => undefined),
  };
}

/**
 * Runs `requests` while a row lock (taken by `lockSql`) is held for `holdMs`, then releases it and
 * returns their answers. The requests that need the row queue behind the lock, so they are all in
 * flight together however fast each one would be alone. Keep `holdMs` well under the database's
 * lock_timeout (500 ms): a request that waits longer gets 503.
 */
export async function queuedBehindLock<T extends readonly unknown[] | []>(
  lockSql: string,
  params: unknown[],
  requests: () => T,
  holdMs = 150,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const tx = await openTransaction();
  try {
    await tx.query(lockSql, params);
    const running = Promise.all(requests());
    await new Promise((r) => setTimeout(r, holdMs));
    await tx.end();
    return await running;
  } finally {
    await tx.end();
  }
}
