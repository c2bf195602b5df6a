import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { users } from "../db/schema";
import type { Config } from "../env";
import { sha256Hex } from "../lib/hash";
import { conflict, unauthorized } from "../lib/problem";
import { EMAIL_VERIFICATION_TTL_SECONDS, newAccountToken } from "./account-tokens";
import type { UserResponse } from "./auth.schemas";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password";
import type { LoginCount } from "./throttle";
import { newRefreshToken, REFRESH_TOKEN_PATTERN, signAccessToken, successorRefreshToken } from "./tokens";

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
  /** Always set by the service; a response may carry it as a cookie instead (refresh-cookie.ts). */
  refresh?: string;
  token_type: "Bearer";
  expires_in: number;
}

/**
 * The first statement of every admin route's batch, the second layer behind requireAdmin (which
 * refuses tokens without the admin claim): aborts the batch (SQLSTATE SH403 → 403, SH401 → 401)
 * unless the user is an admin right now, so an admin whose rights were revoked is refused at once,
 * though their token still says admin, and the check costs no round trip of its own.
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
  pepper?: string,
): Promise<Registered> {
  const passwordHash = await hashPassword(input.password, undefined, pepper);
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
  | { ok: false; discard: (() => Promise<void>) | null }
  /** Counted in Postgres (Redis could not count it) and at a limit: wait this many seconds. */
  | { ok: false; throttledFor: number };

/**
 * Checks a password in one round trip. The statement reads the user and, in the same breath,
 * stores a new session (family) and refresh token for them; the password is checked afterwards,
 * here. On a wrong password the unused session is deleted after the response (`discard`): nobody
 * ever saw its token. Unknown emails cost the same hash work as wrong passwords. When the throttle
 * could not count the attempt in Redis, the same statement counts it in Postgres first
 * (`countIn`), and at a limit reads no user and stores nothing.
 */
export async function logIn(db: Database, config: Config, email: string, password: string, countIn: LoginCount["inPostgres"] = null): Promise<LoginResult> {
  const familyId = crypto.randomUUID();
  const refresh = newRefreshToken();
  const gate = countIn
    ? sql`select shop_count_login_attempt(array[${sql.join(countIn.keys.map((k) => sql`${k}`), sql`, `)}]::text[], array[${sql.join(countIn.limits.map((n) => sql`${n}`), sql`, `)}]::int[], ${countIn.windowSeconds}::int) as wait`
    : sql`select 0 as wait`;
  const { rows } = await db.execute<{ wait: number; id: number | null; password_hash: string | null; is_admin: boolean | null }>(sql`
    with gate as (${gate}),
    u as (select id, password_hash, is_admin from users where lower(email) = ${email} and (select wait from gate) = 0),
    fam as (
      insert into refresh_families (id, user_id, expires_at)
      select ${familyId}, u.id, now() + make_interval(secs => ${config.REFRESH_FAMILY_TTL_SECONDS}) from u
      returning id, expires_at),
    tok as (
      insert into refresh_tokens (user_id, family_id, token_hash, expires_at)
      select u.id, fam.id, ${await sha256Hex(refresh)}, least(now() + make_interval(secs => ${config.REFRESH_TOKEN_TTL_SECONDS}), fam.expires_at)
      from u, fam
      returning id)
    select gate.wait, u.id, u.password_hash, u.is_admin from gate left join u on exists (select 1 from tok)`);
  const wait = Number(rows[0]?.wait ?? 0);
  if (wait > 0) return { ok: false, throttledFor: wait };
  const row = rows[0]?.id != null ? { id: rows[0].id, password_hash: rows[0].password_hash ?? "", is_admin: rows[0].is_admin === true } : undefined;
  const { ok, needsRehash } = await verifyPassword(password, row?.password_hash ?? DUMMY_PASSWORD_HASH, config.PASSWORD_PEPPER);
  if (!row || !ok) {
    return { ok: false, discard: row ? () => discardSession(db, familyId) : null };
  }
  return {
    ok: true,
    userId: row.id,
    pair: tokenPair(config, await signAccessToken(config, row.id, familyId, row.is_admin), refresh),
    rehash: needsRehash ? () => upgradeHash(db, row.id, password, config.PASSWORD_PEPPER) : null,
  };
}

