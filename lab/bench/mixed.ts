// npm run bench -- mixed [--seconds S] [--rates 0,1,5,20] [--rounds 1] [--readers 10] [--control false]
// Reads while the shop sells (docs/design/caching.md, "Stock apart from content"): on a throwaway stack and the Worker under
// `npm run serve`'s runtime, `readers` keep browsing 20 product list pages (one per category, 10
// products each, two of them with three variants) and, after every other list, the detail of a
// product on it, while shoppers place 1-unit orders of random products (a random variant of a
// random product) at a fixed rate. One row per rate, `seconds` each: orders/s (target, achieved),
// reads/s, X-Cache hit rate, read p50/p99, and stale stock.
//
// Stale stock: the bench only takes stock, so it knows, for every variant, the stock read from
// Postgres before the first row minus each order that took from it. An answer is *stale* when a
// product's `stock` or a variant's `stock` is more than what was left after every order whose 201
// had arrived before the read was sent (an order the shopper has seen confirmed must show), and
// *too low* when it is less than what is left after every order sent before the read's response
// arrived (a read cannot see an order that did not exist yet). Orders answered 4xx took nothing.
// After the last row the database's stock must equal the start minus every 201.
//
// The control rows, last (`--control`, on by default): first the no-order row again, whose
// difference from the first is the machine's own drift over the run; then no orders at all while a
// burner process spends the machine CPU that the busiest row's orders cost (that row's busy CPU
// minus its reads at the no-order price per read). Reads that fall there as they fell beside the
// orders fell for the CPU the orders took from a shared machine, not for the cache.
//
// Shoppers: each account places at most 4 orders, below the limit of 5 unpaid pending orders, so
// orders are never refused for it and nothing else writes during a row (no payments recorded).
// Products hold 100,000 units per variant: nothing sells out (selling out is another event).
import os from "node:os";
import http from "node:http";
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { pool } from "../lib/api-client.ts";
import { machineCpu, schedByFamily, type SchedTime } from "../lib/load.ts";
import { startOwnStack, type OwnStack } from "./own-stack.ts";
import { median, percentile, round, type Sample } from "./stats.ts";

export interface MixedOptions {
  seconds: number;
  rates: number[];
  /** How many times the rates are run, one after another (interleaved, so the machine's drift falls on every rate alike). */
  rounds: number;
  readers: number;
  /** Add the control rows (no orders again; no orders with the busiest row's order CPU burned by another process). */
  control: boolean;
  samples: Sample[];
  findings: Record<string, unknown>;
}

export interface MixedRow {
  targetOrdersPerSecond: number;
  achievedOrdersPerSecond: number;
  orders: number;
  /** Orders answered other than 201 (or not at all). */
  orderErrors: number;
  orderP50: number;
  orderP99: number;
  /** How late the worst order left against its schedule (no shopper ready, or the loop behind). */
  orderMaxLagMs: number;
  seconds: number;
  listReads: number;
  detailReads: number;
  listReadsPerSecond: number;
  detailReadsPerSecond: number;
  listHitRate: number;
  detailHitRate: number;
  /** X-Cache: bypass answers (Redis failed or was slow). */
  bypass: number;
  readP50: number;
  readP95: number;
  readP99: number;
  listP50: number;
  listP99: number;
  detailP50: number;
  detailP99: number;
  readErrors: number;
  /** Answers showing more stock than was left after every order confirmed before the read was sent. */
  staleAnswers: number;
  staleValues: number;
  /** Answers showing less than what is left after every order sent before the answer came. */
  tooLowAnswers: number;
  /** in_stock not equal to stock > 0, or a list page without exactly its category's products. */
  inconsistentAnswers: number;
  examples: string[];
  /** The whole machine's busy CPU over the row (every process: workerd, bridges, Postgres, Redis, this bench), in cores. */
  machineCoresBusy: number;
  /** That busy CPU per read and order served, ms. */
  machineCpuMsPerRequest: number;
  /** Control rows only: "again" repeats the no-order row at the end; "burn" burns the orders' CPU in another process. */
  control?: "again" | "burn";
  /** The burn row only: the cores the burner spent over the row (measured, not asked). */
  burnedCores?: number;
  /** Per group of processes: cores running, and cores' worth of time runnable but waiting for a core. */
  sched: { family: string; run: number; wait: number }[];
}

const CATEGORIES = 20;
const PRODUCTS_PER_CATEGORY = 10;
const VARIANT_PRODUCTS_PER_CATEGORY = 2;
const STOCK = 100_000;
const ORDERS_PER_SHOPPER = 4;

