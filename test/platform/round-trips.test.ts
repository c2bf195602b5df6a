/**
 * Round trips on the critical path, pinned per endpoint (docs/design/round-trips.md): platform, accounts, catalog.
 * Cart, orders and notifications are in round-trips-orders.test.ts.
 *
 * In production every round trip crosses from the edge to Neon's or Upstash's region, so what a
 * request costs is how many it makes before its response. The Worker counts them when
 * EXPOSE_QUERY_COUNT=true (the vitest pool sets it): `X-Db-Round-Trips` (HTTP requests to Neon's
 * SQL endpoint: a query or a batch is one) and `X-Cache-Round-Trips` (Upstash requests: a command,
 * a pipeline or a script is one). Work left for after the response (afterResponse → waitUntil:
 * cache fills, outbox clean-up, pushes) is not counted. The budget: at most 1 and 1; catalog
 * writes, checkout and cancellation may add the one Redis round trip of the version bump. Each
 * value below is exact, so a change that adds a round trip fails here.
 *
 * | request (state)                                      | db | cache | why |
 * |------------------------------------------------------|----|-------|-----|
 * | GET /health                                          | 1  | 1     | `select 1` and PING, in parallel |
 * | GET /api/openapi.json                                | 0  | 0     | generated in the Worker |
 * | GET /docs                                            | 0  | 0     | a static asset; no store either way |
 * | POST /api/auth/register                              | 1  | 1     | throttle EVAL, then the INSERT |
 * | POST /api/auth/login (right password)                | 1  | 1     | throttle EVAL; one CTE reads the user and stores the session; the take-back runs after the response |
 * | POST /api/auth/login (wrong password)                | 1  | 1     | the same; the unused session is deleted after the response |
 * | POST /api/auth/refresh                               | 1  | 0     | one CTE: rotate, or revoke the family on reuse |
 * | POST /api/auth/logout                                | 1  | 0     | one UPDATE of the family; sockets close after the response |
 * | GET /api/me, PATCH /api/me                           | 1  | 0     | the guard reads only the JWT; one SELECT / UPDATE … RETURNING |
 * | GET catalog read, cache warm (hit)                   | 0  | 1     | one script: version(s), entry, its stock cells (and count entry) |
 * | GET catalog read with a current If-None-Match (304)  | 0  | 1     | the same script; the ETag is the version and the stock shown |
 * | GET catalog read, cold after a write (miss)          | 1  | 1     | pipeline, then one query or batch; the fill runs after the response |
 * | GET /api/products, cold after a write                | 1  | 1     | pipeline, then one batch: rows, bounded count, estimate |
 * | GET /api/products of products with variants, pictures | 1/0 | 1    | the same: variants and pictures are subselects of the page's query; a hit's stock cells come in the script |
 * | GET /api/products, new page size, count cached       | 1  | 1     | pipeline (count entry fresh), then the rows only |
 * | GET /api/products, a filter set never asked          | 1  | 1     | pipeline, then rows + count + estimate in one batch |
 * | GET /api/products with a cursor (miss)               | 1  | 1     | pipeline (no count key), then the keyset page |
 * | POST/PATCH/DELETE categories and products, stock     | 1  | 1     | one batch (admin check + write + outbox row), then the version bump |
 * | the same as a shopper (403)                          | 0  | 0     | requireAdmin: the token carries no admin claim |
 */
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { api, BASE, login, newUser, register, uniqueEmail, type ApiResponse } from "../helpers/api";
import { PNG_3x2 } from "../images/fixtures";
import { createCategory, createProduct, newAdmin } from "../helpers/fixtures";

type Trips = { status: number; db: string | null; cache: string | null; xCache?: string | null };

/** What a response says about its round trips, with its status (and X-Cache when the state matters). */
function trips(res: ApiResponse, withCache = false): Trips {
  const seen: Trips = { status: res.status, db: res.headers.get("x-db-round-trips"), cache: res.headers.get("x-cache-round-trips") };
  if (withCache) seen.xCache = res.headers.get("x-cache");
  return seen;
}