async function discardSession(db: Database, familyId: string): Promise<void> {
  await db.execute(sql`delete from refresh_families where id = ${familyId}`);
}

/** Stored with weaker parameters than today's, or without the pepper: re-hashed after a successful login, off the critical path. */
async function upgradeHash(db: Database, userId: number, password: string, pepper: string): Promise<void> {
  await db.update(users).set({ passwordHash: await hashPassword(password, undefined, pepper) }).where(eq(users.id, userId));
}

export type RefreshResult =
  | { ok: true; pair: TokenPair; userId: number; sessionId: string }
  /** `ended`: the token was presented again after its rotation; its whole session was revoked. */
  | { ok: false; ended: { userId: number; sessionId: string } | null };

/** How long the token just rotated away still answers, with the same successor: a client's retry of a refresh whose answer it lost. */
export const REFRESH_RETRY_GRACE_SECONDS = 30;

/**
 * Rotates a refresh token in one statement. The conditional UPDATE (token unrevoked and unexpired,
 * its session alive) lets exactly one of several racing refreshes win: the others wait for the
 * winner's row lock, then find the token revoked. Any known, unexpired token that cannot be rotated
 * was rotated before (or its session ended): presenting it revokes the whole session, new tokens
 * included (reuse detection).
 *
 * Except a retry. A refresh sent with a retry key (its Idempotency-Key) gets a successor derived
 * from the token and that key (successorRefreshToken), so sending the same token with the same key
 * again, within REFRESH_RETRY_GRACE_SECONDS and while that successor is still unused, returns the
 * same successor (`retried`) instead of ending the session: a client that lost the answer to its
 * refresh can ask again. Without the key, or with another one, the successor it would get does not
 * exist and the presentation is reuse, as before. Refreshes racing the first are not retries
 * either: their snapshot predates the successor, so they find none and end the session.
 */
