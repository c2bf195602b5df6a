// npm run admin -- <email> — grants admin to an existing user of the database DATABASE_URL points at.
import pg from "pg";
import { localUrls } from "./lib/local-stack.ts";

const email = process.argv[2]?.trim().toLowerCase();
const url = localUrls().databaseUrl;
if (!email || !url) {
  console.error("usage: npm run admin -- <email> (with `npm run dev` running, or DATABASE_URL=postgres://… set)");
  process.exit(1);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const result = await client.query("update users set is_admin = true, updated_at = now() where lower(email) = $1 returning id", [email]);
  if (result.rowCount === 0) {
    console.error(`no user with email ${email}; register first (POST /api/auth/register)`);
    process.exitCode = 1;
  } else {
    // Access tokens carry the admin claim from the next login or refresh (src/auth/guards.ts, requireAdmin).
    console.log(`${email} is now an admin (user id ${result.rows[0].id}); log in again (or refresh) to get an admin token`);
  }
} finally {
  await client.end();
}
