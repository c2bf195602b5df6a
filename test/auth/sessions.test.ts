import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { api, BASE, expectProblem, newUser, PASSWORD, register, uniqueEmail } from "../helpers/api";
import { queuedBehindLock, sql } from "../helpers/db";
import { callWorker, captureConsole, REDIS_DOWN } from "../helpers/worker";
import { eventually } from "../helpers/wait";

// A login session is a refresh-token family (refresh_families): rotation keeps it, reuse of a
// rotated token revokes it, and it has an absolute lifetime (REFRESH_FAMILY_TTL_SECONDS, 30 days)
// however often it is rotated. The scheduled handler prunes expired sessions and tokens.
//
// A login is one Postgres round trip (the statement that reads the user also stores the new session,
// speculatively) and one Redis round trip (the throttle counts the attempt first). A wrong password
// must leave no session behind, and the throttle's warning when Redis is down names no one.

afterEach(() => {
  vi.restoreAllMocks();
});

const FAMILY_TTL_SECONDS = Number(env.REFRESH_FAMILY_TTL_SECONDS ?? 30 * 86400);

type Family = { id: string; live: boolean; revoked: boolean; lifetime_seconds: number };
const familiesOf = (userId: number) =>
  sql<Family>(
    `select id, expires_at > now() as live, revoked_at is not null as revoked,
            extract(epoch from expires_at - created_at)::int as lifetime_seconds
     from refresh_families where user_id = $1 order by created_at`,
    [userId],
  );
const tokensOf = (userId: number) =>
  sql<{ family_id: string; expires_at: string; family_expires_at: string }>(
    `select t.family_id, t.expires_at, f.expires_at as family_expires_at
     from refresh_tokens t join refresh_families f on f.id = t.family_id where t.user_id = $1 order by t.id`,
    [userId],
  );
const refresh = (token: string) => api("POST", "/api/auth/refresh", { body: { refresh: token } });

