import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { AppEnv } from "../context";
import type { Config } from "../env";
import { Problem, validationProblem } from "../lib/problem";
import type { TokenPair } from "./auth.service";

/**
 * The storefront's refresh token travels as this cookie, never in a body its scripts can read: an
 * injected script can then use a session only while the page is open, not carry it away. HttpOnly,
 * Secure, SameSite=Strict and sent only to /api/auth. Only a request that says
 * `Refresh-Token-Transport: cookie` gets or uses it: a header no cross-site form can send, so the
 * cookie is never spent by a request the storefront did not make.
 */
export const REFRESH_COOKIE = "refresh_token";

const ATTRIBUTES = "Path=/api/auth; HttpOnly; Secure; SameSite=Strict";

export function refreshCookie(config: Config, token: string): string {
  return `${REFRESH_COOKIE}=${token}; Max-Age=${config.REFRESH_TOKEN_TTL_SECONDS}; ${ATTRIBUTES}`;
}

export const clearedRefreshCookie = `${REFRESH_COOKIE}=; Max-Age=0; ${ATTRIBUTES}`;

/** The refresh token a request presents: the body's, else (asked for) the cookie's; 400 when neither. */
export function presentedRefreshToken(c: Context<AppEnv>, fromBody: string | undefined, asCookie: boolean): string {
  const token = fromBody ?? (asCookie ? getCookie(c, REFRESH_COOKIE) : undefined);
  if (token) return token;
  throw validationProblem([{ path: "refresh", message: asCookie ? "Required: in the body or as the refresh cookie." : "Required." }]);
}

/** The token pair as the response carries it: the refresh token in the cookie instead of the body, when asked. */
export function pairResponse(c: Context<AppEnv>, config: Config, pair: TokenPair, asCookie: boolean): TokenPair {
  if (!asCookie) return pair;
  c.header("set-cookie", refreshCookie(config, pair.refresh ?? ""));
  const { refresh: _inCookie, ...rest } = pair;
  return rest;
}

/** A refused cookie is cleared, so the browser stops presenting it. */
export function clearingCookie(problem: Problem, asCookie: boolean): Problem {
  if (asCookie) problem.headers["set-cookie"] = clearedRefreshCookie;
  return problem;
}
