import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startCronTicker } from "./cron.ts";
import { RuntimeProcess } from "./runtime-process.ts";
import { readWranglerToml } from "./wrangler-toml.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface WranglerDev {
  url: string;
  process: ChildProcess;
  /** Fires the Worker's scheduled handler now (what the cron ticker does each matching minute). */
  fireCron(cron: string): Promise<{ outcome: string }>;
  stop(): Promise<void>;
}

export interface WranglerDevOptions {
  port: number;
  bindings: Record<string, string>;
  echo?: boolean;
  timeoutMs?: number;
  /** Local state (Durable Objects, ...) goes here instead of .wrangler/state (`--persist-to`). */
  persistTo?: string;
  /**
   * Run wrangler in its own process group and signal the whole group on stop(), so its workerd
   * child can never outlive it. The caller then owns Ctrl-C handling (the terminal's SIGINT no
   * longer reaches wrangler directly) and must call stop().
   */
  processGroup?: boolean;
  /** Every chunk wrangler writes (stdout and stderr), also after it is ready: the Worker's logs. */
  onOutput?: (chunk: string) => void;
}

/** `wrangler dev` on 127.0.0.1:port, with the bindings as --var flags. */
function spawnWrangler(opts: WranglerDevOptions): RuntimeProcess {
  const vars = Object.entries(opts.bindings).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
  const persist = opts.persistTo ? ["--persist-to", opts.persistTo] : [];
  const child = spawn(path.join(root, "node_modules", ".bin", "wrangler"), ["dev", "--port", String(opts.port), "--ip", "127.0.0.1", "--show-interactive-dev-session=false", ...persist, ...vars], {
    cwd: root,
    stdio: ["ignore", "pipe", opts.echo ? "inherit" : "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    detached: opts.processGroup === true,
  });
  return new RuntimeProcess(child, opts.processGroup === true);
}

/** SIGINT, 5 s of grace, then SIGKILL; in a process group, the same grace for what wrangler leaves behind. */
async function stopWrangler(proc: RuntimeProcess): Promise<void> {
  if (proc.exited()) {
    if (proc.group) proc.signal("SIGKILL");
    return;
  }
  proc.signal("SIGINT");
  await proc.exitWithin(5000);
  if (!proc.exited()) proc.child.kill("SIGKILL");
  if (proc.group) {
    // workerd may take a moment after wrangler; give it the same grace, then force it.
    await proc.groupGoneWithin(5000);
    proc.signal("SIGKILL");
  }
}

/**
 * Passes wrangler's output on (echo, onOutput) and resolves once it says "Ready on"; the output
 * until then is in the errors for a wrangler that exits or never gets ready.
 */
async function wranglerReady(proc: RuntimeProcess, opts: WranglerDevOptions, stop: () => Promise<void>): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 60000;
  let output = "";
  await proc.ready({
    timeoutMs,
    timeout: () => new Error(`wrangler dev did not start within ${timeoutMs} ms:\n${output.slice(-2000)}`),
    exit: (code) => new Error(`wrangler dev exited with ${code}:\n${output.slice(-2000)}`),
    stop,
    watch: (ready) => {
      let seen = false;
      proc.child.stdout?.on("data", (chunk: Buffer) => {
        if (opts.echo) process.stdout.write(chunk);
        opts.onOutput?.(chunk.toString());
        if (seen) return;
        output += chunk.toString();
        if (/Ready on/i.test(output)) {
          seen = true;
          ready();
        }
      });
      proc.child.stderr?.on("data", (chunk: Buffer) => {
        opts.onOutput?.(chunk.toString());
        if (!seen) output += chunk.toString();
      });
    },
  });
}

/** Runs `wrangler dev` with the stack's bindings as --var flags; resolves once it is serving. */
export async function startWranglerDev(opts: WranglerDevOptions): Promise<WranglerDev> {
  const proc = spawnWrangler(opts);
  // Last resort when the parent exits without stop(): leave no workerd listening.
  const disarmExitKill = opts.processGroup ? proc.killOnParentExit() : () => undefined;
  let ticker: { stop(): void } | undefined;
  const stop = async () => {
    ticker?.stop();
    await stopWrangler(proc);
    disarmExitKill();
  };
  await wranglerReady(proc, opts, stop);
  const url = `http://127.0.0.1:${opts.port}`;
  // wrangler dev never fires [triggers] crons by itself; its /cdn-cgi/local/scheduled endpoint (always
  // on in wrangler 4, unlike --test-scheduled's /__scheduled, which adds middleware to the bundle) does.
  const fireCron = async (cron: string, time = Date.now()) => {
    const res = await fetch(`${url}/cdn-cgi/local/scheduled?cron=${encodeURIComponent(cron)}&time=${time}&format=json`, { signal: AbortSignal.timeout(60_000) });
    return (await res.json()) as { outcome: string };
  };
  ticker = startCronTicker(readWranglerToml(path.join(root, "wrangler.toml")).crons, async (cron, time) => {
    await fireCron(cron, time);
  });
  return { url, process: proc.child, fireCron: (cron) => fireCron(cron), stop };
}
