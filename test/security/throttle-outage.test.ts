import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { takeBackLoginFailure } from "../../src/auth/throttle";
import { readConfig } from "../../src/env";
import { redisFor } from "../../src/lib/redis";
import { addStamped, MAX_STAMPED_VALUE_BYTES } from "../../src/lib/stamped-cache";
import { BASE, expectProblem, PASSWORD, register, uniqueEmail } from "../helpers/api";
import { sql } from "../helpers/db";
import { redisCommand } from "../helpers/redis";
import { callWorker, REDIS_DOWN } from "../helpers/worker";

// The login throttle never judges an attempt uncounted: when Redis cannot count it, the login's own
// statement counts it in Postgres. Its counters can live in their own Redis database
// (THROTTLE_REDIS_REST_URL), apart from the cache; the cache refuses oversized entries; a take-back
// never creates a counter; IPv6 clients also count per /48; successes count in looser limits.

const PER_PAIR = Number(env.LOGIN_MAX_FAILURES_PER_EMAIL_AND_CLIENT ?? 10);
const DOWN = "http://127.0.0.1:9";

let n = 0;
const freshIp = () => `192.0.2.${(n = (n % 250) + 1)}-${crypto.randomUUID().slice(0, 8)}`;
const pairKey = (email: string, client: string) => `login:fail:pair:${client}:${email}`;