export interface Fixture {
  /** category id → its product ids. */
  pages: { category: number; products: number[] }[];
  products: { id: number; variants: number[] }[];
  /** variant id → its product id. */
  variantProduct: Map<number, number>;
}

/** What the checker knows of one variant: its starting stock and every order that took from it. */
interface VariantLedger {
  start: number;
  /** Send times of every order of it (ascending). */
  sent: number[];
  /** Send times of orders answered 4xx (took nothing). */
  refusedSent: number[];
  /** Arrival times of the 201s (ascending). */
  done: number[];
  /** Orders answered 5xx or not at all: taken or not, the database knows. */
  unknown: number;
}

/** Elements of ascending `xs` below `t`. */
function countBelow(xs: number[], t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Ledger {
  readonly variants = new Map<number, VariantLedger>();
  readonly fixture: Fixture;
  constructor(start: Map<number, number>, fixture: Fixture) {
    this.fixture = fixture;
    for (const [id, stock] of start) this.variants.set(id, { start: stock, sent: [], refusedSent: [], done: [], unknown: 0 });
  }
  /** [lowest, highest] stock a read sent at `sentAt` and answered at `answeredAt` may show for these variants. */
  bounds(variantIds: number[], sentAt: number, answeredAt: number): [number, number] {
    let low = 0;
    let high = 0;
    for (const id of variantIds) {
      const v = this.variants.get(id);
      if (!v) return [-Infinity, Infinity];
      high += v.start - countBelow(v.done, sentAt);
      low += v.start - (countBelow(v.sent, answeredAt) - countBelow(v.refusedSent, answeredAt));
    }
    return [low, high];
  }
}

type Json = any;

/** Counts for one row, fed by every answer. */
export class RowStats {
  listLatencies: number[] = [];
  detailLatencies: number[] = [];
  listHits = 0;
  detailHits = 0;
  bypass = 0;
  readErrors = 0;
  staleAnswers = 0;
  staleValues = 0;
  tooLowAnswers = 0;
  inconsistent = 0;
  examples: string[] = [];
  note(text: string) {
    if (this.examples.length < 6) this.examples.push(text);
  }
}

/** Checks one product of an answer against the ledger: the product's stock and each variant's. */
export function checkProduct(ledger: Ledger, stats: RowStats, what: string, product: Json, sentAt: number, answeredAt: number): { stale: number; low: number } {
  let stale = 0;
  let low = 0;
  const fixtureProduct = ledger.fixture.products.find((p) => p.id === product.id);
  if (!fixtureProduct) return { stale, low };
  const check = (label: string, shown: number, ids: number[]) => {
    const [min, max] = ledger.bounds(ids, sentAt, answeredAt);
    if (shown > max) {
      stale++;
      stats.note(`${what}: ${label} shows ${shown}, at most ${max} after the orders confirmed before the read (${(answeredAt - sentAt).toFixed(0)} ms read)`);
    } else if (shown < min) {
      low++;
      stats.note(`${what}: ${label} shows ${shown}, at least ${min} before the orders sent after the answer`);
    }
  };
  check(`product ${product.id} stock`, product.stock, fixtureProduct.variants);
  if (product.in_stock !== product.stock > 0) {
    stats.inconsistent++;
    stats.note(`${what}: product ${product.id} in_stock ${product.in_stock} with stock ${product.stock}`);
  }
  for (const v of product.variants ?? []) {
    check(`variant ${v.id} stock`, v.stock, [v.id]);
    if (v.in_stock !== v.stock > 0) stats.inconsistent++;
  }
  return { stale, low };
}

/** A keep-alive GET that reads the whole answer; never throws (status 0 on failure). */
function get(agent: http.Agent, base: URL, path: string): Promise<{ status: number; cache: string; body: string; sentAt: number; answeredAt: number }> {
  return new Promise((resolve) => {
    const sentAt = performance.now();
    let settled = false;
    const settle = (status: number, cache: string, body: string) => {
      if (settled) return;
      settled = true;
      resolve({ status, cache, body, sentAt, answeredAt: performance.now() });
    };
    const req = http.request({ host: base.hostname, port: base.port, path, agent, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => settle(res.statusCode ?? 0, String(res.headers["x-cache"] ?? ""), Buffer.concat(chunks).toString("utf8")));
      res.on("error", () => settle(0, "", ""));
      res.on("close", () => settle(0, "", ""));
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => settle(0, "", ""));
    req.on("close", () => settle(0, "", ""));
    req.end();
  });
}

async function makeFixture(own: OwnStack, runId: string, log: (l: string) => void): Promise<Fixture> {
  const { api, adminToken: token } = own;
  log(`creating ${CATEGORIES} categories × ${PRODUCTS_PER_CATEGORY} products (${STOCK.toLocaleString("en-US")} units per variant)…`);
  const pages: Fixture["pages"] = [];
  await pool(
    Array.from({ length: CATEGORIES }, (_, i) => i),
    4,
    async (i) => {
      const cat = await api.call("POST", "/api/categories", { token, body: { name: `Mixed ${runId} ${i}`, description: "bench" } });
      if (cat.status !== 201) throw new Error(`create category: ${cat.status} ${cat.text.slice(0, 200)}`);
      pages.push({ category: cat.body.id, products: [] });
    },
  );
  const jobs = pages.flatMap((page, c) => Array.from({ length: PRODUCTS_PER_CATEGORY }, (_, k) => ({ page, c, k })));
  await pool(jobs, 4, async ({ page, c, k }) => {
    const name = `Mixed ${runId} ${c}-${k}`;
    const body =
      k < VARIANT_PRODUCTS_PER_CATEGORY
        ? {
            name,
            description: "bench",
            category_id: page.category,
            options: [{ name: "Size", values: ["S", "M", "L"] }],
            variants: ["S", "M", "L"].map((size) => ({ sku: `MIX-${runId}-${c}-${k}-${size}`, options: { Size: size }, price: "5.00", stock: STOCK })),
          }
        : { name, description: "bench", category_id: page.category, price: "5.00", stock: STOCK };
    const res = await api.call("POST", "/api/products", { token, body });
    if (res.status !== 201) throw new Error(`create product: ${res.status} ${res.text.slice(0, 200)}`);
    page.products.push(res.body.id);
  });
  const products: Fixture["products"] = [];
  const variantProduct = new Map<number, number>();
  await withPg(own, async (client) => {
    const ids = pages.flatMap((p) => p.products);
    const { rows } = await client.query<{ id: number; product_id: number }>("select id, product_id from variants where product_id = any($1::int[]) order by id", [ids]);
    for (const id of ids) products.push({ id, variants: rows.filter((r) => r.product_id === id).map((r) => r.id) });
    for (const r of rows) variantProduct.set(r.id, r.product_id);
  });
  return { pages, products, variantProduct };
}

async function withPg<T>(own: OwnStack, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: own.stack.databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function variantStock(own: OwnStack, fixture: Fixture): Promise<Map<number, number>> {
  return withPg(own, async (client) => {
    const { rows } = await client.query<{ id: number; stock: number }>("select id, stock from variants where id = any($1::int[])", [[...fixture.variantProduct.keys()]]);
    return new Map(rows.map((r) => [r.id, r.stock]));
  });
}

interface Shopper {
  token: string;
  left: number;
  /** The variant in the cart, once it is filled. */
  variant: number | null;
  /** The cart may hold a line of an order that was not placed. */
  dirty: boolean;
}

/** Shoppers with a filled cart wait here for their order's turn. */
class ShopperQueue {
  private ready: Shopper[] = [];
  private waiting: ((s: Shopper) => void)[] = [];
  private spare: Shopper[];
  private readonly own: OwnStack;
  private readonly fixture: Fixture;
  constructor(shoppers: Shopper[], own: OwnStack, fixture: Fixture) {
    this.spare = [...shoppers];
    this.own = own;
    this.fixture = fixture;
  }
  /**
   * A shopper with orders left fills a cart with one unit of a random variant of a random product.
   * After an order that was not a 201 the cart may still hold its line: emptied first, so every
   * order is exactly the one line the ledger books. A shopper whose cart could not be filled goes
   * back to the spare ones.
   */
  async fill(): Promise<void> {
    const shopper = this.spare.shift();
    if (!shopper) return;
    try {
      if (shopper.dirty) {
        const cleared = await this.own.api.call("DELETE", "/api/cart", { token: shopper.token });
        if (cleared.status >= 300) throw new Error(`empty the cart: ${cleared.status} ${cleared.text.slice(0, 200)}`);
        shopper.dirty = false;
      }
      const product = this.fixture.products[Math.floor(Math.random() * this.fixture.products.length)]!;
      const variant = product.variants[Math.floor(Math.random() * product.variants.length)]!;
      const add = await this.own.api.call("POST", "/api/cart/items", { token: shopper.token, body: { variant_id: variant, quantity: 1 } });
      if (add.status !== 200) throw new Error(`add to cart: ${add.status} ${add.text.slice(0, 200)}`);
      shopper.variant = variant;
    } catch (err) {
      shopper.dirty = true;
      this.spare.push(shopper);
      throw err;
    }
    const next = this.waiting.shift();
    if (next) next(shopper);
    else this.ready.push(shopper);
  }
  /** The next shopper with a filled cart; null when none is ready within `ms` (that order is skipped). */
  take(ms: number): Promise<Shopper | null> {
    const s = this.ready.shift();
    if (s) return Promise.resolve(s);
    return new Promise((resolve) => {
      const waiter = (shopper: Shopper) => {
        clearTimeout(timer);
        resolve(shopper);
      };
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== waiter);
        resolve(null);
      }, ms);
      this.waiting.push(waiter);
    });
  }
  get state(): string {
    return `${this.ready.length} ready, ${this.spare.length} spare, ${this.waiting.length} waiting`;
  }
  /** After an order: back to the spare ones while it may order again. */
  done(shopper: Shopper, placed: boolean) {
    shopper.variant = null;
    if (!placed) shopper.dirty = true;
    shopper.left--;
    if (shopper.left > 0) this.spare.push(shopper);
  }
  get readyCount() {
    return this.ready.length;
  }
}

