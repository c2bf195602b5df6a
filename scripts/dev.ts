// npm run dev — the whole shop locally: Postgres, Redis, both bridges, migrations, demo data, then `wrangler dev`.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD, ensureDemoData } from "./lib/demo.ts";
import { MissingRedisError } from "./lib/redis.ts";
import { startStack, type Stack } from "./lib/stack.ts";

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
let wrangler: ChildProcess | null = null;
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (wrangler && wrangler.exitCode === null) {
      const exited = new Promise((r) => wrangler?.once("exit", r));
      wrangler.kill("SIGINT");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (wrangler.exitCode === null) wrangler.kill("SIGKILL");
    }
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
  const { createdAdmin } = await ensureDemoData(stack.postgres.url, { email: adminEmail, password: adminPassword });
  if (createdAdmin) log(`created demo admin ${adminEmail}`);
} catch (err) {
  if (err instanceof MissingRedisError) {
    console.error(`[dev] ${err.message}`);
  } else {
    console.error(`[dev] could not start the local stack: ${err instanceof Error ? err.message : String(err)}`);
  }
  await shutdown(1);
}

const bindings = stack!.workerBindings;
const vars = Object.entries(bindings).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
wrangler = spawn(path.join(root, "node_modules", ".bin", "wrangler"), ["dev", "--port", String(port), "--ip", "127.0.0.1", "--show-interactive-dev-session=false", ...vars], {
  cwd: root,
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
});

let bannerShown = false;
wrangler.stdout?.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (!bannerShown && /Ready on/i.test(chunk.toString())) {
    bannerShown = true;
    const url = `http://127.0.0.1:${port}`;
    console.log(
      [
        "",
        "  ┌──────────────────────────────────────────────────────────────",
        `  │ Edge Shop is running at ${url}`,
        `  │ API reference   ${url}/docs`,
        `  │ OpenAPI         ${url}/api/openapi.json`,
        `  │ Health          ${url}/health`,
        `  │ Admin login     ${adminEmail} / ${adminPassword}`,
        "  │ Ctrl-C stops everything.",
        "  └──────────────────────────────────────────────────────────────",
        "",
      ].join("\n"),
    );
  }
});
wrangler.on("exit", (code) => {
  if (!stopping) {
    console.error(`[dev] wrangler exited (${code ?? "signal"})`);
    void shutdown(code ?? 1);
  }
});
