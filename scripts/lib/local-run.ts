// What `npm run dev` and `npm run serve` share: check the port, start the stack (or use the
// DATABASE_URL / REDIS_URL given), demo data, the Worker in the chosen runtime, the banner, Ctrl-C.
// Every start-up failure is one line and exit code 1, with nothing left running.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { demoAdmin, ensureDemoData } from "./demo.ts";
import { MissingRedisError } from "./redis.ts";
import { startRuntime, type RuntimeKind, type WorkerRuntime } from "./runtime.ts";
import { startStack, type Stack } from "./stack.ts";
import { describeDiskError, oneLine, StartupError } from "./startup-error.ts";
import { readWranglerToml } from "./wrangler-toml.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** True when nothing listens on host:port (we could bind it ourselves right now). */
export function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** JWT_SECRET lives in .dev.vars (git-ignored), generated once so tokens survive restarts. */
function ensureDevVars(log: (line: string) => void): void {
  const file = path.join(root, ".dev.vars");
  try {
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (/^JWT_SECRET=/m.test(current)) return;
    fs.appendFileSync(file, `${current && !current.endsWith("\n") ? "\n" : ""}JWT_SECRET=${randomBytes(32).toString("hex")}\n`);
    log("generated JWT_SECRET into .dev.vars");
  } catch (err) {
    throw new StartupError(describeDiskError(err, file, "the local JWT secret") ?? `Cannot write ${file}: ${oneLine(err)}`);
  }
}

const DESCRIPTION: Record<RuntimeKind, string> = {
  dev: "wrangler dev",
  serve: "the production bundle on plain workerd",
};

export async function runLocal(kind: RuntimeKind): Promise<void> {
  const log = (line: string) => console.log(`[${kind}] ${line}`);
  let stack: Stack | null = null;
  let worker: WorkerRuntime | null = null;
  let stopping = false;
  let stackFileWritten = false;

  const shutdown = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      if (stackFileWritten) fs.rmSync(path.join(root, ".data", "stack.json"), { force: true });
      await worker?.stop().catch(() => undefined);
      await stack?.stop().catch(() => undefined);
    }
    process.exit(code);
  };
  const fail = async (message: string): Promise<never> => {
    console.error(`[${kind}] ${message}`);
    return shutdown(1);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  for (const event of ["uncaughtException", "unhandledRejection"] as const) {
    process.on(event, (err: unknown) => {
      if (process.env.DEBUG && err instanceof Error) console.error(err.stack);
      void fail(err instanceof StartupError ? err.message : `unexpected error: ${oneLine(err)} (DEBUG=1 shows where)`);
    });
  }

  const portText = process.env.PORT ?? "8787";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) await fail(`PORT=${portText} is not a port number (1-65535).`);
  // Before anything starts: a busy port would otherwise surface only after the whole stack is up,
  // as wrangler's advice to pass --port, which is not this script's knob.
  if (!(await portIsFree("127.0.0.1", port))) {
    await fail(`Port ${port} is already in use (another npm run dev or serve?). Stop what holds it, or choose another port: PORT=${port === 65535 ? 8788 : port + 1} npm run ${kind}`);
  }

  const admin = demoAdmin(process.env);
  let catalogLine = "";
  try {
    ensureDevVars(log);
    stack = await startStack({
      dataDir: path.join(root, ".data", "postgres"),
      persistent: true,
      databaseUrl: process.env.DATABASE_URL,
      redisUrl: process.env.REDIS_URL,
      log,
    });
    // Lets `npm run seed` / `npm run admin` find this stack without copying URLs around.
    const stackFile = path.join(root, ".data", "stack.json");
    try {
      fs.mkdirSync(path.dirname(stackFile), { recursive: true });
      fs.writeFileSync(stackFile, JSON.stringify({ databaseUrl: stack.postgres.url, redisUrl: stack.redis.url }, null, 2));
      stackFileWritten = true;
    } catch (err) {
      throw new StartupError(describeDiskError(err, stackFile, "the local stack") ?? `Cannot write ${stackFile}: ${oneLine(err)}`);
    }
    const demo = await ensureDemoData(stack.postgres.url, admin);
    if (demo.createdAdmin) log(`created demo admin ${admin!.email}`);
    catalogLine = `${demo.categories.toLocaleString()} categories, ${demo.products.toLocaleString()} products${demo.createdCatalog ? " (demo catalog created)" : ""}`;
  } catch (err) {
    await fail(err instanceof StartupError || err instanceof MissingRedisError ? err.message : `could not start the local stack: ${oneLine(err)}`);
  }

  try {
    // Own process group, stopped as a whole by shutdown(): nothing outlives this script, whichever
    // way it is stopped (Ctrl-C here reaches this process, which then stops the runtime).
    worker = await startRuntime(kind, { port, bindings: stack!.workerBindings, echo: true, processGroup: true, timeoutMs: 120_000 });
  } catch (err) {
    // wrangler's and workerd's own output is already on the terminal: one line on top of it.
    await fail(err instanceof StartupError ? err.message : `${DESCRIPTION[kind]} did not start: ${oneLine(err).slice(0, 300)}`);
  }
  const url = worker!.url;
  // wrangler dev warns that crons are never fired locally; here they are.
  const crons = readWranglerToml(path.join(root, "wrangler.toml")).crons;
  if (crons.length) log(`[triggers] crons ${crons.map((c) => JSON.stringify(c)).join(", ")} fire the Worker's scheduled handler at the top of each matching minute (UTC)`);
  console.log(
    [
      "",
      "  ┌──────────────────────────────────────────────────────────────",
      `  │ Edge Shop is running at ${url} (${DESCRIPTION[kind]})`,
      `  │ API reference   ${url}/docs`,
      `  │ OpenAPI         ${url}/api/openapi.json`,
      `  │ Health          ${url}/health`,
      `  │ Admin login     ${admin ? `${admin.email} / ${admin.password}` : `none created on your DATABASE_URL (set ADMIN_PASSWORD=… to create ${process.env.ADMIN_EMAIL || "admin@example.com"})`}`,
      `  │ Catalog         ${catalogLine}`,
      "  │ Ctrl-C stops everything.",
      "  └──────────────────────────────────────────────────────────────",
      "",
    ].join("\n"),
  );
  worker!.process.on("exit", (code) => {
    if (!stopping) {
      console.error(`[${kind}] ${kind === "dev" ? "wrangler" : "workerd"} exited (${code ?? "signal"})`);
      void shutdown(code ?? 1);
    }
  });
}