async function runRow(
  own: OwnStack,
  fixture: Fixture,
  ledger: Ledger,
  queue: ShopperQueue,
  rate: number,
  seconds: number,
  readers: number,
  log: (l: string) => void,
  control?: { kind: "again" } | { kind: "burn"; cores: number },
): Promise<MixedRow> {
  // Carts for the first seconds of orders are filled before the clock starts.
  const prefill = Math.min(Math.ceil(rate * seconds), Math.ceil(rate * 2) + 4);
  await pool(Array.from({ length: Math.max(0, prefill - queue.readyCount) }, (_, i) => i), 4, () => queue.fill().catch((err: unknown) => log(`prefill: ${String(err)}`)));
  const stats = new RowStats();
  const base = new URL(own.worker.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: readers });
  const burner = control?.kind === "burn" ? startBurner(control.cores) : null;
  const schedBefore = schedByFamily(family);
  const cpuBefore = machineCpu();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const orderLatencies: number[] = [];
  let orders = 0;
  let orderErrors = 0;
  let maxLag = 0;
  let skipped = 0;

  const reader = async () => {
    let i = 0;
    while (performance.now() < deadline) {
      const page = fixture.pages[Math.floor(Math.random() * fixture.pages.length)]!;
      const list = await get(agent, base, `/api/products?category=${page.category}`);
      i++;
      stats.listLatencies.push(list.answeredAt - list.sentAt);
      if (list.cache === "hit") stats.listHits++;
      if (list.cache === "bypass") stats.bypass++;
      let body: Json;
      try {
        body = list.status === 200 ? JSON.parse(list.body) : null;
      } catch {
        body = null;
      }
      if (!body) {
        stats.readErrors++;
        stats.note(`list ${page.category}: ${list.status} ${list.body.slice(0, 120)}`);
        continue;
      }
      const ids = (body.results as Json[]).map((p) => p.id).sort((a: number, b: number) => a - b);
      if (ids.join() !== [...page.products].sort((a, b) => a - b).join()) {
        stats.inconsistent++;
        stats.note(`list ${page.category}: products ${ids.join(",")} instead of its ${page.products.length}`);
      }
      let stale = 0;
      let low = 0;
      for (const p of body.results as Json[]) {
        const r = checkProduct(ledger, stats, `list ${page.category}`, p, list.sentAt, list.answeredAt);
        stale += r.stale;
        low += r.low;
      }
      if (stale) stats.staleAnswers++;
      if (low) stats.tooLowAnswers++;
      stats.staleValues += stale;
      // Every other list, the detail of one of its products.
      if (i % 2 === 0) continue;
      const productId = page.products[Math.floor(Math.random() * page.products.length)]!;
      const detail = await get(agent, base, `/api/products/${productId}`);
      stats.detailLatencies.push(detail.answeredAt - detail.sentAt);
      if (detail.cache === "hit") stats.detailHits++;
      if (detail.cache === "bypass") stats.bypass++;
      let product: Json;
      try {
        product = detail.status === 200 ? JSON.parse(detail.body) : null;
      } catch {
        product = null;
      }
      if (!product) {
        stats.readErrors++;
        stats.note(`detail ${productId}: ${detail.status} ${detail.body.slice(0, 120)}`);
        continue;
      }
      const r = checkProduct(ledger, stats, `detail ${productId}`, product, detail.sentAt, detail.answeredAt);
      if (r.stale) stats.staleAnswers++;
      if (r.low) stats.tooLowAnswers++;
      stats.staleValues += r.stale;
    }
  };

  const placeOne = async (shopper: Shopper) => {
    const variant = shopper.variant!;
    const v = ledger.variants.get(variant)!;
    const sentAt = performance.now();
    v.sent.push(sentAt);
    const res = await own.api.req("POST", "/api/orders", { token: shopper.token });
    const answeredAt = performance.now();
    orderLatencies.push(answeredAt - sentAt);
    if (res.status === 201) {
      v.done.push(answeredAt);
      orders++;
    } else {
      orderErrors++;
      if (res.status >= 400 && res.status < 500) v.refusedSent.push(sentAt);
      else v.unknown++;
      stats.note(`order: ${res.status || res.error} ${res.text.slice(0, 160)}`);
    }
    queue.done(shopper, res.status === 201);
    // The next shopper's cart, outside this order's time.
    await queue.fill().catch((err: unknown) => stats.note(`cart: ${String(err)}`));
  };

  const shoppers = async () => {
    if (rate <= 0) return;
    const interval = 1000 / rate;
    const inFlight: Promise<void>[] = [];
    for (let i = 0; ; i++) {
      const at = started + i * interval;
      if (at >= deadline) break;
      const wait = at - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const shopper = await queue.take(2000);
      maxLag = Math.max(maxLag, performance.now() - at);
      if (!shopper) {
        skipped++;
        stats.note(`order ${i}: no shopper with a filled cart within 2 s (${queue.state})`);
        continue;
      }
      inFlight.push(placeOne(shopper));
    }
    await Promise.all(inFlight);
  };

  await Promise.all([shoppers(), ...Array.from({ length: readers }, reader)]);
  const elapsed = (Math.max(performance.now(), deadline) - started) / 1000;
  const cpuAfter = machineCpu();
  const schedAfter = schedByFamily(family);
  const burnedMs = burner ? await burner.stop() : 0;
  agent.destroy();
  const all = [...stats.listLatencies, ...stats.detailLatencies].sort((a, b) => a - b);
  stats.listLatencies.sort((a, b) => a - b);
  stats.detailLatencies.sort((a, b) => a - b);
  orderLatencies.sort((a, b) => a - b);
  const row: MixedRow = {
    targetOrdersPerSecond: rate,
    achievedOrdersPerSecond: round(orders / seconds),
    orders,
    orderErrors: orderErrors + skipped,
    orderP50: round(percentile(orderLatencies, 50)),
    orderP99: round(percentile(orderLatencies, 99)),
    orderMaxLagMs: round(maxLag),
    seconds: round(elapsed),
    listReads: stats.listLatencies.length,
    detailReads: stats.detailLatencies.length,
    listReadsPerSecond: round(stats.listLatencies.length / elapsed),
    detailReadsPerSecond: round(stats.detailLatencies.length / elapsed),
    listHitRate: round(stats.listHits / Math.max(1, stats.listLatencies.length)),
    detailHitRate: round(stats.detailHits / Math.max(1, stats.detailLatencies.length)),
    bypass: stats.bypass,
    readP50: round(percentile(all, 50)),
    readP95: round(percentile(all, 95)),
    readP99: round(percentile(all, 99)),
    listP50: round(percentile(stats.listLatencies, 50)),
    listP99: round(percentile(stats.listLatencies, 99)),
    detailP50: round(percentile(stats.detailLatencies, 50)),
    detailP99: round(percentile(stats.detailLatencies, 99)),
    readErrors: stats.readErrors,
    staleAnswers: stats.staleAnswers,
    staleValues: stats.staleValues,
    tooLowAnswers: stats.tooLowAnswers,
    inconsistentAnswers: stats.inconsistent,
    examples: stats.examples,
    machineCoresBusy: round((cpuAfter.busyMs - cpuBefore.busyMs) / 1000 / elapsed),
    machineCpuMsPerRequest: Math.round(((cpuAfter.busyMs - cpuBefore.busyMs) / Math.max(1, all.length + orders)) * 1000) / 1000,
    ...(control ? { control: control.kind } : {}),
    ...(burner ? { burnedCores: round(burnedMs / 1000 / elapsed) } : {}),
    sched: schedDelta(schedBefore, schedAfter, elapsed),
  };
  log(
    `${rowLabel(row)}: ${row.achievedOrdersPerSecond} achieved (${orderErrors} not 201, worst lag ${Math.round(maxLag)} ms), ${row.listReadsPerSecond} lists/s + ${row.detailReadsPerSecond} details/s, ` +
      `hits ${Math.round(row.listHitRate * 100)} % / ${Math.round(row.detailHitRate * 100)} %, read p50 ${row.readP50} / p99 ${row.readP99} ms, stale ${row.staleAnswers}, too low ${row.tooLowAnswers}`,
  );
  return row;
}

