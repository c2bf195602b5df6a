import type { Context } from "hono";
import type { AppEnv } from "../context";

/**
 * Work that must not delay the response (cache fills, pushes, closing the pool). Without an
 * execution context (the app called directly, e.g. to print the OpenAPI document) it just runs.
 */
export function afterResponse(c: Context<AppEnv>, work: Promise<unknown>): void {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    void work;
  }
}
