// npm run test:e2e — the deployed path: a throwaway stack, `wrangler dev`, then Node clients (fetch, ws) against it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD, ensureDemoData } from "./lib/demo.ts";
import { freePort } from "./lib/ports.ts";
import { startStack } from "./lib/stack.ts";
import { startWranglerDev } from "./lib/wrangler.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "edge-shop-e2e-"));
const stack = await startStack({ dataDir: path.join(dataDir, "pg"), persistent: false });
let code = 1;
try {
  await ensureDemoData(stack.postgres.url, { email: DEFAULT_ADMIN_EMAIL, password: DEFAULT_ADMIN_PASSWORD });
  const port = await freePort();
  const wrangler = await startWranglerDev({
    port,
    bindings: { ...stack.workerBindings, JWT_SECRET: `e2e-${crypto.randomUUID()}-${crypto.randomUUID()}` },
    timeoutMs: 120_000,
  });
  try {
    code = await new Promise<number>((resolve) => {
      const child = spawn(path.join(root, "node_modules", ".bin", "vitest"), ["run", "--config", "vitest.e2e.config.ts", ...process.argv.slice(2)], {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, E2E_BASE_URL: wrangler.url, ADMIN_EMAIL: DEFAULT_ADMIN_EMAIL, ADMIN_PASSWORD: DEFAULT_ADMIN_PASSWORD },
      });
      child.on("exit", (c) => resolve(c ?? 1));
    });
  } finally {
    await wrangler.stop();
  }
} finally {
  await stack.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(code);