const pct = (v: number) => `${Math.round(v * 100)} %`;

const BURNER_MARK = "mixed-bench-burner";
const FAMILIES = ["workerd JS thread", "workerd other threads", "Postgres", "Redis", "bridges and stand-ins", "this bench", "burner"];

/** Which group a thread's time counts in; the machine's other processes are left out. */
function family(t: { pid: number; tid: number; comm: string; cmdline: string }): string | null {
  if (t.comm === "workerd") return t.tid === t.pid ? "workerd JS thread" : "workerd other threads";
  if (t.comm.startsWith("postgres")) return "Postgres";
  if (t.comm === "redis-server") return "Redis";
  if (t.cmdline.includes("stack-process.ts")) return "bridges and stand-ins";
  if (t.pid === process.pid) return "this bench";
  if (t.cmdline.includes(BURNER_MARK)) return "burner";
  return null;
}

/** Per group, in cores over `seconds`. A process that started or ended within the row counts only what its threads show at the end. */
function schedDelta(before: Map<string, SchedTime>, after: Map<string, SchedTime>, seconds: number): MixedRow["sched"] {
  return FAMILIES.filter((f) => after.has(f)).map((f) => {
    const a = after.get(f)!;
    const b = before.get(f) ?? { runMs: 0, waitMs: 0 };
    return { family: f, run: round(Math.max(0, a.runMs - b.runMs) / 1000 / seconds), wait: round(Math.max(0, a.waitMs - b.waitMs) / 1000 / seconds) };
  });
}

