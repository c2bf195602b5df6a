import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { api, BASE, expectProblem, newUser, PASSWORD, uniqueEmail } from "../helpers/api";
import { sql } from "../helpers/db";
import { createCategory, createProduct, newAdmin, stockOf } from "../helpers/fixtures";
import { MAX_BODY_BYTES, paddedJson } from "./support";
import { callWorker, POSTGRES_DOWN } from "../helpers/worker";

// What every response carries on the wire: CORS for browser clients, security headers, and the
// 64 KiB body limit enforced before any handler runs.

type User = Awaited<ReturnType<typeof newUser>>;

const ORIGIN = "https://evil.example";

let admin: User;
let user: User;
let categoryId: number;
let productId: number;

beforeAll(async () => {
  admin = await newAdmin();
  user = await newUser("transport");
  categoryId = (await createCategory(admin.token)).id;
  productId = (await createProduct(admin.token, categoryId, { stock: 20, price: "1.00" })).id;
});

const list = (value: string | null) => (value ?? "").toLowerCase().split(",").map((v) => v.trim()).filter(Boolean);

function expectCors(res: { headers: Headers }, label: string) {
  expect(res.headers.get("access-control-allow-origin"), label).toBe("*");
  expect(res.headers.get("access-control-allow-credentials"), label).toBeNull();
}

function expectSecurityHeaders(res: { headers: Headers }, label: string) {
  const h = res.headers;
  expect(h.get("x-content-type-options"), label).toBe("nosniff");
  expect(h.get("x-frame-options"), label).toMatch(/^(DENY|SAMEORIGIN)$/i);
  expect(h.get("referrer-policy"), label).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
  expect(h.get("strict-transport-security"), label).toMatch(/max-age=[1-9][0-9]*/);
  expect(h.get("x-powered-by"), label).toBeNull();
  for (const [name, value] of h) {
    expect(`${name}: ${value}`, label).not.toMatch(/hono|express|node\.js|workerd|miniflare|drizzle|neon|postgres|upstash|redis/i);
  }
}

describe("CORS", () => {
  it("answers a preflight from any origin on any route, protected ones included, without asking for a token", async () => {
    for (const [origin, path, method] of [
      [ORIGIN, "/api/auth/login", "POST"],
      [ORIGIN, "/api/cart/items/1", "PATCH"],
      [ORIGIN, "/api/orders", "POST"],
      [ORIGIN, "/api/admin/orders/1", "PATCH"],
      ["null", "/api/products/1", "DELETE"],
    ] as const) {
      const res = await SELF.fetch(`${BASE}${path}`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": method, "access-control-request-headers": "authorization,content-type,idempotency-key" },
      });
      const label = `OPTIONS ${path} from ${origin}`;
      expect(res.status, label).toBe(204);
      expectCors(res, label);
      expect(list(res.headers.get("access-control-allow-methods")), label).toEqual(expect.arrayContaining(["get", "post", "patch", "delete"]));
      expect(list(res.headers.get("access-control-allow-headers")), label).toEqual(
        expect.arrayContaining(["authorization", "content-type", "idempotency-key", "if-none-match"]),
      );
      expect(Number(res.headers.get("access-control-max-age")), label).toBeGreaterThan(0);
      // The same security headers as every other answer.
      expect(res.headers.get("x-content-type-options"), label).toBe("nosniff");
      expect(res.headers.get("strict-transport-security"), label).toMatch(/max-age=/);
      expect(res.headers.get("x-frame-options"), label).toBe("SAMEORIGIN");
      expect(res.headers.get("referrer-policy"), label).toBe("no-referrer");
      expect(await res.text(), label).toBe("");
    }
  });

  it("puts the CORS header on error responses too, so browser clients can read the problem", async () => {
    const headers = { origin: ORIGIN, cookie: "session=abc" };
    const errors: [number, Awaited<ReturnType<typeof api>>][] = [
      [401, await api("GET", "/api/me", { headers })],
      [403, await api("GET", "/api/admin/orders", { token: user.token, headers })],
      [404, await api("GET", "/api/nope", { headers })],
      [404, await api("GET", "/api/orders/999999999", { token: user.token, headers })],
      [400, await api("POST", "/api/auth/register", { rawBody: '{"email":', headers })],
      [409, await api("POST", "/api/auth/register", { body: { email: user.email, password: PASSWORD }, headers })],
      [426, await api("GET", "/api/notifications/ws", { token: user.token, headers })],
    ];
    for (const [status, res] of errors) {
      expectProblem(res, status);
      expectCors(res, String(status));
      expect(list(res.headers.get("access-control-expose-headers")), String(status)).toEqual(expect.arrayContaining(["x-request-id", "retry-after"]));
    }
  });
});

