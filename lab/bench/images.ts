// npm run bench -- images [--seconds S] [--concurrency C]
// What pictures cost the Worker under `serve` (the production bundle on plain workerd, with the R2
// stand-in behind the IMAGES binding): CPU per request of workerd (utime + stime from /proc, as in
// cpu.ts), requests/s and p50/p99 for
// - GET /images/{key} of a small and a large picture (the object streamed from the bucket),
// - the same with If-None-Match: 304 after a head() of the object, its body never read,
// - an upload (type and size read from the bytes, SHA-256, one SQL statement, R2 head + put, the
//   catalog bump), with new bytes every time so every upload stores an object,
// beside a cached product list (one Redis round trip) for scale. Starts its own throwaway stack.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { processTree, readProc, runLoad, type LoadRequest, type ProcInfo } from "../lib/load.ts";
import { ApiClient } from "../lib/api-client.ts";
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD } from "../../scripts/lib/demo.ts";
import { DEMO_PICTURES, demoPictureBytes } from "../../scripts/lib/demo-images/index.ts";
import type { WorkerRuntime } from "../../scripts/lib/runtime.ts";
import { startStackProcess } from "../lib/stack-process.ts";
import type { CpuRow } from "./cpu.ts";
import { startBenchRuntime } from "./own-stack.ts";
import { round, spread, type Sample } from "./stats.ts";

/** A row as cpu.ts measures one, for a picture of `bytes` bytes. */
export type ImageRow = Pick<CpuRow, "case" | "requests" | "rps" | "p50" | "p95" | "p99" | "errors" | "workerdCpuMsPerRequest"> & { bytes: number };

const LARGE_BYTES = 512 * 1024;

/**
 * A valid PNG of about `size` bytes that no earlier call returned: the demo picture with bytes after
 * its IEND chunk (readers stop there; the sniffer reads only the header), the last 8 a counter.
 */
function pictureMaker(size: number): () => Uint8Array<ArrayBuffer> {
  const base = demoPictureBytes(DEMO_PICTURES[0]!);
  const length = Math.max(size, base.byteLength + 8);
  const template = new Uint8Array(length);
  template.set(base);
  for (let i = base.byteLength; i < length; i++) template[i] = (i * 31) & 0xff;
  let n = 0;
  const run = BigInt(Date.now()) << 20n;
  return () => {
    const bytes = template.slice();
    new DataView(bytes.buffer).setBigUint64(length - 8, run + BigInt(n++));
    return bytes;
  };
}

const cpuOf = (procs: ProcInfo[]) => procs.reduce((sum, p) => sum + (readProc(p.pid)?.cpuMs ?? p.cpuMs), 0);

async function measure(worker: WorkerRuntime, name: string, bytes: number, req: LoadRequest, seconds: number, concurrency: number): Promise<ImageRow> {
  await runLoad(worker.url, req, 1.5, concurrency); // warm-up
  const workerd = processTree(worker.process.pid!).filter((p) => p.comm === "workerd");
  const before = cpuOf(workerd);
  const load = await runLoad(worker.url, req, seconds, concurrency);
  return {
    case: name,
    bytes,
    requests: load.requests,
    rps: round(load.requests / load.seconds),
    ...spread(load.latencies),
    errors: load.errors,
    workerdCpuMsPerRequest: Math.round(((cpuOf(workerd) - before) / Math.max(load.requests, 1)) * 1000) / 1000,
  };
}

export function imagesTable(rows: ImageRow[]): string {
  const size = (b: number) => (b === 0 ? "–" : b >= 10_240 ? `${Math.round(b / 1024)} KiB` : b >= 1024 ? `${(b / 1024).toFixed(1)} KiB` : `${b} B`);
  return [
    "| request | size | workerd CPU ms/req | req/s | p50 / p99 ms | wrong answers |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.case} | ${size(r.bytes)} | ${r.workerdCpuMsPerRequest.toFixed(3)} | ${Math.round(r.rps)} | ${r.p50} / ${r.p99} | ${r.errors} |`),
  ].join("\n");
}

