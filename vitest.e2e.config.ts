import { defineConfig } from "vitest/config";

// End-to-end tests: Node clients and Chromium (playwright-core) against `wrangler dev`, started by scripts/e2e.ts.
export default defineConfig({
  test: {
    name: "e2e",
    environment: "node",
    include: ["test/e2e/**/*.e2e.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One file at a time: two Chromiums and Scalar's 4 MB bundle at once on a 2-core machine would
    // put the "within 1 s" measurements at the mercy of the scheduler.
    fileParallelism: false,
  },
});
