import { base64url, sha256Hex } from "../lib/hash";

/** Single-use tokens mailed to a user; only their SHA-256 is stored (account_tokens.token_hash). */
export const PASSWORD_RESET_TTL_SECONDS = 30 * 60;
/** A verification link may sit in an inbox for a day. */
export const EMAIL_VERIFICATION_TTL_SECONDS = 24 * 3600;

/** 32 random bytes, base64url without padding. */
export const ACCOUNT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface AccountToken {
  /** Goes into the mail only (the outbox row's data until it is sent). */
  token: string;
  /** What the table keeps. */
  hash: string;
}

export async function newAccountToken(): Promise<AccountToken> {
  const token = base64url(crypto.getRandomValues(new Uint8Array(32)));
  return { token, hash: await sha256Hex(token) };
}
