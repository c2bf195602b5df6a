import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, expectProblem, PASSWORD, register, uniqueEmail } from "../helpers/api";
import { redisCommand } from "../helpers/redis";

// Login and registration throttling (docs/design/security.md): an attempt is counted before its
// password is checked, so the limits hold for simultaneous attempts; 10 failures per (email,
// client), 100 per client, 100 per email from everywhere; IPv6 clients count per /64; one attacker
// cannot lock the owner out from elsewhere; a refused attempt is not counted.

const PER_PAIR = Number(env.LOGIN_MAX_FAILURES_PER_EMAIL_AND_CLIENT ?? 10);
const PER_CLIENT = Number(env.LOGIN_MAX_FAILURES_PER_CLIENT ?? 100);
const PER_EMAIL = Number(env.LOGIN_MAX_FAILURES_PER_EMAIL ?? 100);
const WINDOW = Number(env.LOGIN_THROTTLE_WINDOW_SECONDS ?? 900);

const pairKey = (email: string, client: string) => `login:fail:pair:${client}:${email}`;
const clientKey = (client: string) => `login:fail:client:${client}`;
const emailKey = (email: string) => `login:fail:email:${email}`;

let ipCounter = 0;
/** A client address of its own for each call (TEST-NET-2 with a unique suffix), so only the counter under test moves. */
const freshIp = () => `198.51.${(ipCounter = (ipCounter % 250) + 1)}.${Math.floor(Math.random() * 250)}-${crypto.randomUUID().slice(0, 6)}`;

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

describe("per (email, client) throttle", () => {
  it("judges at most 10 of 40 wrong passwords sent at once for one email from one client", async () => {
    const { email } = await register(uniqueEmail("burst"));
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 40 }, () => login(email, "wrong password", ip)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(PER_PAIR);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - PER_PAIR);
    for (const res of results.filter((r) => r.status === 429)) expectThrottled(res);
    // Refused attempts were not counted: the email's global count holds only the judged ones.
    expect(await redisCommand("GET", emailKey(email))).toBe(String(PER_PAIR));
    // Even the right password is refused from that client until the window ends ...
    expectThrottled(await login(email, PASSWORD, ip));
  });

  it("does not lock the owner out from another address", async () => {
    const { email } = await register(uniqueEmail("owner"));
    const attacker = freshIp();
    for (let i = 0; i < PER_PAIR; i++) expect((await login(email, "wrong password", attacker)).status).toBe(401);
    expectThrottled(await login(email, "wrong password", attacker));
    expect((await login(email, PASSWORD, freshIp())).status).toBe(200);
  });

  it("counts one email whatever its case or spacing, answers problem+json with an integer Retry-After browsers can read", async () => {
    const { email } = await register(uniqueEmail("throttle"));
    const ip = freshIp();
    const spellings = [email.toUpperCase(), `  ${email}  `, email.replace(/^./, (c) => c.toUpperCase()), `\t${email.toUpperCase()}`];
    for (let i = 0; i < PER_PAIR; i++) expect((await login(spellings[i % spellings.length]!, "wrong password", ip)).status).toBe(401);
    expect(await redisCommand("GET", pairKey(email, ip))).toBe(String(PER_PAIR));
    const blocked = await login(email, PASSWORD, ip, { origin: "https://shop.example" });
    const retryAfter = expectThrottled(blocked);
    expect(blocked.headers.get("access-control-allow-origin")).toBe("*");
    expect(blocked.headers.get("access-control-expose-headers")?.toLowerCase().split(",").map((h) => h.trim())).toContain("retry-after");
    const ttl = Number(await redisCommand("TTL", pairKey(email, ip)));
    expect(ttl).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(ttl + 1);
  });

  it("throttles an email with no account exactly like one with an account", async () => {
    const known = (await register(uniqueEmail("known"))).email;
    const unknown = uniqueEmail("nobody");
    const ip = freshIp();
    for (let i = 0; i < PER_PAIR; i++) expect((await login(unknown, "wrong password", ip)).status).toBe(401);
    const forUnknown = await login(unknown, "wrong password", ip);
    expectThrottled(forUnknown);
    // Same answer as a throttled real account: the throttle does not reveal which emails exist.
    await redisCommand("SET", pairKey(known, ip), String(PER_PAIR), "EX", "600");
    const forKnown = await login(known, "wrong password", ip);
    expectThrottled(forKnown);
    expect({ ...(forKnown.body as object), detail: null }).toEqual({ ...(forUnknown.body as object), detail: null });
  });

  it("starts at the first failure, is not extended by later ones, and lifts when it ends", async () => {
    const { email } = await register(uniqueEmail("window"));
    const ip = freshIp();
    expect((await login(email, "wrong password", ip)).status).toBe(401);
    for (const key of [pairKey(email, ip), clientKey(ip), emailKey(email)]) {
      expect(await redisCommand("GET", key), key).toBe("1");
      const ttl = Number(await redisCommand("TTL", key));
      expect(ttl, key).toBeGreaterThan(0);
      expect(ttl, key).toBeLessThanOrEqual(WINDOW);
    }
    // Shorten the window, fail again: the counter grows but its expiry stays where it was.
    await redisCommand("EXPIRE", pairKey(email, ip), "60");
    expect((await login(email, "wrong password", ip)).status).toBe(401);
    expect(await redisCommand("GET", pairKey(email, ip))).toBe("2");
    expect(Number(await redisCommand("TTL", pairKey(email, ip)))).toBeLessThanOrEqual(60);

    // At the limit with 2 s left: blocked even with the right password, told to wait ≤ 2 s ...
    await redisCommand("INCRBY", pairKey(email, ip), String(PER_PAIR - 2));
    await redisCommand("EXPIRE", pairKey(email, ip), "2");
    expectThrottled(await login(email, PASSWORD, ip), 2);
    // ... and let in once the counter has expired.
    const deadline = Date.now() + 5000;
    while (Number(await redisCommand("TTL", pairKey(email, ip))) !== -2) {
      if (Date.now() > deadline) throw new Error("the failure counter never expired");
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await login(email, PASSWORD, ip)).status).toBe(200);
  });
});