export async function imagesBench(opts: { seconds: number; concurrency: number; samples: Sample[]; findings: Record<string, unknown> }): Promise<void> {
  const log = (l: string) => console.log(`[images] ${l}`);
  log(`starting a throwaway stack and serve; ${opts.seconds} s per row at concurrency ${opts.concurrency}`);
  const stack = await startStackProcess();
  const state = fs.mkdtempSync(path.join(os.tmpdir(), "edge-shop-images-"));
  let worker: WorkerRuntime | null = null;
  const rows: ImageRow[] = [];
  try {
    worker = await startBenchRuntime("serve", stack, state);
    log(`serve: ready on ${worker.url}`);
    const api = new ApiClient(worker.url);
    const token = await api.login(DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD);
    const productId = (await api.call("GET", "/api/products?page_size=1")).body.results[0].id as number;
    const upload = async (bytes: Uint8Array<ArrayBuffer>) => {
      const res = await fetch(`${worker!.url}/api/products/${productId}/images`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "image/png" }, body: bytes });
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
      return new URL(((await res.json()) as { url: string }).url).pathname;
    };
    const small = demoPictureBytes(DEMO_PICTURES[0]!);
    const smallPath = await upload(small);
    const largePath = await upload(pictureMaker(LARGE_BYTES)());
    const etag = `"${smallPath.split("/").pop()}"`;
    const ok = (status: number) => status === 200;
    const cases: [string, number, LoadRequest][] = [
      ["cached product list (for scale)", 0, { path: "/api/products", check: (s, h) => s === 200 && h["x-cache"] === "hit" }],
      ["GET /images/{key}", small.byteLength, { path: smallPath, check: ok }],
      ["GET /images/{key}", LARGE_BYTES, { path: largePath, check: ok }],
      ["GET /images/{key}, If-None-Match → 304", small.byteLength, { path: smallPath, headers: { "if-none-match": etag }, check: (s) => s === 304 }],
      ["GET /images/{key}, If-None-Match → 304", LARGE_BYTES, { path: largePath, headers: { "if-none-match": `"${largePath.split("/").pop()}"` }, check: (s) => s === 304 }],
    ];
    for (const [size, maker] of [[small.byteLength, pictureMaker(small.byteLength + 8)], [LARGE_BYTES, pictureMaker(LARGE_BYTES)]] as const) {
      cases.push([
        "upload (POST /api/products/{id}/images, new bytes)",
        size,
        { path: `/api/products/${productId}/images`, method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "image/png" }, body: maker, check: (s) => s === 201 },
      ]);
    }
    for (const [name, bytes, req] of cases) {
      const row = await measure(worker, name, bytes, req, opts.seconds, opts.concurrency);
      rows.push(row);
      log(`${name} (${bytes} B): ${row.workerdCpuMsPerRequest} ms CPU/request (workerd), ${row.rps} req/s, p50 ${row.p50} / p99 ${row.p99} ms, ${row.errors} wrong answers`);
    }
  } finally {
    await worker?.stop();
    await stack.stop();
    fs.rmSync(state, { recursive: true, force: true });
  }
  for (const r of rows) {
    opts.samples.push({ name: `images: ${r.case} (${r.bytes} B)`, requests: r.requests, concurrency: opts.concurrency, p50: r.p50, p95: r.p95, p99: r.p99, rps: r.rps, errors: r.errors, notes: `workerd ${r.workerdCpuMsPerRequest} ms CPU/req` });
  }
  const table = imagesTable(rows);
  console.log(`\nPictures under serve (${opts.seconds} s per row at concurrency ${opts.concurrency}):\n\n${table}\n`);
  opts.findings.images = { seconds: opts.seconds, concurrency: opts.concurrency, rows, table };
  if (rows.some((r) => r.errors > 0)) console.log("WARNING: wrong answers in some rows: those rows are not purely the path they name.");
}
