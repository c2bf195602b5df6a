import type { Redis } from "@upstash/redis/cloudflare";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import type { Config } from "../env";
import { cacheCall, redisAt } from "../lib/redis";
import { Problem } from "../lib/problem";

/**
 * The client a request comes from, as Cloudflare saw it (`cf-connecting-ip`; headers a client can
 * set itself are never read). IPv6 clients count per /64: one host usually holds a whole /64, so
 * counting single addresses would give it 2^64 fresh identities.
 */
export function clientAddress(header: string | undefined): string {
  const ip = header?.trim();
  if (!ip) return "unknown";
  if (!ip.includes(":")) return ip;
  return `${ipv6Prefix64(ip)}::/64`;
}

/**
 * An IPv6 client's /48 (a site's usual allocation: 65,536 /64s), or null for IPv4. A looser limit
 * counts there, so a site cannot spread its attempts over thousands of /64 identities.
 */
export function clientNetwork48(header: string | undefined): string | null {
  const ip = header?.trim();
  if (!ip || !ip.includes(":")) return null;
  return `${ipv6Prefix64(ip).split(":").slice(0, 3).join(":")}::/48`;
}

/** The first four groups of an IPv6 address, expanded (`2001:db8::1` → `2001:db8:0:0`). */
function ipv6Prefix64(ip: string): string {
  const [head = "", tail] = ip.toLowerCase().split("%")[0]!.split("::");
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) takes two groups.
  const groups = (right.at(-1)?.includes(".") ? 2 : 1) + right.length - 1;
  const zeros = tail === undefined ? [] : Array(Math.max(0, 8 - left.length - groups)).fill("0");
  return [...left, ...zeros, ...right].slice(0, 4).map((g) => g.replace(/^0+(?=.)/, "") || "0").join(":");
}

/**
 * Counts an attempt against every key unless one is at its limit, and reports how long the
 * caller must wait (0 = allowed, counted). One script, so simultaneous attempts are counted one
 * by one and at most `limit` of them get through; an attempt that is refused is not counted (an
 * attacker hammering a throttled pair does not use up the owner's budget elsewhere).
 * src/db/functions/shop_count_login_attempt.sql is its Postgres twin, for when Redis cannot count.
 */
const ATTEMPT_SCRIPT = `
local wait = 0
for i = 1, #KEYS do
  local n = tonumber(redis.call('GET', KEYS[i]) or '0')
  if n >= tonumber(ARGV[i]) then
    local ttl = redis.call('TTL', KEYS[i])
    if ttl < 1 then ttl = tonumber(ARGV[#KEYS + 1]) end
    if ttl > wait then wait = ttl end
  end
end
if wait > 0 then return wait end
for i = 1, #KEYS do
  redis.call('INCR', KEYS[i])
  redis.call('EXPIRE', KEYS[i], ARGV[#KEYS + 1], 'NX')
end
return 0`;

/**
 * Takes a failure back: deletes KEYS[1] and decrements the others only where they still exist. A
 * plain DECR of a counter that expired meanwhile would create it at -1 without a TTL: a credit of
 * one free attempt that never expires.
 */
const TAKE_BACK_SCRIPT = `
redis.call('DEL', KEYS[1])
for i = 2, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then redis.call('DECR', KEYS[i]) end
end
return 0`;

export interface Counter {
  key: string;
  limit: number;
}

/**
 * The throttle's counters live in their own Upstash database when THROTTLE_REDIS_REST_URL is set
 * (production should set it): the cache's entries, however many anonymous reads mint, can then
 * neither evict a counter nor fill the memory its INCR needs.
 */
export function throttleRedisFor(config: Config): Redis {
  return redisAt(config.THROTTLE_REDIS_REST_URL ?? config.UPSTASH_REDIS_REST_URL, config.THROTTLE_REDIS_REST_TOKEN ?? config.UPSTASH_REDIS_REST_TOKEN);
}

/** Checks and counts in one round trip: the seconds to wait (0 = counted). Throws when Redis fails. */
async function countInRedis(redis: Redis, counters: Counter[], windowSeconds: number): Promise<number> {
  const keys = counters.map((c) => c.key);
  const args = [...counters.map((c) => String(c.limit)), String(windowSeconds)];
  return Number(await cacheCall(() => redis.eval(ATTEMPT_SCRIPT, keys, args)));
}

