import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { MAX_SESSIONS_PER_USER, pruneExpiredSessions } from "../../src/auth/auth.service";
import { databaseFor } from "../../src/db/client";
import { readConfig } from "../../src/env";
import { api, login, newUser } from "../helpers/api";
import { sql } from "../helpers/db";
import { closedBy, connect } from "../helpers/sockets";
import { eventually } from "../helpers/wait";

// Sessions stay bounded: at most 50 live ones per user (a login beyond ends the oldest, and its
// sockets close with 4001), and the prune runs in batches under its own time limit, so it finishes
// (or stops cleanly) at any table size.


const liveSessions = async (userId: number) =>
  (await sql<{ n: number }>("select count(*)::int as n from refresh_families where user_id = $1 and revoked_at is null and expires_at > now()", [userId]))[0]!.n;

describe("live sessions per user", () => {
  it(`are at most ${MAX_SESSIONS_PER_USER}: the oldest ends, its refresh token stops working and its socket closes with 4001`, async () => {
    const user = await newUser("cap");
    const oldest = await connect(user.token);
    const ip = { "cf-connecting-ip": "192.0.2.250" };
    let newest = { access: "", refresh: "" };
    for (let i = 0; i < MAX_SESSIONS_PER_USER - 1; i++) newest = await login(user.email, user.password, ip);
    await eventually(async () => (await liveSessions(user.id)) === MAX_SESSIONS_PER_USER);
    expect(oldest.closed).toBeUndefined();

    newest = await login(user.email, user.password, ip);
    expect((await closedBy(oldest)).code).toBe(4001);
    expect(await liveSessions(user.id)).toBe(MAX_SESSIONS_PER_USER);
    expect((await api("POST", "/api/auth/refresh", { body: { refresh: user.refresh } })).status).toBe(401);
    expect((await api("POST", "/api/auth/refresh", { body: { refresh: newest.refresh } })).status).toBe(200);
  });
});

describe("the prune", () => {
  const db = () => databaseFor(readConfig(env));

  async function expiredTokens(userId: number, count: number) {
    const [family] = await sql<{ family_id: string }>("select family_id from refresh_tokens where user_id = $1 limit 1", [userId]);
    await sql(
      `insert into refresh_tokens (user_id, family_id, token_hash, expires_at)
       select $1, $2, md5(random()::text || g::text || $3), now() - interval '1 minute' from generate_series(1, $4) g`,
      [userId, family!.family_id, crypto.randomUUID(), count],
    );
  }
  const expiredLeft = async (userId: number) =>
    (await sql<{ n: number }>("select count(*)::int as n from refresh_tokens where user_id = $1 and expires_at < now()", [userId]))[0]!.n;

  it("deletes in batches no larger than its batch size until nothing expired is left", async () => {
    const user = await newUser("prune-batches");
    await expiredTokens(user.id, 2500);
    const result = await pruneExpiredSessions(db(), { batchSize: 500, timeLimitMs: 60_000 });
    expect(result.complete).toBe(true);
    expect(result.batches).toBeGreaterThanOrEqual(6);
    expect(result.tokens).toBeGreaterThanOrEqual(2500);
    expect(result.tokens).toBeLessThanOrEqual(result.batches * 500);
    expect(await expiredLeft(user.id)).toBe(0);
    // The live session and its token are untouched.
    expect((await api("POST", "/api/auth/refresh", { body: { refresh: user.refresh } })).status).toBe(200);
  });

  it("stops at its time limit after the batch in flight, and the next run goes on", async () => {
    const user = await newUser("prune-limit");
    await expiredTokens(user.id, 1000);
    const first = await pruneExpiredSessions(db(), { batchSize: 100, timeLimitMs: 0 });
    expect(first).toMatchObject({ batches: 1, complete: false });
    expect(await expiredLeft(user.id)).toBeGreaterThan(0);
    const rest = await pruneExpiredSessions(db(), { batchSize: 1000, timeLimitMs: 60_000 });
    expect(rest.complete).toBe(true);
    expect(await expiredLeft(user.id)).toBe(0);
  });

  it("uses an index to find expired refresh tokens", async () => {
    const indexes = await sql<{ indexdef: string }>("select indexdef from pg_indexes where tablename = 'refresh_tokens'");
    expect(indexes.some((i) => /\(expires_at\)/.test(i.indexdef))).toBe(true);
  });
});