/** Where each row's CPU went: cores running, and (after +) cores' worth of runnable threads waiting for a core. */
export function schedTable(rows: MixedRow[]): string {
  const families = FAMILIES.filter((f) => rows.some((r) => r.sched.some((s) => s.family === f && s.run + s.wait >= 0.01)));
  const lines = [`| row | ${families.join(" | ")} |`, `|---|${families.map(() => "---:").join("|")}|`];
  for (const r of rows) {
    const cell = (f: string) => {
      const s = r.sched.find((x) => x.family === f);
      return s ? `${s.run.toFixed(2)} + ${s.wait.toFixed(2)}` : "–";
    };
    lines.push(`| ${rowLabel(r)} | ${families.map(cell).join(" | ")} |`);
  }
  return lines.join("\n");
}

function rowLabel(r: MixedRow): string {
  if (r.control === "again") return "0 orders/s (again, at the end)";
  if (r.control === "burn") return `0 orders/s + ${r.burnedCores} cores burned`;
  return `${r.targetOrdersPerSecond} orders/s`;
}

export function mixedTable(rows: MixedRow[]): string {
  const lines = [
    "| orders/s (target → achieved) | list reads/s | detail reads/s | cache hits list / detail | read p50 / p99 ms | order p50 / p99 ms | stale answers | too low | other wrong | machine cores busy |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.targetOrdersPerSecond} → ${r.achievedOrdersPerSecond}${r.control === "again" ? " (again)" : r.control === "burn" ? ` + ${r.burnedCores} cores burned` : ""} | ${Math.round(r.listReadsPerSecond)} | ${Math.round(r.detailReadsPerSecond)} | ${pct(r.listHitRate)} / ${pct(r.detailHitRate)} | ${r.readP50} / ${r.readP99} | ${r.orders ? `${r.orderP50} / ${r.orderP99}` : "–"} | ${r.staleAnswers} | ${r.tooLowAnswers} | ${r.readErrors + r.inconsistentAnswers + r.orderErrors} | ${r.machineCoresBusy} of ${os.cpus().length} |`,
    );
  }
  return lines.join("\n");
}

