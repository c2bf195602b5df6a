import { neonConfig, Pool } from "@neondatabase/serverless";
import { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import ws from "ws";
import { startNeonBridge, type NeonBridge } from "../../scripts/bridges/neon-bridge.ts";
import { startUpstashBridge, type UpstashBridge } from "../../scripts/bridges/upstash-bridge.ts";
import { freePort } from "../../scripts/lib/ports.ts";

describe("Neon bridge, driven by @neondatabase/serverless", () => {
  let bridge: NeonBridge;
  const pg = new URL(inject("postgresUrl"));

  beforeAll(async () => {
    bridge = await startNeonBridge({ postgresHost: pg.hostname, postgresPort: Number(pg.port) });
    neonConfig.webSocketConstructor = ws;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  });
  afterAll(() => bridge.close());

  it("runs queries and transactions against the real Postgres", async () => {
    neonConfig.wsProxy = (host, port) => `127.0.0.1:${bridge.port}/v2?address=${host}:${port}`;
    const pool = new Pool({ connectionString: inject("postgresUrl") });
    pool.on("error", () => undefined);
    const client = await pool.connect();
    try {
      await client.query("begin");
      await client.query("create temp table bridge_check (v text)");
      await client.query("insert into bridge_check values ($1)", ["héllo"]);
      const { rows } = await client.query("select v from bridge_check");
      await client.query("commit");
      expect(rows).toEqual([{ v: "héllo" }]);
    } finally {
      client.release();
      await pool.end();
    }
  });

  it("supports the driver's pipelined connect (startup, password and first query in one flight)", async () => {
    neonConfig.wsProxy = (host, port) => `127.0.0.1:${bridge.port}/v2?address=${host}:${port}`;
    neonConfig.pipelineConnect = "password";
    const pool = new Pool({ connectionString: inject("postgresUrl") });
    pool.on("error", () => undefined);
    try {
      const before = bridge.counts().wsConnections;
      const { rows } = await pool.query("select current_user as who, 6 * 7 as answer");
      expect(rows).toEqual([{ who: "postgres", answer: 42 }]);
      expect(bridge.counts().wsConnections - before).toBe(1);
    } finally {
      neonConfig.pipelineConnect = false;
      await pool.end();
    }
  });

  it("refuses any address other than the configured Postgres", async () => {
    const socket = new ws(`ws://127.0.0.1:${bridge.port}/v2?address=127.0.0.1:1`);
    const outcome = await new Promise<string>((resolve) => {
      socket.on("open", () => resolve("open"));
      socket.on("unexpected-response", (_req, res) => resolve(`http ${res.statusCode}`));
      socket.on("error", () => resolve("error"));
    });
    expect(outcome).toBe("http 403");
  });
});

describe("Upstash bridge, driven by @upstash/redis", () => {
  let bridge: UpstashBridge;
  let redis: Redis;

  beforeAll(async () => {
    bridge = await startUpstashBridge({ redisUrl: inject("redisUrl"), token: "test-token" });
    redis = new Redis({ url: bridge.url, token: "test-token", retry: { retries: 0 }, enableTelemetry: false });
  });
  afterAll(() => bridge.close());

  it("round-trips strings, unicode and JSON values with base64 responses", async () => {
    const key = `bridge:${crypto.randomUUID()}`;
    expect(await redis.set(key, "héllo ✓")).toBe("OK");
    expect(await redis.get(key)).toBe("héllo ✓");
    await redis.set(`${key}:json`, { a: 1, b: ["x"] });
    expect(await redis.get(`${key}:json`)).toEqual({ a: 1, b: ["x"] });
    expect(await redis.mget(key, `${key}:missing`)).toEqual(["héllo ✓", null]);
  });

  it("supports incr, expire and ttl", async () => {
    const key = `bridge:${crypto.randomUUID()}`;
    expect(await redis.incr(key)).toBe(1);
    expect(await redis.incr(key)).toBe(2);
    expect(await redis.expire(key, 60)).toBe(1);
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it("runs pipelines and MULTI/EXEC transactions", async () => {
    const key = `bridge:${crypto.randomUUID()}`;
    const p = redis.pipeline();
    p.set(key, "1").incr(key).get(key);
    expect(await p.exec()).toEqual(["OK", 2, 2]);
    const m = redis.multi();
    m.incr(key).incr(key);
    expect(await m.exec()).toEqual([3, 4]);
  });

  it("turns a Redis error into a thrown error", async () => {
    const key = `bridge:${crypto.randomUUID()}`;
    await redis.set(key, "not a number");
    await expect(redis.incr(key)).rejects.toThrow(/not an integer/);
  });

  it("refuses a wrong token with 401", async () => {
    const res = await fetch(bridge.url, { method: "POST", headers: { authorization: "Bearer wrong" }, body: '["PING"]' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "Unauthorized" });
    const wrong = new Redis({ url: bridge.url, token: "wrong", retry: { retries: 0 }, enableTelemetry: false });
    await expect(wrong.get("x")).rejects.toThrow(/Unauthorized/);
  });

  it("fails fast, not hangs, when Redis is unreachable", async () => {
    const dead = await startUpstashBridge({ redisUrl: `redis://127.0.0.1:${await freePort()}`, token: "t" });
    try {
      const client = new Redis({ url: dead.url, token: "t", retry: { retries: 0 }, enableTelemetry: false });
      const started = Date.now();
      await expect(client.get("x")).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await dead.close();
    }
  });
});
