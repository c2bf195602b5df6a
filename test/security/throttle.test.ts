import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, expectProblem, PASSWORD, register, uniqueEmail } from "../helpers/api";
import { redisCommand } from "../helpers/redis";

// Login throttling beyond what test/auth/auth.test.ts already pins (10 failures → 429 for one
// email; 101 failures from one address → 429): the shape of a throttled answer, email
// normalisation, unknown emails, the failure window's lifetime in Redis, the client key's source,
// and that a success cannot launder a sprayer's address.

const PER_EMAIL = Number(env.LOGIN_MAX_FAILURES_PER_EMAIL ?? 10);
const PER_CLIENT = Number(env.LOGIN_MAX_FAILURES_PER_CLIENT ?? 100);
const WINDOW = Number(env.LOGIN_THROTTLE_WINDOW_SECONDS ?? 900);

const emailKey = (email: string) => `login:fail:email:${email}`;
const clientKey = (ip: string) => `login:fail:client:${ip}`;

let ipCounter = 0;
/** A client address of its own for each call (TEST-NET-2), so only the counter under test moves. */
const freshIp = () => `198.51.100.${(ipCounter = (ipCounter % 250) + 1)}-${crypto.randomUUID().slice(0, 6)}`;

const login = (email: string, password: string, ip = freshIp(), headers: Record<string, string> = {}) =>
  api("POST", "/api/auth/login", { body: { email, password }, headers: { "cf-connecting-ip": ip, ...headers } });

function expectThrottled(res: Awaited<ReturnType<typeof api>>, maxSeconds = WINDOW) {
  const problem = expectProblem(res, 429);
  expect(problem.type).toBe("urn:problem:too-many-login-attempts");
  const retryAfter = res.headers.get("retry-after") ?? "";
  expect(retryAfter).toMatch(/^[1-9][0-9]*$/);
  expect(Number(retryAfter)).toBeLessThanOrEqual(maxSeconds);
  expect(res.body).not.toHaveProperty("access");
  expect(res.body).not.toHaveProperty("refresh");
  return Number(retryAfter);
}

describe("per-email throttle", () => {
  it("counts failures for one email whatever its case or spacing, and answers problem+json with an integer Retry-After that browsers can read", async () => {
    const email = (await register(uniqueEmail("throttle"))).email;
    const spellings = [email.toUpperCase(), `  ${email}  `, email.replace(/^./, (c) => c.toUpperCase()), `\t${email.toUpperCase()}`];
    for (let i = 0; i < PER_EMAIL; i++) {
      expect((await login(spellings[i % spellings.length]!, "wrong password")).status).toBe(401);
    }
    expect(await redisCommand("GET", emailKey(email))).toBe(String(PER_EMAIL));
    const blocked = await login(email, PASSWORD, freshIp(), { origin: "https://shop.example" });
    const retryAfter = expectThrottled(blocked);
    expect(blocked.headers.get("access-control-allow-origin")).toBe("*");
    expect(blocked.headers.get("access-control-expose-headers")?.toLowerCase().split(",").map((h) => h.trim())).toContain("retry-after");
    const ttl = Number(await redisCommand("TTL", emailKey(email)));
    expect(ttl).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(ttl + 1);
  });

  it("throttles an email with no account exactly like one with an account", async () => {
    const known = (await register(uniqueEmail("known"))).email;
    const unknown = uniqueEmail("nobody");
    for (let i = 0; i < PER_EMAIL; i++) {
      expect((await login(unknown, "wrong password")).status).toBe(401);
    }
    const forUnknown = await login(unknown, "wrong password");
    expectThrottled(forUnknown);
    // Same answer as a throttled real account: the throttle does not reveal which emails exist.
    await redisCommand("SET", emailKey(known), String(PER_EMAIL), "EX", "600");
    const forKnown = await login(known, "wrong password");
    expectThrottled(forKnown);
    expect({ ...(forKnown.body as object), detail: null }).toEqual({ ...(forUnknown.body as object), detail: null });
  });
});

describe("failure window", () => {
  it("starts at the first failure, is not extended by later ones, and lifts when it ends", async () => {
    const { email } = await register(uniqueEmail("window"));
    const ip = freshIp();
    expect((await login(email, "wrong password", ip)).status).toBe(401);
    expect(await redisCommand("GET", emailKey(email))).toBe("1");
    for (const key of [emailKey(email), clientKey(ip)]) {
      const ttl = Number(await redisCommand("TTL", key));
      expect(ttl, key).toBeGreaterThan(0);
      expect(ttl, key).toBeLessThanOrEqual(WINDOW);
    }
    // Shorten the window, fail again: the counter grows but its expiry stays where it was.
    await redisCommand("EXPIRE", emailKey(email), "60");
    expect((await login(email, "wrong password")).status).toBe(401);
    expect(await redisCommand("GET", emailKey(email))).toBe("2");
    expect(Number(await redisCommand("TTL", emailKey(email)))).toBeLessThanOrEqual(60);

    // At the limit with 2 s left: blocked even with the right password, told to wait ≤ 2 s ...
    await redisCommand("INCRBY", emailKey(email), String(PER_EMAIL - 2));
    await redisCommand("EXPIRE", emailKey(email), "2");
    expectThrottled(await login(email, PASSWORD), 2);
    // ... and let in once the counter has expired.
    const deadline = Date.now() + 5000;
    while (Number(await redisCommand("TTL", emailKey(email))) !== -2) {
      if (Date.now() > deadline) throw new Error("the failure counter never expired");
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await login(email, PASSWORD)).status).toBe(200);
  });
});

describe("per-client throttle", () => {
  it("blocks an address at its limit even with the right password, keyed on cf-connecting-ip alone", async () => {
    const { email } = await register(uniqueEmail("client"));
    const ip = freshIp();
    await redisCommand("SET", clientKey(ip), String(PER_CLIENT), "EX", "600");
    expectThrottled(await login(email, PASSWORD, ip), 600);
    // Headers a client can set itself do not give it a new identity.
    const spoofs: Record<string, string>[] = [{ "x-forwarded-for": freshIp() }, { "x-real-ip": freshIp() }, { forwarded: `for=${freshIp()}` }, { "true-client-ip": freshIp() }];
    for (const headers of spoofs) expectThrottled(await login(email, PASSWORD, ip, headers), 600);
    // Another address is not affected, and the throttled attempts did not count against the email.
    expect((await login(email, PASSWORD)).status).toBe(200);
  });

  it("does not let a successful login reset the address's failure count", async () => {
    const own = await register(uniqueEmail("sprayer"));
    const ip = freshIp();
    const targets = [uniqueEmail("target"), uniqueEmail("target"), uniqueEmail("target")];
    for (const target of targets) expect((await login(target, "wrong password", ip)).status).toBe(401);
    expect(await redisCommand("GET", clientKey(ip))).toBe("3");
    // Logging in to one's own account in between must not launder the spraying address.
    expect((await login(own.email, PASSWORD, ip)).status).toBe(200);
    expect(await redisCommand("GET", clientKey(ip))).toBe("3");
    for (const target of targets) expect(await redisCommand("GET", emailKey(target))).toBe("1");
  });
});
