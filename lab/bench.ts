// npm run bench [-- catalog|checkout|ws|auth ...] [--requests N] [--concurrency C] [--runs R]
// npm run bench -- cpu [--seconds S] [--concurrency C] [--runtimes serve,dev]: CPU per request, own stack (lab/bench/cpu.ts)
// npm run bench -- mixed [--seconds S] [--rates 0,1,5,20] [--rounds 1] [--readers 10] [--control false]: reads while orders come in, own stack (lab/bench/mixed.ts)
// npm run bench -- payments [--orders 100]: orders paid through the Stripe stand-in's webhooks, own stack (lab/bench/payments.ts)
// npm run bench -- images [--seconds S] [--concurrency C]: picture GET/304/upload under serve, own stack (lab/bench/images.ts)
// Benchmarks against any BASE_URL that serves this API (default http://127.0.0.1:8787, i.e. `npm run dev`).
// `npm run bench -- rtt [--samples N] [--delay MS] [--hot-users N] [--hot-delay MS] [--only REGEX]` is
// apart: round trips per request, on a throwaway stack and `wrangler dev` of its own (bench/rtt.ts).
// Prints a table (p50, p95, p99, req/s) and writes JSON + an SVG chart to bench-results/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import WebSocket from "ws";
import { hashPassword } from "../src/auth/password.ts";
import { ApiClient, pool } from "./lib/api-client.ts";
import { cpuBench } from "./bench/cpu.ts";
import { mixedBench } from "./bench/mixed.ts";
import { paymentsBench } from "./bench/payments.ts";
import { imagesBench } from "./bench/images.ts";
import { parseRuntime } from "../scripts/lib/runtime.ts";
import { measure, median, round, spread, svgChart, table, type Sample } from "./bench/stats.ts";
import { opened } from "./bench/ws.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    // Serial by default: local workerd is one thread, so at higher concurrency a median measures the
    // queue, not the request. Pass --concurrency to load it.
    requests: { type: "string", default: "200" },
    concurrency: { type: "string", default: "1" },
    runs: { type: "string", default: "10" },
    users: { type: "string", default: "200" },
    units: { type: "string", default: "50" },
    "ws-users": { type: "string", default: "100" },
    "ws-sockets": { type: "string", default: "10" },
    out: { type: "string", default: "bench-results" },
    // rtt: samples per setting, the hold per message each way, and the hot-product run.
    samples: { type: "string", default: "18" },
    delay: { type: "string", default: "25" },
    "hot-users": { type: "string", default: "30" },
    "hot-delay": { type: "string", default: "25" },
    only: { type: "string" },
    // cpu: seconds of load per row, and the runtimes to measure.
    seconds: { type: "string", default: "10" },
    runtimes: { type: "string", default: "serve,dev" },
    // mixed: order rates (one row each) and readers; payments: orders paid at once.
    rates: { type: "string", default: "0,1,5,20" },
    readers: { type: "string", default: "10" },
    rounds: { type: "string", default: "1" },
    control: { type: "string", default: "true" },
    orders: { type: "string", default: "100" },
  },
});

const base = (process.env.BASE_URL ?? "http://127.0.0.1:8787").replace(/\/$/, "");
const api = new ApiClient(base);
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const adminEmail = process.env.ADMIN_EMAIL ?? "admin@example.com";
const adminPassword = process.env.ADMIN_PASSWORD ?? "admin-password";
const sections = positionals.length ? positionals : ["catalog", "checkout", "ws", "auth"];
const runId = Date.now().toString(36);
const samples: Sample[] = [];
const findings: Record<string, unknown> = {};

async function admin(): Promise<string> {
  return api.login(adminEmail, adminPassword);
}

async function makeProduct(token: string, stock: number, price = "9.99"): Promise<number> {
  const cat = await api.call("POST", "/api/categories", { token, body: { name: `Bench ${runId} ${Math.random().toString(36).slice(2, 8)}`, description: "bench" } });
  if (cat.status !== 201) throw new Error(`create category: ${cat.status} ${JSON.stringify(cat.body)}`);
  const product = await api.call("POST", "/api/products", { token, body: { name: `Bench product ${runId}`, description: "bench", price, stock, category_id: cat.body.id } });
  if (product.status !== 201) throw new Error(`create product: ${product.status} ${JSON.stringify(product.body)}`);
  return product.body.id;
}

