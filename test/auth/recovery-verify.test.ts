import { describe, expect, it } from "vitest";
import { api, expectProblem, login, PASSWORD, uniqueEmail } from "../helpers/api";
import { sql } from "../helpers/db";
import { clientIp, linkToken, mailsTo, send, sha256Hex } from "../email/mail-sink";

/** Registers through the Worker, waiting for the verification mail to be delivered. */
async function registerAndReadMail(email = uniqueEmail("verify")) {
  const res = await send("POST", "/api/auth/register", { body: { email, password: PASSWORD }, headers: { "cf-connecting-ip": clientIp() } });
  expect(res.status).toBe(201);
  const tokens = await login(email, PASSWORD, { "cf-connecting-ip": clientIp() });
  const [mail] = await mailsTo(email);
  return { email, id: res.body.id as number, user: res.body, token: tokens.access, mail: mail! };
}

const confirm = (token: string) => api("POST", "/api/auth/verify-email/confirm", { body: { token } });

async function guestOrder(email: string): Promise<number> {
  const [row] = await sql<{ id: number }>("insert into orders (user_id, email, subtotal, total) values (null, $1, '12.50', '12.50') returning id", [email]);
  return row!.id;
}

describe("email verification", () => {
  it("registration mails a verification link; confirming it sets email_verified_at", async () => {
    const { email, user, token, mail } = await registerAndReadMail();
    expect(user.email_verified_at).toBeNull();
    expect(mail.subject).toMatch(/confirm your email/i);
    const verifyToken = linkToken(mail, "verify-email");
    expect((await confirm(verifyToken)).status).toBe(204);
    const me = await api("GET", "/api/me", { token });
    expect(me.body.email_verified_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // The link works once.
    const problem = expectProblem(await confirm(verifyToken), 400);
    expect(problem.type).toBe("urn:problem:invalid-token");
    const [row] = await sql<{ data: unknown }>("select data from email_outbox where to_address = $1 and template = 'verify_email'", [email]);
    expect(row!.data).toEqual({});
  });

  it("moves the guest orders placed with the same email into the account, in any case, and no one else's", async () => {
    const email = uniqueEmail("adopt");
    const [mine, mineUpper, someoneElses] = [await guestOrder(email), await guestOrder(email.toUpperCase()), await guestOrder(uniqueEmail("other"))];
    const { token, mail, id } = await registerAndReadMail(email);
    // Before verification the orders are not the account's.
    expect((await api("GET", "/api/orders", { token })).body.results).toEqual([]);
    expect((await confirm(linkToken(mail, "verify-email"))).status).toBe(204);
    const listed = await api("GET", "/api/orders", { token });
    expect(listed.body.results.map((o: { id: number }) => o.id).sort()).toEqual([mine, mineUpper].sort());
    expect((await api("GET", `/api/orders/${mine}`, { token })).status).toBe(200);
    const [other] = await sql<{ user_id: number | null }>("select user_id from orders where id = $1", [someoneElses]);
    expect(other!.user_id).toBeNull();
    const owners = await sql<{ user_id: number }>("select user_id from orders where id = any($1::int[])", [[mine, mineUpper]]);
    expect(owners.map((o) => o.user_id)).toEqual([id, id]);
  });

  it("sends a new link on request, and 409 once the email is verified", async () => {
    const { email, token, mail } = await registerAndReadMail();
    const again = await send("POST", "/api/auth/verify-email", { token, headers: { "cf-connecting-ip": clientIp() } });
    expect(again.status).toBe(202);
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(2);
    const fresh = linkToken(mails[0]!, "verify-email");
    expect(fresh).not.toBe(linkToken(mail, "verify-email"));
    expect((await confirm(fresh)).status).toBe(204);
    const problem = expectProblem(await api("POST", "/api/auth/verify-email", { token, headers: { "cf-connecting-ip": clientIp() } }), 409);
    expect(problem.type).toBe("urn:problem:email-already-verified");
    expect(await mailsTo(email)).toHaveLength(2);
  });

  it("needs a login to send a new link, and throttles it", async () => {
    expectProblem(await api("POST", "/api/auth/verify-email"), 401);
    const { token } = await registerAndReadMail();
    const results = await Promise.all(Array.from({ length: 8 }, () => api("POST", "/api/auth/verify-email", { token, headers: { "cf-connecting-ip": clientIp() } })));
    const accepted = results.filter((r) => r.status === 202).length;
    expect(accepted).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.status === 429 || r.status === 503).length).toBe(8 - accepted);
    expect(results.filter((r) => r.status === 429).length).toBeGreaterThan(0);
  });

  it("refuses unknown, expired and password-reset tokens with 400 and verifies nothing", async () => {
    const { email, id, mail } = await registerAndReadMail();
    const verifyToken = linkToken(mail, "verify-email");
    await sql("update account_tokens set expires_at = now() - interval '1 second' where token_hash = $1", [await sha256Hex(verifyToken)]);
    expect((await send("POST", "/api/auth/password-reset", { body: { email }, headers: { "cf-connecting-ip": clientIp() } })).status).toBe(202);
    const resetToken = linkToken((await mailsTo(email))[0]!, "reset-password");
    for (const token of [verifyToken, resetToken, "B".repeat(43)]) expectProblem(await confirm(token), 400);
    const [row] = await sql<{ email_verified_at: Date | null }>("select email_verified_at from users where id = $1", [id]);
    expect(row!.email_verified_at).toBeNull();
  });
});
