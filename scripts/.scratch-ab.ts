// A/B: CPU per request of two bundles on the same stack, interleaved rounds, medians.
import fs from "node:fs"; import path from "node:path";
import { startWorkerd } from "./lib/workerd.ts";
import { serveConfig } from "./lib/runtime.ts";
import { startStackProcess } from "./lib/stack-process.ts";
import { runLoad, readProc } from "./lib/load.ts";
const [dirA, dirB, roundsText = "5", secsText = "3"] = process.argv.slice(2);
const stack = await startStackProcess();
const ws: any[] = [];
try {
  for (const [i, dir] of [dirA!, dirB!].entries()) ws.push(await startWorkerd({ config: serveConfig(), bundleDir: dir, bindings: { ...stack.workerBindings, JWT_SECRET: "x".repeat(40) }, port: 0, stateDir: `/tmp/rt-ab/state${i}`, runDir: `/tmp/rt-ab/run${i}`, processGroup: true }));
  const cases = [{ name: "list", req: { path: "/api/products", check: (s: number, h: any) => s === 200 && h["x-cache"] === "hit" } }, { name: "404", req: { path: "/no/such", check: (s: number) => s === 404 } }];
  for (const w of ws) for (const c of cases) await runLoad(w.url, c.req, 1.5, 10);
  const res: Record<string, number[]> = {};
  for (let r = 0; r < Number(roundsText); r++) for (const c of cases) for (const [i, w] of ws.entries()) {
    const c0 = readProc(w.process.pid)!.cpuMs; const l = await runLoad(w.url, c.req, Number(secsText), 10); const c1 = readProc(w.process.pid)!.cpuMs;
    (res[`${c.name} ${i ? "B" : "A"}`] ??= []).push((c1 - c0) / l.requests);
    if (l.errors) console.log("errors", c.name, i, l.errors);
  }
  for (const [k, v] of Object.entries(res)) { const s = [...v].sort((a, b) => a - b); console.log(k, "median", s[Math.floor(s.length / 2)]!.toFixed(3), "all", s.map((x) => x.toFixed(3)).join(" ")); }
} finally { for (const w of ws) await w.stop(); await stack.stop(); }
