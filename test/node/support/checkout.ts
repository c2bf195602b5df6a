// A copy of this checkout somewhere else, for tests that run the project's own scripts as a user
// would (own .data/, .dev.vars, .wrangler/), without touching the real checkout.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * Copies the checkout's files (tracked and untracked, not ignored) to `target`. node_modules is a
 * folder of symlinks to this checkout's packages, except `copyPackages`, which are copied for real
 * (hard links where the file system allows), so their files resolve below `target`.
 */
export function makeCheckout(target: string, copyPackages: string[] = []): string {
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const file of files) {
    const from = path.join(repoRoot, file);
    if (!fs.existsSync(from)) continue; // deleted in the work tree
    fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    fs.copyFileSync(from, path.join(target, file));
  }
  const modules = path.join(target, "node_modules");
  fs.mkdirSync(modules, { recursive: true });
  const realModules = path.join(repoRoot, "node_modules");
  const copied = new Set(copyPackages);
  for (const entry of fs.readdirSync(realModules)) {
    const scoped = entry.startsWith("@") && [...copied].some((p) => p.startsWith(`${entry}/`));
    if (scoped) {
      fs.mkdirSync(path.join(modules, entry));
      for (const inner of fs.readdirSync(path.join(realModules, entry))) link(`${entry}/${inner}`);
    } else link(entry);
  }
  function link(name: string) {
    const from = path.join(realModules, name);
    const to = path.join(modules, name);
    if (copied.has(name)) {
      try {
        execFileSync("cp", ["-al", from, to]);
      } catch {
        fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
      }
    } else fs.symlinkSync(from, to);
  }
  return target;
}

/** The ids of every process whose process group is `pgid` (the whole tree of a detached child). */
export function processesInGroup(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid && fields[0] !== "Z") pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** Processes working in or started from `dir` (cwd below it, or it on their command line). */
export function processesUnder(dir: string): { pid: number; command: string }[] {
  const out: { pid: number; command: string }[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").trim();
      let cwd = "";
      try {
        cwd = fs.readlinkSync(`/proc/${entry}/cwd`);
      } catch {
        // a process of another user, or gone
      }
      if (command && (cwd === dir || cwd.startsWith(`${dir}/`) || command.includes(dir))) out.push({ pid: Number(entry), command });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Resolves with the output so far once `pattern` appears in it (rejects if the process exits first). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGKILL to the whole group, for cleanup after a failed assertion. */
  kill(): void;
}

/** Runs a script of the checkout with Node 22 in its own process group, collecting stdout and stderr. */
export function runScript(cwd: string, script: string, args: string[], env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, [script, ...args], { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const listeners = new Set<() => void>();
  const feed = (chunk: Buffer) => {
    output += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on("data", feed);
  child.stderr!.on("data", feed);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitFor(pattern, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(output)) {
            cleanup();
            resolve(output);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${output}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then((code) => {
          if (!listeners.has(check)) return;
          cleanup();
          if (pattern.test(output)) resolve(output);
          else reject(new Error(`exited (${code}) before ${pattern}; output:\n${output}`));
        });
        check();
      });
    },
    kill() {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // nothing left
      }
    },
  };
}

/** Environment for a script of the checkout: this one's, minus what would point it at another stack. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };
  for (const name of ["DATABASE_URL", "REDIS_URL", "PORT", "ADMIN_EMAIL", "ADMIN_PASSWORD", "NODE_OPTIONS", "VITEST", "VITEST_POOL_ID", "VITEST_WORKER_ID", "TEST"]) delete env[name];
  return { ...env, ...extra };
}
