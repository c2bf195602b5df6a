import { defineConfig } from "vitest/config";

// End-to-end tests: plain Node clients against `wrangler dev`, started by scripts/e2e.ts.
export default defineConfig({
  test: {
    name: "e2e",
    environment: "node",
    include: ["test/e2e/**/*.e2e.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