const pin = (status: number, db: number, cache: number, xCache?: "hit" | "miss"): Trips =>
  xCache ? { status, db: String(db), cache: String(cache), xCache } : { status, db: String(db), cache: String(cache) };

/**
 * Brings a cached read into the wanted state and measures it. Other test files write the catalog
 * at the same time (every admin write raises the one catalog version), so a warmed entry can go
 * stale before it is read: the state is prepared again, a few times at most, until the answer says
 * it is the one being measured. A read that can never be a hit (or a miss) still fails.
 */
async function inState<T = any>(want: "hit" | "miss", prepare: () => Promise<unknown>, request: () => Promise<ApiResponse<T>>): Promise<ApiResponse<T>> {
  let res: ApiResponse<T>;
  for (let attempt = 1; ; attempt++) {
    await prepare();
    res = await request();
    if (res.headers.get("x-cache") === want || attempt === 4) return res;
  }
}

/** A conditional read with the ETag of a hit just before it (again if a concurrent write moved the version in between). */
async function notModified(path: string): Promise<ApiResponse> {
  let res: ApiResponse;
  for (let attempt = 1; ; attempt++) {
    const hit = await inState("hit", () => api("GET", path), () => api("GET", path));
    res = await api("GET", path, { headers: { "if-none-match": hit.headers.get("etag") ?? "" } });
    if (res.status === 304 || attempt === 4) return res;
  }
}

const ip = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("round trips: platform", () => {
  it("GET /health: one to each store, in parallel", async () => {
    expect(trips(await api("GET", "/health"))).toEqual(pin(200, 1, 1));
  });

  it("GET /api/openapi.json: none", async () => {
    expect(trips(await api("GET", "/api/openapi.json"))).toEqual(pin(200, 0, 0));
  });

  it("GET /docs: none (a static asset; when the assets are not built the Worker's 404 touches no store either)", async () => {
    const res = await api("GET", "/docs");
    // Served from the assets, the Worker never runs and sends no counts; if it does run, it counts none.
    for (const header of ["x-db-round-trips", "x-cache-round-trips"]) {
      const value = res.headers.get(header);
      if (value !== null) expect(value, header).toBe("0");
    }
  });
});

describe("round trips: accounts", () => {
  it("POST /api/auth/register: the throttle, then the insert", async () => {
    const res = await api("POST", "/api/auth/register", { body: { email: uniqueEmail("rt"), password: "long enough password" }, headers: { "cf-connecting-ip": ip() } });
    expect(trips(res)).toEqual(pin(201, 1, 1));
  });

  it("POST /api/auth/login: the throttle, then one statement, whether the password is right or wrong", async () => {
    const { email, password } = await register(uniqueEmail("rt-login"));
    const right = await api("POST", "/api/auth/login", { body: { email, password }, headers: { "cf-connecting-ip": ip() } });
    expect(trips(right)).toEqual(pin(200, 1, 1));
    const wrong = await api("POST", "/api/auth/login", { body: { email, password: "not the password" }, headers: { "cf-connecting-ip": ip() } });
    expect(trips(wrong)).toEqual(pin(401, 1, 1));
  });

  it("POST /api/auth/refresh, POST /api/auth/logout: one statement each", async () => {
    const { email, password } = await register(uniqueEmail("rt-refresh"));
    const tokens = await login(email, password, { "cf-connecting-ip": ip() });
    const refreshed = await api("POST", "/api/auth/refresh", { body: { refresh: tokens.refresh } });
    expect(trips(refreshed)).toEqual(pin(200, 1, 0));
    const loggedOut = await api("POST", "/api/auth/logout", { body: { refresh: refreshed.body.refresh } });
    expect(trips(loggedOut)).toEqual(pin(204, 1, 0));
  });

  it("GET /api/me, PATCH /api/me: one statement each (the guard reads only the token)", async () => {
    const user = await newUser("rt-me");
    expect(trips(await api("GET", "/api/me", { token: user.token }))).toEqual(pin(200, 1, 0));
    expect(trips(await api("PATCH", "/api/me", { token: user.token, body: { name: "Ada" } }))).toEqual(pin(200, 1, 0));
  });
});

