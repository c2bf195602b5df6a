import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseFor } from "../../src/db/client";
import { readConfig } from "../../src/env";
import { toProblem } from "../../src/lib/errors";

// The Worker's own database client (Neon's HTTP queries through the bridge, as in every request).
// This file's isolate gives it a long HTTP timeout, so that Postgres's statement_timeout is what
// ends the slow statement below, not the client's abort.
const db = databaseFor(readConfig({ ...env, DATABASE_TIMEOUT_MS: "5000" }));

describe("database session limits (drizzle/0003)", () => {
  it("are on every session the Worker opens: statement 800 ms, lock wait 500 ms, idle in a transaction 5 s", async () => {
    const result = await db.execute(
      sql`select current_setting('statement_timeout') as statement, current_setting('lock_timeout') as lock, current_setting('idle_in_transaction_session_timeout') as idle`,
    );
    expect(result.rows[0]).toEqual({ statement: "800ms", lock: "500ms", idle: "5s" });
  });

  it("end a statement that runs longer, and that is a 503 problem saying db is busy, not a 500", async () => {
    const started = Date.now();
    const err = await db.execute(sql`select pg_sleep(3)`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).not.toBeNull();
    expect(Date.now() - started).toBeLessThan(2500);
    const { problem, unexpected } = toProblem(err);
    expect(unexpected).toBe(false);
    expect(problem.status).toBe(503);
    expect(problem.toJSON()).toMatchObject({ status: 503, db: "busy" });
    expect(problem.headers["retry-after"]).toBe("1");
  });
});
