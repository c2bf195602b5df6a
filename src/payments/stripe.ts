import Stripe from "stripe";
import type { Config } from "../env";
import { centsToMoney, moneyToCents } from "../lib/money";
import { Problem } from "../lib/problem";

/**
 * The only place the Worker talks to Stripe. The SDK runs on workerd's fetch and WebCrypto; its
 * base URL comes from STRIPE_API_BASE (Stripe itself in production, the stand-in in
 * scripts/stand-ins/stripe.ts locally), with no branch for local mode.
 */

const clients = new Map<string, Stripe>();

/** Each call is bounded: an unreachable Stripe is a 503 within seconds, not a hang. */
const STRIPE_TIMEOUT_MS = 5000;

export function stripeFor(config: Config): Stripe {
  if (!config.STRIPE_SECRET_KEY) throw stripeUnavailable("stripe is not configured (STRIPE_SECRET_KEY is not set).");
  const cacheKey = `${config.STRIPE_API_BASE}\n${config.STRIPE_SECRET_KEY}`;
  let client = clients.get(cacheKey);
  if (!client) {
    const base = new URL(config.STRIPE_API_BASE);
    const protocol = base.protocol === "http:" ? "http" : "https";
    client = new Stripe(config.STRIPE_SECRET_KEY, {
      httpClient: Stripe.createFetchHttpClient(),
      host: base.hostname,
      port: base.port || (protocol === "http" ? 80 : 443),
      protocol,
      timeout: STRIPE_TIMEOUT_MS,
      // Every call that creates something carries an idempotency key, so one retry is safe.
      maxNetworkRetries: 1,
      telemetry: false,
    });
    clients.set(cacheKey, client);
  }
  return client;
}

const cryptoProvider = Stripe.createSubtleCryptoProvider();

/** Stripe's default: a signature older than five minutes is refused (replays of captured requests). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** Verifies `Stripe-Signature` over the raw body; null when it does not verify (missing, wrong, stale). */
export async function verifyWebhook(config: Config, rawBody: string, signature: string | undefined): Promise<Stripe.Event | null> {
  if (!signature || !config.STRIPE_WEBHOOK_SECRET) return null;
  try {
    return await Stripe.webhooks.constructEventAsync(rawBody, signature, config.STRIPE_WEBHOOK_SECRET, WEBHOOK_TOLERANCE_SECONDS, cryptoProvider);
  } catch {
    return null;
  }
}

export function stripeUnavailable(detail = "stripe is unavailable: the payment provider did not answer. Nothing was changed; retry in a moment."): Problem {
  return new Problem(503, "service-unavailable", detail, { extra: { stripe: "down" }, headers: { "retry-after": "5" } });
}

/** Stripe could not be reached or answered with a server error: worth retrying later. */
export function isStripeOutage(err: unknown): boolean {
  if (!(err instanceof Stripe.errors.StripeError)) return false;
  return (
    err instanceof Stripe.errors.StripeConnectionError ||
    err instanceof Stripe.errors.StripeAPIError ||
    err instanceof Stripe.errors.StripeRateLimitError ||
    err instanceof Stripe.errors.StripeAuthenticationError ||
    (err.statusCode ?? 0) >= 500
  );
}

export function isIdempotencyError(err: unknown): boolean {
  return err instanceof Stripe.errors.StripeIdempotencyError;
}

export function describeStripeError(err: unknown): string {
  if (err instanceof Stripe.errors.StripeError) return `${err.type}${err.code ? ` (${err.code})` : ""}: ${err.message}`.slice(0, 300);
  return err instanceof Error ? err.message.slice(0, 300) : String(err);
}

export function logStripeFailure(msg: string, err: unknown): void {
  console.warn(JSON.stringify({ level: "warn", msg, error: describeStripeError(err) }));
}

// Stripe amounts are integers in the currency's smallest unit: cents for most, whole units for
// these, and thousandths for the three-decimal ones (https://docs.stripe.com/currencies).
const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"]);
const THREE_DECIMAL = new Set(["bhd", "jod", "kwd", "omr", "tnd"]);

/** "12.30" usd → 1230; "1000.00" jpy → 1000. Null when the amount cannot be charged exactly in that currency. */
export function toMinorUnits(money: string, currency: string): number | null {
  const cents = moneyToCents(money);
  const code = currency.toLowerCase();
  if (ZERO_DECIMAL.has(code)) return cents % 100n === 0n ? Number(cents / 100n) : null;
  if (THREE_DECIMAL.has(code)) return Number(cents * 10n);
  return Number(cents);
}

/** The inverse, exact: 1230 usd → "12.30"; 1000 jpy → "1000.00"; 12345 kwd → "12.345" (which no order total equals). */
export function fromMinorUnits(amount: number, currency: string): string {
  const code = currency.toLowerCase();
  const value = BigInt(Math.trunc(amount));
  if (ZERO_DECIMAL.has(code)) return centsToMoney(value * 100n);
  if (THREE_DECIMAL.has(code)) {
    const negative = value < 0n;
    const abs = negative ? -value : value;
    return `${negative ? "-" : ""}${abs / 1000n}.${(abs % 1000n).toString().padStart(3, "0")}`;
  }
  return centsToMoney(value);
}

export type { Stripe };