describe("round trips: catalog", () => {
  let admin: string;
  let category: number;
  let product: number;
  /** Any admin catalog write raises both versions: every cached read after it is cold. */
  let write: () => Promise<void>;

  beforeAll(async () => {
    admin = (await newAdmin()).token;
    category = (await createCategory(admin)).id;
    product = (await createProduct(admin, category, { price: "7.00", stock: 5 })).id;
    for (let i = 0; i < 3; i++) await createProduct(admin, category, { price: `${8 + i}.00` });
    let n = 0;
    write = async () => {
      const res = await api("PATCH", `/api/categories/${category}`, { token: admin, body: { description: `rev ${++n}` } });
      expect(res.status).toBe(200);
    };
  });

  const get = (path: string) => () => api("GET", path);
  const warm = (path: string) => () => api("GET", path);

  it("GET /api/categories: a hit is one Redis round trip, a 304 too, a miss adds one to Postgres", async () => {
    // A page size no other file asks for, so nobody else fills or reads this entry.
    const path = "/api/categories?page_size=7";
    expect(trips(await inState("miss", write, get(path)), true)).toEqual(pin(200, 1, 1, "miss"));
    expect(trips(await inState("hit", warm(path), get(path)), true)).toEqual(pin(200, 0, 1, "hit"));
    expect(trips(await notModified(path))).toEqual(pin(304, 0, 1));
  });

  it("GET /api/categories/{id}: hit 0 + 1, miss 1 + 1", async () => {
    const path = `/api/categories/${category}`;
    expect(trips(await inState("miss", write, get(path)), true)).toEqual(pin(200, 1, 1, "miss"));
    expect(trips(await inState("hit", warm(path), get(path)), true)).toEqual(pin(200, 0, 1, "hit"));
  });

  it("GET /api/products: hit, miss with or without a cached count, a new filter set, a cursor page", async () => {
    const path = `/api/products?category=${category}&page_size=2`;
    // Cold after a write: the page and the count are both recomputed, in one batch.
    const cold = await inState("miss", write, get(path));
    expect(trips(cold, true)).toEqual(pin(200, 1, 1, "miss"));
    expect(cold.body.count).toBe(4);
    expect(trips(await inState("hit", warm(path), get(path)), true)).toEqual(pin(200, 0, 1, "hit"));
    expect(trips(await notModified(path))).toEqual(pin(304, 0, 1));
    // Another page size of the same filters: the count is cached (same filter set), only rows are read.
    const counted = await api("GET", `/api/products?category=${category}&page_size=3`);
    expect(trips(counted, true)).toEqual(pin(200, 1, 1, "miss"));
    expect(counted.body.count).toBe(4);
    // A filter set never asked before: rows, bounded count and estimate in the same batch.
    const fresh = await api("GET", `/api/products?category=${category}&max_price=${900 + Math.floor(Math.random() * 9000)}.00`);
    expect(trips(fresh, true)).toEqual(pin(200, 1, 1, "miss"));
    expect(fresh.body.count).toBe(4);
    // A cursor page carries no count: the pipeline reads one entry, Postgres one keyset page.
    const cursor = encodeURIComponent(cold.body.next_cursor);
    expect(trips(await api("GET", `/api/products?category=${category}&page_size=2&cursor=${cursor}`), true)).toEqual(pin(200, 1, 1, "miss"));
  });

  it("GET /api/products with variants and pictures: hit 0 + 1 (their stock cells in the same script), miss 1 + 1", async () => {
    const t = crypto.randomUUID().slice(0, 8);
    const cat = (await createCategory(admin)).id;
    for (const name of ["Tee", "Cap"]) {
      const made = await api("POST", "/api/products", {
        token: admin,
        body: {
          name: `${name} ${t}`,
          category_id: cat,
          options: [{ name: "Size", values: ["S", "M", "L"] }],
          variants: ["S", "M", "L"].map((size, i) => ({ sku: `RT-${name}-${t}-${size}`, options: { Size: size }, price: `${10 + i}.00`, stock: 5 + i })),
        },
      });
      expect(made.status).toBe(201);
      const upload = await SELF.fetch(`${BASE}/api/products/${made.body.id}/images?alt=front`, { method: "POST", headers: { authorization: `Bearer ${admin}` }, body: PNG_3x2 });
      expect(upload.status).toBe(201);
    }
    const path = `/api/products?category=${cat}`;
    const cold = await inState("miss", write, get(path));
    expect(trips(cold, true)).toEqual(pin(200, 1, 1, "miss"));
    expect(cold.body.results.map((p: { variants: unknown[]; images: unknown[] }) => [p.variants.length, p.images.length])).toEqual([
      [3, 1],
      [3, 1],
    ]);
    const warmed = await inState("hit", warm(path), get(path));
    expect(trips(warmed, true)).toEqual(pin(200, 0, 1, "hit"));
    expect(warmed.body).toEqual(cold.body);
  });

  it("GET /api/products/{id}: hit 0 + 1, miss 1 + 1", async () => {
    const path = `/api/products/${product}`;
    expect(trips(await inState("miss", write, get(path)), true)).toEqual(pin(200, 1, 1, "miss"));
    expect(trips(await inState("hit", warm(path), get(path)), true)).toEqual(pin(200, 0, 1, "hit"));
  });

  it("category writes: one batch each, then the version bump", async () => {
    const created = await api("POST", "/api/categories", { token: admin, body: { name: `RT ${crypto.randomUUID()}`, description: "" } });
    expect(trips(created)).toEqual(pin(201, 1, 1));
    expect(trips(await api("PATCH", `/api/categories/${created.body.id}`, { token: admin, body: { description: "changed" } }))).toEqual(pin(200, 1, 1));
    expect(trips(await api("DELETE", `/api/categories/${created.body.id}`, { token: admin }))).toEqual(pin(204, 1, 1));
  });

  it("product writes and stock changes: one batch each, then the version bump", async () => {
    const created = await api("POST", "/api/products", { token: admin, body: { name: `RT ${crypto.randomUUID()}`, description: "", price: "3.00", stock: 2, category_id: category } });
    expect(trips(created)).toEqual(pin(201, 1, 1));
    expect(trips(await api("PATCH", `/api/products/${created.body.id}`, { token: admin, body: { price: "3.50" } }))).toEqual(pin(200, 1, 1));
    expect(trips(await api("POST", `/api/products/${created.body.id}/stock`, { token: admin, body: { delta: 3 } }))).toEqual(pin(200, 1, 1));
    expect(trips(await api("DELETE", `/api/products/${created.body.id}`, { token: admin }))).toEqual(pin(204, 1, 1));
  });

  it("catalog writes as a shopper: refused by the token alone, no store asked", async () => {
    const shopper = (await newUser("rt-shopper")).token;
    const body = { name: `RT ${crypto.randomUUID()}`, description: "", price: "3.00", stock: 2, category_id: category };
    expect(trips(await api("POST", "/api/products", { token: shopper, body }))).toEqual(pin(403, 0, 0));
    expect(trips(await api("PATCH", `/api/categories/${category}`, { token: shopper, body: { description: "mine" } }))).toEqual(pin(403, 0, 0));
    expect(trips(await api("POST", `/api/products/${product}/stock`, { token: shopper, body: { delta: 3 } }))).toEqual(pin(403, 0, 0));
  });
});
