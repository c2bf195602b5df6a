import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv, AuthUser } from "../context";
import { readConfig } from "../env";
import { bearerSecurity } from "../lib/openapi";
import { notAnAdmin, unauthorized } from "../lib/problem";
import { verifyAccessToken } from "./tokens";

export function bearerToken(c: Context<AppEnv>): string | null {
  const header = c.req.header("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

/**
 * Identifies the caller from the access token alone: no round trip. Whether the user still exists
 * (and, for admin routes, is still an admin) is settled by the route's own statement, in the same
 * round trip as its work (see requireAdmin, and adminCheck in auth.service.ts).
 */
export async function authenticate(c: Context<AppEnv>, token: string | null): Promise<AuthUser> {
  if (!token) throw unauthorized();
  const claims = await verifyAccessToken(readConfig(c.env), token);
  if (!claims) throw unauthorized("The access token is invalid or expired.");
  const user: AuthUser = { id: claims.userId, sessionId: claims.sessionId, expiresAt: claims.expiresAt, admin: claims.admin };
  c.set("user", user);
  return user;
}

/** Route guard: a valid access token. */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  await authenticate(c, bearerToken(c));
  await next();
};

/**
 * Route guard for admin routes, the first of two layers. Here: a valid access token that says admin
 * (issued from `users.is_admin` at login or refresh), else 403 before any store is asked. Then the
 * handler's batch starts with `adminCheck(user.id)`, which aborts it with the same 403 unless the
 * user is an admin at that moment: a revoked admin is refused at once, in the same round trip as
 * the work, even with a token issued before; a newly made admin gets the claim at the next login or
 * refresh. Routes use it through adminOnly below.
 */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const user = await authenticate(c, bearerToken(c));
  if (!user.admin) throw notAnAdmin();
  await next();
};

/**
 * What every admin route spreads into its createRoute: the bearer scheme, requireAdmin, and the
 * OpenAPI extension `x-admin: true` that marks the operation admin-only in the served document.
 * test/security/admin-routes.test.ts derives its 401/403 matrix from that mark, and fails when a
 * route guarded by requireAdmin, or a path under /api/admin/, is not marked.
 */
export const adminOnly = { security: bearerSecurity, middleware: [requireAdmin], "x-admin": true };

/** The caller set by requireUser / requireAdmin. */
export function currentUser(c: Context<AppEnv>): AuthUser {
  const user = c.get("user");
  if (!user) throw unauthorized();
  return user;
}
