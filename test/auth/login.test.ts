import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { api, BASE, expectProblem, PASSWORD, register, uniqueEmail } from "../helpers/api";
import { sql } from "../helpers/db";

// A login is one Postgres round trip (the statement that reads the user also stores the new session,
// speculatively) and one Redis round trip (the throttle counts the attempt first). A wrong password
// must leave no session behind, and the throttle's warning when Redis is down names no one.

afterEach(() => {
  vi.restoreAllMocks();
});

let ipCounter = 0;
const freshIp = () => `203.0.113.${(ipCounter = (ipCounter % 250) + 1)}`;
const login = (email: string, password: string, ip = freshIp()) => api("POST", "/api/auth/login", { body: { email, password }, headers: { "cf-connecting-ip": ip } });
const sessionsOf = async (userId: number) =>
  (await sql<{ families: number; tokens: number }>(
    "select (select count(*)::int from refresh_families where user_id = $1) as families, (select count(*)::int from refresh_tokens where user_id = $1) as tokens",
    [userId],
  ))[0]!;

async function eventually(check: () => Promise<boolean>, ms = 3000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

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
  function captureConsole(): string[] {
    const lines: string[] = [];
    for (const method of ["error", "warn", "log", "info", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(args.map((a) => (typeof a === "string" ? a : a instanceof Error ? `${a.message}\n${a.stack}` : JSON.stringify(a))).join(" "));
      });
    }
    return lines;
  }

  /** Calls the Worker itself with nothing listening where Redis should be, and waits for its background work. */
  async function withRedisDown(path: string, body: unknown, ip: string) {
    const ctx = createExecutionContext();
    const res = await worker.fetch(
      new Request(`${BASE}${path}`, { method: "POST", headers: { "content-type": "application/json", "cf-connecting-ip": ip }, body: JSON.stringify(body) }),
      { ...env, UPSTASH_REDIS_REST_URL: "http://127.0.0.1:9" },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return res;
  }

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
