import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { MAX_PAGE_DEPTH, type Count } from "../lib/pagination";
import type { Database } from "./client";

/**
 * `count(*)` over at most MAX_PAGE_DEPTH + 1 matching rows: a list's count never scans a big table.
 * Run it in the list's batch with estimatedCount; toCount picks the exact number or the estimate.
 * `orderBy` names an index order to walk: without one, the planner reads a big table by Seq Scan
 * whenever it expects the first 10,001 matches early, which turns into a full scan when they are not.
 */
export function boundedCount(db: Database, table: PgTable, where: SQL | undefined, orderBy: (SQL | AnyPgColumn)[] = []) {
  const capped = db.select({ one: sql`1` }).from(table).where(where).orderBy(...orderBy).limit(MAX_PAGE_DEPTH + 1).as("capped");
  return db.select({ n: sql<number>`count(*)::int` }).from(capped);
}

type Plan = { "QUERY PLAN": { Plan: { "Plan Rows": number } }[] };

/** The planner's estimate of the rows matching `where`: planning only, nothing is read. */
export function estimatedCount(db: Database, table: PgTable, where: SQL | undefined) {
  return db.execute<Plan>(sql`explain (format json) ${db.select({ one: sql`1` }).from(table).where(where)}`);
}

/** The exact count up to MAX_PAGE_DEPTH, else the estimate (never below what was counted). */
export function toCount(counted: { n: number }[], plan: { rows: Plan[] }): Count {
  const n = counted[0]?.n ?? 0;
  if (n <= MAX_PAGE_DEPTH) return { n, estimated: false };
  const estimate = Math.round(plan.rows[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
  return { n: Math.max(n, estimate), estimated: true };
}
