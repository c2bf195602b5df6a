// The two local runtimes of the Worker behind one interface: `dev` (wrangler dev: dev proxy, live
// reload) and `serve` (the production bundle on plain workerd). Scripts that run the acceptance
// suites take `--runtime dev|serve` and start either.
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildAssets, buildBundle } from "./bundle.ts";
import { StartupError } from "./startup-error.ts";
import { startWorkerd } from "./workerd.ts";
import { readWranglerToml, type WorkerConfig } from "./wrangler-toml.ts";
import { startWranglerDev, type WranglerDevOptions } from "./wrangler.ts";

export const RUNTIMES = ["dev", "serve"] as const;
export type RuntimeKind = (typeof RUNTIMES)[number];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface WorkerRuntime {
  kind: RuntimeKind;
  url: string;
  port: number;
  /** wrangler (dev) or workerd (serve). */
  process: ChildProcess;
  fireCron(cron: string): Promise<{ outcome: string }>;
  stop(): Promise<void>;
}

/** What both runtimes take (see WranglerDevOptions); `persistTo` holds, for serve, also the bundle and generated config. */
export interface RuntimeOptions extends WranglerDevOptions {
  /** serve: a bundle built before (restarts reuse it); built into persistTo otherwise. */
  bundleDir?: string;
  /**
   * serve: put the [assets] stand-in (a router Worker in front of the shop's) in place; default true.
   * The CPU benchmark leaves it out: on Cloudflare, assets are served outside the Worker and not billed.
   */
  assets?: boolean;
}

export function parseRuntime(value: string | undefined): RuntimeKind {
  const kind = value ?? "dev";
  if (!(RUNTIMES as readonly string[]).includes(kind)) throw new StartupError(`Unknown runtime ${JSON.stringify(kind)}: choose ${RUNTIMES.join(" or ")}.`);
  return kind as RuntimeKind;
}

/** wrangler.toml, refusing (in one line) what `serve` cannot reproduce. */
export function serveConfig(): WorkerConfig {
  const config = readWranglerToml(path.join(root, "wrangler.toml"));
  if (config.unsupported.length) {
    throw new StartupError(`npm run serve cannot reproduce ${config.unsupported.join(", ")} from wrangler.toml yet; use npm run dev, or teach scripts/lib/workerd.ts.`);
  }
  return config;
}

export async function startRuntime(kind: RuntimeKind, opts: RuntimeOptions): Promise<WorkerRuntime> {
  if (kind === "dev") {
    buildAssets();
    const dev = await startWranglerDev(opts);
    return { kind, url: dev.url, port: opts.port, process: dev.process, fireCron: dev.fireCron, stop: dev.stop };
  }
  const config = opts.assets === false ? { ...serveConfig(), assets: null } : serveConfig();
  const state = opts.persistTo ?? path.join(root, ".data", "serve");
  const bundleDir = opts.bundleDir ?? (await buildBundle(path.join(state, "workerd", "bundle"), { echo: opts.echo }));
  const w = await startWorkerd({
    config,
    bundleDir,
    bindings: opts.bindings,
    port: opts.port,
    stateDir: path.join(state, "durable-objects"),
    runDir: path.join(state, "workerd"),
    echo: opts.echo,
    onOutput: opts.onOutput,
    processGroup: opts.processGroup,
    timeoutMs: opts.timeoutMs,
  });
  return { kind, url: w.url, port: w.port, process: w.process, fireCron: w.fireCron, stop: w.stop };
}
