import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api, expectProblem, login, newUser, PASSWORD, uniqueEmail } from "../helpers/api";
import { sql } from "../helpers/db";
import { closedBy, connect } from "../helpers/sockets";
import { clientIp, linkToken, mailsTo, send, sha256Hex } from "../email/mail-sink";

const NEW_PASSWORD = "a brand new passphrase";

/** Asks for a reset for `email` and returns the token from the link in the mail it got. */
async function resetToken(email: string): Promise<string> {
  const before = (await mailsTo(email)).length;
  const res = await send("POST", "/api/auth/password-reset", { body: { email }, headers: { "cf-connecting-ip": clientIp() } });
  expect(res.status).toBe(202);
  const mails = await mailsTo(email);
  expect(mails).toHaveLength(before + 1);
  return linkToken(mails[0]!, "reset-password");
}

const confirm = (token: string, password = NEW_PASSWORD) => api("POST", "/api/auth/password-reset/confirm", { body: { token, password } });
const passwordHashOf = async (id: number) => (await sql<{ password_hash: string }>("select password_hash from users where id = $1", [id]))[0]!.password_hash;

describe("password reset", () => {
  it("mails a link to the shop whose token sets a new password, once", async () => {
    const user = await newUser("reset");
    const token = await resetToken(user.email);
    const [mail] = await mailsTo(user.email);
    expect(mail!.subject).toMatch(/reset your password/i);
    expect(mail!.text).toContain(`${env.SHOP_URL ?? "http://localhost:8787"}/#/reset-password?token=${token}`);
    expect(mail!.html).toContain(`#/reset-password?token=${token}`);
    // Only the hash is stored, and the raw token leaves the outbox row once the mail is sent.
    expect(await sql("select 1 from account_tokens where token_hash = $1 and purpose = 'password_reset'", [await sha256Hex(token)])).toHaveLength(1);
    const [row] = await sql<{ status: string; data: Record<string, unknown> }>("select status, data from email_outbox where to_address = $1 and template = 'password_reset'", [user.email]);
    expect(row).toEqual({ status: "sent", data: {} });

    expect((await confirm(token)).status).toBe(204);
    expect((await login(user.email, NEW_PASSWORD)).access).toBeTruthy();
    expectProblem(await api("POST", "/api/auth/login", { body: { email: user.email, password: PASSWORD }, headers: { "cf-connecting-ip": clientIp() } }), 401);
    // Single use.
    const again = expectProblem(await confirm(token, "yet another passphrase"), 400);
    expect(again.type).toBe("urn:problem:invalid-token");
    expect((await login(user.email, NEW_PASSWORD)).access).toBeTruthy();
  });

  it("ends every session of the user: refresh tokens stop working and sockets close with 4001", async () => {
    const user = await newUser("reset-sessions");
    const otherDevice = await login(user.email, user.password, { "cf-connecting-ip": clientIp() });
    const sockets = [await connect(user.token), await connect(otherDevice.access)];
    const token = await resetToken(user.email);
    expect((await confirm(token)).status).toBe(204);
    for (const refresh of [user.refresh, otherDevice.refresh]) expectProblem(await api("POST", "/api/auth/refresh", { body: { refresh } }), 401);
    for (const socket of sockets) expect((await closedBy(socket)).code).toBe(4001);
  });

  it("retires the user's other reset links when one is used", async () => {
    const user = await newUser("reset-two");
    const first = await resetToken(user.email);
    const second = await resetToken(user.email);
    expect((await confirm(second)).status).toBe(204);
    expectProblem(await confirm(first, "another passphrase here"), 400);
  });

  it("answers an unknown email exactly as a known one, and mails nobody", async () => {
    const known = await newUser("reset-known");
    const unknown = uniqueEmail("nobody");
    const ask = (email: string) => send("POST", "/api/auth/password-reset", { body: { email }, headers: { "cf-connecting-ip": clientIp() } });
    const [a, b] = [await ask(known.email), await ask(unknown)];
    expect(b.status).toBe(202);
    expect(b.text).toBe(a.text);
    expect(b.headers.get("content-type")).toBe(a.headers.get("content-type"));
    expect(await mailsTo(unknown)).toEqual([]);
    expect(await sql("select 1 from email_outbox where to_address = $1", [unknown])).toEqual([]);
  });

  it("refuses an unknown, an expired and a used token with 400 and changes nothing", async () => {
    const user = await newUser("reset-bad");
    const hashBefore = await passwordHashOf(user.id);
    const expired = await resetToken(user.email);
    await sql("update account_tokens set expires_at = now() - interval '1 second' where token_hash = $1", [await sha256Hex(expired)]);
    const used = await resetToken(user.email);
    await sql("update account_tokens set used_at = now() where token_hash = $1", [await sha256Hex(used)]);
    const unknown = "A".repeat(43);
    for (const token of [unknown, expired, used, "not-a-token"]) {
      const problem = expectProblem(await confirm(token), 400);
      expect(problem.errors).toEqual([{ path: "token", message: expect.any(String) }]);
    }
    expect(await passwordHashOf(user.id)).toBe(hashBefore);
    // The sessions are untouched too.
    expect((await api("POST", "/api/auth/refresh", { body: { refresh: user.refresh } })).status).toBe(200);
  });

  it("refuses a password outside 8–128 characters with 400 and leaves the token usable", async () => {
    const user = await newUser("reset-weak");
    const token = await resetToken(user.email);
    for (const password of ["short", "x".repeat(129)]) {
      const problem = expectProblem(await confirm(token, password), 400);
      expect(problem.errors?.map((e) => e.path)).toEqual(["password"]);
    }
    expect((await confirm(token)).status).toBe(204);
  });

  it("rejects unknown fields and a malformed email with 400", async () => {
    expectProblem(await api("POST", "/api/auth/password-reset", { body: { email: "not an email" } }), 400);
    expectProblem(await api("POST", "/api/auth/password-reset", { body: { email: uniqueEmail(), admin: true } }), 400);
    expectProblem(await api("POST", "/api/auth/password-reset/confirm", { body: { token: "x" } }), 400);
  });

  it("gives 40 simultaneous requests for one email at most the throttle's number of mails, and 429 with Retry-After beyond", async () => {
    const user = await newUser("reset-flood");
    const limit = Number(env.PASSWORD_RESET_MAX_PER_EMAIL ?? 5);
    const results = await Promise.all(
      Array.from({ length: 40 }, () => api("POST", "/api/auth/password-reset", { body: { email: user.email }, headers: { "cf-connecting-ip": clientIp() } })),
    );
    const accepted = results.filter((r) => r.status === 202);
    const refused = results.filter((r) => r.status === 429);
    // 503: Redis could not count in time (a loaded test machine); the throttle then fails closed.
    const paused = results.filter((r) => r.status === 503);
    expect(accepted.length + refused.length + paused.length).toBe(40);
    expect(accepted.length).toBeLessThanOrEqual(limit);
    expect(refused.length + paused.length).toBeGreaterThanOrEqual(40 - limit);
    for (const r of [...refused, ...paused]) expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
    const rows = await sql("select id from email_outbox where to_address = $1 and template = 'password_reset'", [user.email]);
    expect(rows).toHaveLength(accepted.length);
  });

  it("limits one client address asking for many emails", async () => {
    const ip = clientIp();
    const limit = Number(env.PASSWORD_RESET_MAX_PER_CLIENT ?? 30);
    const results = await Promise.all(Array.from({ length: limit + 5 }, () => api("POST", "/api/auth/password-reset", { body: { email: uniqueEmail("spray") }, headers: { "cf-connecting-ip": ip } })));
    const accepted = results.filter((r) => r.status === 202).length;
    expect(accepted).toBeLessThanOrEqual(limit);
    expect(results.filter((r) => r.status === 429 || r.status === 503).length).toBe(limit + 5 - accepted);
  });
});