/** The first no-order row that is not a control: the base the other rows are compared with. */
function noOrderRow(rows: MixedRow[]): MixedRow | undefined {
  return rows.find((r) => r.targetOrdersPerSecond === 0 && !r.control);
}

/** The machine CPU a row's orders cost, ms each: its busy CPU minus its reads at `perRead` (the no-order row's price). */
function perOrderMs(r: MixedRow, perRead: number): number {
  const reads = (r.listReadsPerSecond + r.detailReadsPerSecond) * r.seconds;
  const busyMs = r.machineCoresBusy * 1000 * r.seconds;
  return (busyMs - reads * perRead) / r.orders;
}

/**
 * Where the reads went at each order rate, when the machine is the limit: the machine's busy CPU
 * minus what the row's reads cost at the no-order row's price per read, divided by the orders.
 */
export function orderCost(rows: MixedRow[]): string[] {
  const base = noOrderRow(rows);
  if (!base) return [];
  const perRead = base.machineCpuMsPerRequest;
  const readRate = (r: MixedRow) => pct((r.listReadsPerSecond + r.detailReadsPerSecond) / (base.listReadsPerSecond + base.detailReadsPerSecond));
  // With several rounds, roundsSummary speaks for the rates; one row's estimate is noise.
  const once = (r: MixedRow) => rows.filter((x) => !x.control && x.targetOrdersPerSecond === r.targetOrdersPerSecond).length === 1;
  return rows
    .filter((r) => (r.orders > 0 && once(r)) || r.control)
    .map((r) => {
      if (r.control === "again") return `no orders again, at the end: reads at ${readRate(r)} of the first no-order row (the machine's own drift)`;
      if (r.control === "burn") return `no orders, ${r.burnedCores} cores burned by another process: reads at ${readRate(r)} of the no-order rate`;
      const perOrder = perOrderMs(r, perRead);
      return `${r.targetOrdersPerSecond} orders/s: reads at ${readRate(r)} of the no-order rate; an order cost ≈ ${perOrder.toFixed(1)} ms of machine CPU (≈ ${Math.round(perOrder / perRead)} reads at ${perRead} ms each)`;
    });
}