async function loginWith(overrides: Partial<typeof env>, email: string, password: string, ip: string) {
  const res = await callWorker(
    new Request(`${BASE}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", "cf-connecting-ip": ip }, body: JSON.stringify({ email, password }) }),
    overrides,
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const throttleRows = (keyPattern: string) => sql<{ key: string; count: number }>("select key, count from login_throttle where key like $1 order by key", [keyPattern]);

describe("with Redis down, the login throttle counts in Postgres", () => {
  it("judges at most 10 of 40 wrong passwords sent at once, and refuses the right one after them", async () => {
    const { email } = await register(uniqueEmail("outage-burst"));
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 40 }, () => loginWith(REDIS_DOWN, email, "wrong password", ip)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(PER_PAIR);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - PER_PAIR);
    for (const res of results.filter((r) => r.status === 429)) {
      expect(res.body.type).toBe("urn:problem:too-many-login-attempts");
      expect(res.headers.get("retry-after")).toMatch(/^[1-9][0-9]*$/);
    }
    const right = await loginWith(REDIS_DOWN, email, PASSWORD, ip);
    expect(right.status).toBe(429);
    expect(right.body).not.toHaveProperty("refresh");
    expect(await throttleRows(pairKey(email, ip))).toEqual([{ key: pairKey(email, ip), count: PER_PAIR }]);
  });

  it("lets the right password in, and a success takes its failure back", async () => {
    const { email } = await register(uniqueEmail("outage-ok"));
    const ip = freshIp();
    expect((await loginWith(REDIS_DOWN, email, "wrong password", ip)).status).toBe(401);
    const ok = await loginWith(REDIS_DOWN, email, PASSWORD, ip);
    expect(ok.status).toBe(200);
    expect(ok.body.refresh).toEqual(expect.any(String));
    // The pair starts again; the any-attempt counters keep the success.
    expect(await throttleRows(pairKey(email, ip))).toEqual([]);
    expect(await throttleRows(`login:any:email:${email}`)).toEqual([{ key: `login:any:email:${email}`, count: 2 }]);
  });

  it("counts in Postgres when only the throttle's own Redis is down, and the cache's is up", async () => {
    const { email } = await register(uniqueEmail("throttle-db-down"));
    const ip = freshIp();
    expect((await loginWith({ THROTTLE_REDIS_REST_URL: DOWN }, email, "wrong password", ip)).status).toBe(401);
    expect(await throttleRows(pairKey(email, ip))).toEqual([{ key: pairKey(email, ip), count: 1 }]);
    expect(await redisCommand("GET", pairKey(email, ip))).toBeNull();
  });
});

describe("the throttle's own Redis", () => {
  it("keeps counting in Redis while the cache's Redis is down", async () => {
    const { email } = await register(uniqueEmail("throttle-db"));
    const ip = freshIp();
    const res = await loginWith({ ...REDIS_DOWN, THROTTLE_REDIS_REST_URL: env.UPSTASH_REDIS_REST_URL, THROTTLE_REDIS_REST_TOKEN: env.UPSTASH_REDIS_REST_TOKEN }, email, "wrong password", ip);
    expect(res.status).toBe(401);
    expect(await redisCommand("GET", pairKey(email, ip))).toBe("1");
    expect(await throttleRows(pairKey(email, ip))).toEqual([]);
  });
});

describe("taking a failure back", () => {
  it("never creates a counter, and keeps the expiry of those it decrements", async () => {
    const redis = redisFor(readConfig(env));
    const id = crypto.randomUUID();
    const [pair, client, email] = [`tb:pair:${id}`, `tb:client:${id}`, `tb:email:${id}`];
    await takeBackLoginFailure(redis, [pair, client, email]);
    for (const key of [pair, client, email]) expect(await redisCommand("TTL", key), key).toBe(-2);
    await redisCommand("SET", pair, "3", "EX", "600");
    await redisCommand("SET", client, "3", "EX", "600");
    await takeBackLoginFailure(redis, [pair, client, email]);
    expect(await redisCommand("GET", pair)).toBeNull();
    expect(await redisCommand("GET", client)).toBe("2");
    expect(Number(await redisCommand("TTL", client))).toBeGreaterThan(0);
    expect(await redisCommand("TTL", email)).toBe(-2);
  });
});

describe("looser limits", () => {
  it("counts an IPv6 /48 as a whole, at a looser limit than one /64", async () => {
    const { email } = await register(uniqueEmail("v6-48"));
    const site = `2001:db8:${(Math.floor(Math.random() * 0xfff0) + 1).toString(16)}`;
    await redisCommand("SET", `login:fail:net48:${site}::/48`, String(env.LOGIN_MAX_FAILURES_PER_IPV6_48 ?? 1000), "EX", "600");
    const res = await loginWith({}, email, PASSWORD, `${site}:77::1`);
    expect(res.status).toBe(429);
    // Another /48 is not affected.
    expect((await loginWith({}, email, PASSWORD, `2001:db9:${site.split(":")[2]}:1::1`)).status).toBe(200);
  });

  it("counts successful logins too, per email and per client, and does not take them back", async () => {
    const { email } = await register(uniqueEmail("many-logins"));
    const ip = freshIp();
    expect((await loginWith({}, email, PASSWORD, ip)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100)); // the take-back runs after the response
    expect(await redisCommand("GET", `login:any:email:${email}`)).toBe("1");
    expect(await redisCommand("GET", `login:any:client:${ip}`)).toBe("1");
    await redisCommand("SET", `login:any:email:${email}`, String(env.LOGIN_MAX_ATTEMPTS_PER_EMAIL ?? 300), "EX", "600");
    const res = await loginWith({}, email, PASSWORD, freshIp());
    expect(res.status).toBe(429);
    expect(res.body.type).toBe("urn:problem:too-many-login-attempts");
  });
});

describe("the cache's bound", () => {
  it("does not store a value over the bound, and stores one under it", async () => {
    const redis = redisFor(readConfig(env));
    const id = crypto.randomUUID();
    const pipeline = redis.pipeline();
    expect(addStamped(pipeline, `bound:big:${id}`, "x".repeat(MAX_STAMPED_VALUE_BYTES + 1), 60)).toBe(false);
    expect(addStamped(pipeline, `bound:wide:${id}`, "é".repeat(MAX_STAMPED_VALUE_BYTES / 2 + 1), 60)).toBe(false);
    expect(addStamped(pipeline, `bound:small:${id}`, "x".repeat(1024), 60)).toBe(true);
    await pipeline.exec();
    expect(await redisCommand("EXISTS", `bound:big:${id}`)).toBe(0);
    expect(await redisCommand("EXISTS", `bound:wide:${id}`)).toBe(0);
    expect(await redisCommand("EXISTS", `bound:small:${id}`)).toBe(1);
    expect(MAX_STAMPED_VALUE_BYTES).toBe(256 * 1024);
  });
});
