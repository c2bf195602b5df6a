import { env } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRUNE_DEFAULTS, pruneExpiredSessions } from "../../src/auth/auth.service";
import { databaseFor } from "../../src/db/client";
import { readConfig } from "../../src/env";
import { api, newUser } from "../helpers/api";
import { sql } from "../helpers/db";

// `npm run test:scale` (not in npm test: about a minute): the session prune of the cron sweep
// against 2,000,000 expired refresh tokens, with the production batch size and time limit. Every
// batch is one statement on the Worker's own sessions, which cancel a statement after 800 ms
// (drizzle/0003), so a batch that had to scan would throw here; each run stops by its time limit
// (plus the batch in flight) and the next goes on, until the table holds no expired row.

const ROWS = 2_000_000;
const CHUNK = 250_000;
/** A run checks its time limit between batches: it may end one batch after it. */
const ONE_BATCH_MS = 5_000;

let user: Awaited<ReturnType<typeof newUser>>;
const expiredLeft = async () => (await sql<{ n: number }>("select count(*)::int as n from refresh_tokens where user_id = $1 and expires_at < now()", [user.id]))[0]!.n;

beforeAll(async () => {
  user = await newUser("prune-2m");
  const [family] = await sql<{ family_id: string }>("select family_id from refresh_tokens where user_id = $1 limit 1", [user.id]);
  const salt = crypto.randomUUID();
  for (let from = 0; from < ROWS; from += CHUNK) {
    await sql(
      `insert into refresh_tokens (user_id, family_id, token_hash, expires_at)
       select $1, $2, md5($3 || g::text), now() - interval '1 minute' - g * interval '1 ms' from generate_series($4::int, $5::int) g`,
      [user.id, family!.family_id, salt, from + 1, from + CHUNK],
    );
  }
  await sql("analyze refresh_tokens");
}, 600_000);

afterAll(async () => {
  await sql("delete from refresh_tokens where user_id = $1 and expires_at < now()", [user.id]);
}, 120_000);

describe(`the session prune at ${ROWS.toLocaleString("en-US")} expired refresh tokens`, () => {
  it("deletes them in short batches, each run within its time limit, the runs together all of them, and the live session keeps working", async () => {
    expect(await expiredLeft()).toBe(ROWS);
    const db = databaseFor(readConfig(env));
    const runs: { ms: number; tokens: number; batches: number; complete: boolean }[] = [];
    let deleted = 0;
    while (runs.length < 20) {
      const started = Date.now();
      const result = await pruneExpiredSessions(db, PRUNE_DEFAULTS);
      const ms = Date.now() - started;
      runs.push({ ms, tokens: result.tokens, batches: result.batches, complete: result.complete });
      expect(ms, `run ${runs.length} took ${ms} ms`).toBeLessThanOrEqual(PRUNE_DEFAULTS.timeLimitMs + ONE_BATCH_MS);
      expect(result.tokens).toBeLessThanOrEqual(result.batches * PRUNE_DEFAULTS.batchSize);
      deleted += result.tokens;
      if (result.complete) break;
      // A run that stopped early made progress: the next minute's goes on from there.
      expect(result.tokens).toBeGreaterThan(0);
    }
    expect(runs.at(-1)!.complete).toBe(true);
    expect(deleted).toBeGreaterThanOrEqual(ROWS);
    expect(await expiredLeft()).toBe(0);
    expect((await api("POST", "/api/auth/refresh", { body: { refresh: user.refresh } })).status).toBe(200);
    const batches = runs.reduce((n, r) => n + r.batches, 0);
    const ms = runs.reduce((n, r) => n + r.ms, 0);
    console.log(`${ROWS.toLocaleString("en-US")} expired tokens pruned in ${runs.length} runs (${runs.map((r) => `${r.tokens} in ${r.ms} ms`).join(", ")}), ${batches} batches, ${(ms / batches).toFixed(1)} ms a batch`);
  }, 600_000);
});
