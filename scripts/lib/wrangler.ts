import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startCronTicker } from "./cron.ts";
import { readWranglerToml } from "./wrangler-toml.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface WranglerDev {
  url: string;
  process: ChildProcess;
  /** Fires the Worker's scheduled handler now (what the cron ticker does each matching minute). */
  fireCron(cron: string): Promise<{ outcome: string }>;
  stop(): Promise<void>;
}

/** Runs `wrangler dev` with the stack's bindings as --var flags; resolves once it is serving. */
export async function startWranglerDev(opts: {
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
}): Promise<WranglerDev> {
  const vars = Object.entries(opts.bindings).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
  const persist = opts.persistTo ? ["--persist-to", opts.persistTo] : [];
  const child = spawn(path.join(root, "node_modules", ".bin", "wrangler"), ["dev", "--port", String(opts.port), "--ip", "127.0.0.1", "--show-interactive-dev-session=false", ...persist, ...vars], {
    cwd: root,
    stdio: ["ignore", "pipe", opts.echo ? "inherit" : "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    detached: opts.processGroup === true,
  });
  const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-child.pid!, signal);
      return true;
    } catch {
      return false; // no process left in the group
    }
  };
  // Last resort when the parent exits without stop(): leave no workerd listening.
  const killGroupOnExit = () => signalGroup("SIGKILL");
  if (opts.processGroup) process.once("exit", killGroupOnExit);
  let ticker: { stop(): void } | undefined;
  const stop = async () => {
    ticker?.stop();
    if (child.exitCode !== null || child.signalCode !== null) {
      if (opts.processGroup) {
        signalGroup("SIGKILL");
        process.off("exit", killGroupOnExit);
      }
      return;
    }
    const exited = new Promise((r) => child.once("exit", r));
    if (opts.processGroup) signalGroup("SIGINT");
    else child.kill("SIGINT");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    if (opts.processGroup) {
      // workerd may take a moment after wrangler; give it the same grace, then force it.
      for (let i = 0; i < 50 && signalGroup(0); i++) await new Promise((r) => setTimeout(r, 100));
      signalGroup("SIGKILL");
      process.off("exit", killGroupOnExit);
    }
  };
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`wrangler dev did not start within ${opts.timeoutMs ?? 60000} ms:\n${output.slice(-2000)}`)), opts.timeoutMs ?? 60000);
    let ready = false;
    child.stdout?.on("data", (chunk: Buffer) => {
      if (opts.echo) process.stdout.write(chunk);
      opts.onOutput?.(chunk.toString());
      if (ready) return;
      output += chunk.toString();
      if (/Ready on/i.test(output)) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      opts.onOutput?.(chunk.toString());
      if (!ready) output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`wrangler dev exited with ${code}:\n${output.slice(-2000)}`));
    });
  }).catch(async (err) => {
    await stop();
    throw err;
  });
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
  return { url, process: child, fireCron: (cron) => fireCron(cron), stop };
}
