/// <reference path="../worker-configuration.d.ts" />
import { z } from "zod";

/**
 * Bindings: what wrangler.toml declares ([vars], Durable Objects, R2), generated into
 * worker-configuration.d.ts by `npm run cf:types` (`wrangler types`), and what it cannot list:
 * the secrets and the optional settings below (both checked at run time by readConfig).
 */
export type Env = Cloudflare.Env;

declare global {
  namespace Cloudflare {
    interface Env {
      // Secrets (`wrangler secret put NAME`; locally `npm run dev` writes them to .dev.vars).
      DATABASE_URL: string;
      UPSTASH_REDIS_REST_URL: string;
      UPSTASH_REDIS_REST_TOKEN: string;
      JWT_SECRET: string;
      /** Secret mixed into every password hash (HMAC before PBKDF2); never stored with the hashes. */
      PASSWORD_PEPPER: string;
      /** Secret: Stripe secret key (sk_…). */
      STRIPE_SECRET_KEY?: string;
      /** Secret: the webhook endpoint's signing secret (whsec_…). */
      STRIPE_WEBHOOK_SECRET?: string;
      /** Secret. Without it mails stay pending in the outbox (nothing is lost). */
      RESEND_API_KEY?: string;
      /** The login throttle's own Upstash database (default: the cache's), so cache fills cannot evict or starve its counters. */
      THROTTLE_REDIS_REST_URL?: string;
      THROTTLE_REDIS_REST_TOKEN?: string;

      // Optional settings with defaults in readConfig (not in wrangler.toml's [vars]).
      /** "true" adds X-Db-Round-Trips and X-Cache-Round-Trips to responses (tests and benchmarks count with them). */
      EXPOSE_QUERY_COUNT?: string;
      DATABASE_TIMEOUT_MS?: string;
      REFRESH_FAMILY_TTL_SECONDS?: string;
      LOGIN_MAX_FAILURES_PER_EMAIL_AND_CLIENT?: string;
      LOGIN_MAX_FAILURES_PER_EMAIL?: string;
      LOGIN_MAX_FAILURES_PER_CLIENT?: string;
      LOGIN_THROTTLE_WINDOW_SECONDS?: string;
      LOGIN_MAX_FAILURES_PER_IPV6_48?: string;
      LOGIN_MAX_ATTEMPTS_PER_CLIENT?: string;
      LOGIN_MAX_ATTEMPTS_PER_EMAIL?: string;
      REGISTER_MAX_PER_CLIENT?: string;
      REGISTER_WINDOW_SECONDS?: string;
      /** Stripe's API (default https://api.stripe.com); locally the stand-in in scripts/stand-ins/stripe.ts. */
      STRIPE_API_BASE?: string;
      ORDER_HOLD_SECONDS?: string;
      MAX_UNPAID_ORDERS?: string;
      SHOP_CURRENCY?: string;
      PASSWORD_RESET_MAX_PER_EMAIL?: string;
      PASSWORD_RESET_MAX_PER_CLIENT?: string;
      MAIL_THROTTLE_WINDOW_SECONDS?: string;
      EMAIL_RETRY_BASE_SECONDS?: string;
    }
  }
}

