// npm run bench -- cpu [--seconds S] [--concurrency C] [--runtimes serve,dev]
// CPU per request of the Worker's runtime, the figure Cloudflare bills and limits: for `serve`
// (the production bundle on plain workerd) and `dev` (wrangler dev), utime + stime from
// /proc/<pid>/stat of workerd (and, for dev, every workerd under wrangler) before and after a fixed
// load (default 10 s at concurrency 10), plus requests/s and p50/p99. It starts what it needs
// itself: a throwaway stack in a process of its own, then serve, then dev, then the plain-workerd
// floors (below), one after the other.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runLoad, processTree, readProc, type LoadRequest, type ProcInfo } from "../lib/load.ts";
import { serveConfig, type RuntimeKind, type WorkerRuntime } from "../../scripts/lib/runtime.ts";
import { startWorkerd } from "../../scripts/lib/workerd.ts";
import { startStackProcess } from "../lib/stack-process.ts";
import { ApiClient } from "../lib/api-client.ts";
import { startBenchRuntime } from "./own-stack.ts";
import { round, spread, type Sample } from "./stats.ts";

export interface CpuRow {
  runtime: RuntimeKind | "floor";
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
  /** Redis round trips of the path (for "minus the floor"); undefined when it also talks to Postgres. */
  roundTrips?: number;
  request: (ctx: { productId: number; token: string }) => LoadRequest;
}

const hit = (status: number, headers: { [k: string]: string | string[] | undefined }) => status === 200 && headers["x-cache"] === "hit";
const CASES: Case[] = [
  { name: "cached product list", roundTrips: 1, request: () => ({ path: "/api/products", check: hit }) },
  { name: "cached product detail", roundTrips: 1, request: ({ productId }) => ({ path: `/api/products/${productId}`, check: hit }) },
  { name: "GET /health", request: () => ({ path: "/health", check: (s) => s === 200 }) },
  { name: "unknown route (404)", roundTrips: 0, request: () => ({ path: "/no/such/route", check: (s) => s === 404 }) },
  { name: "authenticated GET /api/cart", request: ({ token }) => ({ path: "/api/cart", headers: { authorization: `Bearer ${token}` }, check: (s) => s === 200 }) },
];

const cpuOf = (procs: ProcInfo[]) => procs.reduce((sum, p) => sum + (readProc(p.pid)?.cpuMs ?? p.cpuMs), 0);

/** One fixed load against `url`, with the CPU of `procs` (workerd, then the rest) and of the stack before and after. */
async function measureCase(runtime: CpuRow["runtime"], name: string, url: string, pid: number, stackPid: number, req: LoadRequest, seconds: number, concurrency: number): Promise<CpuRow> {
  // Warm-up: fills the cache entry and lets V8 optimise the path before the clock starts.
  await runLoad(url, req, 1.5, concurrency);
  const tree = processTree(pid);
  const workerd = tree.filter((p) => p.comm === "workerd");
  const others = tree.filter((p) => p.comm !== "workerd");
  const bridges = [readProc(stackPid)!];
  const before = { workerd: cpuOf(workerd), others: cpuOf(others), bridges: cpuOf(bridges), self: process.cpuUsage() };
  const load = await runLoad(url, req, seconds, concurrency);
  const self = process.cpuUsage(before.self);
  const per = (ms: number) => Math.round((ms / Math.max(load.requests, 1)) * 1000) / 1000;
  return {
    runtime,
    case: name,
    requests: load.requests,
    seconds: round(load.seconds),
    rps: round(load.requests / load.seconds),
    ...spread(load.latencies),
    errors: load.errors,
    workerdCpuMsPerRequest: per(cpuOf(workerd) - before.workerd),
    wranglerCpuMsPerRequest: per(cpuOf(others) - before.others),
    bridgesCpuMsPerRequest: per(cpuOf(bridges) - before.bridges),
    loadGeneratorCpuMsPerRequest: per((self.user + self.system) / 1000),
  };
}

// What plain workerd costs before any of the shop's code runs: an empty Worker answering 404, the
// same Worker making the cache hit's one round trip (the Upstash pipeline of two GETs), and that
// round trip carrying as many bytes as the cached list's answer, parsed and answered as the body:
// the least any Worker serving that page from Upstash does.
const FLOOR_PAGE_KEY = "floor:page";
const FLOOR_WORKER = `export default {
  async fetch(request, env) {
    const path = new URL(request.url).pathname;
    if (path !== "/redis" && path !== "/redis-page") return new Response("Not Found", { status: 404 });
    const key = path === "/redis" ? "floor" : "${FLOOR_PAGE_KEY}";
    const res = await fetch(env.UPSTASH_REDIS_REST_URL + "/pipeline", { method: "POST", headers: { authorization: "Bearer " + env.UPSTASH_REDIS_REST_TOKEN }, body: '[["GET","catalog:ver"],["GET","' + key + '"]]' });
    if (path === "/redis") return new Response(await res.text(), { headers: { "content-type": "application/json" } });
    const [, page] = await res.json();
    return new Response(page.result, { headers: { "content-type": "application/json" } });
  },
};`;

