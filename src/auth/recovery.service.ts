import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { conflict, Problem, unauthorized } from "../lib/problem";
import { ACCOUNT_TOKEN_PATTERN, EMAIL_VERIFICATION_TTL_SECONDS, newAccountToken, PASSWORD_RESET_TTL_SECONDS } from "./account-tokens";
import { sha256Hex } from "../lib/hash";

export const invalidToken = () =>
  new Problem(400, "invalid-token", "The link is invalid, expired or already used: ask for a new one.", {
    errors: [{ path: "token", message: "Invalid, expired or already used." }],
  });

/**
 * One statement whatever the email: it stores the (hashed) token and the mail only when a user
 * has that email, and does the same work otherwise, so neither the answer nor its timing tells
 * whether an account exists. Returns the outbox row to deliver, if any.
 */
export async function requestPasswordReset(db: Database, email: string): Promise<number | null> {
  const reset = await newAccountToken();
  const { rows } = await db.execute<{ id: string | number }>(sql`
    with u as (select id, email from users where lower(email) = ${email}),
    t as (
      insert into account_tokens (token_hash, user_id, purpose, expires_at)
      select ${reset.hash}, u.id, 'password_reset', now() + make_interval(secs => ${PASSWORD_RESET_TTL_SECONDS}) from u
      returning user_id),
    o as (
      insert into email_outbox (to_address, template, data)
      select u.email, 'password_reset', jsonb_build_object('token', ${reset.token}::text) from u join t on t.user_id = u.id
      returning id)
    select id from o`);
  return rows[0] ? Number(rows[0].id) : null;
}

/**
 * One statement: uses the token (only if unused and unexpired; a racing second use finds it used),
 * sets the new password hash, retires the user's other reset links and revokes every session
 * (refresh-token family). Returns the user, or null when the token is not usable (nothing changed).
 */
export async function confirmPasswordReset(db: Database, token: string, passwordHash: string): Promise<number | null> {
  if (!ACCOUNT_TOKEN_PATTERN.test(token)) return null;
  const hash = await sha256Hex(token);
  const { rows } = await db.execute<{ user_id: number }>(sql`
    with t as (
      update account_tokens set used_at = now()
      where token_hash = ${hash} and purpose = 'password_reset' and used_at is null and expires_at > now()
      returning user_id),
    u as (
      update users set password_hash = ${passwordHash}, updated_at = now()
      from t where users.id = t.user_id
      returning users.id),
    others as (
      update account_tokens a set used_at = now()
      from u where a.user_id = u.id and a.purpose = 'password_reset' and a.used_at is null and a.token_hash <> ${hash}
      returning 1),
    sessions as (
      update refresh_families f set revoked_at = now()
      from u where f.user_id = u.id and f.revoked_at is null
      returning 1)
    select u.id as user_id from u`);
  return rows[0]?.user_id ?? null;
}

/**
 * A new verification link for a user whose email is not verified yet: token and mail in one
 * statement. 409 when it is verified already (nothing is sent).
 */
export async function requestVerification(db: Database, userId: number): Promise<number> {
  const verification = await newAccountToken();
  const { rows } = await db.execute<{ found: boolean; verified: boolean | null; outbox_id: string | number | null }>(sql`
    with me as (select id, email, email_verified_at from users where id = ${userId}),
    u as (select id, email from me where email_verified_at is null),
    t as (
      insert into account_tokens (token_hash, user_id, purpose, expires_at)
      select ${verification.hash}, u.id, 'email_verification', now() + make_interval(secs => ${EMAIL_VERIFICATION_TTL_SECONDS}) from u
      returning user_id),
    o as (
      insert into email_outbox (to_address, template, data)
      select u.email, 'verify_email', jsonb_build_object('token', ${verification.token}::text) from u join t on t.user_id = u.id
      returning id)
    select exists (select 1 from me) as found,
           (select email_verified_at is not null from me) as verified,
           (select id from o) as outbox_id`);
  const row = rows[0];
  if (!row?.found) throw unauthorized("The access token names no user.");
  if (row.verified || row.outbox_id === null) throw conflict("email-already-verified", "This email address is verified already.");
  return Number(row.outbox_id);
}

/**
 * One statement: uses the verification token, marks the email verified, and moves the guest
 * orders placed with that email into the account (the mailbox's owner has just proved it is
 * theirs). An adopted order keeps its Idempotency-Key unless the user already has an order with
 * the same key. Returns the user, or null when the token is not usable (nothing changed).
 */
export async function confirmVerification(db: Database, token: string): Promise<{ userId: number; adopted: number } | null> {
  if (!ACCOUNT_TOKEN_PATTERN.test(token)) return null;
  const { rows } = await db.execute<{ user_id: number; adopted: number }>(sql`
    with t as (
      update account_tokens set used_at = now()
      where token_hash = ${await sha256Hex(token)} and purpose = 'email_verification' and used_at is null and expires_at > now()
      returning user_id),
    u as (
      update users set email_verified_at = coalesce(users.email_verified_at, now()), updated_at = now()
      from t where users.id = t.user_id
      returning users.id, users.email),
    adopted as (
      update orders o set
        user_id = u.id,
        idempotency_key = case when exists (select 1 from orders mine where mine.user_id = u.id and mine.idempotency_key = o.idempotency_key) then null else o.idempotency_key end
      from u
      where o.user_id is null and lower(o.email) = lower(u.email)
      returning o.id)
    select u.id as user_id, (select count(*) from adopted)::int as adopted from u`);
  const row = rows[0];
  return row ? { userId: row.user_id, adopted: row.adopted } : null;
}
