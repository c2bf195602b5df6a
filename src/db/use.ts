import type { Context } from "hono";
import type { AppEnv } from "../context";
import { readConfig } from "../env";
import { openDatabase, type Database } from "./client";

/** The request's database, opened on first use so requests that need no SQL open nothing. */
export function useDb(c: Context<AppEnv>): Database {
  let handle = c.get("dbHandle");
  if (!handle) {
    const config = readConfig(c.env);
    handle = openDatabase(config.DATABASE_URL, config.NEON_WS_PROXY || undefined);
    c.set("dbHandle", handle);
  }
  return handle.db;
}
