// The postgres scenario's fixture and probes: a warmed product and lists (their cached answers may
// be hits during the outage), per way a category and a product nobody has read yet (their reads
// must miss), a user with a cart, and one request per kind of endpoint.
import WebSocket from "ws";
import { expectStatus, now, readUntilHit, type Ctx, type Res } from "../harness.ts";

export interface Probe {
  name: string;
  method: string;
  path: string;
  token?: string;
  body?: unknown;
  /** A catalog read that was warmed: a 200 `X-Cache: hit` is correct for it. */
  cached?: boolean;
  health?: boolean;
}

export interface Upgrade {
  status: number;
  body: string;
  ms: number;
  error?: string;
}

/** The WebSocket upgrade authenticates against Postgres too: its refusal must be a quick 503. */
export function upgrade(url: string, token: string): Promise<Upgrade> {
  const t0 = now();
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace(/^http/, "ws")}/api/notifications/ws?token=${encodeURIComponent(token)}`);
    const done = (r: { status: number; body: string; error?: string }) => {
      clearTimeout(timer);
      resolve({ ...r, ms: now() - t0 });
    };
    const timer = setTimeout(() => {
      socket.terminate();
      done({ status: 0, body: "", error: "timeout" });
    }, 20_000);
    socket.on("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => done({ status: res.statusCode ?? 0, body }));
    });
    socket.on("open", () => {
      socket.terminate();
      done({ status: 101, body: "" });
    });
    socket.on("error", (err) => done({ status: 0, body: "", error: err.message }));
  });
}

export const PASSWORD = "faults-password-1";

async function newProduct(ctx: Ctx, name: string, categoryId: number): Promise<number> {
  const body = { name, description: "", price: "5.00", stock: 50, category_id: categoryId };
  return expectStatus(await ctx.http.req("POST", "/api/products", { token: ctx.adminToken, body }), 201).body.id;
}

export class PgFixture {
  /** Per way: a category and a product nobody has read yet, so their detail reads are misses. */
  cold = 0;
  coldCategory = 0;
  private round = 0;
  private readonly ctx: Ctx;
  readonly warm: number;
  readonly user: { token: string; email: string };
  private readonly refresh: string;

  private constructor(ctx: Ctx, warm: number, user: { token: string; email: string }, refresh: string) {
    this.ctx = ctx;
    this.warm = warm;
    this.user = user;
    this.refresh = refresh;
  }

  /** Setup; no catalog write happens after the warming that prepare() does. */
  static async create(ctx: Ctx): Promise<PgFixture> {
    const { http, runId } = ctx;
    const cat = expectStatus(await http.req("POST", "/api/categories", { token: ctx.adminToken, body: { name: `Faults pg ${runId}`, description: "pg" } }), 201);
    const warm = await newProduct(ctx, `Faults pg ${runId} warm`, cat.body.id);
    const user = await http.user(`faults-pg-${runId}@example.com`, PASSWORD);
    const tokens = expectStatus(await http.req("POST", "/api/auth/login", { body: { email: user.email, password: PASSWORD } }), 200).body;
    expectStatus(await http.req("POST", "/api/cart/items", { token: user.token, body: { product_id: warm, quantity: 1 } }), 200);
    return new PgFixture(ctx, warm, user, tokens.refresh);
  }

  /** A cold category and product for this way, then the cached reads warmed until they hit. */
  async prepare(mode: string): Promise<void> {
    const { http, runId, adminToken, log } = this.ctx;
    this.coldCategory = expectStatus(await http.req("POST", "/api/categories", { token: adminToken, body: { name: `Faults pg ${runId} ${mode}`, description: "" } }), 201).body.id;
    this.cold = await newProduct(this.ctx, `Faults pg ${runId} ${mode}`, this.coldCategory);
    for (const path of ["/api/products", `/api/products/${this.warm}`, "/api/categories"]) {
      if (!(await readUntilHit(http, path))) log(`warning: ${path} never answered X-Cache: hit while warming`);
    }
  }

  /** One request per kind of endpoint; each call a new round (new query strings and emails). */
  probes(): Probe[] {
    const { warm, cold, coldCategory, user } = this;
    const tag = `r${++this.round}${this.ctx.runId}`;
    const email = user.email;
    return [
      { name: "health", method: "GET", path: "/health", health: true },
      { name: "product list (cached)", method: "GET", path: "/api/products", cached: true },
      { name: "product detail (cached)", method: "GET", path: `/api/products/${warm}`, cached: true },
      { name: "category list (cached)", method: "GET", path: "/api/categories", cached: true },
      // A query string never used before: a cache miss that needs Postgres.
      { name: "product list (miss)", method: "GET", path: `/api/products?max_price=${900000 + this.round}&search=${tag}` },
      { name: "product detail (miss)", method: "GET", path: `/api/products/${cold}` },
      { name: "category detail (miss)", method: "GET", path: `/api/categories/${coldCategory}` },
      { name: "login", method: "POST", path: "/api/auth/login", body: { email, password: PASSWORD } },
      { name: "register", method: "POST", path: "/api/auth/register", body: { email: `faults-pg-${tag}@example.com`, password: PASSWORD } },
      { name: "refresh", method: "POST", path: "/api/auth/refresh", body: { refresh: this.refresh } },
      { name: "me", method: "GET", path: "/api/me", token: user.token },
      { name: "cart", method: "GET", path: "/api/cart", token: user.token },
      { name: "add to cart", method: "POST", path: "/api/cart/items", token: user.token, body: { product_id: warm, quantity: 1 } },
      { name: "place order", method: "POST", path: "/api/orders", token: user.token },
      { name: "order history", method: "GET", path: "/api/orders", token: user.token },
      { name: "notifications", method: "GET", path: "/api/notifications", token: user.token },
      { name: "admin product write", method: "PATCH", path: `/api/products/${warm}`, token: this.ctx.adminToken, body: { price: "6.00" } },
    ];
  }

  send(p: Probe): Promise<Res> {
    return this.ctx.http.req(p.method, p.path, { token: p.token, body: p.body, timeoutMs: 20_000 });
  }
}
