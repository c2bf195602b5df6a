import { Redis } from "@upstash/redis/cloudflare";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { readConfig, type Config } from "../env";
import { withTimeout } from "./timeout";

/** Redis is an accelerator: every call gets this long before the caller falls back to Postgres. */
export const CACHE_TIMEOUT_MS = 400;

export function createRedis(config: Config): Redis {
  return new Redis({
    url: config.UPSTASH_REDIS_REST_URL,
    token: config.UPSTASH_REDIS_REST_TOKEN,
    // The client's default retries for ~12 s; a cache must give up fast instead.
    retry: { retries: 1, backoff: () => 20 },
    signal: () => AbortSignal.timeout(CACHE_TIMEOUT_MS),
    automaticDeserialization: false,
    enableTelemetry: false,
    enableAutoPipelining: false,
  });
}

export function useRedis(c: Context<AppEnv>): Redis {
  let redis = c.get("redis");
  if (!redis) {
    redis = createRedis(readConfig(c.env));
    c.set("redis", redis);
  }
  return redis;
}

/** Bounds a cache call even if the client ignores its abort signal (it retries once). */
export function withCacheTimeout<T>(work: Promise<T>): Promise<T> {
  return withTimeout(work, CACHE_TIMEOUT_MS * 2 + 100);
}
