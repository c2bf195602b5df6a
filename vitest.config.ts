import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Fixed secret for tests only; `npm run dev` generates its own into .dev.vars.
const TEST_JWT_SECRET = "test-secret-0123456789abcdef0123456789abcdef";
const TEST_PASSWORD_PEPPER = "test-pepper-0123456789abcdef0123456789abcdef";

// Pre-bundled, each dependency is one module instead of hundreds (stripe alone is 272) when a
// workerd loads the Worker's module graph (the fuzz and scale projects load it once per file).
const PREBUNDLED = [
  "stripe",
  "hono",
  "hono/body-limit",
  "hono/cookie",
  "hono/http-exception",
  "@hono/zod-openapi",
  "zod",
  "drizzle-orm",
  "drizzle-orm/neon-http",
  "drizzle-orm/pg-core",
  "@neondatabase/serverless",
  "@upstash/redis",
  "@upstash/redis/cloudflare",
  "jose",
];

const workerPool = cloudflareTest(({ inject }) => ({
  wrangler: { configPath: "./wrangler.toml" },
  miniflare: {
    bindings: {
      ...inject("workerBindings"),
      JWT_SECRET: TEST_JWT_SECRET,
      PASSWORD_PEPPER: TEST_PASSWORD_PEPPER,
      EXPOSE_QUERY_COUNT: "true",
      // Every test file shares one workerd thread, where 20 simultaneous password hashes can hold a
      // response past the production default of 1 s without anything being wrong with Postgres.
      DATABASE_TIMEOUT_MS: "5000",
    },
  },
}));

export default defineConfig({
  test: {
    globalSetup: ["./test/global-setup.ts"],
    projects: [
      {
        extends: true,
        plugins: [workerPool],
        test: {
          name: "worker",
          include: ["test/**/*.test.ts"],
          // One workerd and one module graph for every file, as an isolate at the edge serves request
          // after request: starting a Miniflare per file was 165 of npm test's 400 s. Files must not
          // count on a fresh isolate, and restore what they change outside their own rows.
          isolate: false,
          deps: { optimizer: { ssr: { enabled: true, include: PREBUNDLED } } },
          exclude: ["test/node/**", "test/e2e/**", "test/fuzz/**", "test/scale/**"],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // npm run test:fuzz — thousands of generated requests; its own run so npm test stays quick.
        extends: true,
        plugins: [workerPool],
        test: {
          name: "fuzz",
          include: ["test/fuzz/**/*.test.ts"],
          deps: { optimizer: { ssr: { enabled: true, include: [...PREBUNDLED, "fast-check"] } } },
          testTimeout: 1_800_000,
          hookTimeout: 30_000,
        },
      },
      {
        // npm run test:scale — the sweeps at table sizes that take minutes to build; not in npm test.
        extends: true,
        plugins: [workerPool],
        test: {
          name: "scale",
          include: ["test/scale/**/*.test.ts"],
          deps: { optimizer: { ssr: { enabled: true, include: PREBUNDLED } } },
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        // npm run explain — plans of the listing queries against a seeded catalog (no test stack).
        test: {
          name: "explain",
          environment: "node",
          include: ["lab/explain/**/*.explain.ts"],
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "node",
          environment: "node",
          include: ["test/node/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
