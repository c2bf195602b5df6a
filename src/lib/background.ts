import type { Context } from "hono";
import type { AppEnv } from "../context";
import { uncounted } from "./round-trips";

/**
 * Work that must not delay the response (cache fills, pushes, outbox clean-up). Pass a function:
 * it starts here, outside the request's round-trip count, since it is not on the critical path.
 * Without an execution context (the app called directly, e.g. to print the OpenAPI document) it
 * just runs.
 */
export function afterResponse(c: Context<AppEnv>, work: () => Promise<unknown>): void {
  const running = uncounted(work).catch((err: unknown) => {
    console.warn(JSON.stringify({ level: "warn", msg: "background work failed", error: err instanceof Error ? err.message : String(err) }));
  });
  try {
    c.executionCtx.waitUntil(running);
  } catch {
    void running;
  }
}
