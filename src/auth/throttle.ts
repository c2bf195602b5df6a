import type { Redis } from "@upstash/redis/cloudflare";
import { withCacheTimeout } from "../lib/redis";
import { Problem } from "../lib/problem";

export interface ThrottleLimits {
  perEmail: number;
  perClient: number;
  windowSeconds: number;
}

const emailKey = (email: string) => `login:fail:email:${email}`;
const clientKey = (client: string) => `login:fail:client:${client}`;

/**
 * Failed-login counters in Redis. When Redis is unreachable the throttle fails open
 * (logins keep working; the outage is logged): locking every shopper out because the
 * cache is down would be worse than a short window without throttling.
 */
export class LoginThrottle {
  constructor(
    private readonly redis: Redis,
    private readonly limits: ThrottleLimits,
  ) {}

  /** Throws 429 with Retry-After while either counter is at its limit. */
  async assertAllowed(email: string, client: string): Promise<void> {
    let counts: [string | null, number, string | null, number];
    try {
      const p = this.redis.pipeline();
      p.get(emailKey(email)).ttl(emailKey(email)).get(clientKey(client)).ttl(clientKey(client));
      counts = (await withCacheTimeout(p.exec())) as typeof counts;
    } catch (err) {
      logOpen(err);
      return;
    }
    const [emailFails, emailTtl, clientFails, clientTtl] = counts;
    const blockedFor = Math.max(
      Number(emailFails ?? 0) >= this.limits.perEmail ? emailTtl : 0,
      Number(clientFails ?? 0) >= this.limits.perClient ? clientTtl : 0,
    );
    if (blockedFor !== 0) {
      const retryAfter = blockedFor > 0 ? blockedFor : this.limits.windowSeconds;
      throw new Problem(429, "too-many-login-attempts", `Too many failed logins. Try again in ${retryAfter} seconds.`, {
        headers: { "retry-after": String(retryAfter) },
      });
    }
  }

  async recordFailure(email: string, client: string): Promise<void> {
    try {
      const p = this.redis.pipeline();
      // EXPIRE … NX starts the window at the first failure and does not extend it.
      p.incr(emailKey(email)).expire(emailKey(email), this.limits.windowSeconds, "NX");
      p.incr(clientKey(client)).expire(clientKey(client), this.limits.windowSeconds, "NX");
      await withCacheTimeout(p.exec());
    } catch (err) {
      logOpen(err);
    }
  }

  async recordSuccess(email: string): Promise<void> {
    try {
      await withCacheTimeout(this.redis.del(emailKey(email)));
    } catch (err) {
      logOpen(err);
    }
  }
}

function logOpen(err: unknown) {
  console.warn(JSON.stringify({ level: "warn", msg: "login throttle unavailable, failing open", error: err instanceof Error ? err.message : String(err) }));
}
