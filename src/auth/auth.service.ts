import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { users } from "../db/schema";
import type { Config } from "../env";
import { sha256Hex } from "../lib/hash";
import { conflict, unauthorized } from "../lib/problem";
import { EMAIL_VERIFICATION_TTL_SECONDS, newAccountToken } from "./account-tokens";
import type { UserResponse } from "./auth.schemas";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password";
import { newRefreshToken, REFRESH_TOKEN_PATTERN, signAccessToken } from "./tokens";

type UserRow = typeof users.$inferSelect;

export function toUserResponse(row: UserRow): UserResponse {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    address: row.address,
    is_admin: row.isAdmin,
    email_verified_at: row.emailVerifiedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export interface TokenPair {
  access: string;
  refresh: string;
  token_type: "Bearer";
  expires_in: number;
}

/**
 * The first statement of every admin route's batch: aborts the batch (SQLSTATE SH403 → 403, SH401
 * → 401) unless the user is an admin right now, so a revoked admin is refused at once and the check
 * costs no round trip of its own.
 */
export function adminCheck(db: Database, userId: number) {
  return db.execute(sql`select shop_require_admin(${userId})`);
}

export interface Registered {
  row: UserRow;
  /** The outbox row of the verification mail, for the sender to deliver after the response. */
  verificationEmailId: number;
}

/**
 * One statement: the user, a verification token (hashed) and the verify_email outbox row that
 * mails it, so an account never exists without its mail on the way.
 */
export async function registerUser(
  db: Database,
  input: { email: string; password: string; name?: string; phone?: string; address?: string },
): Promise<Registered> {
  const passwordHash = await hashPassword(input.password);
  const verification = await newAccountToken();
  // The unique index on lower(email) decides races: the loser inserts nothing and gets 409.
  const { rows } = await db.execute<{ id: number; email: string; name: string; phone: string; address: string; is_admin: boolean; created_at: string; updated_at: string; outbox_id: string | number }>(sql`
    with u as (
      insert into users (email, password_hash, name, phone, address)
      values (${input.email}, ${passwordHash}, ${input.name ?? ""}, ${input.phone ?? ""}, ${input.address ?? ""})
      on conflict do nothing
      returning *),
    t as (
      insert into account_tokens (token_hash, user_id, purpose, expires_at)
      select ${verification.hash}, u.id, 'email_verification', now() + make_interval(secs => ${EMAIL_VERIFICATION_TTL_SECONDS}) from u
      returning user_id),
    o as (
      insert into email_outbox (to_address, template, data)
      select u.email, 'verify_email', jsonb_build_object('token', ${verification.token}::text) from u join t on t.user_id = u.id
      returning id)
    select u.id, u.email, u.name, u.phone, u.address, u.is_admin, shop_iso(u.created_at) as created_at, shop_iso(u.updated_at) as updated_at, o.id as outbox_id
    from u, o`);
  const r = rows[0];
  if (!r) throw conflict("email-taken", "An account with this email already exists.");
  const row: UserRow = {
    id: r.id,
    email: r.email,
    passwordHash,
    name: r.name,
    phone: r.phone,
    address: r.address,
    isAdmin: r.is_admin,
    emailVerifiedAt: null,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
  return { row, verificationEmailId: Number(r.outbox_id) };
}

export const invalidRefresh = () => unauthorized("The refresh token is invalid, expired or revoked.");

function tokenPair(config: Config, access: string, refresh: string): TokenPair {
  return { access, refresh, token_type: "Bearer", expires_in: config.ACCESS_TOKEN_TTL_SECONDS };
}

export type LoginResult =
  | { ok: true; pair: TokenPair; userId: number; rehash: (() => Promise<void>) | null }
  | { ok: false; discard: (() => Promise<void>) | null };

/**
 * Checks a password in one round trip. The statement reads the user and, in the same breath,
 * stores a new session (family) and refresh token for them; the password is checked afterwards,
 * here. On a wrong password the unused session is deleted after the response (`discard`): nobody
 * ever saw its token. Unknown emails cost the same hash work as wrong passwords.
 */
export async function logIn(db: Database, config: Config, email: string, password: string): Promise<LoginResult> {
  const familyId = crypto.randomUUID();
  const refresh = newRefreshToken();
  const { rows } = await db.execute<{ id: number; password_hash: string }>(sql`
    with u as (select id, password_hash from users where lower(email) = ${email}),
    fam as (
      insert into refresh_families (id, user_id, expires_at)
      select ${familyId}, u.id, now() + make_interval(secs => ${config.REFRESH_FAMILY_TTL_SECONDS}) from u
      returning id, expires_at),
    tok as (
      insert into refresh_tokens (user_id, family_id, token_hash, expires_at)
      select u.id, fam.id, ${await sha256Hex(refresh)}, least(now() + make_interval(secs => ${config.REFRESH_TOKEN_TTL_SECONDS}), fam.expires_at)
      from u, fam
      returning id)
    select u.id, u.password_hash from u where exists (select 1 from tok)`);
  const row = rows[0];
  const { ok, needsRehash } = await verifyPassword(password, row?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!row || !ok) {
    return { ok: false, discard: row ? () => discardSession(db, familyId) : null };
  }
  return {
    ok: true,
    userId: row.id,
    pair: tokenPair(config, await signAccessToken(config, row.id, familyId), refresh),
    rehash: needsRehash ? () => upgradeHash(db, row.id, password) : null,
  };
}

async function discardSession(db: Database, familyId: string): Promise<void> {
  await db.execute(sql`delete from refresh_families where id = ${familyId}`);
}

/** Stored with weaker parameters than today's: re-hashed after a successful login, off the critical path. */
async function upgradeHash(db: Database, userId: number, password: string): Promise<void> {
  await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, userId));
}

