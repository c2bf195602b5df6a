import { env } from "cloudflare:test";
import { neonConfig, Pool } from "@neondatabase/serverless";
import { inject } from "vitest";

/**
 * Reads and writes Postgres directly (through the same bridge, not through the app),
 * so tests can check what was really stored and set up what the API cannot (admins).
 */
export async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const proxy = env.NEON_WS_PROXY;
  if (proxy) {
    neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool({ connectionString: inject("postgresUrl"), max: 1 });
  // The socket closing after end() surfaces as an error event; it is expected here.
  pool.on("error", () => undefined);
  try {
    const result = await pool.query(text, params);
    return result.rows as T[];
  } finally {
    await pool.end();
  }
}
