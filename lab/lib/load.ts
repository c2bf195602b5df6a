// A light, fixed-duration HTTP load for CPU measurements: node:http over keep-alive connections,
// `concurrency` requests in flight, no WHATWG streams. On a 2-core machine the generator shares
// the cores with what it measures, so it must cost as little as it can.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";

export interface LoadRequest {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  /** A request body, made anew for each request (e.g. an upload that must differ every time). */
  body?: () => Uint8Array;
  /** True when the answer is the expected one (status, X-Cache, …). */
  check(status: number, headers: http.IncomingHttpHeaders): boolean;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  /** Sorted latencies in ms. */
  latencies: number[];
}

/** Sends `req` over `concurrency` keep-alive connections for `seconds`; every answer is read in full. */
export async function runLoad(base: string, req: LoadRequest, seconds: number, concurrency: number): Promise<LoadResult> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const body = req.body?.();
      const headers = body ? { ...req.headers, "content-length": String(body.byteLength) } : req.headers;
      const t0 = performance.now();
      const r = http.request({ host: url.hostname, port: url.port, path: req.path, method: req.method ?? "GET", headers, agent }, (res) => {
        res.on("data", () => undefined);
        res.on("end", () => {
          latencies.push(performance.now() - t0);
          if (!req.check(res.statusCode ?? 0, res.headers)) errors++;
          resolve();
        });
        res.on("error", () => {
          errors++;
          resolve();
        });
      });
      r.on("error", () => {
        errors++;
        resolve();
      });
      r.end(body);
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) await one();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, seconds: elapsed, latencies };
}

let clockTicks: number | undefined;
/** Kernel clock ticks per second (USER_HZ), the unit of utime/stime in /proc. */
export function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** The whole machine's CPU time so far (/proc/stat): busy (all but idle and iowait) and in all, in ms summed over cores. */
export function machineCpu(): { busyMs: number; totalMs: number } {
  const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3]! + fields[4]!;
  const ms = (ticks: number) => (ticks * 1000) / ticksPerSecond();
  return { busyMs: ms(total - idle), totalMs: ms(total) };
}

export interface ProcInfo {
  pid: number;
  comm: string;
  ppid: number;
  pgrp: number;
  /** utime + stime of all its threads, in ms. */
  cpuMs: number;
}

export function readProc(pid: number): ProcInfo | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const open = stat.indexOf("(");
    const close = stat.lastIndexOf(")");
    const f = stat.slice(close + 2).split(" ");
    return { pid, comm: stat.slice(open + 1, close), ppid: Number(f[1]), pgrp: Number(f[2]), cpuMs: ((Number(f[11]) + Number(f[12])) * 1000) / ticksPerSecond() };
  } catch {
    return null;
  }
}

/** `pid` and all its descendants, alive right now. */
export function processTree(pid: number): ProcInfo[] {
  const all: ProcInfo[] = [];
  for (const entry of fs.readdirSync("/proc")) if (/^\d+$/.test(entry)) {
    const p = readProc(Number(entry));
    if (p) all.push(p);
  }
  const out: ProcInfo[] = [];
  const walk = (parent: number) => {
    for (const p of all) if (p.ppid === parent) {
      out.push(p);
      walk(p.pid);
    }
  };
  const rootProc = all.find((p) => p.pid === pid);
  if (rootProc) out.push(rootProc);
  walk(pid);
  return out;
}

/** Run time and run-queue wait (time runnable but not on a core), in ms, of a group of threads. */
export interface SchedTime {
  runMs: number;
  waitMs: number;
}

/**
 * Every thread's run time and run-queue wait so far (/proc/<pid>/task/<tid>/schedstat), summed by
 * the group `family` puts its process in (null: not counted). The wait is what a busy machine costs
 * a thread beyond its own CPU: runnable, but every core taken.
 */
export function schedByFamily(family: (p: { pid: number; tid: number; comm: string; cmdline: string }) => string | null): Map<string, SchedTime> {
  const out = new Map<string, SchedTime>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    let comm: string;
    let cmdline: string;
    let tids: string[];
    try {
      comm = fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim();
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
      tids = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // gone meanwhile
    }
    for (const t of tids) {
      const name = family({ pid, tid: Number(t), comm, cmdline });
      if (!name) continue;
      let fields: number[];
      try {
        fields = fs.readFileSync(`/proc/${pid}/task/${t}/schedstat`, "utf8").trim().split(/\s+/).map(Number);
      } catch {
        continue;
      }
      const sum = out.get(name) ?? { runMs: 0, waitMs: 0 };
      sum.runMs += fields[0]! / 1e6;
      sum.waitMs += fields[1]! / 1e6;
      out.set(name, sum);
    }
  }
  return out;
}
