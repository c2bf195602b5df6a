import { errors, jwtVerify, SignJWT, type JWTPayload } from "jose";
import type { Config } from "../env";
import { base64url } from "../lib/hash";
import { MAX_ID } from "../lib/ids";

const ALGORITHM = "HS256";

export interface AccessClaims {
  userId: number;
  /** The session (refresh-token family) this token was issued for: logout ends its sockets. */
  sessionId: string;
  /** When the token stops working, in ms since the epoch. */
  expiresAt: number;
  /**
   * `users.is_admin` when the token was issued (login or refresh): lets requireAdmin refuse everyone
   * else without a round trip. It never grants anything alone: every admin batch checks the
   * database too (adminCheck in auth.service.ts).
   */
  admin: boolean;
}

/** The claim an admin's access token carries (the `roles` of RFC 9068's access-token profile). */
const ADMIN_ROLES = ["admin"];

const keys = new Map<string, Uint8Array>();

/** The HMAC key, encoded once per isolate. */
function secretKey(config: Config): Uint8Array {
  let key = keys.get(config.JWT_SECRET);
  if (!key) {
    key = new TextEncoder().encode(config.JWT_SECRET);
    keys.set(config.JWT_SECRET, key);
  }
  return key;
}

export async function signAccessToken(config: Config, userId: number, sessionId: string, admin: boolean): Promise<string> {
  return new SignJWT({ typ: "access", sid: sessionId, ...(admin ? { roles: ADMIN_ROLES } : {}) })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(String(userId))
    .setIssuer(config.JWT_ISSUER)
    .setAudience(config.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${config.ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(secretKey(config));
}

/**
 * A refresh token is 256 random bits, opaque to everyone: the database keeps its hash with its
 * family and expiry, and it is only ever looked up there. It is minted before the login's single
 * statement runs, so the statement can store it in the same round trip as it reads the user.
 */
export function newRefreshToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

const successorKeys = new Map<string, Promise<CryptoKey>>();

/**
 * The token that rotating `token` under a client's retry key (its Idempotency-Key) issues: an HMAC
 * of both under a key derived from JWT_SECRET, so the server can hand the same successor to a
 * retry of that refresh while it stores only hashes. It is as unguessable as its predecessor:
 * computing it needs the predecessor, the retry key and the secret.
 */
export async function successorRefreshToken(config: Config, token: string, retryKey: string): Promise<string> {
  let key = successorKeys.get(config.JWT_SECRET);
  if (!key) {
    key = crypto.subtle.importKey("raw", new TextEncoder().encode(`${config.JWT_SECRET}:refresh-successor`), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    successorKeys.set(config.JWT_SECRET, key);
  }
  const mac = await crypto.subtle.sign("HMAC", await key, new TextEncoder().encode(`${token}\n${retryKey}`));
  return base64url(new Uint8Array(mac));
}

/** What a well-formed refresh token looks like (anything else is refused without a query). */
export const REFRESH_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * `sub` exactly as signAccessToken writes it: a decimal string of a positive int4. The type check
 * matters (a regex test would coerce the number 7 or ["7"] to "7"), and so does the bound (a
 * larger id would reach Postgres and fail there as a 500 instead of a 401).
 */
function isUserId(sub: unknown): sub is string {
  return typeof sub === "string" && /^[1-9][0-9]{0,9}$/.test(sub) && Number(sub) <= MAX_ID;
}

/** Verifies signature, algorithm, issuer, audience, expiry and the token type; null when any fails. */
async function verify(config: Config, token: string): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtVerify(token, secretKey(config), {
      algorithms: [ALGORITHM],
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      requiredClaims: ["sub", "exp", "iat"],
    });
    if (payload.typ !== "access") return null;
    if (!isUserId(payload.sub)) return null;
    return payload;
  } catch (err) {
    if (err instanceof errors.JOSEError || err instanceof TypeError) return null;
    throw err;
  }
}

export async function verifyAccessToken(config: Config, token: string): Promise<AccessClaims | null> {
  const payload = await verify(config, token);
  if (!payload || typeof payload.sid !== "string" || typeof payload.exp !== "number") return null;
  const admin = Array.isArray(payload.roles) && payload.roles.includes("admin");
  return { userId: Number(payload.sub), sessionId: payload.sid, expiresAt: payload.exp * 1000, admin };
}