/** With several rounds: per rate, the median reads/s of its rows against the median of the no-order rows. */
export function roundsSummary(rows: MixedRow[]): string[] {
  const plain = rows.filter((r) => !r.control);
  const rates = [...new Set(plain.map((r) => r.targetOrdersPerSecond))];
  const readsOf = (rate: number) => plain.filter((r) => r.targetOrdersPerSecond === rate).map((r) => r.listReadsPerSecond + r.detailReadsPerSecond);
  if (!rates.includes(0) || rates.every((rate) => readsOf(rate).length < 2)) return [];
  const base = median(readsOf(0));
  return rates.map((rate) => {
    const reads = readsOf(rate);
    return `${rate} orders/s, ${reads.length} rows: median ${Math.round(median(reads))} reads/s, ${pct(median(reads) / base)} of the no-order median (rows: ${reads.map((x) => pct(x / base)).join(", ")})`;
  });
}

/** The cores the busiest row's orders kept busy (0 without a no-order row or orders). */
function ordersCores(rows: MixedRow[]): number {
  const base = noOrderRow(rows);
  const top = rows.filter((r) => r.orders > 0).sort((a, b) => b.achievedOrdersPerSecond - a.achievedOrdersPerSecond)[0];
  if (!base || !top) return 0;
  return Math.max(0, (perOrderMs(top, base.machineCpuMsPerRequest) * top.orders) / 1000 / top.seconds);
}

// Spins for its share of every 20 ms and sleeps the rest; prints its own CPU time (ms) when told to stop.
const BURNER = `
const share = Number(process.argv[1]);
let stop = false;
process.stdin.on("data", () => { stop = true; });
const tick = () => {
  if (stop) { const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000)); process.exit(0); }
  const until = performance.now() + 20 * share;
  while (performance.now() < until);
  setTimeout(tick, 20 * (1 - share));
};
tick();
`;

/** Burns `cores` of CPU in as many processes as it takes (each at most one core) until stopped. */
function startBurner(cores: number): { stop: () => Promise<number> } {
  const n = Math.ceil(cores);
  const children: ChildProcess[] = Array.from({ length: n }, () => spawn(process.execPath, ["-e", BURNER, String(cores / n), BURNER_MARK], { stdio: ["pipe", "pipe", "inherit"] }));
  return {
    stop: () =>
      Promise.all(
        children.map(
          (child) =>
            new Promise<number>((resolve) => {
              let out = "";
              child.stdout!.on("data", (d: Buffer) => (out += d));
              child.on("exit", () => resolve(Number(out) || 0));
              child.stdin!.write("stop\n");
            }),
        ),
      ).then((ms) => ms.reduce((a, b) => a + b, 0)),
  };
}

