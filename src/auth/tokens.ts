import { errors, jwtVerify, SignJWT, type JWTPayload } from "jose";
import type { Config } from "../env";
import { MAX_ID } from "../lib/ids";

export type TokenType = "access" | "refresh";

const ALGORITHM = "HS256";

export interface AccessClaims {
  userId: number;
  /** The session (refresh-token family) this token was issued for: logout ends its sockets. */
  sessionId: string;
  /** When the token stops working, in ms since the epoch. */
  expiresAt: number;
}

export interface RefreshClaims {
  userId: number;
  familyId: string;
  tokenId: string;
}

function secretKey(config: Config): Uint8Array {
  return new TextEncoder().encode(config.JWT_SECRET);
}

export async function signAccessToken(config: Config, userId: number, sessionId: string): Promise<string> {
  return new SignJWT({ typ: "access", sid: sessionId })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(String(userId))
    .setIssuer(config.JWT_ISSUER)
    .setAudience(config.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${config.ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(secretKey(config));
}

export async function signRefreshToken(config: Config, claims: RefreshClaims): Promise<string> {
  return new SignJWT({ typ: "refresh", fam: claims.familyId })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(String(claims.userId))
    .setJti(claims.tokenId)
    .setIssuer(config.JWT_ISSUER)
    .setAudience(config.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${config.REFRESH_TOKEN_TTL_SECONDS}s`)
    .sign(secretKey(config));
}

/**
 * `sub` exactly as signAccessToken writes it: a decimal string of a positive int4. The type check
 * matters (a regex test would coerce the number 7 or ["7"] to "7"), and so does the bound (a
 * larger id would reach Postgres and fail there as a 500 instead of a 401).
 */
function isUserId(sub: unknown): sub is string {
  return typeof sub === "string" && /^[1-9][0-9]{0,9}$/.test(sub) && Number(sub) <= MAX_ID;
}

/** Verifies signature, algorithm, issuer, audience, expiry and the token type; null when any fails. */
async function verify(config: Config, token: string, type: TokenType): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtVerify(token, secretKey(config), {
      algorithms: [ALGORITHM],
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      requiredClaims: ["sub", "exp", "iat"],
    });
    if (payload.typ !== type) return null;
    if (!isUserId(payload.sub)) return null;
    return payload;
  } catch (err) {
    if (err instanceof errors.JOSEError || err instanceof TypeError) return null;
    throw err;
  }
}

export async function verifyAccessToken(config: Config, token: string): Promise<AccessClaims | null> {
  const payload = await verify(config, token, "access");
  if (!payload || typeof payload.sid !== "string" || typeof payload.exp !== "number") return null;
  return { userId: Number(payload.sub), sessionId: payload.sid, expiresAt: payload.exp * 1000 };
}

export async function verifyRefreshToken(config: Config, token: string): Promise<RefreshClaims | null> {
  const payload = await verify(config, token, "refresh");
  if (!payload || typeof payload.fam !== "string" || typeof payload.jti !== "string") return null;
  return { userId: Number(payload.sub), familyId: payload.fam, tokenId: payload.jti };
}

/** SHA-256 hex of a token: what the database keeps instead of the token itself. */
export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
