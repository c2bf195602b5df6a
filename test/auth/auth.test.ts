import { env } from "cloudflare:test";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { PBKDF2_MAX_ITERATIONS, hashPassword, verifyPassword } from "../../src/auth/password";
import { api, expectProblem, login, newUser, PASSWORD, register, uniqueEmail } from "../helpers/api";
import { sql } from "../helpers/db";

const ip = () => ({ "cf-connecting-ip": `192.0.2.${Math.floor(Math.random() * 250)}` });

describe("register", () => {
  it("creates a user with a lower-cased email and never returns the password", async () => {
    const email = uniqueEmail("Reg").toUpperCase();
    const res = await api("POST", "/api/auth/register", { body: { email: `  ${email} `, password: PASSWORD, name: "Ada" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: email.toLowerCase(), name: "Ada", phone: "", address: "", is_admin: false });
    expect(Object.keys(res.body).sort()).toEqual(["address", "created_at", "email", "email_verified_at", "id", "is_admin", "name", "phone", "updated_at"]);
    const [row] = await sql<{ password_hash: string }>("select password_hash from users where id = $1", [res.body.id]);
    expect(row!.password_hash).toMatch(/^pbkdf2_sha256\$100000\$/);
  });

  it("refuses a duplicate email in any case with 409", async () => {
    const { email } = await register();
    const res = await api("POST", "/api/auth/register", { body: { email: email.toUpperCase(), password: PASSWORD } });
    expectProblem(res, 409);
  });

  it("lets exactly one of two concurrent registrations of one email win", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.all(
      Array.from({ length: 5 }, () => api("POST", "/api/auth/register", { body: { email, password: PASSWORD } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const rows = await sql("select id from users where lower(email) = $1", [email]);
    expect(rows).toHaveLength(1);
  });

  it.each([
    ["missing password", { email: "a@example.com" }],
    ["short password", { email: "a@example.com", password: "short" }],
    ["10,000-char password", { email: "a@example.com", password: "x".repeat(10_000) }],
    ["bad email", { email: "not-an-email", password: PASSWORD }],
    ["wrong type", { email: 42, password: PASSWORD }],
    ["is_admin", { email: "a@example.com", password: PASSWORD, is_admin: true }],
    ["unknown field", { email: "a@example.com", password: PASSWORD, role: "x" }],
  ])("rejects %s with 400 and writes nothing", async (_name, body) => {
    const email = uniqueEmail("bad");
    const res = await api("POST", "/api/auth/register", { body: { ...body, email: typeof body.email === "string" && body.email.includes("@") ? email : body.email } });
    const problem = expectProblem(res, 400);
    expect(problem.errors?.length).toBeGreaterThan(0);
    expect(await sql("select id from users where email = $1", [email])).toHaveLength(0);
  });

  it("answers 413 to a 1 MiB body", async () => {
    const res = await api("POST", "/api/auth/register", { rawBody: JSON.stringify({ email: "big@example.com", password: "x".repeat(1024 * 1024) }) });
    expectProblem(res, 413);
  });
});

describe("login", () => {
  it("returns bearer tokens that open /api/me", async () => {
    const { email } = await register();
    const res = await api("POST", "/api/auth/login", { body: { email: email.toUpperCase(), password: PASSWORD }, headers: ip() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: "Bearer", expires_in: 900 });
    const me = await api("GET", "/api/me", { token: res.body.access });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const { email } = await register();
    const wrong = await api("POST", "/api/auth/login", { body: { email, password: "wrong password" }, headers: ip() });
    const unknown = await api("POST", "/api/auth/login", { body: { email: uniqueEmail("nobody"), password: "wrong password" }, headers: ip() });
    expect(expectProblem(wrong, 401).detail).toBe(expectProblem(unknown, 401).detail);
  });

  it("throttles repeated failures for one email from one client with 429 and Retry-After, even with the right password", async () => {
    const { email } = await register();
    const client = ip();
    for (let i = 0; i < 10; i++) {
      const res = await api("POST", "/api/auth/login", { body: { email, password: "wrong password" }, headers: client });
      expect(res.status).toBe(401);
    }
    const blocked = await api("POST", "/api/auth/login", { body: { email, password: PASSWORD }, headers: client });
    expectProblem(blocked, 429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("throttles one client address trying many emails", async () => {
    const client = { "cf-connecting-ip": "198.51.100.77" };
    const statuses: number[] = [];
    for (let i = 0; i < 101; i++) {
      const res = await api("POST", "/api/auth/login", { body: { email: uniqueEmail("spray"), password: "wrong password" }, headers: client });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 100).every((s) => s === 401)).toBe(true);
    expect(statuses[100]).toBe(429);
  });
});

describe("refresh and logout", () => {
  it("rotates: the new token works, the old one stops working", async () => {
    const user = await newUser();
    const first = await api("POST", "/api/auth/refresh", { body: { refresh: user.refresh } });
    expect(first.status).toBe(200);
    expect(first.body.refresh).not.toBe(user.refresh);
    expect((await api("GET", "/api/me", { token: first.body.access })).status).toBe(200);
    const second = await api("POST", "/api/auth/refresh", { body: { refresh: first.body.refresh } });
    expect(second.status).toBe(200);
  });

  it("revokes the whole family when a rotated token is presented again", async () => {
    const user = await newUser();
    const rotated = await api("POST", "/api/auth/refresh", { body: { refresh: user.refresh } });
    expect(rotated.status).toBe(200);
    const reuse = await api("POST", "/api/auth/refresh", { body: { refresh: user.refresh } });
    expectProblem(reuse, 401);
    // The legitimate newest token died with its family.
    expectProblem(await api("POST", "/api/auth/refresh", { body: { refresh: rotated.body.refresh } }), 401);
    const rows = await sql<{ live: string }>("select count(*)::text as live from refresh_families where user_id = $1 and revoked_at is null", [user.id]);
    expect(rows[0]!.live).toBe("0");
  });

  it("lets only one of two racing refreshes with the same token succeed", async () => {
    const user = await newUser();
    const results = await Promise.all([0, 1, 2].map(() => api("POST", "/api/auth/refresh", { body: { refresh: user.refresh } })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(2);
  });

  it("logout revokes the family", async () => {
    const user = await newUser();
    const out = await api("POST", "/api/auth/logout", { body: { refresh: user.refresh } });
    expect(out.status).toBe(204);
    expectProblem(await api("POST", "/api/auth/refresh", { body: { refresh: user.refresh } }), 401);
  });

  it("refuses an access token where a refresh token is expected and back", async () => {
    const user = await newUser();
    expectProblem(await api("POST", "/api/auth/refresh", { body: { refresh: user.token } }), 401);
    expectProblem(await api("GET", "/api/me", { token: user.refresh }), 401);
  });
});

describe("access tokens", () => {
  const sign = (secret: string, claims: Record<string, unknown>, alg = "HS256") =>
    new SignJWT(claims)
      .setProtectedHeader({ alg })
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setIssuedAt()
      .sign(new TextEncoder().encode(secret));

  it("refuses forged, unsigned, expired, wrong-audience tokens and tokens of deleted users", async () => {
    const user = await newUser();
    const forged = await sign("another-secret-another-secret-another-secret", { typ: "access", sub: String(user.id), exp: Math.floor(Date.now() / 1000) + 60 });
    const header = btoa(JSON.stringify({ alg: "none", typ: "JWT" })).replace(/=+$/, "");
    const payload = btoa(JSON.stringify({ typ: "access", sub: String(user.id), iss: env.JWT_ISSUER, aud: env.JWT_AUDIENCE, iat: 1, exp: 4102444800 })).replace(/=+$/, "");
    const unsigned = `${header}.${payload}.`;
    const expired = await sign(env.JWT_SECRET, { typ: "access", sub: String(user.id), exp: Math.floor(Date.now() / 1000) - 10 });
    const wrongAudience = await new SignJWT({ typ: "access", sub: String(user.id) })
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(env.JWT_ISSUER)
      .setAudience("someone-else")
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode(env.JWT_SECRET));
    for (const token of [forged, unsigned, expired, wrongAudience, "garbage"]) {
      expectProblem(await api("GET", "/api/me", { token }), 401);
    }
    expectProblem(await api("GET", "/api/me"), 401);
    await sql("delete from users where id = $1", [user.id]);
    expectProblem(await api("GET", "/api/me", { token: user.token }), 401);
  });

  it("say admin as users.is_admin stood at their login or refresh: a promotion or revocation reaches the token at the next refresh", async () => {
    const user = await newUser("promoted");
    const adminList = (token: string) => api("GET", "/api/admin/orders", { token });
    const dbTrips = (res: { headers: Headers }) => res.headers.get("x-db-round-trips");
    await sql("update users set is_admin = true where id = $1", [user.id]);
    // Issued before the promotion: refused by the token alone, no store asked.
    const before = await adminList(user.token);
    expectProblem(before, 403);
    expect(dbTrips(before)).toBe("0");
    const promoted = await api("POST", "/api/auth/refresh", { body: { refresh: user.refresh } });
    expect((await adminList(promoted.body.access)).status).toBe(200);
    await sql("update users set is_admin = false where id = $1", [user.id]);
    // Still says admin: the admin check in the route's batch refuses it.
    const revoked = await adminList(promoted.body.access);
    expectProblem(revoked, 403);
    expect(dbTrips(revoked)).toBe("1");
    const demoted = await api("POST", "/api/auth/refresh", { body: { refresh: promoted.body.refresh } });
    const after = await adminList(demoted.body.access);
    expectProblem(after, 403);
    expect(dbTrips(after)).toBe("0");
    expect(after.body).toEqual(revoked.body);
  });
});

describe("profile", () => {
  it("updates name, phone and address", async () => {
    const user = await newUser();
    const res = await api("PATCH", "/api/me", { token: user.token, body: { name: "Grace", phone: "+1 (415) 555-0100", address: "1 Main St" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Grace", phone: "+14155550100", address: "1 Main St" });
  });

  it.each([
    ["email", { email: "new@example.com" }],
    ["is_admin", { is_admin: true }],
    ["id", { id: 1 }],
    ["unknown", { nickname: "x" }],
    ["bad phone", { phone: "call me" }],
    ["long name", { name: "x".repeat(101) }],
    // Postgres text cannot hold NUL: the statement fails, and the answer is a 400, not a 500.
    ["NUL in the name", { name: "Ada\u0000" }],
    ["NUL in the address", { address: "1 Main St\u0000" }],
  ])("rejects %s with 400 and applies nothing", async (_name, body) => {
    const user = await newUser();
    const res = await api("PATCH", "/api/me", { token: user.token, body: { name: "Should Not Apply", ...body } });
    expectProblem(res, 400);
    const [row] = await sql<{ name: string; is_admin: boolean; email: string }>("select name, is_admin, email from users where id = $1", [user.id]);
    expect(row).toMatchObject({ name: "", is_admin: false, email: user.email });
  });
});

describe("password hashing", () => {
  it("stays within Cloudflare's PBKDF2 cap of 100,000 iterations", async () => {
    expect(PBKDF2_MAX_ITERATIONS).toBe(100_000);
    const stored = await hashPassword("secret value");
    expect(Number(stored.split("$")[1])).toBeLessThanOrEqual(100_000);
    expect((await verifyPassword("secret value", stored)).ok).toBe(true);
    expect((await verifyPassword("other value", stored)).ok).toBe(false);
  });

  it("upgrades an old, weaker hash at the next login", async () => {
    const { email, user } = await register();
    await sql("update users set password_hash = $1 where id = $2", [await hashPassword(PASSWORD, 1000), user.id]);
    await login(email, PASSWORD, ip());
    const [row] = await sql<{ password_hash: string }>("select password_hash from users where id = $1", [user.id]);
    expect(row!.password_hash).toMatch(/^pbkdf2_sha256\$100000\$/);
  });
});