/** 429 with Retry-After: the answer at a limit, whichever store counted. */
export function throttled(what: "login" | "registration", wait: number): Problem {
  return new Problem(429, `too-many-${what}-attempts`, `Too many ${what === "login" ? "failed logins" : "registrations"}. Try again in ${wait} seconds.`, {
    headers: { "retry-after": String(wait) },
  });
}

/** The log line names neither the email nor the address. */
function warnUnavailable(msg: string, err?: unknown) {
  console.warn(JSON.stringify({ level: "warn", msg, ...(err === undefined ? {} : { error: err instanceof Error ? err.message : String(err) }) }));
}

export const loginKeys = {
  pair: (email: string, client: string) => `login:fail:pair:${client}:${email}`,
  client: (client: string) => `login:fail:client:${client}`,
  email: (email: string) => `login:fail:email:${email}`,
  network48: (network: string) => `login:fail:net48:${network}`,
  /** Every attempt, successes included: never taken back. */
  anyFromClient: (client: string) => `login:any:client:${client}`,
  anyForEmail: (email: string) => `login:any:email:${email}`,
};

export const registerKey = (client: string) => `register:client:${client}`;

/** How a login attempt was counted, and how to take it back if it succeeds. */
export interface LoginCount {
  /**
   * Set when Redis could not count the attempt: the login's own statement must count it in
   * Postgres (shop_count_login_attempt) before it reads the user, and refuse it at a limit.
   */
  inPostgres: { keys: string[]; limits: number[]; windowSeconds: number } | null;
  /** A success is not a failure: run after a successful login (off the critical path). */
  takeBack: (db: Database) => Promise<void>;
}

/**
 * Login attempts per (email, client) (10: one attacker cannot lock the owner out from elsewhere),
 * per client (100: one client spraying many emails), per email from everywhere (100) and, for IPv6,
 * per /48 (1,000). Looser limits count every attempt, successes included (per client 1,000, per
 * email 300), since a success too costs a slow hash and a session.
 *
 * The throttle never judges an attempt uncounted. When Redis cannot count it (down, timing out,
 * out of memory), it is counted in Postgres, in the same statement as the login reads the user, so
 * the login still makes one Postgres round trip and the limits still hold, simultaneous attempts
 * included. What a Redis outage costs a shopper: each login waits for the Redis client to give up
 * (an unreachable host at once; a hanging one CACHE_TIMEOUT_MS, twice with the one retry, so about
 * 0.8 s) before Postgres counts it; nobody is refused who would not be refused anyway. Postgres
 * rather than a 503, because a login already needs Postgres and so adds no new way to fail. Across
 * a switch between the stores a key may see up to twice its limit in one window (each store
 * enforces it on what it counted).
 */
export async function countLoginAttempt(config: Config, email: string, address: string | undefined): Promise<LoginCount> {
  const client = clientAddress(address);
  const network = clientNetwork48(address);
  const counters: Counter[] = [
    { key: loginKeys.pair(email, client), limit: config.LOGIN_MAX_FAILURES_PER_EMAIL_AND_CLIENT },
    { key: loginKeys.client(client), limit: config.LOGIN_MAX_FAILURES_PER_CLIENT },
    { key: loginKeys.email(email), limit: config.LOGIN_MAX_FAILURES_PER_EMAIL },
    ...(network ? [{ key: loginKeys.network48(network), limit: config.LOGIN_MAX_FAILURES_PER_IPV6_48 }] : []),
    { key: loginKeys.anyFromClient(client), limit: config.LOGIN_MAX_ATTEMPTS_PER_CLIENT },
    { key: loginKeys.anyForEmail(email), limit: config.LOGIN_MAX_ATTEMPTS_PER_EMAIL },
  ];
  // The keys a success takes back: the pair's count starts again, the others lose this attempt.
  // The client's count is not cleared, so logging in to one's own account does not launder an
  // address that sprays others.
  const takeBackKeys = [loginKeys.pair(email, client), loginKeys.client(client), loginKeys.email(email), ...(network ? [loginKeys.network48(network)] : [])];
  const windowSeconds = config.LOGIN_THROTTLE_WINDOW_SECONDS;
  const redis = throttleRedisFor(config);
  const inPostgres = (): LoginCount => ({
    inPostgres: { keys: counters.map((c) => c.key), limits: counters.map((c) => c.limit), windowSeconds },
    takeBack: (db) => takeBackInPostgres(db, takeBackKeys),
  });
  let wait: number;
  try {
    wait = await countInRedis(redis, counters, windowSeconds);
  } catch (err) {
    warnUnavailable("login throttle unavailable in Redis: counting in Postgres", err);
    return inPostgres();
  }
  if (wait > 0) throw throttled("login", wait);
  return {
    inPostgres: null,
    takeBack: async () => {
      try {
        await takeBackLoginFailure(redis, takeBackKeys);
      } catch (err) {
        warnUnavailable("login throttle unavailable: a success was not taken back", err);
      }
    },
  };
}

