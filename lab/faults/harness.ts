// Shared pieces of the fault-injection scenarios (lab/faults.ts): the worker
// process that can be restarted, the Worker's log, counts and the summary table.
import fs from "node:fs";
import pg from "pg";
import type { ApiClient, Res } from "../lib/api-client.ts";
import { freePort, waitForPort } from "../../scripts/lib/ports.ts";
import type { Stack } from "../../scripts/lib/stack.ts";
import { buildBundle } from "../../scripts/lib/bundle.ts";
import { startRuntime, type RuntimeKind, type WorkerRuntime } from "../../scripts/lib/runtime.ts";
import type { RestEndpoint } from "./rest-endpoint.ts";

/** Set once the run is being torn down (Ctrl-C, failure): from then on nothing may be started. */
export const shutdown = { requested: false };

/** Call before (re)starting any server: after Ctrl-C the cleanup must not race a fresh process. */
export function assertNotShuttingDown(what: string): void {
  if (shutdown.requested) throw new Error(`not starting ${what}: shutting down`);
}

/** Milliseconds on one monotonic clock for the whole run. */
export const now = (): number => performance.now();
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
export const fmtMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

export { ApiClient, type Res } from "../lib/api-client.ts";

/** Throws with the answer when the status is not the expected one (setup steps only). */
export function expectStatus(res: Res, ...statuses: number[]): Res {
  if (!statuses.includes(res.status)) throw new Error(`${res.method} ${res.path}: expected ${statuses.join("/")}, got ${res.status} ${res.text.slice(0, 300) || res.error}`);
  return res;
}

/** Reads a catalog path until it answers `X-Cache: hit` (a few tries); false when it never did. */
export async function readUntilHit(http: ApiClient, path: string): Promise<boolean> {
  for (let i = 0; i < 5; i++) {
    if (expectStatus(await http.req("GET", path), 200).headers.get("x-cache") === "hit") return true;
    await sleep(50);
  }
  return false;
}

/** A serial section per key: writes to one product never overlap, so each has an exact before/after. */
export class Lock {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}

