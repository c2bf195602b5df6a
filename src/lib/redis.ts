import { Redis } from "@upstash/redis/cloudflare";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { readConfig, type Config } from "../env";
import { countRoundTrip } from "./round-trips";

/** Redis is an accelerator: every call gets this long before the caller falls back to Postgres. */
export const CACHE_TIMEOUT_MS = 400;

const clients = new Map<string, Redis>();

/** One client per isolate (it holds no connection, only configuration). */
export function redisFor(config: Config): Redis {
  return redisAt(config.UPSTASH_REDIS_REST_URL, config.UPSTASH_REDIS_REST_TOKEN);
}

/** The client of one Upstash database (the cache's, or another such as the throttle's), one per isolate. */
export function redisAt(url: string, token: string): Redis {
  const id = `${url}\n${token}`;
  let redis = clients.get(id);
  if (!redis) {
    redis = new Redis({
      url,
      token,
      // The client's default retries for ~12 s; a cache must give up fast instead.
      retry: { retries: 1, backoff: () => 20 },
      signal: () => AbortSignal.timeout(CACHE_TIMEOUT_MS),
      automaticDeserialization: false,
      enableTelemetry: false,
      enableAutoPipelining: false,
      // Values are JSON and counters (valid UTF-8): no base64 round trip for every answer.
      responseEncoding: false,
    });
    clients.set(id, redis);
  }
  return redis;
}

export function useRedis(c: Context<AppEnv>): Redis {
  return redisFor(readConfig(c.env));
}

/**
 * One round trip to Redis (a command, a pipeline or a MULTI), counted. Each attempt is bounded by
 * the client's own abort signal (CACHE_TIMEOUT_MS; one retry), so no second timer is needed.
 */
export function cacheCall<T>(work: () => Promise<T>): Promise<T> {
  countRoundTrip("cache");
  return work();
}
