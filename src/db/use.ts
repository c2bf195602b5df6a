import type { Context } from "hono";
import type { AppEnv } from "../context";
import { readConfig } from "../env";
import { databaseFor, type Database } from "./client";

/** The isolate's database client (no connection to open or close: each query is one HTTP request). */
export function useDb(c: Context<AppEnv>): Database {
  return databaseFor(readConfig(c.env));
}
