// npm run profile [-- --seconds S] [--concurrency C] [--minified] [--top N]
// A CPU profile of `serve` under load: a throwaway stack, the bundle on plain workerd with
// --inspector-addr, and V8's sampling profiler over the DevTools protocol while a fixed load runs,
// for a cached product list and for an unknown route (404). Prints, per request kind, the CPU the
// workerd process spent per request (/proc), how much of it was JavaScript, and the functions that
// cost the most (self and inclusive time, per request); writes each profile to bench-results/ as a
// .cpuprofile (open it in Chrome DevTools → Performance, or VS Code).
// The bundle is built unminified by default so function names are readable (--minified profiles
// the exact production bundle).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import WebSocket from "ws";
import { ApiClient } from "./lib/api-client.ts";
import { opened } from "./bench/ws.ts";
import { buildBundle } from "../scripts/lib/bundle.ts";
import { runLoad, processTree, readProc, type LoadRequest } from "./lib/load.ts";
import { freePort } from "../scripts/lib/ports.ts";
import { serveConfig } from "../scripts/lib/runtime.ts";
import { startStackProcess } from "./lib/stack-process.ts";
import { startWorkerd } from "../scripts/lib/workerd.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    concurrency: { type: "string", default: "10" },
    minified: { type: "boolean", default: false },
    top: { type: "string", default: "20" },
    out: { type: "string", default: "bench-results" },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const top = Number(values.top);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A tiny DevTools-protocol client over one WebSocket. */
class Cdp {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly socket: WebSocket;
  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.on("message", (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (msg.id === undefined) return;
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error.message));
      else p?.resolve(msg.result);
    });
  }
  static async connect(url: string): Promise<Cdp> {
    return new Cdp(await opened(new WebSocket(url, { maxPayload: 1 << 30 })));
  }
  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }
  close() {
    this.socket.close();
  }
}

/** V8's pseudo-frames: not functions of ours, kept apart from JavaScript. */
const PSEUDO_FRAME = /^\((idle|program|garbage collector|root)\)$/;

interface Cost {
  name: string;
  where: string;
  selfMs: number;
  totalMs: number;
}

/** Self and inclusive time per function (recursion counted once), from the samples. */
function analyse(profile: CpuProfile): { costs: Cost[]; byKind: Record<string, number>; sampledMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0)));
  const keyOf = (n: ProfileNode) => {
    const f = n.callFrame;
    const file = f.url ? f.url.split("/").pop() : "";
    // No URL: a builtin of workerd or V8 (fetch, Response, or workerd's own entry into the isolate).
    const name = f.functionName || (f.url ? "(anonymous)" : "(workerd/V8 native)");
    return { key: `${name}|${f.url}|${f.lineNumber}`, name, where: file ? `${file}:${f.lineNumber + 1}` : /^\(/.test(name) ? "" : "native" };
  };
  const costs = new Map<string, Cost>();
  const byKind: Record<string, number> = {};
  let sampledUs = 0;
  for (const [id, us] of selfUs) {
    sampledUs += us;
    const node = byId.get(id)!;
    const { key, name, where } = keyOf(node);
    const special = PSEUDO_FRAME.test(name) ? name : "JavaScript";
    byKind[special] = (byKind[special] ?? 0) + us / 1000;
    const own = costs.get(key) ?? { name, where, selfMs: 0, totalMs: 0 };
    own.selfMs += us / 1000;
    costs.set(key, own);
    // Inclusive: this sample counts once for every distinct function on its stack.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = keyOf(byId.get(cur)!);
      if (seen.has(k.key)) continue;
      seen.add(k.key);
      const c = costs.get(k.key) ?? { name: k.name, where: k.where, selfMs: 0, totalMs: 0 };
      c.totalMs += us / 1000;
      costs.set(k.key, c);
    }
  }
  return { costs: [...costs.values()], byKind, sampledMs: sampledUs / 1000 };
}