async function catalog() {
  const probe = await api.call("GET", "/api/products?page_size=1");
  const total = Number(probe.body.count ?? 0);
  console.log(`catalog: ${total.toLocaleString()} products`);
  findings.catalogProducts = total;
  // `_=<n>` is a cache-buster: the API ignores unknown parameters, the cache key includes them. So
  // each such request is a page miss for the same filter set, whose count is already cached, which
  // is what a read after a write costs. A new filter set (below) also pays its count.
  const nonce = (i: number) => `_=${runId}-${i}`;
  await api.call("GET", "/api/products");
  samples.push(await measure("list page 1, cached (hit)", requests, concurrency, async () => {
    const r = await api.call("GET", "/api/products");
    return r.status === 200 && r.headers.get("x-cache") === "hit";
  }));
  samples.push(await measure("list page 1, uncached (miss, count cached)", requests, concurrency, async (i) => {
    const r = await api.call("GET", `/api/products?${nonce(i)}`);
    return r.status === 200 && r.headers.get("x-cache") === "miss";
  }));
  const newFilters = Math.min(requests, 30);
  samples.push(await measure("list page 1, new filter set (miss + exact count)", newFilters, Math.min(concurrency, 2), async (i) => {
    const r = await api.call("GET", `/api/products?max_price=${900000 + i}.${runId.length % 10}0`);
    return r.status === 200 && r.headers.get("x-cache") === "miss";
  }, "count over every matching row"));
  const deepPages = Math.max(2, Math.floor(total / 100) - 100);
  const deepCount = Math.min(requests, 100);
  const cursors: string[] = [];
  samples.push(await measure("page 1 (size 100), uncached", deepCount, Math.min(concurrency, 4), async (i) => {
    const r = await api.call("GET", `/api/products?page_size=100&${nonce(i)}`);
    return r.status === 200 && r.headers.get("x-cache") === "miss";
  }));
  samples.push(await measure(`deep page number (page ≈ ${deepPages.toLocaleString()}, size 100)`, deepCount, Math.min(concurrency, 4), async (i) => {
    const r = await api.call("GET", `/api/products?page_size=100&page=${deepPages - i}`);
    if (r.status === 200 && r.body.next_cursor) cursors.push(r.body.next_cursor);
    return r.status === 200;
  }, "OFFSET skips every earlier row"));
  samples.push(await measure("deep cursor page (same depth, size 100)", cursors.length, Math.min(concurrency, 4), async (i) => {
    const r = await api.call("GET", `/api/products?page_size=100&cursor=${encodeURIComponent(cursors[i]!)}`);
    return r.status === 200 && r.headers.get("x-cache") === "miss";
  }, "keyset"));
  const p50 = (prefix: string) => samples.find((s) => s.name.startsWith(prefix))!.p50;
  findings.missOverHitP50 = round(p50("list page 1, uncached") / Math.max(p50("list page 1, cached"), 0.01));
  findings.newFilterSetOverMissP50 = round(p50("list page 1, new filter set") / Math.max(p50("list page 1, uncached"), 0.01));
  findings.deepCursorOverPage1P50 = round(p50("deep cursor page") / Math.max(p50("page 1 (size 100)"), 0.01));
  findings.deepPageNumberOverPage1P50 = round(p50("deep page number") / Math.max(p50("page 1 (size 100)"), 0.01));
}