export async function mixedBench(opts: MixedOptions): Promise<void> {
  const log = (l: string) => console.log(`[mixed] ${l}`);
  const runId = Date.now().toString(36);
  const own = await startOwnStack("mixed", log);
  const rows: MixedRow[] = [];
  let accountingErrors = 0;
  try {
    const fixture = await makeFixture(own, runId, log);
    const totalOrders = opts.rounds * opts.rates.reduce((n, r) => n + Math.ceil(r * opts.seconds), 0);
    // A quarter more than needed: an order that fails still uses one of its shopper's four.
    const count = Math.ceil((totalOrders * 1.25) / ORDERS_PER_SHOPPER) + 4;
    log(`registering ${count} shoppers (at most ${ORDERS_PER_SHOPPER} orders each, below the 5 unpaid pending orders an account may hold)…`);
    const shoppers: Shopper[] = [];
    await pool(Array.from({ length: count }, (_, i) => i), 4, async (i) => {
      const u = await own.api.user(`mixed-${runId}-${i}@example.com`);
      shoppers.push({ token: u.token, left: ORDERS_PER_SHOPPER, variant: null, dirty: false });
    });
    const start = await variantStock(own, fixture);
    const ledger = new Ledger(start, fixture);
    const queue = new ShopperQueue(shoppers, own, fixture);
    // Every page and detail once, so the first row starts warm.
    const agent = new http.Agent({ keepAlive: true });
    const base = new URL(own.worker.url);
    for (const page of fixture.pages) await get(agent, base, `/api/products?category=${page.category}`);
    for (const p of fixture.products) await get(agent, base, `/api/products/${p.id}`);
    agent.destroy();
    log(`${opts.readers} readers over ${fixture.pages.length} list pages and ${fixture.products.length} products; ${opts.seconds} s per row at ${opts.rates.join(", ")} orders/s`);
    // A row's worth of reads, not counted: the first row measured runs on JIT-compiled code like the
    // others (measured first and cold, the no-order rate came out below the 1 and 5 orders/s rows).
    log("warm-up row (not counted):");
    await runRow(own, fixture, ledger, queue, 0, opts.seconds, opts.readers, log);
    for (let round = 0; round < opts.rounds; round++) {
      for (const rate of opts.rates) rows.push(await runRow(own, fixture, ledger, queue, rate, opts.seconds, opts.readers, log));
    }
    if (opts.control) {
      const cores = ordersCores(rows);
      rows.push(await runRow(own, fixture, ledger, queue, 0, opts.seconds, opts.readers, log, { kind: "again" }));
      if (cores > 0) rows.push(await runRow(own, fixture, ledger, queue, 0, opts.seconds, opts.readers, log, { kind: "burn", cores }));
    }
    // The checker's basis: the database's stock is the start minus every 201 the bench saw (and
    // minus some of the orders answered 5xx or not at all, which may have been taken).
    const end = await variantStock(own, fixture);
    for (const [id, v] of ledger.variants) {
      const stock = end.get(id) ?? NaN;
      const most = v.start - v.done.length;
      if (!(stock <= most && stock >= most - v.unknown)) {
        accountingErrors++;
        log(`variant ${id}: database has ${stock}, the bench expected ${v.unknown ? `${most - v.unknown}–${most}` : most}`);
      }
    }
  } finally {
    await own.stop();
  }
  const table = mixedTable(rows);
  const costs = [...orderCost(rows), ...roundsSummary(rows)];
  console.log(`\nReads while orders come in (serve, ${opts.readers} readers, ${opts.seconds} s per row):\n\n${table}\n${costs.map((l) => `\n${l}`).join("")}\n`);
  const sched = schedTable(rows);
  console.log(`Where the CPU went, in cores: running + runnable but waiting for one of the ${os.cpus().length} (per thread, /proc/*/task/*/schedstat):\n\n${sched}\n`);
  for (const r of rows) if (r.examples.length) console.log(`${r.targetOrdersPerSecond} orders/s, first findings:\n  ${r.examples.join("\n  ")}`);
  opts.findings.mixed = { seconds: opts.seconds, readers: opts.readers, rows, accountingErrors, table, costs, sched };
  for (const r of rows) {
    const reads = r.listReads + r.detailReads;
    opts.samples.push({
      name: `mixed: reads at ${rowLabel(r)}`,
      requests: reads,
      concurrency: opts.readers,
      p50: r.readP50,
      p95: r.readP95,
      p99: r.readP99,
      rps: round(reads / r.seconds),
      errors: r.readErrors + r.staleAnswers + r.tooLowAnswers + r.inconsistentAnswers + r.orderErrors,
      notes: `${r.achievedOrdersPerSecond} orders/s achieved; hits list ${pct(r.listHitRate)}, detail ${pct(r.detailHitRate)}; stale ${r.staleAnswers}, too low ${r.tooLowAnswers}`,
    });
  }
  if (accountingErrors > 0 || rows.some((r) => r.staleAnswers + r.tooLowAnswers + r.inconsistentAnswers + r.readErrors > 0)) process.exitCode = 1;
}
