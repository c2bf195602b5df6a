import { describe, it } from "vitest";
import { CF_TYPES_COMMAND, CF_TYPES_FILE, generateWorkerTypes } from "../../scripts/lib/cf-types.ts";
import { expectGeneratedUpToDate } from "./support/generated.ts";

// src/env.ts builds the Worker's Env on the committed output of `wrangler types`: it must describe
// today's wrangler.toml, or a renamed var or binding would still typecheck against the old name.
describe("the Worker's generated binding types", () => {
  it("match what `wrangler types` makes of wrangler.toml", { timeout: 60_000 }, () => {
    expectGeneratedUpToDate(CF_TYPES_FILE, generateWorkerTypes(), "wrangler.toml", CF_TYPES_COMMAND);
  });
});