/** No stack frames, no SQL: what a problem body must never contain. */
export function leaksInternals(text: string): string | null {
  const patterns: [string, RegExp][] = [
    ["stack frame", /\bat [\w.<>$]+ \(|\bat (file|node):|\.(ts|js|mjs):\d+:\d+/],
    ["SQL", /\b(select\s+[\w"*]|insert\s+into|update\s+"?\w+"?\s+set|delete\s+from|Failed query)\b/i],
    ["driver detail", /\b(ECONNREFUSED|NeonDbError|ErrorEvent|PostgresError|pg_|neondatabase)\b/],
  ];
  for (const [name, re] of patterns) if (re.test(text)) return name;
  return null;
}

/** A direct connection to the stack's Postgres: the ground truth the scenarios compare against. */
export async function withPg<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  // A server going away must fail the query, not crash the process with an unhandled 'error'.
  client.on("error", () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Collects the Worker's console output; error lines are kept per scenario for the report. */
export class WorkerLog {
  private partial = "";
  scenario = "setup";
  readonly errors = new Map<string, string[]>();
  readonly warnings = new Map<string, number>();
  /** The last lines of output, for explaining a crash. */
  readonly tail: string[] = [];
  private readonly file: string | undefined;

  /** With `file`, every chunk is also appended there (FAULTS_WORKER_LOG=path). */
  constructor(file?: string) {
    this.file = file;
  }

  feed(chunk: string) {
    if (this.file) fs.appendFileSync(this.file, chunk.replace(/^/gm, `[${(now() / 1000).toFixed(3)}] `));
    const text = this.partial + chunk;
    const lines = text.split("\n");
    this.partial = lines.pop() ?? "";
    for (const raw of lines) {
      // eslint-disable-next-line no-control-regex
      const line = raw.replace(/\x1b\[[0-9;]*m/g, "");
      this.tail.push(line);
      if (this.tail.length > 200) this.tail.shift();
      if (/"level":"error"|✘|\bUncaught\b|Error:/.test(line) && !/ECONNREFUSED.*bridge/.test(line)) {
        const list = this.errors.get(this.scenario) ?? [];
        list.push(line.trim().slice(0, 400));
        this.errors.set(this.scenario, list);
      } else if (/"level":"warn"/.test(line)) {
        this.warnings.set(this.scenario, (this.warnings.get(this.scenario) ?? 0) + 1);
      }
    }
  }

  /** Distinct error lines of a scenario and its phases (request ids and ids folded), most frequent first. */
  summary(scenario: string, limit = 8): string[] {
    const counts = new Map<string, number>();
    const lines = [...this.errors.entries()].filter(([k]) => k === scenario || k.startsWith(`${scenario} `)).flatMap(([k, list]) => list.map((l) => `[${k}] ${l}`));
    for (const line of lines) {
      const key = line
        .replace(/"requestId":"[^"]*"/, '"requestId":"…"')
        .replace(/\/\d+/g, "/N")
        .replace(/\] .*?(\{"level")/, "] $1");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([line, n]) => `${n} × ${line}`);
  }
}

/**
 * The Worker for this run, in `wrangler dev` or `serve`'s workerd (--runtime): own process group,
 * own state dir, restartable on the same port and bindings (serve reuses the bundle it built).
 */
export class Worker {
  private current: WorkerRuntime | null = null;
  private bundleDir: string | undefined;
  /** Exits of wrangler that nobody asked for (a crash), with the output before them. */
  readonly crashes: { at: number; how: string; tail: string[] }[] = [];
  readonly port: number;
  readonly url: string;
  private bindings: Record<string, string>;
  private readonly stackBindings: Record<string, string>;
  private readonly persistTo: string;
  private readonly log: WorkerLog;
  readonly kind: RuntimeKind;

  private constructor(kind: RuntimeKind, port: number, bindings: Record<string, string>, persistTo: string, log: WorkerLog) {
    this.kind = kind;
    this.port = port;
    this.url = `http://127.0.0.1:${port}`;
    this.bindings = bindings;
    this.stackBindings = bindings;
    this.persistTo = persistTo;
    this.log = log;
  }

  static async start(stack: Stack, persistTo: string, log: WorkerLog, kind: RuntimeKind = "dev", extra: Record<string, string> = {}): Promise<Worker> {
    const bindings = { ...stack.workerBindings, JWT_SECRET: `faults-${crypto.randomUUID()}-${crypto.randomUUID()}`, PASSWORD_PEPPER: "faults-pepper-0123456789abcdef0123456789abcdef", ...extra };
    const worker = new Worker(kind, await freePort(), bindings, persistTo, log);
    if (kind === "serve") worker.bundleDir = await buildBundle(`${persistTo}-bundle`);
    await worker.launch();
    return worker;
  }

  private async launch() {
    assertNotShuttingDown(this.kind === "dev" ? "wrangler dev" : "workerd");
    this.current = await startRuntime(this.kind, {
      bundleDir: this.bundleDir,
      port: this.port,
      bindings: this.bindings,
      persistTo: this.persistTo,
      processGroup: true,
      timeoutMs: 120_000,
      onOutput: (chunk) => this.log.feed(chunk),
    });
    if (shutdown.requested) {
      // Ctrl-C came while it was starting: the cleanup may already have passed it by.
      await this.stop();
      throw new Error("shutting down");
    }
    const child = this.current.process;
    child.once("exit", (code, signal) => {
      // stop() forgets the handle first, so an exit while it is still current is a crash.
      if (this.current?.process !== child) return;
      this.crashes.push({ at: now(), how: signal ? `signal ${signal}` : `exit code ${code}`, tail: this.log.tail.slice(-40) });
    });
  }

  /** False once wrangler has exited by itself (or was stopped). */
  get alive(): boolean {
    const child = this.current?.process;
    return !!child && child.exitCode === null && child.signalCode === null;
  }

  /** After a crash: a new wrangler on the same port, so the remaining scenarios can still run. */
  async revive(): Promise<void> {
    if (this.alive) return;
    await this.stop();
    await this.launch();
  }

  /** Fires the Worker's scheduled handler now, as the runtime's minute ticker does (scripts/lib/cron.ts). */
  async fireCron(cron = "* * * * *"): Promise<{ outcome: string }> {
    if (!this.current) throw new Error("no Worker running to fire the cron on");
    return this.current.fireCron(cron);
  }

  get pid(): number | undefined {
    return this.current?.process.pid;
  }

  /** Stops wrangler and its workerd (the whole process group) and waits until the port is closed. */
  async stop(): Promise<void> {
    const running = this.current;
    this.current = null;
    if (!running) return;
    await running.stop();
    await this.portClosed();
  }

  private async portClosed(): Promise<void> {
    const deadline = now() + 10_000;
    while (now() < deadline && (await isListening(this.port))) await sleep(100);
  }

  /**
   * Kills the runtime's whole process group at once (SIGKILL), like a machine losing power: requests
   * in flight die with it and nothing drains (stop() lets workerd drain, and a Worker then finishes
   * what it was doing). Not counted as a crash. Start it again with revive().
   */
  async kill(): Promise<void> {
    const running = this.current;
    this.current = null;
    if (!running) return;
    const child = running.process;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL"); // no group (already gone)
      }
      await Promise.race([exited, sleep(5000)]);
    }
    await running.stop();
    await this.portClosed();
  }

  /**
   * A restart with some bindings pointed elsewhere (a scenario's own proxy in front of a service);
   * `restartWith({})` puts the stack's own back.
   */
  async restartWith(overrides: Record<string, string>): Promise<{ stopMs: number; startMs: number }> {
    this.bindings = { ...this.stackBindings, ...overrides };
    return this.restart();
  }

  /** Stop, then a new `wrangler dev` on the same port with the same bindings (every Durable Object and socket is gone). */
  async restart(): Promise<{ stopMs: number; startMs: number }> {
    const t0 = now();
    await this.stop();
    const t1 = now();
    await this.launch();
    return { stopMs: t1 - t0, startMs: now() - t1 };
  }
}

export async function isListening(port: number): Promise<boolean> {
  try {
    await waitForPort("127.0.0.1", port, 1);
    return true;
  } catch {
    return false;
  }
}

/** One line of the final table; with `mustBeZero`, a value other than 0 fails the run. */
export type Count = { label: string; value: number; mustBeZero: true } | { label: string; value: number | string; mustBeZero?: false };

export interface ScenarioResult {
  name: string;
  counts: Count[];
  /** Findings worth a sentence in the report (timings, doubts), printed under the table. */
  notes: string[];
  ms: number;
}

export function failed(result: ScenarioResult): Count[] {
  return result.counts.filter((c) => c.mustBeZero && c.value !== 0);
}

export function summaryTable(results: ScenarioResult[]): string {
  const rows: string[][] = [["scenario", "count", "value", "must be 0", ""]];
  for (const r of results) {
    for (const c of r.counts) {
      const bad = c.mustBeZero && c.value !== 0;
      rows.push([r.name, c.label, String(c.value), c.mustBeZero ? "yes" : "", bad ? "FAIL" : ""]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ");
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

export interface Ctx {
  stack: Stack;
  worker: Worker;
  http: ApiClient;
  workerLog: WorkerLog;
  adminToken: string;
  runId: string;
  log: (line: string) => void;
  /** Runs at exit (also on failure and Ctrl-C), before the stack stops: for anything a scenario starts itself. */
  onCleanup: (fn: () => Promise<void>) => void;
  /** The Worker's Upstash REST port: the stack's bridge, or a stand-in while a scenario injects a fault. */
  rest: RestEndpoint;
  /** Admins changing order statuses at once in the sockets scenario (`--admin-lanes`). */
  adminLanes: number;
  /** How long the mail scenario keeps the mail provider down, in seconds (`--mail-outage`). */
  mailOutageSeconds: number;
  /** The Worker's EMAIL_RETRY_BASE_SECONDS in this run (a tenth of the outage: see mailRetryBaseSeconds). */
  mailRetryBaseSeconds: number;
}

/**
 * The mail retry base for a mail outage of `outageSeconds`: a tenth of it (at least 2 s), so the
 * longest-failing mail crosses about three backoffs during the outage and never runs out of its 8
 * attempts (2 s for the CI run's 20 s, the production 30 s for the five minutes).
 */
export function mailRetryBaseSeconds(outageSeconds: number): number {
  return Math.max(2, Math.round(outageSeconds / 10));
}