async function checkout() {
  const runs = Number(values.runs);
  const userCount = Number(values.users);
  const units = Number(values.units);
  const token = await admin();
  const productId = await makeProduct(token, 0);
  console.log(`checkout: creating ${userCount} users…`);
  const users: { token: string }[] = [];
  await pool(Array.from({ length: userCount }, (_, i) => i), 8, async (i) => {
    users.push(await api.user(`bench-${runId}-${i}@example.com`));
  });
  const results: { run: number; created: number; refused: number; other: Record<string, number>; stockAfter: number; oversold: number }[] = [];
  const latencies: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const set = await api.call("POST", `/api/products/${productId}/stock`, { token, body: { stock: units } });
    if (set.status !== 200) throw new Error(`set stock: ${set.status} ${JSON.stringify(set.body)}`);
    await pool(users, 16, async (u) => {
      await api.call("DELETE", "/api/cart", { token: u.token });
      const add = await api.call("POST", "/api/cart/items", { token: u.token, body: { product_id: productId, quantity: 1 } });
      if (add.status !== 200) throw new Error(`add to cart: ${add.status} ${JSON.stringify(add.body)}`);
    });
    const answers = await Promise.all(
      users.map(async (u) => {
        const t0 = performance.now();
        const r = await api.call("POST", "/api/orders", { token: u.token });
        latencies.push(performance.now() - t0);
        return r;
      }),
    );
    const product = await api.call("GET", `/api/products/${productId}`);
    // One user may hold at most 5 unpaid orders: the admin records each winner's payment before the
    // next run (stock stays taken), so every refusal below is about stock.
    await pool(answers.filter((r) => r.status === 201), 8, async (r) => {
      const paid = await api.call("PATCH", `/api/admin/orders/${r.body.id}`, { token, body: { status: "paid" } });
      if (paid.status !== 200) throw new Error(`pay order ${r.body.id}: ${paid.status} ${JSON.stringify(paid.body)}`);
    });
    // A 409 other than the stock refusal (too many unpaid orders) is counted apart, as "409 <slug>".
    const statuses = answers.map((r) => (r.status === 409 && !String(r.body?.type).endsWith("insufficient-stock") ? `409 ${String(r.body?.type).split(":").pop()}` : String(r.status)));
    const created = statuses.filter((s) => s === "201").length;
    const other: Record<string, number> = {};
    for (const s of statuses) if (s !== "201" && s !== "409") other[s] = (other[s] ?? 0) + 1;
    const row = { run, created, refused: statuses.filter((s) => s === "409").length, other, stockAfter: product.body.stock, oversold: Math.max(0, created - units) };
    results.push(row);
    const otherText = Object.entries(other).map(([code, n]) => `${n} × ${code}`).join(", ") || "nothing else";
    console.log(`  run ${run}: ${created} orders, ${row.refused} × 409, ${otherText}, stock after ${row.stockAfter}`);
  }
  latencies.sort((a, b) => a - b);
  // The promise: exactly `units` orders, nothing oversold. Other answers (a 503 when the local
  // Postgres runs out of connections under this burst) are reported, not hidden.
  const ok = results.every((r) => r.created === units && r.oversold === 0 && r.stockAfter === 0);
  const others: Record<string, number> = {};
  for (const r of results) for (const [code, n] of Object.entries(r.other)) others[code] = (others[code] ?? 0) + n;
  const { p50, p95, p99 } = spread(latencies);
  findings.checkout = { runs: results, p50, p99, ok };
  samples.push({
    name: `checkout: ${userCount} users race for ${units} units`,
    requests: latencies.length,
    concurrency: userCount,
    p50,
    p95,
    p99,
    rps: 0,
    errors: results.reduce((n, r) => n + Math.abs(r.created - units) + r.oversold, 0),
    notes: `orders/run ${results.map((r) => r.created).join(",")}; oversold ${results.reduce((n, r) => n + r.oversold, 0)}; other answers ${JSON.stringify(others)}`,
  });
  if (!ok) process.exitCode = 1;
}

interface WsUser {
  token: string;
  id: number;
  /** A pending order of theirs, whose status changes are what their sockets wait for. */
  orderId: number;
}

/** Users with one order each (of a product made for the run), and an admin token to move the orders. */
async function wsFixtures(userCount: number, socketsPer: number): Promise<{ token: string; users: WsUser[] }> {
  const token = await admin();
  const productId = await makeProduct(token, userCount * 10, "1.00");
  console.log(`ws: ${userCount} users × ${socketsPer} sockets…`);
  const users: WsUser[] = [];
  await pool(Array.from({ length: userCount }, (_, i) => i), 8, async (i) => {
    const u = await api.user(`ws-${runId}-${i}@example.com`);
    await api.call("POST", "/api/cart/items", { token: u.token, body: { product_id: productId, quantity: 1 } });
    const order = await api.call("POST", "/api/orders", { token: u.token });
    if (order.status !== 201) throw new Error(`order: ${order.status} ${JSON.stringify(order.body)}`);
    users.push({ ...u, orderId: order.body.id });
  });
  return { token, users };
}

/**
 * `socketsPer` open notification sockets per user. Every order.status_changed message is timed as
 * it arrives, under `orderId:to_status` (the key `moveOrders` sends under).
 */
