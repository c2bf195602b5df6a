// npm run test:e2e [-- --runtime dev|serve] [vitest args] — the deployed path: a throwaway stack,
// the Worker in `wrangler dev` (default) or `npm run serve`'s runtime (the production bundle on
// plain workerd; E2E_RUNTIME=serve works too), then Node clients (fetch, ws, a browser) against it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD, ensureDemoData } from "./lib/demo.ts";
import { freePort } from "./lib/ports.ts";
import { parseRuntime, startRuntime } from "./lib/runtime.ts";
import { startStack } from "./lib/stack.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = args.findIndex((a) => a === "--runtime" || a.startsWith("--runtime="));
const runtimeArg = flag < 0 ? undefined : args[flag]!.includes("=") ? args[flag]!.split("=")[1] : args[flag + 1];
if (flag >= 0) args.splice(flag, args[flag]!.includes("=") ? 1 : 2);
let kind;
try {
  kind = parseRuntime(runtimeArg ?? process.env.E2E_RUNTIME);
} catch (err) {
  console.error(`[e2e] ${(err as Error).message}`);
  process.exit(2);
}
console.log(`[e2e] runtime: ${kind === "dev" ? "wrangler dev" : "serve (production bundle on plain workerd)"}`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "edge-shop-e2e-"));
const stack = await startStack({ dataDir: path.join(dataDir, "pg"), persistent: false });
let code = 1;
try {
  await ensureDemoData(stack.postgres.url, { email: DEFAULT_ADMIN_EMAIL, password: DEFAULT_ADMIN_PASSWORD });
  const port = await freePort();
  const worker = await startRuntime(kind, {
    port,
    // SHOP_URL: the payment page sends the shopper back to this Worker, not to wrangler.toml's localhost:8787.
    bindings: { ...stack.workerBindings, JWT_SECRET: `e2e-${crypto.randomUUID()}-${crypto.randomUUID()}`, PASSWORD_PEPPER: "e2e-pepper-0123456789abcdef0123456789abcdef", SHOP_URL: `http://127.0.0.1:${port}` },
    persistTo: path.join(dataDir, "worker-state"),
    processGroup: true,
    timeoutMs: 120_000,
  });
  stack.stripe.setWebhookTarget(`${worker.url}/api/payments/stripe/webhook`);
  try {
    code = await new Promise<number>((resolve) => {
      const child = spawn(path.join(root, "node_modules", ".bin", "vitest"), ["run", "--config", "vitest.e2e.config.ts", ...args], {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, E2E_BASE_URL: worker.url, E2E_STRIPE_URL: stack.stripe.url, E2E_MAIL_URL: stack.mailSink.url, E2E_RUNTIME: kind, ADMIN_EMAIL: DEFAULT_ADMIN_EMAIL, ADMIN_PASSWORD: DEFAULT_ADMIN_PASSWORD },
      });
      child.on("exit", (c) => resolve(c ?? 1));
    });
  } finally {
    await worker.stop();
  }
} finally {
  await stack.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
