// The neon bridge's /sql sessions are pooled, as Neon's proxy pools them. Its own embedded Postgres
// (persistent, so it can stop and start) checks that the pool never hides an outage: a frozen
// postmaster (how the fault suite makes a database unreachable) or a stopped one.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { neon, neonConfig, NeonDbError } from "@neondatabase/serverless";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNeonBridge, type NeonBridge } from "../../scripts/bridges/neon-bridge.ts";
import { startEmbeddedPostgres, type PostgresServer } from "../../scripts/lib/postgres.ts";

describe("neon bridge /sql through an outage of its Postgres", () => {
  let dataDir: string;
  let postgres: PostgresServer;
  let bridge: NeonBridge;
  let sql: ReturnType<typeof neon>;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "edge-shop-outage-"));
    postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), persistent: true });
    // One pooled session: every request reuses it whenever the pool may.
    bridge = await startNeonBridge({ postgresHost: postgres.host, postgresPort: postgres.port, sqlPoolSize: 1, connectTimeoutMs: 2000 });
    neonConfig.fetchEndpoint = () => bridge.sqlUrl;
    sql = neon(postgres.url);
  }, 120_000);
  afterAll(async () => {
    await postgres?.resume();
    await bridge?.close();
    await postgres?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("reuses one session across requests, but never one left inside a transaction", async () => {
    const pids = new Set<number>();
    for (let i = 0; i < 3; i++) pids.add(((await sql`select pg_backend_pid() as pid`) as { pid: number }[])[0]!.pid);
    expect(pids.size).toBe(1);
    await sql.query("create table if not exists lone_begin (v int)");
    await sql.query("begin"); // a lone BEGIN: that session is ended, not handed to the next request
    await sql.query("insert into lone_begin values (1)");
    // Seen from another session: committed, so it did not run inside the lone BEGIN's transaction.
    const direct = new pg.Client({ connectionString: postgres.url });
    await direct.connect();
    try {
      expect((await direct.query("select count(*)::int as n from lone_begin")).rows).toEqual([{ n: 1 }]);
    } finally {
      await direct.end();
    }
  });

  it("does not answer from the pool while the postmaster is frozen, and answers again once it thaws", async () => {
    expect(await sql`select 1 as up`).toEqual([{ up: 1 }]); // a pooled session exists
    await postgres.pause();
    try {
      const err = await sql.query("select 1 as up", [], { fetchOptions: { signal: AbortSignal.timeout(1500) } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NeonDbError);
      expect((err as NeonDbError).message).toMatch(/Error connecting to database|HTTP status 500/);
    } finally {
      await postgres.resume();
    }
    await expect.poll(async () => sql`select 2 as up`.catch(() => null), { timeout: 10_000 }).toEqual([{ up: 2 }]);
  });

  it("answers 500 at once while Postgres is stopped, and recovers when it is back", async () => {
    expect(await sql`select 1 as up`).toEqual([{ up: 1 }]);
    await postgres.stop();
    await expect(sql`select 1 as up`).rejects.toThrow(/HTTP status 500/);
    await postgres.start();
    await expect.poll(async () => sql`select 3 as up`.catch(() => null), { timeout: 10_000 }).toEqual([{ up: 3 }]);
  }, 60_000);
});
