import { sql } from "drizzle-orm";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { useDb } from "../db/use";
import { useRedis, withCacheTimeout } from "../lib/redis";
import { Problem } from "../lib/problem";
import { withTimeout } from "../lib/timeout";

const CHECK_TIMEOUT_MS = 3000;

async function check(work: () => Promise<unknown>): Promise<"ok" | "down"> {
  try {
    await work();
    return "ok";
  } catch {
    return "down";
  }
}

export async function health(c: Context<AppEnv>) {
  const [db, cache] = await Promise.all([
    check(() => withTimeout(useDb(c).execute(sql`select 1`), CHECK_TIMEOUT_MS)),
    check(() => withCacheTimeout(useRedis(c).ping())),
  ]);
  if (db === "ok" && cache === "ok") return c.json({ status: "ok" as const, db, cache }, 200);
  const down = [db === "down" ? "db" : null, cache === "down" ? "cache" : null].filter(Boolean).join(" and ");
  throw new Problem(503, "service-unavailable", `${down} is unavailable.`, {
    extra: { db, cache },
    headers: { "retry-after": "5" },
  });
}
