// npm run dev — the whole shop locally: Postgres, Redis, both bridges, migrations, demo data, then `wrangler dev`.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD, ensureDemoData } from "./lib/demo.ts";
import { MissingRedisError } from "./lib/redis.ts";
import { startStack, type Stack } from "./lib/stack.ts";
import { startWranglerDev, type WranglerDev } from "./lib/wrangler.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT ?? 8787);
const adminEmail = process.env.ADMIN_EMAIL ?? DEFAULT_ADMIN_EMAIL;
const adminPassword = process.env.ADMIN_PASSWORD ?? DEFAULT_ADMIN_PASSWORD;
const log = (line: string) => console.log(`[dev] ${line}`);

/** JWT_SECRET lives in .dev.vars (git-ignored), generated once so tokens survive restarts. */
function ensureDevVars(): void {
  const file = path.join(root, ".dev.vars");
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (/^JWT_SECRET=/m.test(current)) return;
  fs.appendFileSync(file, `${current && !current.endsWith("\n") ? "\n" : ""}JWT_SECRET=${randomBytes(32).toString("hex")}\n`);
  log("generated JWT_SECRET into .dev.vars");
}

let stack: Stack | null = null;
let catalogLine = "";
let wrangler: WranglerDev | null = null;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    fs.rmSync(path.join(root, ".data", "stack.json"), { force: true });
    await wrangler?.stop();
    await stack?.stop();
  }
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  ensureDevVars();
  stack = await startStack({
    dataDir: path.join(root, ".data", "postgres"),
    persistent: true,
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
    log,
  });
  // Lets `npm run seed` / `npm run admin` find this stack without copying URLs around.
  fs.mkdirSync(path.join(root, ".data"), { recursive: true });
  fs.writeFileSync(path.join(root, ".data", "stack.json"), JSON.stringify({ databaseUrl: stack.postgres.url, redisUrl: stack.redis.url }, null, 2));
  const demo = await ensureDemoData(stack.postgres.url, { email: adminEmail, password: adminPassword });
  if (demo.createdAdmin) log(`created demo admin ${adminEmail}`);
  catalogLine = `${demo.categories.toLocaleString()} categories, ${demo.products.toLocaleString()} products${demo.createdCatalog ? " (demo catalog created)" : ""}`;
} catch (err) {
  if (err instanceof MissingRedisError) {
    console.error(`[dev] ${err.message}`);
  } else {
    console.error(`[dev] could not start the local stack: ${err instanceof Error ? err.message : String(err)}`);
  }
  await shutdown(1);
}

const url = `http://127.0.0.1:${port}`;
try {
  wrangler = await startWranglerDev({ port, bindings: stack!.workerBindings, echo: true, timeoutMs: 120_000 });
} catch (err) {
  console.error(`[dev] ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
}
console.log(
  [
    "",
    "  ┌──────────────────────────────────────────────────────────────",
    `  │ Edge Shop is running at ${url}`,
    `  │ API reference   ${url}/docs`,
    `  │ OpenAPI         ${url}/api/openapi.json`,
    `  │ Health          ${url}/health`,
    `  │ Admin login     ${adminEmail} / ${adminPassword}`,
    `  │ Catalog         ${catalogLine}`,
    "  │ Ctrl-C stops everything.",
    "  └──────────────────────────────────────────────────────────────",
    "",
  ].join("\n"),
);
wrangler!.process.on("exit", (code) => {
  if (!stopping) {
    console.error(`[dev] wrangler exited (${code ?? "signal"})`);
    void shutdown(code ?? 1);
  }
});
