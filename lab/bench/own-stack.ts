// A throwaway stack in a process of its own (lab/lib/stack-process.ts) and the Worker on
// `npm run serve`'s runtime on it, as `npm run bench -- cpu` starts them: for the sections that
// must not run against a shared `npm run dev` (mixed, payments). The stack process has the demo
// admin; the Stripe stand-in's webhooks are pointed at this Worker.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ApiClient } from "../lib/api-client.ts";
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD } from "../../scripts/lib/demo.ts";
import { freePort } from "../../scripts/lib/ports.ts";
import { startRuntime, type RuntimeKind, type WorkerRuntime } from "../../scripts/lib/runtime.ts";
import { startStackProcess, type StackInfo } from "../lib/stack-process.ts";

export interface OwnStack {
  stack: StackInfo;
  worker: WorkerRuntime;
  api: ApiClient;
  adminToken: string;
  /** The Stripe stand-in's base URL (its /__stand-in control endpoints are there). */
  stripeUrl: string;
  stop(): Promise<void>;
}

export async function startOwnStack(name: string, log: (line: string) => void): Promise<OwnStack> {
  log("starting a throwaway stack (Postgres, Redis, bridges, stand-ins)…");
  const stack = await startStackProcess();
  const state = fs.mkdtempSync(path.join(os.tmpdir(), `edge-shop-${name}-`));
  let worker: WorkerRuntime | null = null;
  const stop = async () => {
    await worker?.stop().catch(() => undefined);
    await stack.stop();
    fs.rmSync(state, { recursive: true, force: true });
  };
  try {
    worker = await startBenchRuntime("serve", stack, state);
    log(`serve (workerd) ready on ${worker.url}`);
    const stripeUrl = stack.workerBindings.STRIPE_API_BASE;
    const target = await fetch(`${stripeUrl}/__stand-in/webhook-target`, { method: "POST", body: JSON.stringify({ url: `${worker.url}/api/payments/stripe/webhook` }) });
    if (!target.ok) throw new Error(`stripe stand-in webhook target: ${target.status}`);
    const api = new ApiClient(worker.url);
    const adminToken = await api.login(DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD);
    return { stack, worker, api, adminToken, stripeUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The Worker on `kind` over `stack`, with throwaway secrets, for a measurement. */
export async function startBenchRuntime(kind: RuntimeKind, stack: { workerBindings: Record<string, string> }, state: string): Promise<WorkerRuntime> {
  return startRuntime(kind, {
    port: await freePort(),
    bindings: { ...stack.workerBindings, JWT_SECRET: `bench-${crypto.randomUUID()}-${crypto.randomUUID()}`, PASSWORD_PEPPER: "bench-pepper-0123456789abcdef0123456789abcdef" },
    persistTo: state,
    processGroup: true,
    timeoutMs: 120_000,
    // The Worker's own cost: Cloudflare serves [assets] outside it (and does not bill that).
    assets: false,
  });
}