/** Deletes the first key and decrements the others where they still exist (never creating one). */
export async function takeBackLoginFailure(redis: Redis, keys: string[]): Promise<void> {
  await cacheCall(() => redis.eval(TAKE_BACK_SCRIPT, keys, []));
}

async function takeBackInPostgres(db: Database, keys: string[]): Promise<void> {
  const [pair, ...others] = keys;
  await db.execute(sql`
    with gone as (delete from login_throttle where key = ${pair!})
    update login_throttle set count = greatest(count - 1, 0)
    where key in (${sql.join(others.map((k) => sql`${k}`), sql`, `)}) and expires_at > now()`);
}

/**
 * Each registration costs a 100,000-iteration hash: a client gets a bounded number per window.
 * This one fails open when Redis cannot count (registrations keep working; the outage is logged):
 * a registration reveals nothing and guesses nothing, and the hash cost it bounds is the Worker's.
 */
export async function countRegistration(config: Config, client: string): Promise<void> {
  let wait: number;
  try {
    wait = await countInRedis(throttleRedisFor(config), [{ key: registerKey(client), limit: config.REGISTER_MAX_PER_CLIENT }], config.REGISTER_WINDOW_SECONDS);
  } catch (err) {
    warnUnavailable("registration throttle unavailable, failing open", err);
    return;
  }
  if (wait > 0) throw throttled("registration", wait);
}

export const mailRequestKeys = {
  subject: (kind: MailRequestKind, subject: string) => `mail:${kind}:${subject}`,
  client: (client: string) => `mail:client:${client}`,
};

export type MailRequestKind = "password-reset" | "verification";

/**
 * Mails sent on request (password reset, verification again) per recipient (`subject`: the email,
 * or the user id) and per client address: nobody can flood an inbox or run up the sending bill.
 * One script, so simultaneous requests cannot slip past the limit. 429 with Retry-After beyond it.
 * Unlike logins these fail closed (503) when Redis cannot count: a short pause in reset mails hurts
 * less than an unthrottled mail cannon, and nobody is locked out of shopping by it.
 */
export async function countMailRequest(redis: Redis, config: Config, kind: MailRequestKind, subject: string, client: string): Promise<void> {
  const counters = [
    { key: mailRequestKeys.subject(kind, subject), limit: config.PASSWORD_RESET_MAX_PER_EMAIL },
    { key: mailRequestKeys.client(client), limit: config.PASSWORD_RESET_MAX_PER_CLIENT },
  ];
  let wait: number;
  try {
    wait = await countInRedis(redis, counters, config.MAIL_THROTTLE_WINDOW_SECONDS);
  } catch (err) {
    warnUnavailable(`${kind} throttle unavailable, refusing`, err);
    throw new Problem(503, "mail-requests-paused", "Mail requests cannot be accepted right now. Try again in a minute.", { headers: { "retry-after": "60" } });
  }
  if (wait > 0) {
    const what = kind === "password-reset" ? "password reset" : "verification mail";
    throw new Problem(429, `too-many-${kind}-attempts`, `Too many ${what} requests. Try again in ${wait} seconds.`, { headers: { "retry-after": String(wait) } });
  }
}
