// The redis scenario's load: one admin writer, order loops, readers and a /health probe, each a
// loop that runs until the way ends. Writes can be paused (a read-only phase) and every answer is
// checked against its expected status as it arrives; reads are recorded for the judging.
import { fmtMs, now, sleep, type ApiClient, type Res } from "../harness.ts";
import { last, resync, type Entity, type Fixture, type Observation } from "./model.ts";

export const READERS = 3;
export const ORDER_LOOPS = 2;

/** One way's clock: when the fault began, when recovery began (the outage's end) and ended. */
export class Phase {
  tFault = Infinity;
  /** The outage ends when recovery begins (a read may reach Redis from then on); it is complete at tRecover. */
  tOutageEnd = Infinity;
  tRecover = Infinity;

  /** A moment told relative to the fault and the recovery, for problem lines. */
  rel(t: number): string {
    if (t < this.tFault) return Number.isFinite(this.tFault) ? `${fmtMs(this.tFault - t)} before the fault` : "before the fault";
    if (t < this.tOutageEnd) return `+${fmtMs(t - this.tFault)} into the outage`;
    if (t < this.tRecover) return "while recovering";
    return `+${fmtMs(t - this.tRecover)} after recovery`;
  }

  where(t: number): "before" | "during" | "after" {
    return t < this.tFault ? "before" : t < this.tOutageEnd ? "during" : "after";
  }
}

/** Answers outside the expected ones, counted as they arrive, and the first few problems described. */
export class Tally {
  fiveXX = 0;
  noAnswer = 0;
  unexpected = 0;
  wrongWrites = 0;
  expected409 = 0;
  modelResyncs = 0;
  /** Load loops that threw (a harness error, e.g. Postgres unreachable for a resync). */
  harnessErrors = 0;
  readonly problems: string[] = [];
  private lastRefused = -Infinity;
  readonly phase: Phase;

  constructor(phase: Phase) {
    this.phase = phase;
  }

  problem(text: string): void {
    if (this.problems.length < 12) this.problems.push(text);
  }

  /** Counts an answer outside `ok`; returns true when it is one of them. */
  check(res: Res, ok: number[], what: string): boolean {
    if (ok.includes(res.status)) return true;
    if (res.status === 0) {
      this.noAnswer++;
      // Nothing answering (e.g. the Worker died): do not spin.
      if (/ECONNREFUSED/.test(res.error ?? "")) this.lastRefused = now();
    } else if (res.status >= 500) this.fiveXX++;
    else this.unexpected++;
    this.problem(`${what}: ${res.method} ${res.path} → ${res.status || res.error} after ${fmtMs(res.ms)} (${this.phase.rel(res.start)}) ${res.text.slice(0, 160)}`);
    return false;
  }

  /** A pause for the loops while connections were just refused. */
  backoff(): Promise<void> {
    return now() - this.lastRefused < 300 ? sleep(300) : Promise.resolve();
  }