export type RefreshResult =
  | { ok: true; pair: TokenPair; userId: number; sessionId: string }
  /** `ended`: the token was presented again after its rotation; its whole session was revoked. */
  | { ok: false; ended: { userId: number; sessionId: string } | null };

/**
 * Rotates a refresh token in one statement. The conditional UPDATE (token unrevoked and unexpired,
 * its session alive) lets exactly one of several racing refreshes win: the others wait for the
 * winner's row lock, then find the token revoked. A known, unexpired token that cannot be rotated
 * was rotated before (or its session ended): presenting it revokes the whole session, new tokens
 * included (reuse detection). The statement returns either the rotation or the ended session.
 */
export async function rotateRefreshToken(db: Database, config: Config, token: string): Promise<RefreshResult> {
  if (!REFRESH_TOKEN_PATTERN.test(token)) return { ok: false, ended: null };
  const next = newRefreshToken();
  const { rows } = await db.execute<{ kind: "rotated" | "ended"; user_id: number; family_id: string }>(sql`
    with cur as (
      update refresh_tokens t set revoked_at = now()
      from refresh_families f
      where t.token_hash = ${await sha256Hex(token)} and t.revoked_at is null and t.expires_at > now()
        and f.id = t.family_id and f.revoked_at is null and f.expires_at > now()
      returning t.user_id, t.family_id, f.expires_at),
    issued as (
      insert into refresh_tokens (user_id, family_id, token_hash, expires_at)
      select user_id, family_id, ${await sha256Hex(next)}, least(now() + make_interval(secs => ${config.REFRESH_TOKEN_TTL_SECONDS}), expires_at)
      from cur
      returning user_id, family_id),
    ended as (
      update refresh_families f set revoked_at = coalesce(f.revoked_at, now())
      from refresh_tokens t
      where t.token_hash = ${await sha256Hex(token)} and t.expires_at > now() and f.id = t.family_id
        and not exists (select 1 from cur)
      returning f.user_id, f.id as family_id)
    select 'rotated' as kind, user_id, family_id from issued
    union all
    select 'ended', user_id, family_id from ended`);
  const row = rows[0];
  if (!row) return { ok: false, ended: null };
  if (row.kind === "ended") return { ok: false, ended: { userId: row.user_id, sessionId: row.family_id } };
  return {
    ok: true,
    userId: row.user_id,
    sessionId: row.family_id,
    pair: tokenPair(config, await signAccessToken(config, row.user_id, row.family_id), next),
  };
}

/** Logout ends the refresh token's whole session (idempotent); an unknown token is 401. */
export async function endSession(db: Database, token: string): Promise<{ userId: number; sessionId: string }> {
  if (!REFRESH_TOKEN_PATTERN.test(token)) throw invalidRefresh();
  const { rows } = await db.execute<{ user_id: number; family_id: string }>(sql`
    update refresh_families f set revoked_at = coalesce(f.revoked_at, now())
    from refresh_tokens t
    where t.token_hash = ${await sha256Hex(token)} and f.id = t.family_id
    returning f.user_id, f.id as family_id`);
  const row = rows[0];
  if (!row) throw invalidRefresh();
  return { userId: row.user_id, sessionId: row.family_id };
}

export async function getUser(db: Database, id: number): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function updateProfile(db: Database, id: number, changes: { name?: string; phone?: string; address?: string }): Promise<UserRow | null> {
  const [row] = await db
    .update(users)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row ?? null;
}

/**
 * The scheduled sweep deletes sessions past their absolute lifetime (their tokens go with them)
 * and tokens past their own expiry: an expired token can be neither rotated nor replayed.
 */
export async function pruneExpiredSessions(db: Database): Promise<{ sessions: number; tokens: number }> {
  const { rows } = await db.execute<{ sessions: number; tokens: number }>(sql`
    with sessions as (delete from refresh_families where expires_at < now() returning 1),
    tokens as (delete from refresh_tokens where expires_at < now() returning 1)
    select (select count(*) from sessions)::int as sessions, (select count(*) from tokens)::int as tokens`);
  return rows[0] ?? { sessions: 0, tokens: 0 };
}