/** Stores `bytes` characters of JSON under the page floor's key, through the Upstash REST endpoint. */
async function storeFloorPage(bindings: Record<string, string>, bytes: number): Promise<void> {
  const body = JSON.stringify({ results: "x".repeat(Math.max(bytes - 16, 0)) });
  const res = await fetch(`${bindings.UPSTASH_REDIS_REST_URL}/pipeline`, { method: "POST", headers: { authorization: `Bearer ${bindings.UPSTASH_REDIS_REST_TOKEN}` }, body: JSON.stringify([["SET", FLOOR_PAGE_KEY, body]]) });
  if (!res.ok) throw new Error(`storing the page floor's value: ${res.status} ${await res.text()}`);
}

async function measureFloor(stack: Awaited<ReturnType<typeof startStackProcess>>, pageBytes: number | undefined, seconds: number, concurrency: number, log: (l: string) => void): Promise<CpuRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "edge-shop-cpu-floor-"));
  const real = serveConfig();
  fs.mkdirSync(path.join(dir, "bundle"));
  fs.writeFileSync(path.join(dir, "bundle", "index.js"), FLOOR_WORKER);
  const w = await startWorkerd({
    config: { ...real, root: dir, name: "floor", main: path.join(dir, "index.js"), vars: {}, durableObjects: [], sqliteClasses: new Set(), crons: [], assets: null, unsupported: [] },
    bundleDir: path.join(dir, "bundle"),
    bindings: { UPSTASH_REDIS_REST_URL: stack.workerBindings.UPSTASH_REDIS_REST_URL, UPSTASH_REDIS_REST_TOKEN: stack.workerBindings.UPSTASH_REDIS_REST_TOKEN },
    port: 0,
    stateDir: path.join(dir, "state"),
    runDir: dir,
    processGroup: true,
  });
  try {
    const rows = [
      await measureCase("floor", "empty Worker: 404", w.url, w.process.pid!, stack.pid, { path: "/x", check: (s) => s === 404 }, seconds, concurrency),
      await measureCase("floor", "empty Worker: one Redis round trip", w.url, w.process.pid!, stack.pid, { path: "/redis", check: (s) => s === 200 }, seconds, concurrency),
    ];
    if (pageBytes !== undefined) {
      await storeFloorPage(stack.workerBindings, pageBytes);
      rows.push(await measureCase("floor", `${PAGE_FLOOR}, ${pageBytes} bytes`, w.url, w.process.pid!, stack.pid, { path: "/redis-page", check: (s) => s === 200 }, seconds, concurrency));
    }
    for (const r of rows) log(`floor: ${r.case}: ${r.workerdCpuMsPerRequest} ms CPU/request (workerd), ${r.rps} req/s`);
    return rows;
  } finally {
    await w.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The page floor's row name, followed by its size. */
const PAGE_FLOOR = "empty Worker: one Redis round trip carrying the cached list's bytes";

async function measureRuntime(kind: RuntimeKind, stack: Awaited<ReturnType<typeof startStackProcess>>, seconds: number, concurrency: number, log: (l: string) => void): Promise<{ rows: CpuRow[]; listBytes: number }> {
  const state = fs.mkdtempSync(path.join(os.tmpdir(), `edge-shop-cpu-${kind}-`));
  let worker: WorkerRuntime | null = null;
  try {
    worker = await startBenchRuntime(kind, stack, state);
    log(`${kind}: ready on ${worker.url}`);
    const api = new ApiClient(worker.url);
    const email = `cpu-${kind}-${Date.now().toString(36)}@example.com`;
    const { token } = await api.user(email);
    const list = await api.call("GET", "/api/products?page_size=1");
    const productId = list.body.results[0].id as number;
    const add = await api.call("POST", "/api/cart/items", { token, body: { product_id: productId, quantity: 2 } });
    if (add.status !== 200) throw new Error(`add to cart: ${add.status} ${JSON.stringify(add.body)}`);
    const listBytes = Buffer.byteLength((await api.call("GET", "/api/products")).text);
    const rows: CpuRow[] = [];
    for (const c of CASES) {
      const row = await measureCase(kind, c.name, worker.url, worker.process.pid!, stack.pid, c.request({ productId, token }), seconds, concurrency);
      rows.push(row);
      log(`${kind}: ${c.name}: ${row.workerdCpuMsPerRequest} ms CPU/request (workerd), ${row.rps} req/s, p50 ${row.p50} / p99 ${row.p99} ms, ${row.errors} wrong answers`);
    }
    return { rows, listBytes };
  } finally {
    await worker?.stop();
    fs.rmSync(state, { recursive: true, force: true });
  }
}

/** The comparison table: one row per case, serve and dev side by side. */
export function cpuTable(rows: CpuRow[]): string {
  const get = (kind: CpuRow["runtime"], name: string) => rows.find((r) => r.runtime === kind && r.case === name);
  const ms = (v: number | undefined) => (v === undefined ? "–" : v.toFixed(3));
  const lines = [
    "| request | serve: workerd CPU ms/req | serve − floor | serve req/s | serve p50 / p99 ms | dev: workerd CPU ms/req | dev: + wrangler | dev req/s | dev p50 / p99 ms | dev / serve CPU |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  // The floor: what plain workerd spends on a request (and on one Redis round trip) before any of our code.
  const floor404 = get("floor", "empty Worker: 404")?.workerdCpuMsPerRequest;
  const floorRedis = get("floor", "empty Worker: one Redis round trip")?.workerdCpuMsPerRequest;
  const floorFor = (c: Case) => (floor404 === undefined || floorRedis === undefined || c.roundTrips === undefined ? undefined : floor404 + c.roundTrips * (floorRedis - floor404));
  for (const f of rows.filter((r) => r.runtime === "floor")) {
    lines.push(`| *plain workerd floor: ${f.case}* | ${ms(f.workerdCpuMsPerRequest)} | | ${Math.round(f.rps)} | ${f.p50} / ${f.p99} | | | | | |`);
  }
  for (const c of CASES) {
    const s = get("serve", c.name);
    const d = get("dev", c.name);
    const ratio = s && d && s.workerdCpuMsPerRequest > 0 ? `${(d.workerdCpuMsPerRequest / s.workerdCpuMsPerRequest).toFixed(1)}×` : "–";
    const fl = floorFor(c);
    lines.push(
      `| ${c.name} | ${ms(s?.workerdCpuMsPerRequest)} | ${s && fl !== undefined ? ms(s.workerdCpuMsPerRequest - fl) : "–"} | ${s ? Math.round(s.rps) : "–"} | ${s ? `${s.p50} / ${s.p99}` : "–"} | ${ms(d?.workerdCpuMsPerRequest)} | ${ms(d?.wranglerCpuMsPerRequest)} | ${d ? Math.round(d.rps) : "–"} | ${d ? `${d.p50} / ${d.p99}` : "–"} | ${ratio} |`,
    );
  }
  return lines.join("\n");
}

/** The cached list under serve against both Redis floors, and its p99 against its p50. */
export function listRatios(rows: CpuRow[]): string | undefined {
  const list = rows.find((r) => r.runtime === "serve" && r.case === "cached product list");
  const floor = rows.find((r) => r.runtime === "floor" && r.case === "empty Worker: one Redis round trip");
  const page = rows.find((r) => r.runtime === "floor" && r.case.startsWith(PAGE_FLOOR));
  if (!list || !floor) return undefined;
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  return [
    `cached product list under serve: ${x(list.workerdCpuMsPerRequest, floor.workerdCpuMsPerRequest)} the one-round-trip floor`,
    page ? `, ${x(list.workerdCpuMsPerRequest, page.workerdCpuMsPerRequest)} the floor carrying its bytes` : "",
    `; p99 ${x(list.p99, list.p50)} p50`,
  ].join("");
}

export async function cpuBench(opts: { seconds: number; concurrency: number; runtimes: RuntimeKind[]; samples: Sample[]; findings: Record<string, unknown> }): Promise<void> {
  const log = (l: string) => console.log(`[cpu] ${l}`);
  log(`starting a throwaway stack; then ${opts.runtimes.join(", then ")}; ${opts.seconds} s per request kind at concurrency ${opts.concurrency}`);
  const stack = await startStackProcess();
  const rows: CpuRow[] = [];
  try {
    let listBytes: number | undefined;
    for (const kind of opts.runtimes) {
      const measured = await measureRuntime(kind, stack, opts.seconds, opts.concurrency, log);
      rows.push(...measured.rows);
      listBytes ??= measured.listBytes;
    }
    if (opts.runtimes.includes("serve")) rows.push(...(await measureFloor(stack, listBytes, opts.seconds, opts.concurrency, log)));
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
  const ratios = listRatios(rows);
  console.log(`\nCPU per request (${opts.seconds} s per row at concurrency ${opts.concurrency}):\n\n${table}\n${ratios ? `\n${ratios}\n` : ""}`);
  opts.findings.cpu = { seconds: opts.seconds, concurrency: opts.concurrency, rows, table, ratios };
  // A wrong answer here is nearly always a cache call that timed out on an overloaded machine
  // (X-Cache: bypass): the row then measured some other path. Said loudly, not hidden.
  const wrong = rows.filter((r) => r.errors > 0);
  if (wrong.length) console.log(`WARNING: wrong answers in ${wrong.map((r) => `${r.runtime} ${r.case} (${r.errors})`).join(", ")}: those rows are not purely the path they name.`);
}