describe("security headers", () => {
  it("are on JSON successes of every kind: 200, 201, 204 and 304", async () => {
    const ok = await api("GET", "/api/products?page_size=1", { headers: { origin: ORIGIN } });
    expect(ok.status).toBe(200);
    expectSecurityHeaders(ok, "200");
    expectCors(ok, "200");
    const etag = ok.headers.get("etag");
    expect(etag).toBeTruthy();
    const notModified = await SELF.fetch(`${BASE}/api/products?page_size=1`, { headers: { "if-none-match": etag! } });
    expect(notModified.status).toBe(304);
    expectSecurityHeaders(notModified, "304");
    const created = await api("POST", "/api/auth/register", { body: { email: uniqueEmail("hdr"), password: PASSWORD } });
    expect(created.status).toBe(201);
    expectSecurityHeaders(created, "201");
    const emptied = await api("DELETE", "/api/cart", { token: user.token });
    expect(emptied.status).toBe(204);
    expectSecurityHeaders(emptied, "204");
    expectSecurityHeaders(await api("GET", "/api/openapi.json"), "openapi.json");
  });

  it("are on problem+json errors, and an error never turns into HTML", async () => {
    const injected = await api("GET", "/api/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    expectProblem(injected, 404);
    expect(injected.headers.get("content-type")).not.toContain("html");
    expect(JSON.stringify(injected.body)).not.toContain("<script>");
    expectSecurityHeaders(injected, "404");
    expectSecurityHeaders(await api("GET", "/api/me"), "401");
    expectSecurityHeaders(await api("POST", "/api/categories", { token: user.token, body: { name: "x" } }), "403");
    expectSecurityHeaders(await api("POST", "/api/auth/register", { body: { email: "nope" } }), "400");
  });

  it("are on a 503 when Postgres is down", async () => {
    const res = await callWorker(new Request(`${BASE}/api/me`, { headers: { authorization: `Bearer ${user.token}`, origin: ORIGIN } }), POSTGRES_DOWN);
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expectSecurityHeaders(res, "503");
    expectCors(res, "503");
    await res.body?.cancel();
  });
  // /docs is a static asset with its own headers (web/_headers): checked in test/e2e/docs.e2e.test.ts.
});

describe("body size limit", () => {
  const over = MAX_BODY_BYTES + 1;

  it("answers 413 problem+json to a registration just over 64 KiB and creates no account", async () => {
    const email = uniqueEmail("big");
    const res = await api("POST", "/api/auth/register", { rawBody: paddedJson({ email, password: PASSWORD }, over), headers: { origin: ORIGIN } });
    const problem = expectProblem(res, 413);
    expect(problem.type).toBe("urn:problem:body-too-large");
    expectCors(res, "413");
    expect(await sql("select id from users where lower(email) = $1", [email])).toHaveLength(0);
    // Control: the same body padded to just under the limit is an ordinary registration.
    expect((await api("POST", "/api/auth/register", { rawBody: paddedJson({ email, password: PASSWORD }, MAX_BODY_BYTES - 64) })).status).toBe(201);
  });

  it("answers 413 to an over-limit body streamed without Content-Length", async () => {
    const email = uniqueEmail("stream");
    const bytes = new TextEncoder().encode(paddedJson({ email, password: PASSWORD }, over + 4096));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
        controller.close();
      },
    });
    const res = await SELF.fetch(`${BASE}/api/auth/register`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    await res.body?.cancel();
    expect(await sql("select id from users where lower(email) = $1", [email])).toHaveLength(0);
  });

  it("answers 413 on product create, cart add, profile update and order placement, and writes nothing", async () => {
    const name = `Big ${crypto.randomUUID()}`;
    expectProblem(await api("POST", "/api/products", { token: admin.token, rawBody: paddedJson({ name, price: "1.00", stock: 1, category_id: categoryId }, over) }), 413);
    expect(await sql("select id from products where name = $1", [name])).toHaveLength(0);

    const shopper = await newUser("big");
    expectProblem(await api("POST", "/api/cart/items", { token: shopper.token, rawBody: paddedJson({ product_id: productId, quantity: 1 }, over) }), 413);
    expect(await sql("select product_id from cart_items where user_id = $1", [shopper.id])).toHaveLength(0);

    expectProblem(await api("PATCH", "/api/me", { token: shopper.token, rawBody: paddedJson({ name: "Big Body" }, over) }), 413);
    expect((await sql<{ name: string }>("select name from users where id = $1", [shopper.id]))[0]!.name).toBe("");

    expect((await api("POST", "/api/cart/items", { token: shopper.token, body: { product_id: productId, quantity: 2 } })).status).toBe(200);
    const stock = await stockOf(productId);
    expectProblem(await api("POST", "/api/orders", { token: shopper.token, rawBody: paddedJson({}, over) }), 413);
    expect(await sql("select id from orders where user_id = $1", [shopper.id])).toHaveLength(0);
    expect(await stockOf(productId)).toBe(stock);
  });
});