async function openWatchers(users: WsUser[], socketsPer: number): Promise<{ sockets: WebSocket[]; arrivals: Map<string, number[]> }> {
  const wsBase = base.replace(/^http/, "ws");
  const arrivals = new Map<string, number[]>();
  const sockets: WebSocket[] = [];
  await pool(users.flatMap((u) => Array.from({ length: socketsPer }, () => u)), 50, async (u) => {
    const socket = new WebSocket(`${wsBase}/api/notifications/ws?token=${encodeURIComponent(u.token)}`);
    socket.on("message", (data) => {
      const msg = JSON.parse(String(data));
      if (msg.type !== "order.status_changed") return;
      const key = `${msg.order_id}:${msg.to_status}`;
      const list = arrivals.get(key) ?? [];
      list.push(performance.now());
      arrivals.set(key, list);
    });
    sockets.push(await opened(socket));
  });
  return { sockets, arrivals };
}

/**
 * Pays every order (an offline payment), then ships it (`shipped` requires `paid`): when each PATCH
 * was sent and when its response arrived. The push goes out in waitUntil while the response is still travelling, so a message can beat the
 * response (a negative latency after it).
 */
async function moveOrders(users: WsUser[], token: string): Promise<Map<string, { at: number; answered: number }>> {
  const sent = new Map<string, { at: number; answered: number }>();
  for (const status of ["paid", "shipped"]) {
    await pool(users, 10, async (u) => {
      const at = performance.now();
      const r = await api.call("PATCH", `/api/admin/orders/${u.orderId}`, { token, body: { status } });
      if (r.status === 200) sent.set(`${u.orderId}:${status}`, { at, answered: performance.now() });
    });
  }
  return sent;
}

/** Each message's latency after its PATCH was sent and after its response (both ascending), and the messages that never came. */
function deliveries(sent: Map<string, { at: number; answered: number }>, arrivals: Map<string, number[]>, socketsPer: number) {
  const afterResponse: number[] = [];
  const afterRequest: number[] = [];
  let lost = 0;
  for (const [key, t] of sent) {
    const got = arrivals.get(key) ?? [];
    lost += Math.max(0, socketsPer - got.length);
    for (const a of got) {
      afterResponse.push(a - t.answered);
      afterRequest.push(a - t.at);
    }
  }
  afterResponse.sort((a, b) => a - b);
  afterRequest.sort((a, b) => a - b);
  return { afterResponse, afterRequest, lost };
}

async function wsBench() {
  const socketsPer = Number(values["ws-sockets"]);
  const { token, users } = await wsFixtures(Number(values["ws-users"]), socketsPer);
  const { sockets, arrivals } = await openWatchers(users, socketsPer);
  const sent = await moveOrders(users, token);
  // Time for the last pushes to arrive.
  await new Promise((r) => setTimeout(r, 3000));
  const latencies = deliveries(sent, arrivals, socketsPer);
  for (const s of sockets) s.close();
  reportWs(sockets.length, sent.size, socketsPer, latencies);
}

/** The ws findings and table row (latency from the PATCH sent, the PATCH included); a lost message fails the run. */
function reportWs(sockets: number, changes: number, socketsPer: number, { afterResponse, afterRequest, lost }: ReturnType<typeof deliveries>) {
  const response = spread(afterResponse);
  const request = spread(afterRequest);
  const beforeResponse = afterResponse.filter((v) => v < 0).length;
  findings.ws = {
    sockets,
    changes,
    delivered: afterResponse.length,
    lost,
    afterResponseP50: response.p50,
    afterResponseP99: response.p99,
    afterRequestP50: request.p50,
    afterRequestP99: request.p99,
    arrivedBeforeResponse: beforeResponse,
  };
  samples.push({
    name: `ws: ${sockets} sockets, ${changes} status changes`,
    requests: changes * socketsPer,
    concurrency: sockets,
    ...request,
    rps: 0,
    errors: lost,
    notes: `from PATCH sent to message (PATCH included); after the PATCH response p50 ${response.p50} / p99 ${response.p99} ms, ${beforeResponse} of ${afterResponse.length} arrived first; lost ${lost}`,
  });
  if (lost > 0) process.exitCode = 1;
}

