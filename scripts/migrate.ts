// npm run db:migrate — applies drizzle/ migrations to DATABASE_URL (for example a Neon database before a deploy).
import { migrateDatabase } from "./lib/migrate.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. Example: DATABASE_URL=postgres://user:pass@host/db npm run db:migrate");
  process.exit(1);
}
await migrateDatabase(url);
console.log("migrations applied");
