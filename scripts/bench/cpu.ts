// npm run bench -- cpu [--seconds S] [--concurrency C] [--runtimes serve,dev]
// CPU per request of the Worker's runtime, the figure Cloudflare bills and limits: for `serve`
// (the production bundle on plain workerd) and `dev` (wrangler dev), utime + stime from
// /proc/<pid>/stat of workerd (and, for dev, every workerd under wrangler) before and after a fixed
// load (default 10 s at concurrency 10), plus requests/s and p50/p99. It starts what it needs
// itself: a throwaway stack in a process of its own, then serve, then dev, one after the other.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runLoad, processTree, readProc, type LoadRequest, type ProcInfo } from "../lib/load.ts";
import { freePort } from "../lib/ports.ts";
import { startRuntime, type RuntimeKind, type WorkerRuntime } from "../lib/runtime.ts";
import { startStackProcess } from "../lib/stack-process.ts";
import { ApiClient } from "./client.ts";
import { percentile, round, type Sample } from "./stats.ts";

export interface CpuRow {
  runtime: RuntimeKind;
  case: string;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** workerd process(es): the Worker's runtime. */
  workerdCpuMsPerRequest: number;
  /** dev only: wrangler's own Node process(es). */
  wranglerCpuMsPerRequest: number;
  /** The stack's Node bridges (Upstash REST, Neon ws→TCP) and this load generator, for context. */
  bridgesCpuMsPerRequest: number;
  loadGeneratorCpuMsPerRequest: number;
}

interface Case {
  name: string;
  request: (ctx: { productId: number; token: string }) => LoadRequest;
}

const hit = (status: number, headers: { [k: string]: string | string[] | undefined }) => status === 200 && headers["x-cache"] === "hit";
const CASES: Case[] = [
  { name: "cached product list", request: () => ({ path: "/api/products", check: hit }) },
  { name: "cached product detail", request: ({ productId }) => ({ path: `/api/products/${productId}`, check: hit }) },
  { name: "GET /health", request: () => ({ path: "/health", check: (s) => s === 200 }) },
  { name: "unknown route (404)", request: () => ({ path: "/no/such/route", check: (s) => s === 404 }) },
  { name: "authenticated GET /api/cart", request: ({ token }) => ({ path: "/api/cart", headers: { authorization: `Bearer ${token}` }, check: (s) => s === 200 }) },
];

const cpuOf = (procs: ProcInfo[]) => procs.reduce((sum, p) => sum + (readProc(p.pid)?.cpuMs ?? p.cpuMs), 0);

async function measureRuntime(kind: RuntimeKind, stack: Awaited<ReturnType<typeof startStackProcess>>, seconds: number, concurrency: number, log: (l: string) => void): Promise<CpuRow[]> {
  const state = fs.mkdtempSync(path.join(os.tmpdir(), `edge-shop-cpu-${kind}-`));
  let worker: WorkerRuntime | null = null;
  try {
    worker = await startRuntime(kind, {
      port: await freePort(),
      bindings: { ...stack.workerBindings, JWT_SECRET: `bench-${crypto.randomUUID()}-${crypto.randomUUID()}` },
      persistTo: state,
      processGroup: true,
      timeoutMs: 120_000,
    });
    log(`${kind}: ready on ${worker.url}`);
    const api = new ApiClient(worker.url);
    const email = `cpu-${kind}-${Date.now().toString(36)}@example.com`;
    const { token } = await api.user(email);
    const list = await api.call("GET", "/api/products?page_size=1");
    const productId = list.body.results[0].id as number;
    const add = await api.call("POST", "/api/cart/items", { token, body: { product_id: productId, quantity: 2 } });
    if (add.status !== 200) throw new Error(`add to cart: ${add.status} ${JSON.stringify(add.body)}`);
    const rows: CpuRow[] = [];
    for (const c of CASES) {
      const req = c.request({ productId, token });
      // Warm-up: fills the cache entry and lets V8 optimise the path before the clock starts.
      await runLoad(worker.url, req, 1.5, concurrency);
      const tree = processTree(worker.process.pid!);
      const workerd = tree.filter((p) => p.comm === "workerd");
      const others = tree.filter((p) => p.comm !== "workerd");
      const bridges = [readProc(stack.pid)!];
      const before = { workerd: cpuOf(workerd), others: cpuOf(others), bridges: cpuOf(bridges), self: process.cpuUsage() };
      const load = await runLoad(worker.url, req, seconds, concurrency);
      const self = process.cpuUsage(before.self);
      const per = (ms: number) => Math.round((ms / Math.max(load.requests, 1)) * 1000) / 1000;
      const row: CpuRow = {
        runtime: kind,
        case: c.name,
        requests: load.requests,
        seconds: round(load.seconds),
        rps: round(load.requests / load.seconds),
        p50: round(percentile(load.latencies, 50)),
        p95: round(percentile(load.latencies, 95)),
        p99: round(percentile(load.latencies, 99)),
        errors: load.errors,
        workerdCpuMsPerRequest: per(cpuOf(workerd) - before.workerd),
        wranglerCpuMsPerRequest: per(cpuOf(others) - before.others),
        bridgesCpuMsPerRequest: per(cpuOf(bridges) - before.bridges),
        loadGeneratorCpuMsPerRequest: per((self.user + self.system) / 1000),
      };
      rows.push(row);
      log(`${kind}: ${c.name}: ${row.workerdCpuMsPerRequest} ms CPU/request (workerd), ${row.rps} req/s, p50 ${row.p50} / p99 ${row.p99} ms, ${row.errors} wrong answers`);
    }
    return rows;
  } finally {
    await worker?.stop();
    fs.rmSync(state, { recursive: true, force: true });
  }
}

