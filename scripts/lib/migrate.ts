import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/** Applies the SQL migrations in drizzle/ that the database has not seen yet. */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  // A migration may build an index over a large table: no statement or lock timeout for this session.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, options: "-c statement_timeout=0 -c lock_timeout=0" });
  try {
    await migrate(drizzle(pool), { migrationsFolder });
  } finally {
    await pool.end();
  }
}