async function auth() {
  const email = `auth-${runId}@example.com`;
  await api.user(email);
  const n = Math.min(requests, 50);
  samples.push(await measure("login (PBKDF2-SHA256 100k + 2 SQL + JWT)", n, 1, async () => (await api.call("POST", "/api/auth/login", { body: { email, password: "bench-password-123" } })).status === 200));
  const local: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await hashPassword("bench-password-123");
    local.push(performance.now() - t0);
  }
  findings.auth = { nodeHashMedianMs: round(median(local)), workersCpuBudgetMs: { free: 10, paidDefault: 30000 } };
}

async function rtt() {
  // Imported here: it starts its own stack (embedded Postgres), which no other section needs.
  const { runRtt, rttTable, hotTable } = await import("./bench/rtt.ts");
  const report = await runRtt({
    samples: Number(values.samples),
    delayMs: Number(values.delay),
    hotUsers: Number(values["hot-users"]),
    hotDelayMs: Number(values["hot-delay"]),
    outDir: values.out!,
    only: values.only ? new RegExp(values.only, "i") : undefined,
  });
  console.log(`\n${rttTable(report.rows)}\n`);
  if (report.hot) console.log(`${hotTable(report.hot)}\n`);
  console.log(`Wrote ${report.files.join(", ")}`);
  findings.rtt = { machine: report.machine, delayMs: report.delayMs, rows: report.rows.map((r) => [r.request, r.postgresRoundTrips, r.redisRoundTrips]) };
  if (report.hot) {
    findings.hotProduct = report.hot;
    samples.push({
      name: `hot product: ${report.hot.users} one-unit checkouts at ${report.hot.roundTripMs} ms RTT to Postgres`,
      requests: report.hot.users,
      concurrency: report.hot.users,
      p50: report.hot.p50Ms,
      p95: report.hot.p95Ms,
      p99: report.hot.p99Ms,
      rps: report.hot.ordersPerSecond,
      errors: report.hot.users - report.hot.created + (report.hot.correct ? 0 : 1),
      notes: `wall ${report.hot.wallMs} ms = ${report.hot.wallRoundTrips} RTT`,
    });
  }
  if (report.rows.some((r) => r.errors > 0) || (report.hot && !report.hot.correct)) process.exitCode = 1;
}

const runners: Record<string, () => Promise<void>> = {
  catalog,
  checkout,
  ws: wsBench,
  auth,
  rtt,
  // Not in the default set: these start their own stack and runtime(s).
  mixed: () => mixedBench({ seconds: Number(values.seconds), rates: values.rates!.split(",").map(Number), rounds: Number(values.rounds), readers: Number(values.readers), control: values.control !== "false", samples, findings }),
  payments: () => paymentsBench({ orders: Number(values.orders), samples, findings }),
  cpu: () => cpuBench({ seconds: Number(values.seconds), concurrency: process.argv.some((a) => a.startsWith("--concurrency")) ? concurrency : 10, runtimes: values.runtimes!.split(",").map(parseRuntime), samples, findings }),
  images: () => imagesBench({ seconds: Number(values.seconds), concurrency: process.argv.some((a) => a.startsWith("--concurrency")) ? concurrency : 10, samples, findings }),
};
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
for (const section of sections) {
  const run = runners[section];
  if (!run) {
    console.error(`unknown section ${section}; choose from ${Object.keys(runners).join(", ")}`);
    process.exit(1);
  }
  await run();
}
const outDir = path.resolve(values.out!);
fs.mkdirSync(outDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const report = { base, machine, date: new Date().toISOString(), sections, samples, findings };
const file = (ext: string) => path.join(outDir, `bench-${stamp}.${ext}`);
fs.writeFileSync(file("json"), JSON.stringify(report, null, 2));
fs.writeFileSync(file("svg"), svgChart(`Edge Shop benchmarks — ${machine}`, samples));
// Ready to paste into docs/benchmarks.md: the machine, the table and the derived figures.
const markdown = [
  `Run on ${report.date.slice(0, 10)}: ${machine}; target ${base}; sections ${sections.join(", ")}.`,
  "",
  table(samples),
  "",
  "Findings:",
  "",
  ...Object.entries(findings).map(([name, value]) => `- \`${name}\`: ${typeof value === "object" ? `\`${JSON.stringify(value)}\`` : value}`),
  "",
].join("\n");
fs.writeFileSync(file("md"), markdown);
console.log(`\n${markdown}`);
console.log(`Wrote ${file("json")}, .md and .svg`);
