// npm run bench -- rtt [--samples N] [--delay MS] [--hot-users N] [--only REGEX]
// Round trips per request on the critical path (docs/design/round-trips.md), measured the way a distant store is
// felt: a throwaway stack (Postgres, Redis, both bridges) and `wrangler dev` on it; for every
// endpoint of the API, the median latency with one bridge holding each message `delay` ms each way,
// minus the median with no delay, divided by the injected round trip (2 × delay). One bridge at a
// time, samples interleaved; requests that change state get fresh state before every sample.
// The bridges also count what crossed them (after the inbound hold, so work sent after the response
// is not counted): /sql requests, WebSocket connections, Upstash requests.
// Then the hot-product run: N users each with the same product in the cart check out at once with
// a 2 × `hot-delay` ms round trip to Postgres: wall time, p50, p99, every order checked, next to a
// baseline (the same users checking out at once, each a product of their own) that shows what the
// local harness itself takes for that many simultaneous checkouts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import WebSocket from "ws";
import type { NeonBridge } from "../../scripts/bridges/neon-bridge.ts";
import type { UpstashBridge } from "../../scripts/bridges/upstash-bridge.ts";
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD, ensureDemoData } from "../../scripts/lib/demo.ts";
import { freePort } from "../../scripts/lib/ports.ts";
import { startStack, type Stack } from "../../scripts/lib/stack.ts";
import { buildAssets } from "../../scripts/lib/bundle.ts";
import { startWranglerDev, type WranglerDev } from "../../scripts/lib/wrangler.ts";
import { ApiClient, pool, type Res } from "../lib/api-client.ts";
import { median, percentile, round, spread } from "./stats.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface RttOptions {
  /** Requests per (endpoint, setting): no delay, Postgres delayed, Redis delayed. */
  samples: number;
  /** Hold per message per direction while measuring, ms (the injected round trip is twice this). */
  delayMs: number;
  hotUsers: number;
  /** Hold per message per direction on the neon bridge during the hot-product run. */
  hotDelayMs: number;
  outDir: string;
  /** Only endpoints whose name matches (the hot-product run is named "hot-product"). */
  only?: RegExp;
}

export interface RttRow {
  request: string;
  postgresRoundTrips: number;
  redisRoundTrips: number;
  /** Medians of what the bridges counted per request while their delay was on. */
  sqlRequests: number;
  wsConnections: number;
  upstashRequests: number;
  /** Median of the Worker's X-Db-Statements (SQL statements it sent to Postgres), when it sends one. */
  sqlStatements: number | null;
  p50NoDelayMs: number;
  p50PostgresDelayedMs: number;
  p50RedisDelayedMs: number;
  samples: number;
  errors: number;
  notes?: string;
}

export interface HotProductRun {
  users: number;
  roundTripMs: number;
  wallMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  wallRoundTrips: number;
  p50RoundTrips: number;
  p99RoundTrips: number;
  /**
   * The same users checking out at once, at the same round trip, just before the hot run, each a
   * product of their own (no shared row): what the local harness (one workerd thread, the bridges
   * and Postgres on shared cores) takes for that many simultaneous checkouts. The hot run's wall
   * minus this is what queueing on the one product row adds.
   */
  baselineWallMs: number;
  baselineWallRoundTrips: number;
  /** The first such burst, on sessions that had not run shop_place_order yet (for information). */
  coldWallMs: number;
  /** (wall − baseline wall) ÷ round trip. */
  excessRoundTrips: number;
  ordersPerSecond: number;
  created: number;
  statuses: Record<string, number>;
  stockBefore: number;
  stockAfter: number;
  unitsOrdered: number;
  correct: boolean;
  problems: string[];
}

export interface RttReport {
  machine: string;
  date: string;
  delayMs: number;
  samples: number;
  rows: RttRow[];
  hot: HotProductRun | null;
  files: string[];
}

interface Outcome {
  status: number;
  headers?: Headers;
  body?: any;
}

interface Scenario<S = any> {
  name: string;
  /** Runs with no delay before every sample: what the measured request needs (fresh state). */
  setup?: () => Promise<S>;
  run: (state: S) => Promise<Outcome>;
  /** The answer a client expects; anything else is counted as an error. */
  ok: (res: Outcome) => boolean;
  notes?: string;
}

type Setting = "none" | "postgres" | "redis";

/** A scenario's `ok`: the answer has this status (and, for `cache`, this X-Cache). */
const status = (code: number) => (res: Outcome) => res.status === code;
const cache = (code: number, xcache: string) => (res: Outcome) => res.status === code && res.headers?.get("x-cache") === xcache;

type User = Awaited<ReturnType<ApiClient["user"]>>;