/** Runs the Worker's cron handler the way the Workers runtime does every minute. */
async function runScheduled() {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

describe("a session's absolute lifetime", () => {
  it("is 30 days from the login, and refresh tokens never outlive it", async () => {
    const user = await newUser("lifetime");
    const [family] = await familiesOf(user.id);
    expect(family).toMatchObject({ live: true, revoked: false, lifetime_seconds: FAMILY_TTL_SECONDS });
    // An opaque token (no JWT): 256 random bits, base64url.
    expect(user.refresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Close to its end, a rotation issues a token that expires with the session, not 7 days later.
    await sql("update refresh_families set expires_at = now() + interval '1 hour' where id = $1", [family!.id]);
    const rotated = await refresh(user.refresh);
    expect(rotated.status).toBe(200);
    const tokens = await tokensOf(user.id);
    expect(tokens).toHaveLength(2);
    expect(tokens[1]!.expires_at).toEqual(tokens[1]!.family_expires_at);
  });

  it("ends it: a refresh of an expired session is 401, even with an unexpired token", async () => {
    const user = await newUser("expired");
    const rotated = await refresh(user.refresh);
    expect(rotated.status).toBe(200);
    await sql("update refresh_families set expires_at = now() - interval '1 second' where user_id = $1", [user.id]);
    const [newest] = (await tokensOf(user.id)).slice(-1);
    expect(new Date(newest!.expires_at).getTime()).toBeGreaterThan(Date.now());
    expectProblem(await refresh(rotated.body.refresh), 401);
    // Logging in again starts a new session.
    const again = await api("POST", "/api/auth/login", { body: { email: user.email, password: user.password }, headers: { "cf-connecting-ip": "192.0.2.41" } });
    expect(again.status).toBe(200);
    expect((await refresh(again.body.refresh)).status).toBe(200);
  });
});

describe("the scheduled handler", () => {
  it("prunes expired sessions with their tokens and expired tokens of live sessions, and nothing else", async () => {
    const [expired, staleToken, revoked, live] = await Promise.all([newUser("prune"), newUser("prune"), newUser("prune"), newUser("prune")]);
    await sql("update refresh_families set expires_at = now() - interval '1 minute' where user_id = $1", [expired.id]);
    await sql("update refresh_tokens set expires_at = now() - interval '1 minute' where user_id = $1", [staleToken.id]);
    expect((await api("POST", "/api/auth/logout", { body: { refresh: revoked.refresh } })).status).toBe(204);

    await runScheduled();

    expect(await familiesOf(expired.id)).toEqual([]);
    expect(await tokensOf(expired.id)).toEqual([]);
    // The session itself is alive: only its expired token went.
    expect(await familiesOf(staleToken.id)).toHaveLength(1);
    expect(await tokensOf(staleToken.id)).toEqual([]);
    // A revoked session is kept until it expires (reuse of its tokens stays detectable).
    expect(await familiesOf(revoked.id)).toMatchObject([{ revoked: true }]);
    expect(await tokensOf(revoked.id)).toHaveLength(1);
    expect(await familiesOf(live.id)).toMatchObject([{ live: true, revoked: false }]);
    expect((await refresh(live.refresh)).status).toBe(200);
  });
});

describe("racing refreshes with one token", () => {
  it("rotate once (one 200) and revoke the session, since one of the presenters reused it", async () => {
    const user = await newUser("race");
    // The token's row is held a moment, so all three refreshes are in flight together.
    const results = await queuedBehindLock("select 1 from refresh_tokens where user_id = $1 for update", [user.id], () =>
      [0, 1, 2].map(() => refresh(user.refresh)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
    for (const res of results.filter((r) => r.status === 401)) expectProblem(res, 401);
    expect(await familiesOf(user.id)).toMatchObject([{ revoked: true }]);
    // The winner's new token died with its session.
    const winner = results.find((r) => r.status === 200)!;
    expectProblem(await refresh(winner.body.refresh), 401);
  });
});

let ipCounter = 0;
const freshIp = () => `203.0.113.${(ipCounter = (ipCounter % 250) + 1)}`;
const login = (email: string, password: string, ip = freshIp()) => api("POST", "/api/auth/login", { body: { email, password }, headers: { "cf-connecting-ip": ip } });
const sessionsOf = async (userId: number) =>
  (await sql<{ families: number; tokens: number }>(
    "select (select count(*)::int from refresh_families where user_id = $1) as families, (select count(*)::int from refresh_tokens where user_id = $1) as tokens",
    [userId],
  ))[0]!;


describe("login", () => {
  it("is one Postgres and one Redis round trip, right password or wrong", async () => {
    const { email } = await register(uniqueEmail("trips"));
    for (const password of [PASSWORD, "wrong password"]) {
      const res = await login(email, password);
      expect(res.status).toBe(password === PASSWORD ? 200 : 401);
      expect(res.headers.get("x-db-round-trips")).toBe("1");
      expect(res.headers.get("x-cache-round-trips")).toBe("1");
      expect(res.headers.get("x-db-statements")).toBe("1");
    }
  });

  it("leaves no session behind after a wrong password", async () => {
    const { email, user } = await register(uniqueEmail("nosession"));
    const good = await login(email, PASSWORD);
    expect(good.status).toBe(200);
    expect(await sessionsOf(user.id)).toEqual({ families: 1, tokens: 1 });
    const results = await Promise.all([0, 1, 2].map(() => login(email, "wrong password")));
    for (const res of results) {
      expectProblem(res, 401);
      expect(res.body).not.toHaveProperty("refresh");
    }
    // The sessions stored in the same statement as the user was read are deleted after the answer;
    // the one of the good login stays and still works.
    await eventually(async () => (await sessionsOf(user.id)).families === 1);
    expect(await sessionsOf(user.id)).toEqual({ families: 1, tokens: 1 });
    expect((await api("POST", "/api/auth/refresh", { body: { refresh: good.body.refresh } })).status).toBe(200);
  });
});

describe("the throttle's warning when Redis is down", () => {
  /** Calls the Worker itself with nothing listening where Redis should be, and waits for its background work. */
  const withRedisDown = (path: string, body: unknown, ip: string) =>
    callWorker(new Request(`${BASE}${path}`, { method: "POST", headers: { "content-type": "application/json", "cf-connecting-ip": ip }, body: JSON.stringify(body) }), REDIS_DOWN);

  it("names neither the email nor the client address, and logins keep working", async () => {
    const email = uniqueEmail("Private.Person");
    const ipv4 = "198.18.77.201";
    const ipv6 = "2001:db8:77:1234::beef";
    const lines = captureConsole();
    expect((await withRedisDown("/api/auth/register", { email, password: PASSWORD }, ipv4)).status).toBe(201);
    expect((await withRedisDown("/api/auth/login", { email, password: "wrong password" }, ipv4)).status).toBe(401);
    expect((await withRedisDown("/api/auth/login", { email, password: PASSWORD }, ipv6)).status).toBe(200);
    vi.restoreAllMocks();

    // The registration and both logins each warned that their throttle failed open.
    expect(lines.filter((l) => /throttle unavailable/.test(l))).toHaveLength(3);
    const text = lines.join("\n").toLowerCase();
    const local = email.split("@")[0]!.toLowerCase();
    for (const secret of [email.toLowerCase(), local, ipv4, ipv6, "2001:db8:77:1234", "198.18.77"]) expect(text).not.toContain(secret);
  });
});
