// No imports on purpose: the Node-side seed script imports this file directly to hash the demo admin's password.

/** Cloudflare's production runtime refuses PBKDF2 above 100,000 iterations (local workerd does not). */
export const PBKDF2_MAX_ITERATIONS = 100_000;
export const PBKDF2_ITERATIONS = PBKDF2_MAX_ITERATIONS;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const ALGORITHM = "pbkdf2_sha256";
/**
 * A peppered hash is PBKDF2 over HMAC-SHA256(pepper, password), and says so in a last field
 * (`pepper:<version>`): a stolen database alone cannot be attacked offline, since the pepper
 * (PASSWORD_PEPPER, a Worker secret) never sits beside the hashes.
 */
const PEPPER_FIELD = "pepper:";
/** Which pepper a hash was made with: a new PASSWORD_PEPPER would come with a new version. */
export const PEPPER_VERSION = 1;

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

async function derive(password: string | Uint8Array<ArrayBuffer>, salt: Uint8Array<ArrayBuffer>, iterations: number, bytes: number): Promise<Uint8Array> {
  const material = typeof password === "string" ? new TextEncoder().encode(password) : password;
  const key = await crypto.subtle.importKey("raw", material, "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, bytes * 8);
  return new Uint8Array(bits);
}

/** The password as PBKDF2 receives it when peppered: HMAC-SHA256 keyed with the pepper. */
async function peppered(password: string, pepper: string): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(pepper), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(password)));
}

/** Constant-time comparison: the time taken does not depend on where the bytes differ. */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i % (a.length || 1)] ?? 0) ^ (b[i % (b.length || 1)] ?? 0);
  return diff === 0;
}

/**
 * `pbkdf2_sha256$<iterations>$<salt b64>$<hash b64>$pepper:<version>` with a pepper, else (older
 * hashes, the seed script) the same without the last field: self-describing, so parameters can
 * change later and old hashes are upgraded at their next login.
 */
export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS, pepper?: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  if (pepper === undefined) {
    const hash = await derive(password, salt, iterations, HASH_BYTES);
    return `${ALGORITHM}$${iterations}$${toBase64(salt)}$${toBase64(hash)}`;
  }
  const hash = await derive(await peppered(password, pepper), salt, iterations, HASH_BYTES);
  return `${ALGORITHM}$${iterations}$${toBase64(salt)}$${toBase64(hash)}$${PEPPER_FIELD}${PEPPER_VERSION}`;
}

interface ParsedHash {
  /** The pepper version, or null for an unpeppered hash. */
  pepperVersion: number | null;
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  hash: Uint8Array;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split("$");
  let pepperVersion: number | null = null;
  if (parts.length === 5 && parts[4]!.startsWith(PEPPER_FIELD)) {
    pepperVersion = Number(parts.pop()!.slice(PEPPER_FIELD.length));
    if (!Number.isInteger(pepperVersion)) return null;
  }
  if (parts.length !== 4 || parts[0] !== ALGORITHM) return null;
  const iterations = Number(parts[1]);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > PBKDF2_MAX_ITERATIONS) return null;
  try {
    return { pepperVersion, iterations, salt: fromBase64(parts[2] ?? ""), hash: fromBase64(parts[3] ?? "") };
  } catch {
    return null;
  }
}

export interface VerifyResult {
  ok: boolean;
  /** The stored hash uses weaker parameters than today's, or no pepper: re-hash after a successful login. */
  needsRehash: boolean;
}

/**
 * Checks a password against a stored hash, peppered or not. With a pepper given, an unpeppered
 * hash that matches asks to be re-hashed (with the pepper) after the login.
 */
export async function verifyPassword(password: string, stored: string, pepper?: string): Promise<VerifyResult> {
  const parsed = parseHash(stored);
  if (!parsed || (parsed.pepperVersion !== null && (pepper === undefined || parsed.pepperVersion !== PEPPER_VERSION))) {
    // Still spend the same work so a malformed row is not distinguishable by timing.
    await derive(pepper === undefined ? password : await peppered(password, pepper), new Uint8Array(SALT_BYTES), PBKDF2_ITERATIONS, HASH_BYTES);
    return { ok: false, needsRehash: false };
  }
  const material = parsed.pepperVersion !== null && pepper !== undefined ? await peppered(password, pepper) : password;
  const candidate = await derive(material, parsed.salt, parsed.iterations, parsed.hash.length || HASH_BYTES);
  const ok = timingSafeEqual(candidate, parsed.hash);
  const weaker = parsed.iterations < PBKDF2_ITERATIONS || (pepper !== undefined && parsed.pepperVersion === null);
  return { ok, needsRehash: ok && weaker };
}

/** A hash no password matches, verified against for unknown emails so they cost the same as a wrong password. */
export const DUMMY_PASSWORD_HASH = `${ALGORITHM}$${PBKDF2_ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=$${PEPPER_FIELD}${PEPPER_VERSION}`;
