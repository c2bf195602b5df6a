import { sql } from "drizzle-orm";
import type { AuthUser } from "../context";
import type { Database } from "../db/client";
import { base64url, sha256Hex } from "../lib/hash";

/**
 * A WebSocket ticket: what a browser puts in the socket's URL instead of its access token (URLs end
 * up in logs, histories and proxies). Single use, short-lived, stored hashed, and it carries exactly
 * what the access token that asked for it said: the user, the session and the token's expiry.
 */
export const WS_TICKET_TTL_SECONDS = 30;

const TICKET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Issues a ticket for the caller in one statement; null when the access token names no user. */
export async function issueTicket(db: Database, user: AuthUser): Promise<{ ticket: string; expiresIn: number } | null> {
  const ticket = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const accessExpires = new Date(user.expiresAt).toISOString();
  const { rows } = await db.execute<{ expires_in: number }>(sql`
    insert into ws_tickets (ticket_hash, user_id, session_id, access_expires_at, expires_at)
    select ${await sha256Hex(ticket)}, u.id, ${user.sessionId}, ${accessExpires}::timestamptz,
           least(now() + make_interval(secs => ${WS_TICKET_TTL_SECONDS}), ${accessExpires}::timestamptz)
    from users u where u.id = ${user.id}
    returning greatest(ceil(extract(epoch from expires_at - now())), 0)::int as expires_in`);
  const row = rows[0];
  return row ? { ticket, expiresIn: row.expires_in } : null;
}

export interface RedeemedTicket {
  user: AuthUser;
  /** The user's newest notification id now (what the Notifier needs to start from). */
  upTo: number;
}

/**
 * Uses a ticket up: one statement deletes it (so a second use finds nothing, also when both race)
 * and reads where the user's notifications stand. Null when it is unknown, used or expired.
 */
export async function redeemTicket(db: Database, ticket: string): Promise<RedeemedTicket | null> {
  if (!TICKET_PATTERN.test(ticket)) return null;
  const { rows } = await db.execute<{ user_id: number; session_id: string; is_admin: boolean; expires_at_ms: string | number; up_to: number }>(sql`
    with t as (delete from ws_tickets where ticket_hash = ${await sha256Hex(ticket)} returning user_id, session_id, access_expires_at, expires_at)
    select t.user_id, t.session_id, u.is_admin,
           floor(extract(epoch from t.access_expires_at) * 1000)::bigint as expires_at_ms,
           (select coalesce(max(n.id), 0) from notifications n where n.user_id = t.user_id) as up_to
    from t join users u on u.id = t.user_id
    where t.expires_at > now() and t.access_expires_at > now()`);
  const row = rows[0];
  if (!row) return null;
  return { user: { id: row.user_id, sessionId: row.session_id, expiresAt: Number(row.expires_at_ms), admin: row.is_admin }, upTo: Number(row.up_to) };
}
