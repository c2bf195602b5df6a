import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface WranglerDev {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Runs `wrangler dev` with the stack's bindings as --var flags; resolves once it is serving. */
export async function startWranglerDev(opts: {
  port: number;
  bindings: Record<string, string>;
  echo?: boolean;
  timeoutMs?: number;
}): Promise<WranglerDev> {
  const vars = Object.entries(opts.bindings).flatMap(([k, v]) => ["--var", `${k}:${v}`]);
  const child = spawn(path.join(root, "node_modules", ".bin", "wrangler"), ["dev", "--port", String(opts.port), "--ip", "127.0.0.1", "--show-interactive-dev-session=false", ...vars], {
    cwd: root,
    stdio: ["ignore", "pipe", opts.echo ? "inherit" : "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGINT");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  };
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`wrangler dev did not start within ${opts.timeoutMs ?? 60000} ms:\n${output.slice(-2000)}`)), opts.timeoutMs ?? 60000);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (opts.echo) process.stdout.write(chunk);
      output += chunk.toString();
      if (/Ready on/i.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`wrangler dev exited with ${code}:\n${output.slice(-2000)}`));
    });
  }).catch(async (err) => {
    await stop();
    throw err;
  });
  return { url: `http://127.0.0.1:${opts.port}`, process: child, stop };
}