const log = (l: string) => console.log(`[profile] ${l}`);
const state = fs.mkdtempSync(path.join(os.tmpdir(), "edge-shop-profile-"));
log("starting a throwaway stack");
const stack = await startStackProcess();
let worker: Awaited<ReturnType<typeof startWorkerd>> | null = null;
let code = 0;
try {
  log(`building the ${values.minified ? "production (minified)" : "unminified"} bundle`);
  const bundleDir = await buildBundle(path.join(state, "run", "bundle"), { minify: values.minified ? undefined : false });
  const inspectorPort = await freePort();
  worker = await startWorkerd({
    // The Worker's own cost: Cloudflare serves [assets] outside it (and does not bill that).
    config: { ...serveConfig(), assets: null },
    bundleDir,
    bindings: { ...stack.workerBindings, JWT_SECRET: `profile-${crypto.randomUUID()}-${crypto.randomUUID()}`, PASSWORD_PEPPER: "profile-pepper-0123456789abcdef0123456789abcdef" },
    port: await freePort(),
    stateDir: path.join(state, "durable-objects"),
    runDir: path.join(state, "run"),
    inspectorAddr: `127.0.0.1:${inspectorPort}`,
    processGroup: true,
  });
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as { id: string; title?: string; webSocketDebuggerUrl: string }[];
  const target = targets.find((t) => /main/.test(`${t.id} ${t.title ?? ""}`)) ?? targets[0];
  if (!target) throw new Error("workerd's inspector lists no target");
  log(`workerd on ${worker.url}, inspector target ${target.id}`);
  const cdp = await Cdp.connect(target.webSocketDebuggerUrl.replace(/^ws:\/\/[^/]+/, `ws://127.0.0.1:${inspectorPort}`));
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });

  const api = new ApiClient(worker.url);
  const cases: { name: string; file: string; req: LoadRequest }[] = [
    { name: "cached product list", file: "list", req: { path: "/api/products", check: (s, h) => s === 200 && h["x-cache"] === "hit" } },
    { name: "unknown route (404)", file: "404", req: { path: "/no/such/route", check: (s) => s === 404 } },
  ];
  await api.call("GET", "/api/products");
  const outDir = path.resolve(root, values.out!);
  fs.mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  for (const c of cases) {
    await runLoad(worker.url, c.req, 1.5, concurrency);
    const procs = processTree(worker.process.pid!);
    const cpuNow = () => procs.reduce((s, p) => s + (readProc(p.pid)?.cpuMs ?? 0), 0);
    const cpuBefore = cpuNow();
    await cdp.send("Profiler.start");
    const load = await runLoad(worker.url, c.req, seconds, concurrency);
    const { profile } = await cdp.send<{ profile: CpuProfile }>("Profiler.stop");
    const cpuMs = cpuNow() - cpuBefore;
    const file = path.join(outDir, `profile-${c.file}-${stamp}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    const { costs, byKind, sampledMs } = analyse(profile);
    const n = Math.max(load.requests, 1);
    const jsMs = sampledMs - (byKind["(idle)"] ?? 0);
    const cpuPerRequestUs = (cpuMs / n) * 1000;
    // V8 samples on wall-clock ticks, so sampled times also hold moments the thread was waiting for
    // a core: shares are meaningful, absolute sample times are not. µs below = share × /proc CPU.
    const share = (ms: number) => ms / jsMs;
    const row = (ms: number, x: Cost) => `  ${(share(ms) * 100).toFixed(1).padStart(5)}%  ≈${(share(ms) * cpuPerRequestUs).toFixed(0).padStart(5)} µs  ${x.name}  ${x.where}`;
    console.log(`\n## ${c.name}: ${load.requests} requests in ${load.seconds.toFixed(1)} s (${Math.round(load.requests / load.seconds)}/s), ${load.errors} wrong answers`);
    console.log(`workerd process CPU (/proc, profiler running, so above \`npm run bench -- cpu\`): ${cpuPerRequestUs.toFixed(0)} µs/request`);
    console.log(`busy isolate samples: ${Object.entries(byKind).filter(([k]) => k !== "(idle)").map(([k, v]) => `${k} ${((v / jsMs) * 100).toFixed(1)} %`).join(", ")}`);
    console.log(`\nTop ${top} by self time (share of busy samples, ≈ µs per request of the /proc CPU):`);
    for (const x of costs.filter((x) => x.name !== "(idle)").sort((a, b) => b.selfMs - a.selfMs).slice(0, top)) console.log(row(x.selfMs, x));
    console.log(`\nTop ${top} by inclusive time:`);
    for (const x of costs.filter((x) => !PSEUDO_FRAME.test(x.name)).sort((a, b) => b.totalMs - a.totalMs).slice(0, top)) console.log(row(x.totalMs, x));
    console.log(`\nprofile: ${file}`);
    if (load.errors) code = 1;
  }
  cdp.close();
} catch (err) {
  console.error(`[profile] ${err instanceof Error ? err.message : String(err)}`);
  code = 1;
} finally {
  await worker?.stop();
  await stack.stop();
  fs.rmSync(state, { recursive: true, force: true });
}
process.exit(code);
