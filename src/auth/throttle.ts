import type { Redis } from "@upstash/redis/cloudflare";
import type { Config } from "../env";
import { cacheCall } from "../lib/redis";
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

interface Counter {
  key: string;
  limit: number;
}

/** Checks and counts in one round trip; throws 429 with Retry-After at a limit. Fails open. */
async function attempt(redis: Redis, counters: Counter[], windowSeconds: number, what: string): Promise<boolean> {
  let wait: number;
  try {
    const keys = counters.map((c) => c.key);
    const args = [...counters.map((c) => String(c.limit)), String(windowSeconds)];
    wait = Number(await cacheCall(() => redis.eval(ATTEMPT_SCRIPT, keys, args)));
  } catch (err) {
    failOpen(what, err);
    return false;
  }
  if (wait > 0) {
    throw new Problem(429, `too-many-${what}-attempts`, `Too many ${what === "login" ? "failed logins" : "registrations"}. Try again in ${wait} seconds.`, {
      headers: { "retry-after": String(wait) },
    });
  }
  return true;
}

/**
 * When Redis is unreachable the throttles fail open (logins keep working; the outage is logged):
 * locking every shopper out because the cache is down would be worse than a short window without
 * throttling. The log line names neither the email nor the address.
 */
function failOpen(what: string, err: unknown) {
  console.warn(JSON.stringify({ level: "warn", msg: `${what} throttle unavailable, failing open`, error: err instanceof Error ? err.message : String(err) }));
}

export const loginKeys = {
  pair: (email: string, client: string) => `login:fail:pair:${client}:${email}`,
  client: (client: string) => `login:fail:client:${client}`,
  email: (email: string) => `login:fail:email:${email}`,
};

export const registerKey = (client: string) => `register:client:${client}`;

/**
 * Login attempts per (email, client) (10: one attacker cannot lock the owner out from elsewhere),
 * per client (100: one client spraying many emails) and per email from everywhere (100). Returns
 * the function that takes this attempt back once it turns out not to be a failure.
 */
export async function countLoginAttempt(redis: Redis, config: Config, email: string, client: string): Promise<(() => Promise<void>) | null> {
  const counters = [
    { key: loginKeys.pair(email, client), limit: config.LOGIN_MAX_FAILURES_PER_EMAIL_AND_CLIENT },
    { key: loginKeys.client(client), limit: config.LOGIN_MAX_FAILURES_PER_CLIENT },
    { key: loginKeys.email(email), limit: config.LOGIN_MAX_FAILURES_PER_EMAIL },
  ];
  const counted = await attempt(redis, counters, config.LOGIN_THROTTLE_WINDOW_SECONDS, "login");
  if (!counted) return null;
  // A success is not a failure: the pair's count starts again, and the others lose this attempt.
  // The client's count is not cleared, so logging in to one's own account does not launder an
  // address that sprays others.
  return async () => {
    try {
      await cacheCall(() => redis.pipeline().del(loginKeys.pair(email, client)).decr(loginKeys.client(client)).decr(loginKeys.email(email)).exec());
    } catch (err) {
      failOpen("login", err);
    }
  };
}

/** Each registration costs a 100,000-iteration hash: a client gets a bounded number per window. */
export async function countRegistration(redis: Redis, config: Config, client: string): Promise<void> {
  await attempt(redis, [{ key: registerKey(client), limit: config.REGISTER_MAX_PER_CLIENT }], config.REGISTER_WINDOW_SECONDS, "registration");
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
  let counted: boolean;
  try {
    counted = await attempt(redis, counters, config.MAIL_THROTTLE_WINDOW_SECONDS, kind);
  } catch (err) {
    if (!(err instanceof Problem) || err.status !== 429) throw err;
    const what = kind === "password-reset" ? "password reset" : "verification mail";
    throw new Problem(429, err.slug, `Too many ${what} requests. Try again in ${err.headers["retry-after"]} seconds.`, { headers: err.headers });
  }
  if (!counted) throw new Problem(503, "mail-requests-paused", "Mail requests cannot be accepted right now. Try again in a minute.", { headers: { "retry-after": "60" } });
}
