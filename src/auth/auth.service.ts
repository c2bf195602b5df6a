import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { refreshTokens, users } from "../db/schema";
import type { Config } from "../env";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password";
import { conflict, unauthorized } from "../lib/problem";
import { hashToken, signAccessToken, signRefreshToken, verifyRefreshToken } from "./tokens";
import type { UserResponse } from "./auth.schemas";

type UserRow = typeof users.$inferSelect;

export function toUserResponse(row: UserRow): UserResponse {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    address: row.address,
    is_admin: row.isAdmin,
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

export async function registerUser(
  db: Executor,
  input: { email: string; password: string; name?: string; phone?: string; address?: string },
): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password);
  // The unique index on lower(email) decides races: the loser inserts nothing and gets 409.
  const [row] = await db
    .insert(users)
    .values({ email: input.email, passwordHash, name: input.name ?? "", phone: input.phone ?? "", address: input.address ?? "" })
    .onConflictDoNothing()
    .returning();
  if (!row) throw conflict("email-taken", "An account with this email already exists.");
  return row;
}

/** Returns the user when the password matches; unknown emails cost the same hash work as wrong passwords. */
export async function checkCredentials(db: Executor, email: string, password: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
  const { ok, needsRehash } = await verifyPassword(password, row?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!row || !ok) return null;
  if (needsRehash) {
    await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, row.id));
  }
  return row;
}

async function issueTokens(db: Executor, config: Config, userId: number, familyId: string): Promise<{ pair: TokenPair; id: number }> {
  const refresh = await signRefreshToken(config, { userId, familyId, tokenId: crypto.randomUUID() });
  const [stored] = await db
    .insert(refreshTokens)
    .values({
      userId,
      familyId,
      tokenHash: await hashToken(refresh),
      expiresAt: new Date(Date.now() + config.REFRESH_TOKEN_TTL_SECONDS * 1000),
    })
    .returning({ id: refreshTokens.id });
  return {
    pair: { access: await signAccessToken(config, userId, familyId), refresh, token_type: "Bearer", expires_in: config.ACCESS_TOKEN_TTL_SECONDS },
    id: stored!.id,
  };
}

export async function startSession(db: Executor, config: Config, userId: number): Promise<TokenPair> {
  return (await issueTokens(db, config, userId, crypto.randomUUID())).pair;
}

async function revokeFamily(db: Executor, familyId: string): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

const invalidRefresh = () => unauthorized("The refresh token is invalid, expired or revoked.");

/**
 * Rotates a refresh token. The conditional UPDATE (still unrevoked) lets exactly one of two
 * racing refreshes win: the winner's transaction holds the row lock until its new token is
 * committed, so the loser, like any replay of a rotated token, then revokes the whole family,
 * new token included. The revocation is returned, not thrown, so it commits.
 */
export async function rotateRefreshToken(db: Executor, config: Config, token: string): Promise<TokenPair | "rejected"> {
  const claims = await verifyRefreshToken(config, token);
  if (!claims) return "rejected";
  const tokenHash = await hashToken(token);
  const [current] = await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.revokedAt), gt(refreshTokens.expiresAt, sql`now()`)))
    .returning({ id: refreshTokens.id, userId: refreshTokens.userId, familyId: refreshTokens.familyId });
  if (!current) {
    const [known] = await db.select({ familyId: refreshTokens.familyId }).from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).limit(1);
    if (known) await revokeFamily(db, known.familyId);
    return "rejected";
  }
  const next = await issueTokens(db, config, current.userId, current.familyId);
  await db.update(refreshTokens).set({ replacedBy: next.id }).where(eq(refreshTokens.id, current.id));
  return next.pair;
}

export const invalidRefreshProblem = invalidRefresh;

/** Logout revokes the whole family of a validly signed refresh token (idempotent). */
export async function revokeRefreshToken(db: Executor, config: Config, token: string): Promise<void> {
  const claims = await verifyRefreshToken(config, token);
  if (!claims) throw invalidRefresh();
  const [known] = await db.select({ familyId: refreshTokens.familyId }).from(refreshTokens).where(eq(refreshTokens.tokenHash, await hashToken(token))).limit(1);
  if (!known) throw invalidRefresh();
  await revokeFamily(db, known.familyId);
}

export async function getUser(db: Executor, id: number): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function updateProfile(db: Executor, id: number, changes: { name?: string; phone?: string; address?: string }): Promise<UserRow | null> {
  const [row] = await db
    .update(users)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row ?? null;
}
