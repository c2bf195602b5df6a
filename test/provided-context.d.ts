// What test/global-setup.ts (Node) provides and the tests (workerd and Node) inject: one declaration for both sides.
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
    redisUrl: string;
    /** The mail sink stand-in (scripts/stand-ins/mail-sink.ts): GET /emails?to= lists what the Worker sent. */
    mailSinkUrl: string;
    fuzz: { seed: number; runs: number };
    workerBindings: {
      DATABASE_URL: string;
      NEON_WS_PROXY: string;
      UPSTASH_REDIS_REST_URL: string;
      UPSTASH_REDIS_REST_TOKEN: string;
      RESEND_API_URL: string;
      RESEND_API_KEY: string;
      EMAIL_FROM: string;
      STRIPE_API_BASE: string;
      STRIPE_SECRET_KEY: string;
      STRIPE_WEBHOOK_SECRET: string;
    };
  }
}