export async function rotateRefreshToken(db: Database, config: Config, token: string, retryKey?: string): Promise<RefreshResult> {
  if (!REFRESH_TOKEN_PATTERN.test(token)) return { ok: false, ended: null };
  const next = retryKey ? await successorRefreshToken(config, token, retryKey) : newRefreshToken();
  const tokenHash = await sha256Hex(token);
  const nextHash = await sha256Hex(next);
  const { rows } = await db.execute<{ kind: "rotated" | "retried" | "ended"; user_id: number; family_id: string; is_admin: boolean }>(sql`
    with cur as (
      update refresh_tokens t set revoked_at = now()
      from refresh_families f
      where t.token_hash = ${tokenHash} and t.revoked_at is null and t.expires_at > now()
        and f.id = t.family_id and f.revoked_at is null and f.expires_at > now()
      returning t.user_id, t.family_id, f.expires_at),
    issued as (
      insert into refresh_tokens (user_id, family_id, token_hash, expires_at)
      select user_id, family_id, ${nextHash}, least(now() + make_interval(secs => ${config.REFRESH_TOKEN_TTL_SECONDS}), expires_at)
      from cur
      returning user_id, family_id),
    retried as (
      select t.user_id, t.family_id
      from refresh_tokens t
      join refresh_families f on f.id = t.family_id
      join refresh_tokens n on n.token_hash = ${nextHash} and n.family_id = t.family_id
      where t.token_hash = ${tokenHash} and t.expires_at > now()
        and t.revoked_at > now() - make_interval(secs => ${REFRESH_RETRY_GRACE_SECONDS})
        and n.revoked_at is null and n.expires_at > now()
        and f.revoked_at is null and f.expires_at > now()
        and ${retryKey !== undefined}::boolean and not exists (select 1 from cur)),
    ended as (
      update refresh_families f set revoked_at = coalesce(f.revoked_at, now())
      from refresh_tokens t
      where t.token_hash = ${tokenHash} and t.expires_at > now() and f.id = t.family_id
        and not exists (select 1 from cur) and not exists (select 1 from retried)
      returning f.user_id, f.id as family_id)
    select 'rotated' as kind, user_id, family_id, (select u.is_admin from users u where u.id = issued.user_id) as is_admin from issued
    union all
    select 'retried', user_id, family_id, (select u.is_admin from users u where u.id = retried.user_id) from retried
    union all
    select 'ended', user_id, family_id, false from ended`);
  const row = rows[0];
  if (!row) return { ok: false, ended: null };
  if (row.kind === "ended") return { ok: false, ended: { userId: row.user_id, sessionId: row.family_id } };
  return {
    ok: true,
    userId: row.user_id,
    sessionId: row.family_id,
    // The admin claim is today's is_admin: a refresh is where a promotion or a revocation reaches the token.
    pair: tokenPair(config, await signAccessToken(config, row.user_id, row.family_id, row.is_admin === true), next),
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

/** A user's live sessions at most: each login beyond it ends the oldest. */
export const MAX_SESSIONS_PER_USER = 50;

/**
 * Revokes the user's oldest live sessions beyond MAX_SESSIONS_PER_USER and returns their ids (their
 * sockets are the caller's to close). Runs after a successful login, not in the login's statement:
 * that statement runs before the password is checked, and a wrong password must end nothing.
 */
export async function capSessions(db: Database, userId: number): Promise<string[]> {
  const { rows } = await db.execute<{ id: string }>(sql`
    update refresh_families set revoked_at = now()
    where revoked_at is null and id in (
      select id from refresh_families
      where user_id = ${userId} and revoked_at is null and expires_at > now()
      order by created_at desc, id desc
      offset ${MAX_SESSIONS_PER_USER})
    returning id`);
  return rows.map((r) => r.id);
}

export interface PruneOptions {
  /** Rows of each kind one statement deletes at most. */
  batchSize: number;
  /** No new batch starts after this long; the next run goes on where this one stopped. */
  timeLimitMs: number;
}

/** Small enough that one batch stays far below DATABASE_TIMEOUT_MS on any table size (the expiry indexes find the rows). */
export const PRUNE_DEFAULTS: PruneOptions = { batchSize: 2000, timeLimitMs: 20_000 };

export interface PruneResult {
  sessions: number;
  tokens: number;
  /** Expired login-throttle counters and WebSocket tickets. */
  other: number;
  batches: number;
  /** False when the time limit stopped it with expired rows left. */
  complete: boolean;
}

/**
 * The scheduled sweep deletes sessions past their absolute lifetime (their tokens go with them),
 * tokens past their own expiry (an expired token can be neither rotated nor replayed), and expired
 * throttle counters and socket tickets. In batches, each one short statement, under its own time
 * limit, so it finishes (or stops cleanly, to go on at the next run) at any table size.
 */
export async function pruneExpiredSessions(db: Database, options: PruneOptions = PRUNE_DEFAULTS): Promise<PruneResult> {
  const started = Date.now();
  const total: PruneResult = { sessions: 0, tokens: 0, other: 0, batches: 0, complete: false };
  const limit = options.batchSize;
  for (;;) {
    const { rows } = await db.execute<{ sessions: number; tokens: number; throttles: number; tickets: number }>(sql`
      with sessions as (
        delete from refresh_families where id in (select id from refresh_families where expires_at < now() limit ${limit}) returning 1),
      tokens as (
        delete from refresh_tokens where id in (select id from refresh_tokens where expires_at < now() limit ${limit}) returning 1),
      throttles as (
        delete from login_throttle where key in (select key from login_throttle where expires_at < now() limit ${limit}) returning 1),
      tickets as (
        delete from ws_tickets where ticket_hash in (select ticket_hash from ws_tickets where expires_at < now() limit ${limit}) returning 1)
      select (select count(*) from sessions)::int as sessions, (select count(*) from tokens)::int as tokens,
             (select count(*) from throttles)::int as throttles, (select count(*) from tickets)::int as tickets`);
    const batch = rows[0] ?? { sessions: 0, tokens: 0, throttles: 0, tickets: 0 };
    total.sessions += batch.sessions;
    total.tokens += batch.tokens;
    total.other += batch.throttles + batch.tickets;
    total.batches++;
    if (Math.max(batch.sessions, batch.tokens, batch.throttles, batch.tickets) < limit) {
      total.complete = true;
      return total;
    }
    if (Date.now() - started >= options.timeLimitMs) return total;
  }
}
