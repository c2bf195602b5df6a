import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const stackFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../.data/stack.json");

/** DATABASE_URL / REDIS_URL from the environment, else those of a running `npm run dev`. */
export function localUrls(): { databaseUrl?: string; redisUrl?: string } {
  let running: { databaseUrl?: string; redisUrl?: string } = {};
  try {
    running = JSON.parse(fs.readFileSync(stackFile, "utf8"));
  } catch {
    // no dev stack running
  }
  return { databaseUrl: process.env.DATABASE_URL ?? running.databaseUrl, redisUrl: process.env.REDIS_URL ?? running.redisUrl };
}