  /** A loop that throws is reported, never left unhandled. */
  guard(loop: Promise<void>): Promise<void> {
    return loop.catch((err) => {
      this.harnessErrors++;
      this.problem(`load loop failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
}

export interface ReadRecord {
  start: number;
  end: number;
  status: number;
  xcache: string;
  route: string;
}

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** The mixed load of one way: start(), pause and resume the writes, stop(). */
export class Load {
  readonly observations: Observation[] = [];
  readonly reads: ReadRecord[] = [];
  readonly health: Res[] = [];
  private running = true;
  private writesOn = true;
  private writesInFlight = 0;
  private loops: Promise<void>[] = [];
  private readonly http: ApiClient;
  private readonly adminToken: string;
  private readonly databaseUrl: string;
  private readonly fx: Fixture;
  private readonly tally: Tally;

  constructor(opts: { http: ApiClient; adminToken: string; databaseUrl: string; fx: Fixture; tally: Tally }) {
    this.http = opts.http;
    this.adminToken = opts.adminToken;
    this.databaseUrl = opts.databaseUrl;
    this.fx = opts.fx;
    this.tally = opts.tally;
  }

  start(): void {
    const loops = [this.adminLoop(), this.healthLoop(), ...Array.from({ length: ORDER_LOOPS }, (_, i) => this.orderLoop(i)), ...Array.from({ length: READERS }, () => this.readerLoop())];
    this.loops = loops.map((loop) => this.tally.guard(loop));
  }

  /** Stops the writers and waits for the writes already sent (a hung bump takes up to ~1 s). */
  async pauseWrites(): Promise<void> {
    this.writesOn = false;
    while (this.writesInFlight > 0) await sleep(20);
  }

  resumeWrites(): void {
    this.writesOn = true;
  }

  /** Ends every loop and waits for them. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** One writer loop: `write` while writes are on, then `gapMs`. */
  private async writeLoop(write: (n: number) => Promise<void>, gapMs: number): Promise<void> {
    for (let n = 0; this.running; n++) {
      if (!this.writesOn) {
        await sleep(50);
        continue;
      }
      this.writesInFlight++;
      await write(n).finally(() => this.writesInFlight--);
      await sleep(gapMs);
      await this.tally.backoff();
    }
  }

  private adminLoop(): Promise<void> {
    return this.writeLoop(() => this.adminWrite(), 60);
  }

  private orderLoop(lane: number): Promise<void> {
    return this.writeLoop((n) => this.placeOrder(lane, n), 80);
  }

  private async adminWrite(): Promise<void> {
    const r = Math.random();
    if (r < 0.1) await this.fx.category.lock.run(() => this.writeCategory());
    else {
      const p = pick(this.fx.products);
      await p.lock.run(() => this.writeProduct(p, r < 0.55));
    }
  }

  private async writeCategory(): Promise<void> {
    const { http, tally, fx } = this;
    const category = fx.category;
    const description = `desc ${++fx.counters.description}`;
    const res = await http.req("PATCH", `/api/categories/${category.id}`, { token: this.adminToken, body: { description } });
    if (!tally.check(res, [200], "admin category write")) return this.resync(category, res.start);
    if (res.body.description !== description) {
      tally.wrongWrites++;
      tally.problem(`category PATCH answered description ${JSON.stringify(res.body.description)}, sent ${JSON.stringify(description)}`);
    }
    category.states.push({ description: res.body.description, begin: res.start, end: res.end, via: "patch" });
  }

  private async writeProduct(p: Entity, price: boolean): Promise<void> {
    const { http, tally } = this;
    const prev = last(p);
    let res: Res;
    let want: { price: string; stock: number };
    if (price) {
      const price = ((2000 + ++this.fx.counters.price) / 100).toFixed(2);
      want = { price, stock: prev.stock! };
      res = await http.req("PATCH", `/api/products/${p.id}`, { token: this.adminToken, body: { price } });
    } else {
      // Large positive deltas: a product's stock then never repeats a value within the run,
      // so each (price, stock) pair names exactly one committed state.
      const delta = 1000 + Math.floor(Math.random() * 10);
      want = { price: prev.price!, stock: prev.stock! + delta };
      res = await http.req("POST", `/api/products/${p.id}/stock`, { token: this.adminToken, body: { delta } });
    }
    if (!tally.check(res, [200], "admin product write")) return this.resync(p, res.start);
    if (res.body.price !== want.price || res.body.stock !== want.stock) {
      tally.wrongWrites++;
      tally.problem(`${res.method} ${res.path} answered price ${res.body.price} stock ${res.body.stock}, expected ${want.price} / ${want.stock}`);
    }
    p.states.push({ price: res.body.price, stock: res.body.stock, begin: res.start, end: res.end, via: res.method === "PATCH" ? "price" : "stock" });
  }

  private async placeOrder(lane: number, n: number): Promise<void> {
    const { http, tally, fx } = this;
    const u = fx.users[(lane + n * ORDER_LOOPS) % fx.users.length]!;
    const p = u.product;
    const q = 1 + Math.floor(Math.random() * 2);
    if (!tally.check(await http.req("DELETE", "/api/cart", { token: u.token }), [204], "empty cart")) return;
    if (!tally.check(await http.req("POST", "/api/cart/items", { token: u.token, body: { product_id: p.id, quantity: q } }), [200], "add to cart")) return;
    let placed: number | undefined;
    await p.lock.run(async () => {
      const prev = last(p);
      const res = await http.req("POST", "/api/orders", { token: u.token });
      if (res.status === 409 && String(res.body?.type ?? "").endsWith("too-many-unpaid-orders")) {
        // Every order is paid right after it is placed, so a user never holds 5 unpaid ones.
        tally.wrongWrites++;
        tally.problem(`order refused as too many unpaid orders although each was paid: ${res.text.slice(0, 160)}`);
        return;
      }
      if (res.status === 409) {
        tally.expected409++;
        if (prev.stock! >= q) {
          tally.wrongWrites++;
          tally.problem(`order of ${q} × product ${p.id} refused with 409 although stock was ${prev.stock}`);
        }
        return;
      }
      if (!tally.check(res, [201], "order")) return this.resync(p, res.start);
      const item = res.body.items?.[0];
      if (item?.unit_price !== prev.price || item?.quantity !== q) {
        tally.wrongWrites++;
        tally.problem(`order ${res.body.id}: unit_price ${item?.unit_price} × ${item?.quantity}, committed price ${prev.price} × ${q}`);
      }
      p.states.push({ price: prev.price, stock: prev.stock! - q, begin: res.start, end: res.end, via: "order" });
      placed = res.body.id;
    });
    // A user may hold at most 5 unpaid orders: the admin records each one's payment (stock stays
    // taken, so the product's model does not change). A write like any other: it must succeed.
    if (placed !== undefined) {
      const paid = await http.req("PATCH", `/api/admin/orders/${placed}`, { token: this.adminToken, body: { status: "paid" } });
      if (tally.check(paid, [200], "pay order") && paid.body.status !== "paid") {
        tally.wrongWrites++;
        tally.problem(`order ${placed} answered status ${paid.body.status} after PATCH paid`);
      }
    }
    await sleep(80);
  }

  /** After a failed write the outcome is unknown: the model re-reads it from Postgres. */
  private resync(e: Entity, begin: number): Promise<void> {
    this.tally.modelResyncs++;
    return resync(this.databaseUrl, e, begin);
  }

  private async readerLoop(): Promise<void> {
    while (this.running) {
      const r = Math.random();
      const res = r < 0.5 ? await this.readProduct() : r < 0.8 ? await this.readProductList() : await this.readCategoryList();
      this.reads.push({ start: res.start, end: res.end, status: res.status, xcache: res.headers.get("x-cache") ?? "", route: res.path });
      await sleep(5);
      await this.tally.backoff();
    }
  }

  private observe(entity: Entity, got: Observation["got"], res: Res, route: string): void {
    this.observations.push({ entity, got, start: res.start, end: res.end, route, xcache: res.headers.get("x-cache") ?? "" });
  }

  private async readProduct(): Promise<Res> {
    const p = pick(this.fx.products);
    const res = await this.http.req("GET", `/api/products/${p.id}`);
    if (this.tally.check(res, [200], "product read")) this.observe(p, { price: res.body.price, stock: res.body.stock }, res, "GET /api/products/{id}");
    return res;
  }

  private async readProductList(): Promise<Res> {
    const { tally, fx } = this;
    const res = await this.http.req("GET", `/api/products?category=${fx.category.id}&page_size=100`);
    if (!tally.check(res, [200], "product list")) return res;
    const products = fx.products.length;
    if (res.body.count !== products || res.body.results?.length !== products) {
      tally.wrongWrites++;
      tally.problem(`product list for category ${fx.category.id}: count ${res.body.count}, ${res.body.results?.length} results, expected ${products}`);
    }
    for (const item of res.body.results ?? []) {
      const e = fx.byId.get(item.id);
      if (e) this.observe(e, { price: item.price, stock: item.stock }, res, "GET /api/products?category=");
    }
    return res;
  }

  private async readCategoryList(): Promise<Res> {
    const { tally, fx } = this;
    const res = await this.http.req("GET", "/api/categories?page_size=100");
    if (!tally.check(res, [200], "category list")) return res;
    const mine = (res.body.results ?? []).find((c: { id: number }) => c.id === fx.category.id);
    if (!mine) {
      tally.wrongWrites++;
      tally.problem(`category ${fx.category.id} missing from GET /api/categories`);
    } else this.observe(fx.category, { description: mine.description }, res, "GET /api/categories");
    return res;
  }

  private async healthLoop(): Promise<void> {
    while (this.running) {
      this.health.push(await this.http.req("GET", "/health", { timeoutMs: 10_000 }));
      await sleep(250);
    }
  }
}
