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

/**
 * JWT_SECRET and PASSWORD_PEPPER live in .dev.vars (git-ignored), generated once so tokens and
 * password hashes survive restarts.
 */
function ensureDevVars(log: (line: string) => void): void {
  const file = path.join(root, ".dev.vars");
  try {
    for (const name of ["JWT_SECRET", "PASSWORD_PEPPER"]) {
      const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
      if (new RegExp(`^${name}=`, "m").test(current)) continue;
      fs.appendFileSync(file, `${current && !current.endsWith("\n") ? "\n" : ""}${name}=${randomBytes(32).toString("hex")}\n`);
      log(`generated ${name} into .dev.vars`);
    }
  } catch (err) {
    throw new StartupError(describeDiskError(err, file, "the local JWT secret") ?? `Cannot write ${file}: ${oneLine(err)}`);
  }
}

const DESCRIPTION: Record<RuntimeKind, string> = {
  dev: "wrangler dev",
  serve: "the production bundle on plain workerd",
};

const STACK_FILE = path.join(root, ".data", "stack.json");

/** What a run has started, which shutdown() stops (the Worker first), and how it ends the process. */
interface Run {
  kind: RuntimeKind;
  log(line: string): void;
  stack: Stack | null;
  worker: WorkerRuntime | null;
  stackFileWritten: boolean;
  stopping: boolean;
  /** Stops what was started and exits with `code`. */
  shutdown(code: number): Promise<never>;
  /** Prints `message` as the one start-up error line, then shutdown(1). */
  fail(message: string): Promise<never>;
}

/** A run whose Ctrl-C, SIGTERM and stray errors end in shutdown(), leaving nothing running. */
function startRun(kind: RuntimeKind): Run {
  const run: Run = {
    kind,
    log: (line) => console.log(`[${kind}] ${line}`),
    stack: null,
    worker: null,
    stackFileWritten: false,
    stopping: false,
    async shutdown(code) {
      if (!run.stopping) {
        run.stopping = true;
        if (run.stackFileWritten) fs.rmSync(STACK_FILE, { force: true });
        await run.worker?.stop().catch(() => undefined);
        await run.stack?.stop().catch(() => undefined);
      }
      process.exit(code);
    },
    async fail(message) {
      console.error(`[${kind}] ${message}`);
      return run.shutdown(1);
    },
  };
  process.on("SIGINT", () => void run.shutdown(0));
  process.on("SIGTERM", () => void run.shutdown(0));
  for (const event of ["uncaughtException", "unhandledRejection"] as const) {
    process.on(event, (err: unknown) => {
      if (process.env.DEBUG && err instanceof Error) console.error(err.stack);
      void run.fail(err instanceof StartupError ? err.message : `unexpected error: ${oneLine(err)} (DEBUG=1 shows where)`);
    });
  }
  return run;
}

/** PORT (default 8787), checked to be a port number nothing listens on yet. */
async function choosePort(run: Run): Promise<number> {
  const portText = process.env.PORT ?? "8787";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) await run.fail(`PORT=${portText} is not a port number (1-65535).`);
  // Before anything starts: a busy port would otherwise surface only after the whole stack is up,
  // as wrangler's advice to pass --port, which is not this script's knob.
  if (!(await portIsFree("127.0.0.1", port))) {
    await run.fail(`Port ${port} is already in use (another npm run dev or serve?). Stop what holds it, or choose another port: PORT=${port === 65535 ? 8788 : port + 1} npm run ${run.kind}`);
  }
  return port;
}

/** Lets `npm run seed` / `npm run admin` find this stack without copying URLs around. */
function writeStackFile(run: Run, stack: Stack): void {
  try {
    fs.mkdirSync(path.dirname(STACK_FILE), { recursive: true });
    fs.writeFileSync(STACK_FILE, JSON.stringify({ databaseUrl: stack.postgres.url, redisUrl: stack.redis.url }, null, 2));
    run.stackFileWritten = true;
  } catch (err) {
    throw new StartupError(describeDiskError(err, STACK_FILE, "the local stack") ?? `Cannot write ${STACK_FILE}: ${oneLine(err)}`);
  }
}

/** The stack (own or given) with demo data in it; returns the banner's catalog line. */
async function startLocalStack(run: Run, admin: ReturnType<typeof demoAdmin>): Promise<string> {
  try {
    ensureDevVars(run.log);
    run.stack = await startStack({
      dataDir: path.join(root, ".data", "postgres"),
      persistent: true,
      databaseUrl: process.env.DATABASE_URL,
      redisUrl: process.env.REDIS_URL,
      log: run.log,
    });
    writeStackFile(run, run.stack);
    const demo = await ensureDemoData(run.stack.postgres.url, admin);
    if (demo.createdAdmin) run.log(`created demo admin ${admin!.email}`);
    return `${demo.categories.toLocaleString()} categories, ${demo.products.toLocaleString()} products${demo.createdCatalog ? " (demo catalog created)" : ""}`;
  } catch (err) {
    return run.fail(err instanceof StartupError || err instanceof MissingRedisError ? err.message : `could not start the local stack: ${oneLine(err)}`);
  }
}

/** The Worker in the chosen runtime, bound to the stack. */
async function startWorker(run: Run, port: number): Promise<WorkerRuntime> {
  try {
    // Own process group, stopped as a whole by shutdown(): nothing outlives this script, whichever
    // way it is stopped (Ctrl-C here reaches this process, which then stops the runtime).
    // SHOP_URL: the links in the shop's mails (password reset, verification) open this storefront.
    const bindings = { ...run.stack!.workerBindings, SHOP_URL: `http://localhost:${port}` };
    run.worker = await startRuntime(run.kind, { port, bindings, echo: true, processGroup: true, timeoutMs: 120_000 });
    return run.worker;
  } catch (err) {
    // wrangler's and workerd's own output is already on the terminal: one line on top of it.
    return run.fail(err instanceof StartupError ? err.message : `${DESCRIPTION[run.kind]} did not start: ${oneLine(err).slice(0, 300)}`);
  }
}

function printBanner(kind: RuntimeKind, url: string, admin: ReturnType<typeof demoAdmin>, catalogLine: string, mailSinkUrl: string): void {
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
      `  │ Mail sink       ${mailSinkUrl} (every mail the shop sends; JSON at /emails)`,
      "  │ Ctrl-C stops everything.",
      "  └──────────────────────────────────────────────────────────────",
      "",
    ].join("\n"),
  );
}

export async function runLocal(kind: RuntimeKind): Promise<void> {
  const run = startRun(kind);
  const port = await choosePort(run);
  const admin = demoAdmin(process.env);
  const catalogLine = await startLocalStack(run, admin);
  const worker = await startWorker(run, port);
  // Stripe's webhooks go to the Worker, whose URL is known only now.
  run.stack!.stripe.setWebhookTarget(`${worker.url}/api/payments/stripe/webhook`);
  // wrangler dev warns that crons are never fired locally; here they are.
  const crons = readWranglerToml(path.join(root, "wrangler.toml")).crons;
  if (crons.length) run.log(`[triggers] crons ${crons.map((c) => JSON.stringify(c)).join(", ")} fire the Worker's scheduled handler at the top of each matching minute (UTC)`);
  printBanner(kind, worker.url, admin, catalogLine, run.stack!.mailSink.url);
  worker.process.on("exit", (code) => {
    if (!run.stopping) {
      console.error(`[${kind}] ${kind === "dev" ? "wrangler" : "workerd"} exited (${code ?? "signal"})`);
      void run.shutdown(code ?? 1);
    }
  });
}
