// A throwaway stack (Postgres, Redis, both bridges, migrations, demo data) in a process of its own,
// for measurements: the bridges' CPU then never lands in the process that generates the load.
// Run as a script it prints one JSON line ({ pid, workerBindings, databaseUrl, redisUrl }) and
// stops everything when its stdin closes or it gets SIGTERM/SIGINT.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD, ensureDemoData } from "../../scripts/lib/demo.ts";
import type { Stack } from "../../scripts/lib/stack.ts";

export interface StackInfo {
  pid: number;
  workerBindings: Stack["workerBindings"];
  databaseUrl: string;
  redisUrl: string;
}

const self = fileURLToPath(import.meta.url);

/** Starts the stack in a child process; stop() ends it and waits until everything is gone. */
export async function startStackProcess(): Promise<StackInfo & { process: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [self], { stdio: ["pipe", "pipe", "inherit"] });
  const info = await new Promise<StackInfo>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line) as StackInfo);
    });
    child.once("exit", (code) => reject(new Error(`the stack process exited (${code}) before it was ready`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.once("exit", () => child.kill("SIGKILL"));
  return {
    ...info,
    process: child,
    async stop() {
      child.stdin!.end();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}

if (process.argv[1] === self) {
  const { startStack } = await import("../../scripts/lib/stack.ts");
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "edge-shop-bench-"));
  const stack = await startStack({ dataDir: path.join(dataDir, "pg"), persistent: false });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.stdin.on("end", () => void stop());
  process.stdin.resume();
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  await ensureDemoData(stack.postgres.url, { email: DEFAULT_ADMIN_EMAIL, password: DEFAULT_ADMIN_PASSWORD });
  const info: StackInfo = { pid: process.pid, workerBindings: stack.workerBindings, databaseUrl: stack.postgres.url, redisUrl: stack.redis.url };
  console.log(JSON.stringify(info));
}