describe("per-client and per-email throttles", () => {
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

  it("blocks an email after 100 failures from all addresses together", async () => {
    const { email } = await register(uniqueEmail("distributed"));
    await redisCommand("SET", emailKey(email), String(PER_EMAIL - 1), "EX", "600");
    expect((await login(email, "wrong password")).status).toBe(401);
    expectThrottled(await login(email, PASSWORD), 600);
  });

  it("counts an IPv6 client per /64", async () => {
    const { email } = await register(uniqueEmail("v6"));
    const prefix = `2001:db8:${(ipCounter++ % 9000).toString(16)}:${Math.floor(Math.random() * 65535).toString(16)}`;
    for (let i = 0; i < PER_PAIR; i++) {
      // Every attempt from another address in the same /64, spelt long or short.
      const address = i % 2 ? `${prefix}::${(i + 1).toString(16)}` : `${prefix}:0:0:0:${(i + 1).toString(16)}`;
      expect((await login(email, "wrong password", address)).status).toBe(401);
    }
    expectThrottled(await login(email, PASSWORD, `${prefix}:ffff:ffff:ffff:ffff`));
    expect((await login(email, PASSWORD, `${prefix.replace(/:[0-9a-f]+$/, ":1")}::1`)).status).toBe(200);
  });

  it("does not let a successful login reset the address's failure count", async () => {
    const own = await register(uniqueEmail("sprayer"));
    const ip = freshIp();
    const targets = [uniqueEmail("target"), uniqueEmail("target"), uniqueEmail("target")];
    for (const target of targets) expect((await login(target, "wrong password", ip)).status).toBe(401);
    expect(await redisCommand("GET", clientKey(ip))).toBe("3");
    // Logging in to one's own account in between must not launder the spraying address.
    expect((await login(own.email, PASSWORD, ip)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100)); // the success is taken back after the response
    expect(await redisCommand("GET", clientKey(ip))).toBe("3");
    for (const target of targets) expect(await redisCommand("GET", emailKey(target))).toBe("1");
  });
});

describe("registration throttle", () => {
  it("bounds registrations per client, and lets other clients register", async () => {
    const ip = freshIp();
    const limit = Number(env.REGISTER_MAX_PER_CLIENT ?? 1000);
    await redisCommand("SET", `register:client:${ip}`, String(limit), "EX", "600");
    const refused = await api("POST", "/api/auth/register", { body: { email: uniqueEmail("many"), password: PASSWORD }, headers: { "cf-connecting-ip": ip } });
    expect(expectProblem(refused, 429).type).toBe("urn:problem:too-many-registration-attempts");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await api("POST", "/api/auth/register", { body: { email: uniqueEmail("other"), password: PASSWORD }, headers: { "cf-connecting-ip": freshIp() } })).status).toBe(201);
  });
});
