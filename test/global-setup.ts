import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startStack } from "../scripts/lib/stack.ts";


/** Starts a throwaway Postgres and Redis (own ports, own data) plus both bridges, once per test run. */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "edge-shop-test-"));
  const stack = await startStack({
    dataDir: path.join(dataDir, "pg"),
    persistent: false,
    databaseUrl: process.env.TEST_DATABASE_URL,
    redisUrl: process.env.TEST_REDIS_URL,
  });
  project.provide("postgresUrl", stack.postgres.url);
  project.provide("redisUrl", stack.redis.url);
  project.provide("workerBindings", stack.workerBindings);
  project.provide("mailSinkUrl", stack.mailSink.url);
  project.provide("fuzz", { seed: Number(process.env.FUZZ_SEED ?? 20261124), runs: Number(process.env.FUZZ_RUNS ?? 10_000) });
  return async () => {
    await stack.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