describe("round trips", () => {
  const trips = (res: { headers: Headers }) => [res.headers.get("x-db-round-trips"), res.headers.get("x-cache-round-trips")];

  it("a reset request is the throttle and one statement; confirming is one statement", async () => {
    const user = await newUser("reset-rt");
    const asked = await api("POST", "/api/auth/password-reset", { body: { email: user.email }, headers: { "cf-connecting-ip": clientIp() } });
    expect(trips(asked)).toEqual(["1", "1"]);
    expect(trips(await api("POST", "/api/auth/password-reset", { body: { email: uniqueEmail("rt-nobody") }, headers: { "cf-connecting-ip": clientIp() } }))).toEqual(["1", "1"]);
    const token = await resetToken(user.email);
    const confirmed = await confirm(token);
    expect(confirmed.status).toBe(204);
    expect(trips(confirmed)).toEqual(["1", "0"]);
  });

  it("a new verification link is the throttle and one statement; confirming is one statement", async () => {
    const user = await newUser("verify-rt");
    const again = await api("POST", "/api/auth/verify-email", { token: user.token, headers: { "cf-connecting-ip": clientIp() } });
    expect(again.status).toBe(202);
    expect(trips(again)).toEqual(["1", "1"]);
    const bad = await api("POST", "/api/auth/verify-email/confirm", { body: { token: "C".repeat(43) } });
    expect(bad.status).toBe(400);
    expect(trips(bad)).toEqual(["1", "0"]);
  });
});
