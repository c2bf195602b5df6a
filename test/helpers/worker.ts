import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { vi } from "vitest";
import worker from "../../src/index";

/** Bindings that point a store at a port where nothing listens, as if it were down. */
export const REDIS_DOWN = { UPSTASH_REDIS_REST_URL: "http://127.0.0.1:9" } as const;
export const POSTGRES_DOWN = { DATABASE_URL: "postgres://postgres:password@127.0.0.1:9/shop" } as const;

/**
 * Calls the Worker's own fetch (not SELF), so bindings can be replaced, and waits for the work it
 * left running after the response (cache fills, bumps, pushes) before returning.
 */
export async function callWorker(request: Request, overrides: Partial<typeof env> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(request, { ...env, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** A console argument as a log line shows it: errors with name, message and stack. */
function stringify(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ""}`;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Collects every console line the Worker (same isolate) writes until `vi.restoreAllMocks()`. */
export function captureConsole(): string[] {
  const lines: string[] = [];
  for (const method of ["error", "warn", "log", "info", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(stringify).join(" "));
    });
  }
  return lines;
}
