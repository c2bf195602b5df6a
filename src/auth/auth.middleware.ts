import { eq } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv, AuthUser } from "../context";
import { users } from "../db/schema";
import { useDb } from "../db/use";
import { readConfig } from "../env";
import { forbidden, unauthorized } from "../lib/problem";
import { verifyAccessToken } from "./tokens";

export function bearerToken(c: Context<AppEnv>): string | null {
  const header = c.req.header("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

/** Resolves an access token to a current user (so a deleted user or a revoked admin is refused at once). */
export async function authenticate(c: Context<AppEnv>, token: string | null): Promise<AuthUser> {
  if (!token) throw unauthorized();
  const claims = await verifyAccessToken(readConfig(c.env), token);
  if (!claims) throw unauthorized("The access token is invalid or expired.");
  const [row] = await useDb(c)
    .select({ id: users.id, email: users.email, isAdmin: users.isAdmin })
    .from(users)
    .where(eq(users.id, claims.userId))
    .limit(1);
  if (!row) throw unauthorized("The access token is invalid or expired.");
  const user = { ...row, sessionId: claims.sessionId, expiresAt: claims.expiresAt };
  c.set("user", user);
  return user;
}

export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  await authenticate(c, bearerToken(c));
  await next();
};

export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = await authenticate(c, bearerToken(c));
  if (!user.isAdmin) throw forbidden("This needs an admin account.");
  await next();
};

/** The user set by requireUser/requireAdmin. */
export function currentUser(c: Context<AppEnv>): AuthUser {
  const user = c.get("user");
  if (!user) throw unauthorized();
  return user;
}