/** The comparison table: one row per case, serve and dev side by side. */
export function cpuTable(rows: CpuRow[]): string {
  const get = (kind: RuntimeKind, name: string) => rows.find((r) => r.runtime === kind && r.case === name);
  const ms = (v: number | undefined) => (v === undefined ? "–" : v.toFixed(3));
  const lines = [
    "| request | serve: workerd CPU ms/req | serve req/s | serve p50 / p99 ms | dev: workerd CPU ms/req | dev: + wrangler | dev req/s | dev p50 / p99 ms | dev / serve CPU |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const c of CASES) {
    const s = get("serve", c.name);
    const d = get("dev", c.name);
    const ratio = s && d && s.workerdCpuMsPerRequest > 0 ? `${(d.workerdCpuMsPerRequest / s.workerdCpuMsPerRequest).toFixed(1)}×` : "–";
    lines.push(
      `| ${c.name} | ${ms(s?.workerdCpuMsPerRequest)} | ${s ? Math.round(s.rps) : "–"} | ${s ? `${s.p50} / ${s.p99}` : "–"} | ${ms(d?.workerdCpuMsPerRequest)} | ${ms(d?.wranglerCpuMsPerRequest)} | ${d ? Math.round(d.rps) : "–"} | ${d ? `${d.p50} / ${d.p99}` : "–"} | ${ratio} |`,
    );
  }
  return lines.join("\n");
}

export async function cpuBench(opts: { seconds: number; concurrency: number; runtimes: RuntimeKind[]; samples: Sample[]; findings: Record<string, unknown> }): Promise<void> {
  const log = (l: string) => console.log(`[cpu] ${l}`);
  log(`starting a throwaway stack; then ${opts.runtimes.join(", then ")}; ${opts.seconds} s per request kind at concurrency ${opts.concurrency}`);
  const stack = await startStackProcess();
  const rows: CpuRow[] = [];
  try {
    for (const kind of opts.runtimes) rows.push(...(await measureRuntime(kind, stack, opts.seconds, opts.concurrency, log)));
  } finally {
    await stack.stop();
  }
  for (const r of rows) {
    opts.samples.push({
      name: `cpu ${r.runtime}: ${r.case}`,
      requests: r.requests,
      concurrency: opts.concurrency,
      p50: r.p50,
      p95: r.p95,
      p99: r.p99,
      rps: r.rps,
      errors: r.errors,
      notes: `workerd ${r.workerdCpuMsPerRequest} ms CPU/req${r.runtime === "dev" ? `, wrangler ${r.wranglerCpuMsPerRequest}` : ""}; bridges ${r.bridgesCpuMsPerRequest}, load generator ${r.loadGeneratorCpuMsPerRequest}`,
    });
  }
  const table = cpuTable(rows);
  console.log(`\nCPU per request (${opts.seconds} s per row at concurrency ${opts.concurrency}):\n\n${table}\n`);
  opts.findings.cpu = { seconds: opts.seconds, concurrency: opts.concurrency, rows, table };
  if (rows.some((r) => r.errors > 0)) process.exitCode = 1;
}