/** What the endpoint rows run against, made once before the first sample. */
interface EndpointFixtures {
  admin: string;
  category: number;
  /** Five products of the category, priced 10.50 to 14.50, with stock that never runs out. */
  products: [number, number, number, number, number];
  password: string;
  /** Owns the cart the cart rows measure. */
  shopper: User;
  /** Has orders (`history`, all paid, the first four shipped) and so notifications. */
  buyer: User;
  /** Logs in, refreshes, edits itself. */
  account: User;
  history: number[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The installed version of a package, looked up at the top level and then inside the named parents. */
function versionOf(pkg: string, ...parents: string[]): string {
  for (const dir of ["", ...parents.map((p) => path.join(p, "node_modules"))]) {
    try {
      return JSON.parse(fs.readFileSync(path.join(root, "node_modules", dir, pkg, "package.json"), "utf8")).version;
    } catch {
      // not there; try the next place
    }
  }
  return "?";
}

async function machineNote(stack: Stack): Promise<string> {
  const client = new pg.Client({ connectionString: stack.postgres.url });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("show server_version");
  await client.end();
  const cpu = os.cpus()[0]?.model?.trim() ?? "cpu";
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, wrangler ${versionOf("wrangler")} (workerd ${versionOf("workerd", "wrangler")}), PostgreSQL ${rows[0]?.server_version} (embedded) and redis-server on the same box`;
}

export async function runRtt(opts: RttOptions, log: (line: string) => void = console.log): Promise<RttReport> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "edge-shop-rtt-"));
  let stack: Stack | null = null;
  let wrangler: WranglerDev | null = null;
  const stopAll = async () => {
    await wrangler?.stop().catch(() => undefined);
    await stack?.stop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const onSignal = () => {
    log("interrupted: stopping wrangler and the stack");
    void stopAll().then(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    stack = await startStack({ dataDir: path.join(dataDir, "pg"), persistent: false, log: (line) => log(`  ${line}`) });
    // The bench turns the knobs itself; a delay left in the environment must not skew the baseline.
    stack.neonBridge.setDelay(0);
    stack.upstashBridge.setDelay(0);
    await ensureDemoData(stack.postgres.url, { email: DEFAULT_ADMIN_EMAIL, password: DEFAULT_ADMIN_PASSWORD });
    buildAssets(); // wrangler dev refuses to start while the [assets] directory is missing (a fresh clone)
    wrangler = await startWranglerDev({
      port: await freePort(),
      bindings: {
        ...stack.workerBindings,
        JWT_SECRET: `rtt-${crypto.randomUUID()}-${crypto.randomUUID()}`,
        PASSWORD_PEPPER: "rtt-pepper-0123456789abcdef0123456789abcdef",
        EXPOSE_QUERY_COUNT: "true",
        // As in the test pool: on a busy shared machine 30 simultaneous checkouts in one workerd
        // thread can hold a response past the production default of 1 s with nothing wrong with
        // Postgres, and a cut response is a 503 for an order that was placed. Latencies are unchanged.
        DATABASE_TIMEOUT_MS: "5000",
      },
      persistTo: path.join(dataDir, "wrangler-state"),
      processGroup: true,
      timeoutMs: 120_000,
    });
    log(`  wrangler dev on ${wrangler.url}`);
    const machine = await machineNote(stack);
    const bench = new RttBench(stack, new ApiClient(wrangler.url), opts, log);
    const rows = await bench.endpoints();
    const hot = !opts.only || opts.only.test("hot-product") ? await bench.hotProduct() : null;
    const report: RttReport = { machine, date: new Date().toISOString(), delayMs: opts.delayMs, samples: opts.samples, rows, hot, files: [] };
    report.files = writeReport(report, opts.outDir);
    return report;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await stopAll();
  }
}

class RttBench {
  private readonly neon: NeonBridge;
  private readonly upstash: UpstashBridge;
  private readonly api: ApiClient;
  private readonly opts: RttOptions;
  private readonly log: (line: string) => void;
  private readonly databaseUrl: string;
  private readonly runId = Date.now().toString(36);
  private unique = 0;
  private stuck = 0;

  constructor(stack: Stack, api: ApiClient, opts: RttOptions, log: (line: string) => void) {
    this.neon = stack.neonBridge;
    this.upstash = stack.upstashBridge;
    this.databaseUrl = stack.postgres.url;
    this.api = api;
    this.opts = opts;
    this.log = log;
  }

  private next(): number {
    return ++this.unique;
  }

  private setDelays(neonMs: number, upstashMs: number) {
    this.neon.setDelay(neonMs);
    this.upstash.setDelay(upstashMs);
  }

  /** Waits until nothing is crossing either bridge (work a previous request left in waitUntil). */
  private async quiesce(): Promise<void> {
    const deadline = performance.now() + 3000;
    while (performance.now() < deadline) {
      const n = this.neon.counts();
      const u = this.upstash.counts();
      if (n.sqlInFlight === 0 && n.wsOpen === 0 && u.inFlight === 0) return;
      await sleep(2);
    }
    this.stuck++;
  }

  private async expect(res: Outcome, status: number, what: string): Promise<any> {
    if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return res.body;
  }

  private async sample(sc: Scenario, setting: Setting) {
    this.setDelays(0, 0);
    const state = sc.setup ? await sc.setup() : undefined;
    await this.quiesce();
    if (setting === "postgres") this.neon.setDelay(this.opts.delayMs);
    if (setting === "redis") this.upstash.setDelay(this.opts.delayMs);
    const n0 = this.neon.counts();
    const u0 = this.upstash.counts();
    const t0 = performance.now();
    let res: Outcome;
    try {
      res = await sc.run(state);
    } catch (err) {
      res = { status: 0, body: String(err) };
    }
    const ms = performance.now() - t0;
    const n1 = this.neon.counts();
    const u1 = this.upstash.counts();
    this.setDelays(0, 0);
    const queries = res.headers?.get("x-db-statements");
    return {
      ms,
      ok: sc.ok(res),
      status: res.status,
      sqlRequests: n1.sqlRequests - n0.sqlRequests,
      wsConnections: n1.wsConnections - n0.wsConnections,
      upstashRequests: u1.requests - u0.requests,
      statements: queries == null ? null : Number(queries),
    };
  }

  async measure(sc: Scenario): Promise<RttRow> {
    const settings: Setting[] = ["none", "postgres", "redis"];
    const results: Record<Setting, Awaited<ReturnType<RttBench["sample"]>>[]> = { none: [], postgres: [], redis: [] };
    const badStatuses: number[] = [];
    for (let i = 0; i < this.opts.samples; i++) {
      // Rotate the order so slow drift in the machine falls on every setting alike.
      for (let k = 0; k < settings.length; k++) {
        const setting = settings[(i + k) % settings.length]!;
        const r = await this.sample(sc, setting);
        results[setting].push(r);
        if (!r.ok) badStatuses.push(r.status);
      }
    }
    const med = (s: Setting) => median(results[s].map((r) => r.ms));
    const rt = (s: Setting) => Math.max(0, round((med(s) - med("none")) / (2 * this.opts.delayMs)));
    const statements = results.none.map((r) => r.statements).filter((v): v is number => v !== null && Number.isFinite(v));
    const row: RttRow = {
      request: sc.name,
      postgresRoundTrips: rt("postgres"),
      redisRoundTrips: rt("redis"),
      sqlRequests: median(results.postgres.map((r) => r.sqlRequests)),
      wsConnections: median(results.postgres.map((r) => r.wsConnections)),
      upstashRequests: median(results.redis.map((r) => r.upstashRequests)),
      sqlStatements: statements.length ? median(statements) : null,
      p50NoDelayMs: round(med("none")),
      p50PostgresDelayedMs: round(med("postgres")),
      p50RedisDelayedMs: round(med("redis")),
      samples: this.opts.samples,
      errors: badStatuses.length,
      notes: [sc.notes, badStatuses.length ? `unexpected answers: ${badStatuses.slice(0, 5).join(", ")}` : ""].filter(Boolean).join("; ") || undefined,
    };
    this.log(
      `  ${row.request.padEnd(52)} pg ${row.postgresRoundTrips.toFixed(1).padStart(5)}  redis ${row.redisRoundTrips.toFixed(1).padStart(4)}  ` +
        `(/sql ${row.sqlRequests}, ws ${row.wsConnections}, upstash ${row.upstashRequests}, stmts ${row.sqlStatements ?? "-"}; p50 ${row.p50NoDelayMs} ms)${row.errors ? `  ${row.errors} ERRORS` : ""}`,
    );
    return row;
  }

  // ---------------------------------------------------------------- fixtures and endpoints

  private async admin(): Promise<string> {
    return this.api.login(DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD);
  }

  private async newCategory(admin: string): Promise<number> {
    const res = await this.api.call("POST", "/api/categories", { token: admin, body: { name: `RTT ${this.runId} ${this.next()}`, description: "rtt bench" } });
    return (await this.expect(res, 201, "create category")).id;
  }

  private async newProduct(admin: string, category: number, stock: number, price = "9.99"): Promise<number> {
    const res = await this.api.call("POST", "/api/products", { token: admin, body: { name: `RTT product ${this.runId} ${this.next()}`, description: "rtt bench", price, stock, category_id: category } });
    return (await this.expect(res, 201, "create product")).id;
  }

  /** Puts `quantity` of the product in the cart (`what` names the step if it is refused). */
  private async addToCart(token: string, productId: number, quantity = 1, what = "cart"): Promise<void> {
    await this.expect(await this.api.call("POST", "/api/cart/items", { token, body: { product_id: productId, quantity } }), 200, what);
  }

  /** Checks out the cart, with a fresh Idempotency-Key as the shop's own client sends. */
  private checkout(token: string): Promise<Res> {
    return this.api.call("POST", "/api/orders", { token, headers: { "idempotency-key": crypto.randomUUID() } });
  }

  private async placeOrder(token: string, productId: number): Promise<number> {
    await this.addToCart(token, productId, 1, "add to cart");
    return (await this.expect(await this.checkout(token), 201, "place order")).id;
  }

  /** Moves an order to `status` as the admin (set-up only). */
  private async move(admin: string, orderId: number, status: "paid" | "shipped"): Promise<void> {
    await this.expect(await this.api.call("PATCH", `/api/admin/orders/${orderId}`, { token: admin, body: { status } }), 200, status === "paid" ? "pay" : "ship");
  }

  /** Ships a pending order: `shipped` requires `paid`, so the admin records a payment first. */
  private async ship(admin: string, orderId: number): Promise<void> {
    await this.move(admin, orderId, "paid");
    await this.move(admin, orderId, "shipped");
  }

  /** Pays every pending order of the user: one user may hold at most 5 unpaid orders, and the order rows place many. */
  private async makeRoom(admin: string, userId: number): Promise<void> {
    const page = await this.expect(await this.api.call("GET", `/api/admin/orders?status=pending&user=${userId}&page_size=100`, { token: admin }), 200, "pending orders");
    for (const o of page.results as { id: number }[]) await this.move(admin, o.id, "paid");
  }

  /** A run (or set-up) that GETs `path`, signed in as `token` when there is one. */
  private get(path: string, token?: string) {
    return () => this.api.call("GET", path, { token });
  }

  /** A set-up that GETs `path` once, so the measured GET finds it cached. */
  private warm(path: string) {
    return async () => {
      await this.api.call("GET", path);
    };
  }

  /** One row per endpoint (or those `--only` picks), grouped by domain. */
  async endpoints(): Promise<RttRow[]> {
    const f = await this.endpointFixtures();
    const scenarios = [
      ...this.accountScenarios(f),
      ...this.catalogScenarios(f),
      ...this.cartScenarios(f),
      ...this.orderScenarios(f),
      ...this.notificationScenarios(f),
    ];
    const chosen = scenarios.filter((s) => !this.opts.only || this.opts.only.test(s.name));
    this.log(`rtt: ${chosen.length} endpoints × ${this.opts.samples} samples × (no delay, Postgres delayed, Redis delayed), ${this.opts.delayMs} ms each way`);
    const rows: RttRow[] = [];
    for (const sc of chosen) rows.push(await this.measure(sc));
    if (this.stuck) this.log(`  note: ${this.stuck} samples started while a bridge was still busy after 3 s`);
    return rows;
  }

  /** What the endpoint rows share, made once with no delay (all of it, whatever `--only` picks). */
  private async endpointFixtures(): Promise<EndpointFixtures> {
    const api = this.api;
    const admin = await this.admin();
    const category = await this.newCategory(admin);
    const products: number[] = [];
    for (let i = 0; i < 5; i++) products.push(await this.newProduct(admin, category, 1_000_000, `${10 + i}.50`));
    const password = "rtt-password-123";
    const shopper = await api.user(`rtt-shopper-${this.runId}@example.com`, password);
    const buyer = await api.user(`rtt-buyer-${this.runId}@example.com`, password);
    const account = await api.user(`rtt-account-${this.runId}@example.com`, password);
    // The shopper's cart: two lines. The buyer: a history of orders, all paid (a user holds at most
    // 5 unpaid ones), some shipped (notifications).
    for (const p of products.slice(0, 2)) await this.addToCart(shopper.token, p, 2);
    const history: number[] = [];
    for (let i = 0; i < 6; i++) {
      history.push(await this.placeOrder(buyer.token, products[i % products.length]!));
      await this.move(admin, history[i]!, "paid");
    }
    for (const id of history.slice(0, 4)) await this.move(admin, id, "shipped");
    // Warm the default listing (and its count) once, so the "count cached" rows really have one.
    await api.call("GET", "/api/products");
    await api.call("GET", "/api/categories");
    return { admin, category, products: products as EndpointFixtures["products"], password, shopper, buyer, account, history };
  }

  /** Health and documents, then the account: register, log in, refresh, log out, me. */
  private accountScenarios({ account, password }: EndpointFixtures): Scenario[] {
    const api = this.api;
    // A refresh token of its own for each refresh and logout sample (either one uses it up).
    const login = async () => (await this.expect(await api.call("POST", "/api/auth/login", { body: { email: account.email, password } }), 200, "login")).refresh as string;
    return [
      { name: "GET /health", run: this.get("/health"), ok: status(200) },
      { name: "GET /api/openapi.json", run: this.get("/api/openapi.json"), ok: status(200) },
      { name: "GET /docs", run: this.get("/docs"), ok: status(200) },
      {
        name: "POST /api/auth/register",
        run: () => api.call("POST", "/api/auth/register", { body: { email: `rtt-new-${this.runId}-${this.next()}@example.com`, password } }),
        ok: status(201),
      },
      { name: "POST /api/auth/login", run: () => api.call("POST", "/api/auth/login", { body: { email: account.email, password } }), ok: status(200) },
      { name: "POST /api/auth/refresh", setup: login, run: (refresh: string) => api.call("POST", "/api/auth/refresh", { body: { refresh } }), ok: status(200) },
      { name: "POST /api/auth/logout", setup: login, run: (refresh: string) => api.call("POST", "/api/auth/logout", { body: { refresh } }), ok: status(204) },
      { name: "GET /api/me", run: this.get("/api/me", account.token), ok: status(200) },
      { name: "PATCH /api/me", run: () => api.call("PATCH", "/api/me", { token: account.token, body: { name: `Name ${this.next()}` } }), ok: status(200) },
    ];
  }

  /** Categories and products: reads cached and missed, and the admin's writes. */
  private catalogScenarios({ admin, category, products: [p1, , p3, p4] }: EndpointFixtures): Scenario[] {
    const api = this.api;
    // Any catalog write raises the version, so the next read of anything cached is a miss (its count stays cached).
    const bump = async () => {
      await this.expect(await api.call("POST", `/api/products/${p4}/stock`, { token: admin, body: { delta: 1 } }), 200, "bump");
    };
    return [
      { name: "GET /api/categories (cached)", setup: this.warm("/api/categories"), run: this.get("/api/categories"), ok: cache(200, "hit") },
      { name: "GET /api/categories (miss)", setup: bump, run: this.get("/api/categories"), ok: cache(200, "miss") },
      { name: "GET /api/categories/{id} (cached)", setup: this.warm(`/api/categories/${category}`), run: this.get(`/api/categories/${category}`), ok: cache(200, "hit") },
      { name: "GET /api/categories/{id} (miss)", setup: bump, run: this.get(`/api/categories/${category}`), ok: cache(200, "miss") },
      {
        name: "POST /api/categories",
        run: () => api.call("POST", "/api/categories", { token: admin, body: { name: `RTT new ${this.runId} ${this.next()}`, description: "" } }),
        ok: status(201),
      },
      { name: "PATCH /api/categories/{id}", run: () => api.call("PATCH", `/api/categories/${category}`, { token: admin, body: { description: `d${this.next()}` } }), ok: status(200) },
      { name: "DELETE /api/categories/{id}", setup: () => this.newCategory(admin), run: (id: number) => api.call("DELETE", `/api/categories/${id}`, { token: admin }), ok: status(204) },

      { name: "GET /api/products (cached)", setup: this.warm("/api/products"), run: this.get("/api/products"), ok: cache(200, "hit") },
      { name: "GET /api/products (miss, count cached)", setup: bump, run: this.get("/api/products"), ok: cache(200, "miss") },
      {
        name: "GET /api/products, new filter set (miss + count)",
        run: () => api.call("GET", `/api/products?max_price=${900000 + this.next()}.00`),
        ok: cache(200, "miss"),
        notes: "a max_price never asked before",
      },
      { name: "GET /api/products/{id} (cached)", setup: this.warm(`/api/products/${p1}`), run: this.get(`/api/products/${p1}`), ok: cache(200, "hit") },
      { name: "GET /api/products/{id} (miss)", setup: bump, run: this.get(`/api/products/${p1}`), ok: cache(200, "miss") },
      { name: "POST /api/products", run: () => this.newProductRequest(admin, category), ok: status(201) },
      { name: "PATCH /api/products/{id}", run: () => api.call("PATCH", `/api/products/${p3}`, { token: admin, body: { price: `${20 + (this.next() % 2)}.00` } }), ok: status(200) },
      {
        name: "DELETE /api/products/{id}",
        setup: () => this.newProduct(admin, category, 5),
        run: (id: number) => api.call("DELETE", `/api/products/${id}`, { token: admin }),
        ok: status(204),
        notes: "never ordered: removed",
      },
      { name: "POST /api/products/{id}/stock", run: () => api.call("POST", `/api/products/${p4}/stock`, { token: admin, body: { delta: 1 } }), ok: status(200) },
    ];
  }

  /** The shopper's cart, refilled before every sample to the lines the row names. */
  private cartScenarios({ shopper, products: [p1, p2, p3] }: EndpointFixtures): Scenario[] {
    const api = this.api;
    const fillCart = async (lines: number[]) => {
      await api.call("DELETE", "/api/cart", { token: shopper.token });
      for (const p of lines) await this.addToCart(shopper.token, p);
    };
    return [
      { name: "GET /api/cart", setup: () => fillCart([p1, p2]), run: this.get("/api/cart", shopper.token), ok: status(200), notes: "2 lines" },
      {
        name: "POST /api/cart/items",
        setup: () => fillCart([p1, p2]),
        run: () => api.call("POST", "/api/cart/items", { token: shopper.token, body: { product_id: p3, quantity: 1 } }),
        ok: status(200),
        notes: "third line into a cart of 2",
      },
      {
        name: "PATCH /api/cart/items/{product_id}",
        setup: () => fillCart([p1, p2]),
        run: () => api.call("PATCH", `/api/cart/items/${p1}`, { token: shopper.token, body: { quantity: 3 } }),
        ok: status(200),
      },
      { name: "DELETE /api/cart/items/{product_id}", setup: () => fillCart([p1, p2, p3]), run: () => api.call("DELETE", `/api/cart/items/${p3}`, { token: shopper.token }), ok: status(200) },
      { name: "DELETE /api/cart", setup: () => fillCart([p1, p2]), run: () => api.call("DELETE", "/api/cart", { token: shopper.token }), ok: status(204) },
    ];
  }

  /** The buyer's orders (a fresh order where the row changes one) and the admin's view of them. */
  private orderScenarios({ admin, buyer, history, products: [p1, p2] }: EndpointFixtures): Scenario[] {
    const api = this.api;
    return [
      {
        name: "POST /api/orders (1 line)",
        setup: async () => {
          await this.makeRoom(admin, buyer.id);
          await this.addToCart(buyer.token, p1);
        },
        run: () => this.checkout(buyer.token),
        ok: status(201),
        notes: "with an Idempotency-Key; the set-up pays the buyer's earlier orders",
      },
      { name: "GET /api/orders", run: this.get("/api/orders", buyer.token), ok: status(200) },
      { name: "GET /api/orders/{id}", run: this.get(`/api/orders/${history[0]}`, buyer.token), ok: status(200) },
      { name: "POST /api/orders/{id}/cancel", setup: () => this.placeOrder(buyer.token, p2), run: (id: number) => api.call("POST", `/api/orders/${id}/cancel`, { token: buyer.token }), ok: status(200) },
      { name: "GET /api/admin/orders", run: this.get("/api/admin/orders?status=pending", admin), ok: status(200), notes: "status=pending" },
      {
        name: "PATCH /api/admin/orders/{id}",
        setup: async () => {
          const id = await this.placeOrder(buyer.token, p2);
          await this.move(admin, id, "paid");
          return id;
        },
        run: (id: number) => api.call("PATCH", `/api/admin/orders/${id}`, { token: admin, body: { status: "shipped" } }),
        ok: status(200),
        notes: "paid → shipped (paid in the set-up)",
      },
    ];
  }

  /** The buyer's notifications: reading them, marking them read, and the live socket. */
  private notificationScenarios({ admin, buyer, products: [p1] }: EndpointFixtures): Scenario[] {
    const api = this.api;
    // An unread notification to mark read: an order of the buyer's, shipped.
    const newNotification = async () => {
      await this.ship(admin, await this.placeOrder(buyer.token, p1));
      const page = await this.expect(await api.call("GET", "/api/notifications?unread=true&page_size=1", { token: buyer.token }), 200, "notifications");
      return page.results[0].id as number;
    };
    return [
      { name: "GET /api/notifications", run: this.get("/api/notifications", buyer.token), ok: status(200) },
      { name: "POST /api/notifications/{id}/read", setup: newNotification, run: (id: number) => api.call("POST", `/api/notifications/${id}/read`, { token: buyer.token }), ok: status(204) },
      { name: "POST /api/notifications/read", setup: newNotification, run: () => api.call("POST", "/api/notifications/read", { token: buyer.token }), ok: status(204) },
      { name: "GET /api/notifications/ws (upgrade)", run: () => this.openSocket(buyer.token), ok: status(101), notes: "until the socket is open" },
    ];
  }

  private newProductRequest(admin: string, category: number) {
    return this.api.call("POST", "/api/products", { token: admin, body: { name: `RTT new ${this.runId} ${this.next()}`, description: "", price: "5.00", stock: 10, category_id: category } });
  }

  private openSocket(token: string): Promise<Outcome> {
    const url = `${this.api.base.replace(/^http/, "ws")}/api/notifications/ws?token=${encodeURIComponent(token)}`;
    return new Promise((resolve) => {
      const socket = new WebSocket(url);
      socket.once("open", () => {
        socket.close();
        resolve({ status: 101 });
      });
      socket.once("unexpected-response", (_req, res) => {
        socket.terminate();
        resolve({ status: res.statusCode ?? 0 });
      });
      socket.once("error", () => resolve({ status: 0 }));
    });
  }

  // ---------------------------------------------------------------- the hot product

  /** The hot run (see HotProductRun): every shopper checks out one unit of the same product at once, its whole stock. */
  async hotProduct(): Promise<HotProductRun> {
    const { productId, price, shoppers } = await this.hotFixtures();
    const db = new pg.Client({ connectionString: this.databaseUrl });
    await db.connect();
    try {
      const stockBefore = await stockOf(db, productId);
      const { coldWallMs, baselineWallMs } = await this.hotBaseline(shoppers);
      for (const u of shoppers) await this.addToCart(u.token, productId);
      const { wallMs, answers } = await this.checkoutAtOnce(shoppers);
      const verdict = await this.judgeHotRun(db, answers, productId, price, stockBefore);
      const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
      const run = hotFigures({ users: this.opts.hotUsers, roundTripMs: 2 * this.opts.hotDelayMs, wallMs, latencies, coldWallMs, baselineWallMs, stockBefore }, verdict);
      this.log(hotSummary(run));
      return run;
    } finally {
      await db.end();
    }
  }

  /** The product (stock: one unit per user) and its shoppers, each with a product of their own in the cart for the baseline. */
  private async hotFixtures(): Promise<{ productId: number; price: string; shoppers: HotShopper[] }> {
    const users = this.opts.hotUsers;
    const price = "12.50";
    this.setDelays(0, 0);
    const admin = await this.admin();
    const category = await this.newCategory(admin);
    const productId = await this.newProduct(admin, category, users, price);
    this.log(`hot product: ${users} users, one unit each of product ${productId} (stock ${users}), ${2 * this.opts.hotDelayMs} ms round trip to Postgres`);
    const shoppers: HotShopper[] = [];
    await pool(
      Array.from({ length: users }, (_, i) => i),
      4,
      async (i) => {
        const u = await this.api.user(`rtt-hot-${this.runId}-${i}@example.com`, "rtt-password-123");
        const own = await this.newProduct(admin, category, 10, price);
        await this.addToCart(u.token, own);
        shoppers.push({ ...u, own });
      },
    );
    return { productId, price, shoppers };
  }

  /**
   * The baseline (see HotProductRun.baselineWallMs): the same checkouts, each of its own product,
   * twice. The first burst (coldWallMs) meets sessions new to shop_place_order and leaves the
   * bridge with one per shopper that has run it, as the sessions of Neon's pooled proxy have in
   * steady state; the second is the baseline. The hot run then pays neither Postgres connects
   * nor the function's first-call planning (which happens while it holds its locks).
   */
  private async hotBaseline(shoppers: HotShopper[]): Promise<{ coldWallMs: number; baselineWallMs: number }> {
    const ownBurst = async () => {
      const { wallMs, answers } = await this.checkoutAtOnce(shoppers);
      if (answers.some((a) => a.res.status !== 201)) throw new Error(`baseline checkouts: ${answers.map((a) => a.res.status).join(",")}`);
      return wallMs;
    };
    const coldWallMs = await ownBurst(); // the carts hotFixtures filled
    for (const u of shoppers) await this.addToCart(u.token, u.own);
    const baselineWallMs = await ownBurst();
    return { coldWallMs, baselineWallMs };
  }

  /** Every shopper checks out their cart at the same moment, Postgres `hotDelayMs` away: the wall time and each answer with its latency. */
  private async checkoutAtOnce(shoppers: HotShopper[]): Promise<{ wallMs: number; answers: HotAnswer[] }> {
    await this.quiesce();
    this.neon.setDelay(this.opts.hotDelayMs);
    const t0 = performance.now();
    const answers = await Promise.all(
      shoppers.map(async (user) => {
        const start = performance.now();
        const res = await this.checkout(user.token);
        return { user, res, ms: performance.now() - start };
      }),
    );
    const wallMs = performance.now() - t0;
    this.neon.setDelay(0);
    return { wallMs, answers };
  }

  /**
   * Whether the hot run kept the shop's promises: every 201 is one pending unit at the price, and
   * the database agrees with the answers (stock down by the units ordered, nothing oversold, one
   * stored order per 201, the product gone from exactly those carts).
   */
  private async judgeHotRun(db: pg.Client, answers: HotAnswer[], productId: number, price: string, stockBefore: number): Promise<HotVerdict> {
    const users = this.opts.hotUsers;
    const statuses: Record<string, number> = {};
    for (const a of answers) statuses[a.res.status] = (statuses[a.res.status] ?? 0) + 1;
    const created = answers.filter((a) => a.res.status === 201);
    const problems = wrongOrders(created, productId, price);
    const stockAfter = await stockOf(db, productId);
    const stored = (
      await db.query<{ orders: string; units: string; owners: string }>(
        "select count(distinct o.id) as orders, coalesce(sum(oi.quantity), 0) as units, count(distinct o.user_id) as owners from order_items oi join orders o on o.id = oi.order_id where oi.product_id = $1",
        [productId],
      )
    ).rows[0]!;
    const leftInCarts = Number((await db.query("select count(*) from cart_items where product_id = $1", [productId])).rows[0].count);
    const unitsOrdered = Number(stored.units);
    if (created.length !== users) problems.push(`${created.length} of ${users} checkouts succeeded (${JSON.stringify(statuses)})`);
    if (unitsOrdered !== stockBefore - stockAfter) problems.push(`stock went ${stockBefore} → ${stockAfter} but ${unitsOrdered} units were ordered`);
    if (stockAfter < 0 || unitsOrdered > stockBefore) problems.push(`oversold: ${unitsOrdered} units of ${stockBefore}`);
    if (Number(stored.orders) !== created.length || Number(stored.owners) !== created.length) problems.push(`stored ${stored.orders} orders of ${stored.owners} users for ${created.length} answers of 201`);
    if (leftInCarts !== users - created.length) problems.push(`${leftInCarts} carts still hold the product`);
    return { statuses, created: created.length, stockAfter, unitsOrdered, problems };
  }
}

interface HotShopper {
  token: string;
  id: number;
  /** Their own product, for the baseline bursts. */
  own: number;
}

interface HotAnswer {
  user: HotShopper;
  res: Res;
  ms: number;
}

type HotVerdict = Pick<HotProductRun, "statuses" | "created" | "stockAfter" | "unitsOrdered" | "problems">;

async function stockOf(db: pg.Client, productId: number): Promise<number> {
  return Number((await db.query("select stock from products where id = $1", [productId])).rows[0].stock);
}

/** The 201 answers that are not one pending unit of the product at its price, described. */
function wrongOrders(created: HotAnswer[], productId: number, price: string): string[] {
  const problems: string[] = [];
  for (const a of created) {
    const o = a.res.body;
    const item = o.items?.[0];
    if (o.items?.length !== 1 || item.product_id !== productId || item.quantity !== 1 || item.unit_price !== price || item.line_total !== price || o.total !== price || o.status !== "pending") {
      problems.push(`order ${o.id} of user ${a.user.id} is wrong: ${JSON.stringify(o)}`);
    }
  }
  return problems;
}

/** The hot run's figures, in ms and in round trips, with its verdict; `latencies` ascending. */
function hotFigures(
  m: { users: number; roundTripMs: number; wallMs: number; latencies: number[]; coldWallMs: number; baselineWallMs: number; stockBefore: number },
  v: HotVerdict,
): HotProductRun {
  const { roundTripMs, wallMs, latencies, baselineWallMs } = m;
  const { p50, p95, p99 } = spread(latencies);
  return {
    users: m.users,
    roundTripMs,
    wallMs: round(wallMs),
    p50Ms: p50,
    p95Ms: p95,
    p99Ms: p99,
    wallRoundTrips: round(wallMs / roundTripMs),
    p50RoundTrips: round(percentile(latencies, 50) / roundTripMs),
    p99RoundTrips: round(percentile(latencies, 99) / roundTripMs),
    coldWallMs: round(m.coldWallMs),
    baselineWallMs: round(baselineWallMs),
    baselineWallRoundTrips: round(baselineWallMs / roundTripMs),
    excessRoundTrips: round((wallMs - baselineWallMs) / roundTripMs),
    ordersPerSecond: round(v.created / (wallMs / 1000)),
    created: v.created,
    statuses: v.statuses,
    stockBefore: m.stockBefore,
    stockAfter: v.stockAfter,
    unitsOrdered: v.unitsOrdered,
    correct: v.problems.length === 0,
    problems: v.problems,
  };
}

/** The log line of the hot run. */
function hotSummary(run: HotProductRun): string {
  return (
    `  wall ${run.wallMs} ms (${run.wallRoundTrips} RTT), p50 ${run.p50Ms} ms (${run.p50RoundTrips} RTT), p99 ${run.p99Ms} ms (${run.p99RoundTrips} RTT); ` +
    `baseline (${run.users} checkouts of ${run.users} products at once) ${run.baselineWallMs} ms (${run.baselineWallRoundTrips} RTT; first burst ${run.coldWallMs} ms), excess ${run.excessRoundTrips} RTT; ` +
    `${run.created} orders, stock ${run.stockBefore} → ${run.stockAfter}, ${run.correct ? "every order correct" : `PROBLEMS: ${run.problems.join("; ")}`}`
  );
}

// ---------------------------------------------------------------- output

export function rttTable(rows: RttRow[]): string {
  const header =
    "| request | Postgres round trips | Redis round trips | /sql requests | WS connections | Upstash requests | SQL statements | p50 ms, no delay | errors | notes |\n" +
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|";
  const lines = rows.map(
    (r) =>
      `| ${r.request} | ${r.postgresRoundTrips.toFixed(1)} | ${r.redisRoundTrips.toFixed(1)} | ${r.sqlRequests} | ${r.wsConnections} | ${r.upstashRequests} | ${r.sqlStatements ?? "–"} | ${r.p50NoDelayMs} | ${r.errors} | ${r.notes ?? ""} |`,
  );
  return [header, ...lines].join("\n");
}

export function hotTable(hot: HotProductRun): string {
  return [
    "| users | round trip | wall | p50 | p99 | baseline wall | wall − baseline | orders/s | orders | stock | correct |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
    `| ${hot.users} | ${hot.roundTripMs} ms | ${hot.wallMs} ms = ${hot.wallRoundTrips} RTT | ${hot.p50Ms} ms = ${hot.p50RoundTrips} RTT | ${hot.p99Ms} ms = ${hot.p99RoundTrips} RTT | ${hot.baselineWallMs} ms = ${hot.baselineWallRoundTrips} RTT | ${hot.excessRoundTrips} RTT | ${hot.ordersPerSecond} | ${hot.created} of ${hot.users} | ${hot.stockBefore} → ${hot.stockAfter} (${hot.unitsOrdered} units ordered) | ${hot.correct ? "yes" : `**no**: ${hot.problems.join("; ")}`} |`,
  ].join("\n");
}

function writeReport(report: RttReport, outDir: string): string[] {
  const dir = path.resolve(outDir);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = report.date.replace(/[:.]/g, "-");
  const json = path.join(dir, `rtt-${stamp}.json`);
  const md = path.join(dir, `rtt-${stamp}.md`);
  fs.writeFileSync(json, JSON.stringify(report, null, 2));
  const markdown = [
    `Run on ${report.date.slice(0, 10)}: ${report.machine}.`,
    `Round trips = (median latency with the bridge holding each message ${report.delayMs} ms each way − median with no delay) ÷ ${2 * report.delayMs} ms; ${report.samples} samples per setting; one bridge delayed at a time. The counts are medians of what the bridges saw per request (after the inbound hold, so work sent after the response is not counted).`,
    "",
    rttTable(report.rows),
    "",
    ...(report.hot ? ["Hot product:", "", hotTable(report.hot), ""] : []),
  ].join("\n");
  fs.writeFileSync(md, markdown);
  return [json, md];
}