const configSchema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is not set"),
  UPSTASH_REDIS_REST_URL: z.string().url("UPSTASH_REDIS_REST_URL must be a URL"),
  UPSTASH_REDIS_REST_TOKEN: z.string().min(1, "UPSTASH_REDIS_REST_TOKEN is not set"),
  JWT_SECRET: z.string().min(32, "JWT_SECRET must be at least 32 characters"),
  PASSWORD_PEPPER: z.string().min(32, "PASSWORD_PEPPER must be at least 32 characters"),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().default(604800),
  /** A login session's absolute lifetime, however often its refresh token is rotated. */
  REFRESH_FAMILY_TTL_SECONDS: z.coerce.number().int().positive().default(30 * 86400),
  /** How long one HTTP query to Postgres may take before the request answers 503. */
  DATABASE_TIMEOUT_MS: z.coerce.number().int().positive().default(1000),
  JWT_ISSUER: z.string().min(1).default("edge-shop"),
  JWT_AUDIENCE: z.string().min(1).default("edge-shop-api"),
  LOGIN_MAX_FAILURES_PER_EMAIL_AND_CLIENT: z.coerce.number().int().positive().default(10),
  LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().positive().default(100),
  LOGIN_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().positive().default(100),
  LOGIN_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().positive().default(900),
  REGISTER_MAX_PER_CLIENT: z.coerce.number().int().positive().default(1000),
  REGISTER_WINDOW_SECONDS: z.coerce.number().int().positive().default(3600),
  /** How long an unpaid pending order holds its stock before it cancels itself. */
  ORDER_HOLD_SECONDS: z.coerce.number().int().positive().default(1800),
  /** Unpaid pending orders one account (or guest email) may hold at once. */
  MAX_UNPAID_ORDERS: z.coerce.number().int().positive().default(5),
  /** ISO 4217 code of the shop's prices, lower case. */
  SHOP_CURRENCY: z.string().regex(/^[a-z]{3}$/).default("usd"),
  THROTTLE_REDIS_REST_URL: z.string().url("THROTTLE_REDIS_REST_URL must be a URL").optional(),
  THROTTLE_REDIS_REST_TOKEN: z.string().min(1).optional(),
  /** Failures from one IPv6 /48 (a site's allocation: 65,536 /64s), looser than the per-/64 client limit. */
  LOGIN_MAX_FAILURES_PER_IPV6_48: z.coerce.number().int().positive().default(1000),
  /** Every login, successful or not, per client and per email: each costs a slow hash and a session row. */
  LOGIN_MAX_ATTEMPTS_PER_CLIENT: z.coerce.number().int().positive().default(1000),
  LOGIN_MAX_ATTEMPTS_PER_EMAIL: z.coerce.number().int().positive().default(300),
  RESEND_API_URL: z.string().url("RESEND_API_URL must be a URL").default("https://api.resend.com"),
  RESEND_API_KEY: z.string().default(""),
  EMAIL_FROM: z.string().min(3).default("Edge Shop <shop@example.com>"),
  SHOP_NAME: z.string().min(1).default("Edge Shop"),
  /** Mails one address can be sent per window on request (password reset, verification again). */
  PASSWORD_RESET_MAX_PER_EMAIL: z.coerce.number().int().positive().default(5),
  /** Such requests one client address may make per window, whatever the emails. */
  PASSWORD_RESET_MAX_PER_CLIENT: z.coerce.number().int().positive().default(30),
  MAIL_THROTTLE_WINDOW_SECONDS: z.coerce.number().int().positive().default(3600),
  /** The first retry of a mail the provider did not take waits this long; each next one twice as long (at most an hour). */
  EMAIL_RETRY_BASE_SECONDS: z.coerce.number().int().positive().default(30),
  NEON_WS_PROXY: z.string().optional(),
  STRIPE_API_BASE: z.string().url("STRIPE_API_BASE must be a URL").default("https://api.stripe.com"),
  // Optional so the rest of the shop runs without Stripe: payment routes answer 503 naming stripe.
  STRIPE_SECRET_KEY: z.string().default(""),
  STRIPE_WEBHOOK_SECRET: z.string().default(""),
  SHOP_URL: z.union([z.literal(""), z.string().url("SHOP_URL must be a URL")]).optional(),
  EXPOSE_QUERY_COUNT: z.string().optional(),
});

export type Config = z.infer<typeof configSchema>;

const parsed = new WeakMap<object, Config>();

/** Validates the vars once per isolate; a missing secret fails loudly instead of half-working. */
export function readConfig(env: Env): Config {
  const cached = parsed.get(env);
  if (cached) return cached;
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const fields = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid Worker configuration: ${fields}`);
  }
  parsed.set(env, result.data);
  return result.data;
}
