// The bridges' latency knob (hold every message each way) and their counters. Only lower bounds
// are asserted: a held message can arrive late on a busy machine, never early.
import net from "node:net";
import { Client, neon, neonConfig } from "@neondatabase/serverless";
import { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import ws from "ws";
import { startNeonBridge, type NeonBridge } from "../../scripts/bridges/neon-bridge.ts";
import { startUpstashBridge, type UpstashBridge } from "../../scripts/bridges/upstash-bridge.ts";

const DELAY = 60;
const postgresUrl = inject("postgresUrl");
const pgAddress = new URL(postgresUrl);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

describe("neon bridge delay", () => {
  let bridge: NeonBridge;

  beforeAll(async () => {
    bridge = await startNeonBridge({ postgresHost: pgAddress.hostname, postgresPort: Number(pgAddress.port), delayMs: 0 });
    neonConfig.fetchEndpoint = () => bridge.sqlUrl;
    neonConfig.webSocketConstructor = ws;
    neonConfig.wsProxy = (host, port) => `127.0.0.1:${bridge.port}/v2?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  });
  afterAll(() => bridge.close());

  it("holds a /sql request and its response: one query costs at least 2 × delay, and counts once", async () => {
    const sql = neon(postgresUrl);
    expect(await sql`select 1 as one`).toEqual([{ one: 1 }]); // warm: connection to the bridge open
    bridge.setDelay(DELAY);
    try {
      const before = bridge.counts();
      const { ms, value } = await timed(() => sql.transaction([sql`select 1 as a`, sql`select 2 as b`]));
      expect(value).toEqual([[{ a: 1 }], [{ b: 2 }]]);
      expect(ms).toBeGreaterThanOrEqual(2 * DELAY);
      expect(bridge.counts().sqlRequests - before.sqlRequests).toBe(1);
    } finally {
      bridge.setDelay(0);
    }
  });

  it("holds WebSocket frames both ways and the upgrade: a query on an open connection costs at least 2 × delay", async () => {
    const client = new Client(postgresUrl);
    client.on("error", () => undefined);
    const before = bridge.counts();
    bridge.setDelay(DELAY);
    try {
      const connect = await timed(() => client.connect());
      // The upgrade (one round trip) plus the startup exchange (at least one more).
      expect(connect.ms).toBeGreaterThanOrEqual(4 * DELAY);
      const query = await timed(() => client.query("select 41 + 1 as answer"));
      expect(query.value.rows).toEqual([{ answer: 42 }]);
      expect(query.ms).toBeGreaterThanOrEqual(2 * DELAY);
      expect(bridge.counts().wsConnections - before.wsConnections).toBe(1);
    } finally {
      bridge.setDelay(0);
      await client.end();
    }
  });

  it("takes its delay from NEON_BRIDGE_DELAY_MS when the options name none", async () => {
    const saved = process.env.NEON_BRIDGE_DELAY_MS;
    process.env.NEON_BRIDGE_DELAY_MS = "35";
    try {
      const fromEnv = await startNeonBridge({ postgresHost: pgAddress.hostname, postgresPort: Number(pgAddress.port) });
      const fromOptions = await startNeonBridge({ postgresHost: pgAddress.hostname, postgresPort: Number(pgAddress.port), delayMs: 5 });
      expect([fromEnv.delayMs, fromOptions.delayMs]).toEqual([35, 5]);
      await fromEnv.close();
      await fromOptions.close();
    } finally {
      if (saved === undefined) delete process.env.NEON_BRIDGE_DELAY_MS;
      else process.env.NEON_BRIDGE_DELAY_MS = saved;
    }
    expect(() => bridge.setDelay(-1)).toThrow();
  });

  it("keeps the byte order on a WebSocket while the delay changes under it", async () => {
    // An echo server stands in for Postgres: every byte sent must come back in order.
    const echo = net.createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    const echoPort = (echo.address() as net.AddressInfo).port;
    const bridgeToEcho = await startNeonBridge({ postgresHost: "127.0.0.1", postgresPort: echoPort, delayMs: 40 });
    try {
      const socket = new ws(`ws://127.0.0.1:${bridgeToEcho.port}/v2?address=127.0.0.1:${echoPort}`);
      await new Promise((resolve, reject) => {
        socket.once("open", resolve);
        socket.once("error", reject);
      });
      let received = "";
      socket.on("message", (data: Buffer) => (received += data.toString()));
      let sent = "";
      for (let i = 0; i < 200; i++) {
        // Shrinking delays: without the queue, later messages would overtake earlier ones.
        if (i % 50 === 0) bridgeToEcho.setDelay(40 - (i / 50) * 13);
        const message = `${i};`;
        sent += message;
        socket.send(message);
        if (i % 20 === 0) await new Promise((r) => setTimeout(r, 3));
      }
      await expect.poll(() => received.length, { timeout: 10_000 }).toBe(sent.length);
      expect(received).toBe(sent);
      socket.close();
    } finally {
      await bridgeToEcho.close();
      await new Promise((resolve) => echo.close(resolve));
    }
  });
});

describe("upstash bridge delay", () => {
  let bridge: UpstashBridge;
  let redis: Redis;

  beforeAll(async () => {
    bridge = await startUpstashBridge({ redisUrl: inject("redisUrl"), token: "latency-token", delayMs: 0 });
    redis = new Redis({ url: bridge.url, token: "latency-token", retry: { retries: 0 }, enableTelemetry: false });
  });
  afterAll(() => bridge.close());

  it("holds each request and response: one command or one pipeline costs at least 2 × delay, and counts once", async () => {
    const key = `latency:${crypto.randomUUID()}`;
    await redis.set(key, "v");
    bridge.setDelay(DELAY);
    try {
      const before = bridge.counts();
      const single = await timed(() => redis.get(key));
      expect(single.value).toBe("v");
      expect(single.ms).toBeGreaterThanOrEqual(2 * DELAY);
      const pipeline = redis.pipeline();
      pipeline.get(key).incr(`${key}:n`).get(`${key}:missing`);
      const piped = await timed(() => pipeline.exec());
      expect(piped.value).toEqual(["v", 1, null]);
      expect(piped.ms).toBeGreaterThanOrEqual(2 * DELAY);
      const after = bridge.counts();
      expect([after.requests - before.requests, after.commands - before.commands]).toEqual([2, 4]);
    } finally {
      bridge.setDelay(0);
    }
  });

  it("takes its delay from UPSTASH_BRIDGE_DELAY_MS when the options name none", async () => {
    const saved = process.env.UPSTASH_BRIDGE_DELAY_MS;
    process.env.UPSTASH_BRIDGE_DELAY_MS = "12";
    try {
      const fromEnv = await startUpstashBridge({ redisUrl: inject("redisUrl"), token: "t" });
      expect(fromEnv.delayMs).toBe(12);
      await fromEnv.close();
    } finally {
      if (saved === undefined) delete process.env.UPSTASH_BRIDGE_DELAY_MS;
      else process.env.UPSTASH_BRIDGE_DELAY_MS = saved;
    }
  });
});
